"""``main.py notice`` run as a clerk runs it: a PDF on disk, an archive row, one clear line on bad input."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests.exports.notice_helpers import pdf_pages
from tests.test_cli import one_line_error, run


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("notice-cli") / "demo.db"
    result = run("--db", path, "demo", "--households", 80, "--seed", 4, "--year", 2019)
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(path) as conn:
        village = conn.execute("SELECT village_code FROM households GROUP BY 1 ORDER BY COUNT(*) DESC").fetchone()[0]
    return path, village


def archive_rows(path: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT file_name, sha256, household_count FROM notices ORDER BY created_at").fetchall()


def test_notice_writes_the_pdf_and_archives_it(demo, tmp_path: Path) -> None:
    db, village = demo
    out = tmp_path / "exit.pdf"
    before = len(archive_rows(db))
    result = run(
        "--db",
        db,
        "notice",
        "--kind",
        "exit",
        "--village",
        village,
        "--out",
        out,
        "--start",
        "2019-10-08",
        "--days",
        "10",
        "--paper",
        "A4L",
        "--status",
        "02",
        "--two-up",
        "--year",
        "2019",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("已生成“") and str(out) in result.stdout and result.stdout.count("\n") == 1
    text = "".join(pdf_pages(out.read_bytes())).replace("\n", "")
    assert "2019年脱贫退出公示" in text and "2019年10月8日至2019年10月17日（共10天）" in text
    rows = archive_rows(db)
    assert len(rows) == before + 1
    name, sha, count = rows[-1]
    assert sha == hashlib.sha256(out.read_bytes()).hexdigest() and sha in result.stdout
    assert f"（{count} 户" in result.stdout and count > 0


def test_notice_by_household_number_with_chosen_columns_in_english(demo, tmp_path: Path) -> None:
    db, village = demo
    with sqlite3.connect(db) as conn:
        number, head = conn.execute(
            "SELECT h.household_no, m.name FROM households h JOIN members m ON m.household_id = h.id "
            "AND m.relation = '01' AND m.in_household = 1 WHERE h.village_code = ? AND h.household_no != '' LIMIT 1",
            (village,),
        ).fetchone()
    out = tmp_path / "one.pdf"
    result = run(
        "--db",
        db,
        "notice",
        "--kind",
        "identification_1",
        "--village",
        village,
        "--out",
        out,
        "--household",
        number,
        "--columns",
        "seq,head,id_masked",
        lang="en",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote") and "(1 households, 1 pages)" in result.stdout
    text = "".join(pdf_pages(out.read_bytes()))
    assert head in text and "户主身份证号" in text and "家庭人口" not in text


@pytest.mark.parametrize(
    ("arguments", "status", "message"),
    [
        (["--paper", "B5"], 2, "--paper"),
        (["--start", "2019-13-01"], 2, "不是日期"),
        (["--days", "0"], 2, "正整数"),
        (["--kind", "notice"], 2, "--kind"),
        (["--village", "999999999999"], 1, "不是已登记的村"),
        (["--columns", "seq,phone"], 1, "phone"),
        (["--household", "no-such-household"], 1, "找不到户"),
        (["--status", "77"], 1, "状态代码“77”不存在"),
        (["--kind", "removal"], 1, "没有可列入"),
    ],
)
def test_bad_arguments_are_refused_in_one_line_without_output(
    demo, tmp_path: Path, arguments: list[str], status: int, message: str
) -> None:
    db, village = demo
    out = tmp_path / "x.pdf"
    base = {"--kind": "exit", "--village": village, "--out": str(out)}
    for key, value in zip(arguments[::2], arguments[1::2], strict=True):
        base[key] = value
    before = archive_rows(db)
    result = run("--db", db, "notice", *[item for pair in base.items() for item in pair])
    assert result.returncode == status
    assert message in one_line_error(result)
    assert not out.exists() and archive_rows(db) == before


def test_missing_out_and_missing_folder_are_refused(demo, tmp_path: Path) -> None:
    db, village = demo
    missing = run("--db", db, "notice", "--kind", "exit", "--village", village)
    assert missing.returncode == 2 and "--out" in one_line_error(missing)
    nowhere = tmp_path / "no" / "such" / "x.pdf"
    result = run("--db", db, "notice", "--kind", "card", "--village", village, "--out", nowhere, lang="en")
    assert result.returncode == 1 and one_line_error(result).startswith("Folder")
