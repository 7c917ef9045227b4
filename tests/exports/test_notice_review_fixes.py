"""What a township clerk printing notices for several villages relies on: the right village signs, the seal
page carries names, private measures stay private, and an empty notice says why and what to do."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from pathlib import Path

import pytest

from exports import notice_table
from exports.notice_data import default_request, load_content
from exports.notice_fonts import FontSet, notice_fonts
from exports.notice_kinds import COLUMNS
from exports.notices import build_notice
from models.codes import MEASURE_TYPE_CATEGORY
from models.db import Database, open_database
from models.errors import JiandangError
from tests.exports.notice_helpers import VILLAGE, make_village, pdf_pages
from tests.test_cli import run

START = datetime.date(2019, 10, 8)
OTHER = "621121103202"


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return notice_fonts()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("JIANDANG_DATA_DIR", str(tmp_path / "data"))
    database = open_database(tmp_path / "clerk.db")
    yield database
    database.close()


def heads_of(db: Database, ids: list[str]) -> list[str]:
    return [
        db.conn.execute("SELECT name FROM members WHERE household_id = ? AND relation = '01'", (i,)).fetchone()[0]
        for i in ids
    ]


def test_a_village_notice_is_signed_by_its_own_committee_whatever_the_issuing_body_setting(db, fonts) -> None:
    ids = make_village(db, ["张三", "李四"])
    db.set_setting("issuing_body", "谢家庄村村民委员会")
    db.set_setting("objection_office", "谢家庄村村委会")
    request = default_request(db, "removal", VILLAGE, year=2019, start=START, household_ids=tuple(ids))
    assert request.issuing_body == "文峰村村民委员会"
    assert request.office == "文峰村村民委员会或驻村工作队" and request.phone == "12317"
    text = "".join(pdf_pages(build_notice(db, request, fonts).rendered.pdf)).replace("\n", "")
    assert "谢家庄" not in text and "文峰村村民委员会（盖章）" in text
    announce = default_request(db, "exit_announce", VILLAGE, year=2019, start=START)
    assert announce.issuing_body == "谢家庄村村民委员会" and announce.office == "谢家庄村村委会"
    override = replace(request, issuing_body="平襄镇文峰村委会")  # the dialog may still change it for one print
    assert "平襄镇文峰村委会" in "".join(pdf_pages(build_notice(db, override, fonts).rendered.pdf))


@pytest.mark.parametrize("two_up", [False, True])
def test_the_page_with_the_seal_always_carries_rows_of_the_list(db, fonts, two_up: bool) -> None:
    ids = make_village(db, [f"户主{n:02d}" for n in range(70)])
    crowded = 0
    for count in range(18, 70 if two_up else 36):
        request = default_request(
            db, "exit", VILLAGE, year=2019, start=START, household_ids=tuple(ids[:count]), two_up=two_up
        )
        pages = pdf_pages(build_notice(db, request, fonts).rendered.pdf)
        sealed = [page for page in pages if "（盖章）" in page]
        assert len(sealed) == 1 and sealed[0] == pages[-1]
        assert re.search(r"户主\d\d", sealed[0]), f"{count} households: the sealed page lists nobody"
        rows = sum(len(re.findall(r"户主\d\d", page)) for page in pages)
        assert rows == count
        crowded += len(pages) > 1 and len(re.findall(r"户主\d\d", pages[-1])) < count
    assert crowded  # some counts did need rows moved onto the sealed page


def add_measure(db: Database, household: str | None, kind: str, content: str, amount: float, unit: str) -> None:
    with db.write("测试员") as writer:
        writer.insert(
            "measures",
            {
                "household_id": household,
                "village_code": VILLAGE,
                "year": 2019,
                "type": kind,
                "category": MEASURE_TYPE_CATEGORY[kind],
                "content": content,
                "unit": unit,
                "fund_fiscal": amount,
                "status": "3",
            },
        )


def test_health_and_safety_net_measures_are_summed_per_type_without_names(db, fonts) -> None:
    ids = make_village(db, ["病甲", "病乙", "保丙", "养丁"])
    add_measure(db, ids[0], "10", "大病救助（尿毒症透析）", 8000, "县医保局")
    add_measure(db, ids[1], "10", "慢性病门诊报销", 1200.5, "县卫生健康局")
    add_measure(db, ids[0], "10", "家庭医生签约", 0, "乡卫生院")
    add_measure(db, ids[2], "11", "低保兜底", 3600, "县民政局")
    add_measure(db, ids[3], "01", "扶持养羊10只", 5000, "县农业农村局")
    add_measure(db, None, "13", "村饮水工程", 20000, "县水务局")
    request = default_request(db, "funds", VILLAGE, year=2019, start=START)
    content = load_content(db, request)
    built = build_notice(db, request, fonts)
    text = "".join(pdf_pages(built.rendered.pdf)).replace("\n", "")
    for private in ("病甲", "病乙", "保丙", "尿毒症", "慢性病门诊", "家庭医生"):
        assert private not in text
    assert "养丁" in text and "扶持养羊10只" in text and "全村" in text
    health = next(row for row in content.rows if row["project"] == "健康扶贫")
    assert health["beneficiary"] == "共 2 户" and health["amount"] == "9,200.50"
    assert set(health["implementer"].split("、")) == {"县医保局", "县卫生健康局", "乡卫生院"}
    assert next(row for row in content.rows if row["project"] == "低保兜底")["beneficiary"] == "共 1 户"
    assert [row["seq"] for row in content.rows[:-1]] == ["1", "2", "3", "4"]
    assert content.rows[-1]["amount"] == "37,800.50" and "涉及个人隐私" in text
    assert sorted(content.household_ids) == sorted(ids)


def test_a_notice_nobody_has_reached_names_the_step_and_what_to_do(db) -> None:
    make_village(db, ["张三"], status="02")
    with pytest.raises(JiandangError) as raised:
        load_content(db, default_request(db, "exit", VILLAGE, year=2019, start=START))
    zh, en = raised.value.message("zh"), raised.value.message("en")
    assert "“贫困户签字确认”" in zh and "--household" in zh and "未生成公示" in zh
    assert "Household confirms and signs" in en and "--household" in en


def test_an_empty_card_says_no_card_was_made(db) -> None:
    make_village(db, ["张三"], status="06")  # 销号: no card
    with pytest.raises(JiandangError) as raised:
        load_content(db, default_request(db, "card", VILLAGE, year=2019, start=START))
    assert "未生成明白卡" in raised.value.message("zh") and "未生成公示" not in raised.value.message("zh")
    assert "no card was made" in raised.value.message("en")


def test_a_long_village_group_name_no_longer_takes_seven_lines(db, fonts) -> None:
    long_group = "乌力吉图嘎查额尔敦布拉格第十二村民小组（原红旗生产队）"
    ids = make_village(db, [f"王{n}" for n in range(20)])
    with db.write("测试员") as writer:
        for group in db.conn.execute("SELECT id FROM village_groups").fetchall():
            writer.update("village_groups", group[0], {"name": long_group})
    columns = ("seq", "group", "head", "population", "attribute", "main_cause", "other_causes", "id_masked")
    request = default_request(
        db, "identification_1", VILLAGE, year=2019, start=START, household_ids=tuple(ids), columns=columns
    )
    content = load_content(db, request)
    table = notice_table.lay_out(fonts, [COLUMNS[c] for c in columns], content.rows, 493, 10.5)
    group = columns.index("group")
    assert all(len(cells[group]) <= 4 for cells in table.cells)
    assert all("".join(cells[group]) == long_group for cells in table.cells)
    masked = columns.index("id_masked")
    assert all("*" in "".join(cells[masked]) for cells in table.cells)


def test_cli_says_where_the_archive_copy_is_and_why_nothing_was_printed(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    db = open_database(path)
    ids = make_village(db, ["张三", "李四"], status="02")
    number = db.conn.execute("SELECT household_no FROM households WHERE id = ?", (ids[0],)).fetchone()[0]
    db.close()
    out = tmp_path / "exit.pdf"
    empty = run("--db", path, "notice", "--kind", "exit", "--village", VILLAGE, "--out", out, "--year", "2019")
    assert empty.returncode == 1 and not out.exists()
    assert "贫困户签字确认" in empty.stderr and "--household" in empty.stderr
    done = run("--db", path, "notice", "--kind", "exit", "--village", VILLAGE, "--out", out, "--household", number)
    assert done.returncode == 0, done.stderr
    archived = Path(re.search(r"存档副本：(\S+\.pdf)", done.stdout).group(1))
    assert archived.is_file() and archived.read_bytes() == out.read_bytes()
    english = run(
        "--db", path, "notice", "--kind", "exit", "--village", VILLAGE, "--out", out, "--household", number,
        lang="en",
    )  # fmt: skip
    assert "archive copy: " in english.stdout
