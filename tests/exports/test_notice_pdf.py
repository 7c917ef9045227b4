"""Printed notices read back as a reader would: the PDF's text, page by page (pdftotext)."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from exports import notice_table
from exports.notice_data import NoticeRequest, check_request, default_request, load_content
from exports.notice_flow import Frame
from exports.notice_fonts import FontSet, notice_fonts
from exports.notice_kinds import COLUMNS, KINDS, PAPERS
from exports.notice_pdf import render_notice
from exports.notices import build_notice
from models.db import Database, open_database
from models.errors import JiandangError
from tests.exports.notice_helpers import VILLAGE, make_village, pdf_fonts, pdf_page_size, pdf_pages

START = datetime.date(2019, 10, 8)
PAGE_MARK = re.compile(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页")
FULL_ID = re.compile(r"(?<![\d*])\d{17}[\dX](?![\d*X])")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国志文"


def names(count: int) -> list[str]:
    """Distinct two- and three-character names."""
    found = []
    for i in range(count):
        name = SURNAMES[i % len(SURNAMES)] + GIVEN[i // len(SURNAMES) % len(GIVEN)]
        found.append(name + (GIVEN[i // (len(SURNAMES) * len(GIVEN))] if i >= len(SURNAMES) * len(GIVEN) else ""))
    return found


@pytest.fixture(scope="module")
def fonts() -> FontSet:
    return notice_fonts()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, str]]:
    from models.demo import generate_demo

    db = open_database(tmp_path_factory.mktemp("notices") / "demo.db")
    generate_demo(db, households=160, seed=11, current_year=2019)
    village = db.conn.execute(
        "SELECT village_code FROM households GROUP BY village_code ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    yield db, village
    db.close()


def demo_request(db: Database, village: str, kind: str, **chosen: object) -> NoticeRequest:
    """A request for the demo village; households by hand (the demo has no procedure events)."""
    request = default_request(db, kind, village, year=2019, start=START, **chosen)
    if KINDS[kind].layout == "funds":
        return request
    limit = 4 if kind == "card" else 30
    ids = [
        r[0]
        for r in db.conn.execute(
            "SELECT id FROM households WHERE village_code = ? ORDER BY household_no LIMIT ?", (village, limit)
        )
    ]
    return replace(request, household_ids=tuple(ids))


def heads(db: Database, household_ids: list[str]) -> list[str]:
    return [
        db.conn.execute(
            "SELECT name FROM members WHERE household_id = ? AND relation = '01' AND in_household = 1", (hid,)
        ).fetchone()[0]
        for hid in household_ids
    ]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_renders_with_place_title_period_hotline_and_households(demo, fonts: FontSet, kind: str) -> None:
    db, village = demo
    built = build_notice(db, demo_request(db, village, kind), fonts)
    pages = pdf_pages(built.rendered.pdf)
    text = "".join(pages)
    assert len(pages) == built.rendered.pages >= 1
    place = built.content.place
    flat = text.replace("\n", "")
    assert place.county in flat and place.township in flat and place.village in flat
    assert KINDS[kind].title in flat and "2019年" in flat
    assert "12317" in flat
    if KINDS[kind].is_notice:
        assert "2019年10月8日至2019年10月14日" in flat and "（共7天）" in flat
    listed = built.content.household_ids
    if KINDS[kind].layout == "funds":  # health and 兜底 measures are summed per type, without names
        listed = [
            r[0]
            for r in db.conn.execute(
                "SELECT DISTINCT household_id FROM measures WHERE village_code = ? AND year = 2019 AND status != '4'"
                " AND household_id IS NOT NULL AND type NOT IN ('10', '11', '12')",
                (village,),
            )
        ]
    for name in heads(db, listed):
        assert name in text
    if KINDS[kind].layout != "card":
        assert "（盖章）" in pages[-1] and "2019年10月8日" in pages[-1] and "签字" in pages[-1]


@pytest.mark.parametrize("two_up", [False, True])
def test_a_thousand_households_fill_full_pages_numbered_with_the_header_on_each(
    tmp_path: Path, fonts: FontSet, two_up: bool
) -> None:
    db = open_database(tmp_path / "big.db")
    try:
        everyone = names(1000)
        ids = make_village(db, everyone)
        request = default_request(db, "exit", VILLAGE, year=2019, start=START, household_ids=tuple(ids), two_up=two_up)
        built = build_notice(db, request, fonts)
    finally:
        db.close()
    pages = pdf_pages(built.rendered.pdf)
    total = len(pages)
    assert total == built.rendered.pages
    for number, page in enumerate(pages, 1):
        assert PAGE_MARK.findall(page) == [(str(number), str(total))]
    table_pages = [p for p in pages if re.search(r"^\d+$", p, re.MULTILINE)]
    assert all(p.count("序号") == (2 if two_up else 1) for p in table_pages)
    rows_per_page = [len(re.findall(r"[一二三]组", p)) for p in table_pages]
    assert sum(rows_per_page) == 1000
    full = rows_per_page[1]
    assert all(n == full for n in rows_per_page[1:-2]) and all(0 < n <= full for n in rows_per_page[-2:])
    assert len(table_pages) == total  # the sealed last page carries rows too (some held back if need be)
    assert total - 1 - -(-(1000 - rows_per_page[0]) // full) in (0, 1)
    text = "".join(pages)
    assert all(name in text for name in everyone)


def test_every_page_number_and_header_row_on_a_demo_notice(demo, fonts: FontSet) -> None:
    db, village = demo
    request = replace(demo_request(db, village, "identification_1"), columns=tuple(COLUMNS), paper="A4L")
    pages = pdf_pages(build_notice(db, request, fonts).rendered.pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, 1):
        assert PAGE_MARK.findall(page) == [(str(number), str(len(pages)))]
        if re.search(r"^\d+$", page, re.MULTILINE):
            assert "序号" in page and "村民小组" in page and "主要致贫原因" in page.replace("\n", "")


def test_no_full_id_number_phone_or_bank_account_appears_on_any_notice(demo, fonts: FontSet) -> None:
    db, village = demo
    secrets = {r[0] for r in db.conn.execute("SELECT id_number FROM members WHERE id_number != ''")}
    secrets |= {r[0] for r in db.conn.execute("SELECT phone FROM households WHERE phone != ''")}
    secrets |= {r[0] for r in db.conn.execute("SELECT bank_account FROM households WHERE bank_account != ''")}
    assert len(secrets) > 300
    masked_seen = 0
    for kind in KINDS:
        request = demo_request(db, village, kind, paper="A4L")
        if KINDS[kind].layout == "table":
            request = replace(request, columns=tuple(COLUMNS))
        built = build_notice(db, request, fonts)
        text = "".join(pdf_pages(built.rendered.pdf))
        cells = json.dumps([built.content.rows, built.content.cards], ensure_ascii=False)
        for printed in (text, cells):
            assert not FULL_ID.search(printed), kind
            assert not [s for s in secrets if s in re.sub(r"\s", "", printed)], kind
        masked_seen += len(re.findall(r"\d{6}\*{8}\d{3}[\dX]", text))
    assert masked_seen > 0


def test_fonts_are_embedded_subsets_with_unicode_maps(demo, fonts: FontSet) -> None:
    db, village = demo
    rows = pdf_fonts(build_notice(db, demo_request(db, village, "exit"), fonts).rendered.pdf)
    assert rows and all(r["emb"] == "yes" and r["sub"] == "yes" and r["uni"] == "yes" for r in rows)


def test_long_names_wrap_inside_their_cell(tmp_path: Path, fonts: FontSet) -> None:
    db = open_database(tmp_path / "long.db")
    try:
        long_name = "欧阳娜仁其其格阿依古丽买买提"
        ids = make_village(db, [long_name, "王五", "李四", "赵六"])
        request = default_request(db, "exit", VILLAGE, year=2019, start=START, household_ids=tuple(ids), two_up=True)
        content = load_content(db, request)
    finally:
        db.close()
    columns = [COLUMNS[c] for c in request.columns]
    width = Frame(*PAPERS[request.paper][0]).content_width  # as the notice lays it out
    table = notice_table.lay_out(fonts, columns, content.rows, width, 10.5, two_up=True)
    row = next(i for i, r in enumerate(content.rows) if r["head"] == long_name)
    head = request.columns.index("head")
    lines = table.cells[row][head]
    assert len(lines) >= 2 and "".join(lines) == long_name
    assert all(fonts.width(line, table.size) <= table.widths[head] - 2 * notice_table.PAD for line in lines)
    assert table.heights[row] > max(h for i, h in enumerate(table.heights) if i != row)
    text = "".join(pdf_pages(render_notice(content, fonts).pdf))
    assert all(line in text for line in lines)


def test_changing_the_days_and_paper_changes_the_period_and_page_size(demo, fonts: FontSet) -> None:
    db, village = demo
    request = demo_request(db, village, "exit", days=10, paper="A3")
    rendered = build_notice(db, request, fonts).rendered
    assert "2019年10月8日至2019年10月17日（共10天）" in "".join(pdf_pages(rendered.pdf)).replace("\n", "")
    assert pdf_page_size(rendered.pdf) == (842, 1191)


def test_the_masking_check_would_catch_a_full_id_number(demo, fonts: FontSet, monkeypatch: pytest.MonkeyPatch) -> None:
    from exports import notice_rows

    db, village = demo
    monkeypatch.setattr(notice_rows, "mask_id_number", lambda number: number)
    request = replace(demo_request(db, village, "exit", paper="A4L"), columns=("seq", "head", "id_masked"))
    assert FULL_ID.search("".join(pdf_pages(build_notice(db, request, fonts).rendered.pdf)))


def test_a_card_with_too_many_measures_stays_one_page_and_says_how_many_are_left_out(
    tmp_path: Path, fonts: FontSet
) -> None:
    db = open_database(tmp_path / "card.db")
    try:
        household = make_village(db, ["赵六"])[0]
        with db.write() as writer:
            writer.insert_many(
                "measures",
                [
                    {
                        "household_id": household,
                        "village_code": VILLAGE,
                        "year": 2019,
                        "category": "1",
                        "type": "01",
                        "content": f"扶持养羊{n}只",
                        "status": "2",
                        "fund_fiscal": 1000.0,
                    }
                    for n in range(1, 61)
                ],
            )
        request = default_request(db, "card", VILLAGE, year=2019, start=START, household_ids=(household,))
        built = build_notice(db, request, fonts)
    finally:
        db.close()
    pages = pdf_pages(built.rendered.pdf)
    assert len(pages) == 1 and "赵六" in pages[0] and "扶持养羊1只" in pages[0]
    shown = len(re.findall(r"扶持养羊\d+只", pages[0]))
    assert 10 < shown < 60 and f"另有 {60 - shown} 项措施未能列出" in pages[0]
    assert "户主（签字）" in pages[0] and "12317" in pages[0]


def test_a_card_without_a_helper_does_not_ask_to_contact_one(tmp_path: Path, fonts: FontSet) -> None:
    db = open_database(tmp_path / "card.db")
    try:
        household = make_village(db, ["赵六"])[0]  # no pairing yet
        request = default_request(db, "card", VILLAGE, year=2019, start=START, household_ids=(household,))
        page = pdf_pages(build_notice(db, request, fonts).rendered.pdf)[0]
    finally:
        db.close()
    text = page.replace("\n", "")
    assert "可拨打监督举报电话12317" in text and "请联系帮扶责任人" not in text


def test_the_default_year_is_the_newest_year_with_data_unless_one_is_set(demo) -> None:
    """A demo registry ending in 2019 prints 2019's notices and cards, not an empty current year."""
    db, village = demo
    today = datetime.date(2026, 11, 30)
    assert default_request(db, "card", village, start=today).year == 2019
    db.set_setting("current_year", "2018")
    try:
        assert default_request(db, "card", village, start=today).year == 2018
    finally:
        db.set_setting("current_year", "0")


def test_a_notice_period_shorter_than_seven_days_is_refused(demo) -> None:
    from models.settings import set_setting

    db, village = demo
    with pytest.raises(JiandangError, match="不能少于 7 天"):
        check_request(db.conn, replace(demo_request(db, village, "exit"), days=2))
    with pytest.raises(JiandangError, match="不能少于 7"):
        set_setting(db, "notice_days", 3)
    check_request(db.conn, replace(demo_request(db, village, "card"), days=1))  # a card has no period


def test_a_removal_notice_gives_each_household_its_reason(tmp_path: Path) -> None:
    from models.demo import generate_demo
    from models.procedure_steps import steps
    from models.procedures import record_step

    db = open_database(tmp_path / "removal.db")
    generate_demo(db, households=20, seed=5, current_year=2019)
    first = steps("removal")[0].step_id
    village, hid = db.conn.execute("SELECT village_code, id FROM households ORDER BY household_no").fetchone()
    record_step(db, [hid], "removal", first, "2019-05-06", "村委会", note="全家迁出", year=2019)
    request = replace(default_request(db, "removal", village, year=2019, start=START), household_ids=(hid,))
    [row] = load_content(db, request).rows
    assert row["note"] == "全家迁出"
    db.close()
