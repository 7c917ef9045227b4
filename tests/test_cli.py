"""The command line, run as a user runs it: ``python main.py …`` in a subprocess."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

FULL_ID = re.compile(r"\b\d{17}[\dX]\b")
DEMO_HOUSEHOLDS = 200


def run(*args: str | Path, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run main.py with a deliberately non-UTF-8 stdio encoding: output must be UTF-8 anyway."""
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "JIANDANG_DEBUG": ""}
    argv = [sys.executable, str(PROJECT_ROOT / "main.py"), *(["--lang", lang] if lang else []), *map(str, args)]
    result = subprocess.run(argv, cwd=PROJECT_ROOT, env=env, capture_output=True, timeout=300)
    return subprocess.CompletedProcess(argv, result.returncode, result.stdout.decode("utf-8"),
                                       result.stderr.decode("utf-8"))


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single line a failed command prints (and no traceback)."""
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip("\n").split("\n")
    assert len(lines) == 1, result.stderr
    assert not lines[0].startswith(("内部错误", "Internal error")), lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    result = run("--db", path, "demo", "--households", DEMO_HOUSEHOLDS, "--seed", 7)
    assert result.returncode == 0, result.stderr
    assert str(DEMO_HOUSEHOLDS) in result.stdout and "演示" in result.stdout
    return path


@pytest.fixture(scope="module")
def dumped(demo_db: Path) -> dict:
    result = run("--db", demo_db, "dump")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("demo", "dump", "check", "search", "stats"):
        assert command in result.stdout


@pytest.mark.parametrize("command", [["dump"], ["check"], ["search", "张"], ["stats"]])
def test_read_only_command_on_a_missing_file_fails_without_creating_it(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "nowhere" / "missing.db"
    result = run("--db", path, *command)
    assert result.returncode == 1
    assert "找不到数据库文件" in one_line_error(result)
    assert not path.exists() and not path.parent.exists()


def test_missing_file_message_in_english(tmp_path: Path) -> None:
    result = run("--db", tmp_path / "missing.db", "stats", lang="en")
    assert result.returncode == 1
    assert one_line_error(result).startswith("Database file not found")


@pytest.mark.parametrize("command", [["stats"], ["demo", "--households", "5"]])
def test_garbage_file_is_refused_and_left_unchanged(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "notes.db"
    content = "这不是数据库 — just some notes\n".encode() * 50
    path.write_bytes(content)
    result = run("--db", path, *command)
    assert result.returncode == 1
    assert "不是数据库文件" in one_line_error(result)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_unknown_command_is_a_usage_error() -> None:
    result = run("frobnicate")
    assert result.returncode == 2
    line = one_line_error(result)
    assert "frobnicate" in line and "参数错误" in line


def test_bad_argument_value_is_a_usage_error_in_the_chosen_language(tmp_path: Path) -> None:
    result = run("--db", tmp_path / "x.db", "demo", "--households", "many", lang="en")
    assert result.returncode == 2
    assert "'many' is not a whole number" in one_line_error(result)
    assert not (tmp_path / "x.db").exists()


def test_demo_refuses_a_database_that_has_households(demo_db: Path) -> None:
    before = run("--db", demo_db, "dump").stdout
    result = run("--db", demo_db, "demo", "--households", "5")
    assert result.returncode == 1
    assert "已有" in one_line_error(result)
    assert run("--db", demo_db, "dump").stdout == before


def test_stats_counts_the_demo_households(demo_db: Path, dumped: dict) -> None:
    result = run("--db", demo_db, "stats", "--json")
    assert result.returncode == 0, result.stderr
    totals = json.loads(result.stdout)["totals"]
    removed = {s["household_id"] for s in dumped["status_history"] if s["status"] == "06"}  # off the register
    assert totals["households"] == DEMO_HOUSEHOLDS - len(removed) == len(dumped["households"]) - len(removed)
    living = [m for m in dumped["members"] if m["in_household"] == 1 and m["household_id"] not in removed]
    assert totals["people"] == len(living)  # the demo's last year: every change is dated before its year end
    text = run("--db", demo_db, "stats")
    assert text.returncode == 0 and "户数" in text.stdout and str(totals["households"]) in text.stdout
    english = run("--db", demo_db, "stats", lang="en")
    assert "Households" in english.stdout


def test_search_finds_a_member_by_name_and_masks_id_numbers(demo_db: Path, dumped: dict) -> None:
    member = next(m for m in dumped["members"] if m.get("id_number"))
    result = run("--db", demo_db, "search", member["name"], "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    assert member["id"] in {hit["member_id"] for hit in hits}
    assert all(hit["name"] == member["name"] for hit in hits if hit["match"] == "exact")
    table = run("--db", demo_db, "search", member["name"])
    assert table.returncode == 0
    header, *rows = table.stdout.splitlines()
    assert header.split() == ["姓名", "与户主关系", "证件号码", "村", "户编号"]
    assert any(row.startswith(member["name"]) for row in rows)
    assert not FULL_ID.search(table.stdout) and not FULL_ID.search(result.stdout)


def test_search_shows_village_names_and_respects_the_limit(demo_db: Path, dumped: dict) -> None:
    surname = max({m["name"][0] for m in dumped["members"]}, key=lambda s: sum(m["name"][0] == s
                                                                                 for m in dumped["members"]))
    result = run("--db", demo_db, "search", surname, "--limit", "3")
    lines = result.stdout.splitlines()
    assert len(lines) == 1 + 3 + 1 and "--limit" in lines[-1]
    village_names = {r["name"] for r in dumped["regions"] if len(r["code"]) == 12}
    assert all(any(name in line for name in village_names) for line in lines[1:4])


def test_search_without_hits_says_so(demo_db: Path) -> None:
    result = run("--db", demo_db, "search", "查无此人XYZ")
    assert result.returncode == 0
    assert "没有找到" in result.stdout


def test_dump_to_a_file_equals_dump_to_stdout(demo_db: Path, dumped: dict, tmp_path: Path) -> None:
    out = tmp_path / "dump.json"
    result = run("--db", demo_db, "dump", "--out", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8")) == dumped
    assert len(dumped["households"]) == DEMO_HOUSEHOLDS


def test_dump_to_an_unwritable_place_is_one_line(demo_db: Path, tmp_path: Path) -> None:
    result = run("--db", demo_db, "dump", "--out", tmp_path / "no" / "such" / "dir" / "dump.json")
    assert result.returncode == 1
    one_line_error(result)


def test_check_exit_status_follows_the_errors_found(demo_db: Path) -> None:
    as_json = run("--db", demo_db, "check", "--json")
    report = json.loads(as_json.stdout)
    has_errors = any(p["severity"] == "error" for p in report["problems"])
    assert as_json.returncode == (1 if has_errors else 0), as_json.stderr
    text = run("--db", demo_db, "check")
    assert text.returncode == as_json.returncode
    assert text.stdout.strip()


def test_demo_refuses_an_impossible_year_in_one_line(tmp_path: Path) -> None:
    result = run("--db", tmp_path / "new.db", "demo", "--households", "5", "--year", "2016")
    assert result.returncode == 1
    assert "2016" in one_line_error(result)


@pytest.mark.parametrize("year", ["99999", "-5", "0"])
def test_a_year_out_of_range_is_a_usage_error(demo_db: Path, year: str) -> None:
    for command in ("stats", "warnings"):
        result = run("--db", demo_db, command, "--year", year)
        assert result.returncode == 2
        assert f"“{year}”不是有效年度" in one_line_error(result)


def test_stats_to_a_missing_folder_names_the_folder_and_prints_nothing_else(demo_db: Path, tmp_path: Path) -> None:
    result = run("--db", demo_db, "stats", "--pdf", tmp_path / "nowhere" / "统计.pdf", lang="en")
    assert result.returncode == 1
    assert f"Folder {tmp_path / 'nowhere'} does not exist" in one_line_error(result)


def test_stats_files_are_ordinary_files_others_may_read(demo_db: Path, tmp_path: Path) -> None:
    saved = os.umask(0o022)
    try:
        result = run("--db", demo_db, "stats", "--pdf", tmp_path / "统计.pdf", "--xlsx", tmp_path / "统计.xlsx")
    finally:
        os.umask(saved)
    assert result.returncode == 0, result.stderr
    for name in ("统计.pdf", "统计.xlsx"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
