"""Tests for the registry statistics in ``models.stats``."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.codes import codes
from models.db import Database, open_database
from models.stats import compute_stats, format_stats

VILLAGE_A, VILLAGE_B = "620000000201", "620000000202"

# household key -> (village, attribute, main cause, {year: status}, members in household, members gone)
HOUSEHOLDS = {
    "h1": (VILLAGE_A, "1", "01", {2016: "05", 2018: "01", 2020: "03"}, 3, 1),
    "h2": (VILLAGE_A, "2", "02", {2016: "01", 2019: "03"}, 2, 0),
    "h3": (VILLAGE_A, "1", "01", {2019: "05"}, 1, 1),
    "h4": (VILLAGE_B, "3", None, {2017: "01", 2020: "06"}, 2, 0),
    "h5": (VILLAGE_B, None, "99", {}, 0, 2),
}


def _build(db: Database) -> None:
    with db.write("tester") as w:
        w.insert("regions", {"code": VILLAGE_A, "name": "甲村", "level": 5})
        w.insert("regions", {"code": VILLAGE_B, "name": "乙村", "level": 5})
        for key, (village, attribute, cause, statuses, inside, gone) in HOUSEHOLDS.items():
            hh = w.insert("households", {"village_code": village, "attribute": attribute, "main_cause": cause,
                                         "household_no": key})
            for year, status in statuses.items():
                w.insert("status_history", {"household_id": hh, "year": year, "status": status})
            for n in range(inside + gone):
                w.insert("members", {"household_id": hh, "name": f"{key}-{n}", "relation": "01" if n == 0 else "03",
                                     "in_household": 1 if n < inside else 0, "sort": n})


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "x.db")
    _build(database)
    yield database
    database.close()


def _counts(entries: list[dict]) -> dict:
    """{code: (households, people)} of the non-empty entries."""
    return {e["code"]: (e["households"], e["people"]) for e in entries if e["households"]}


def test_totals_count_households_and_members_living_in_them(db: Database) -> None:
    stats = compute_stats(db.conn)
    assert stats["totals"] == {"households": 5, "people": 8}
    assert stats["year"] is None


def test_current_status_is_the_latest_year(db: Database) -> None:
    stats = compute_stats(db.conn)
    assert _counts(stats["by_status"]) == {"03": (2, 5), "05": (1, 1), "06": (1, 2), None: (1, 0)}


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2018, {"01": (3, 7), None: (2, 1)}),
        (2016, {"05": (1, 3), "01": (1, 2), None: (3, 3)}),
        (2019, {"01": (2, 5), "03": (1, 2), "05": (1, 1), None: (1, 0)}),
        (2015, {None: (5, 8)}),
        (2030, {"03": (2, 5), "05": (1, 1), "06": (1, 2), None: (1, 0)}),
    ],
)
def test_year_selects_the_status_as_of_that_year(db: Database, year: int, expected: dict) -> None:
    stats = compute_stats(db.conn, year=year)
    assert stats["year"] == year
    assert _counts(stats["by_status"]) == expected
    assert stats["totals"] == {"households": 5, "people": 8}


def test_villages_with_names_counts_and_status(db: Database) -> None:
    villages = compute_stats(db.conn)["villages"]
    assert [(v["code"], v["name"], v["households"], v["people"]) for v in villages] == [
        (VILLAGE_A, "甲村", 3, 6),
        (VILLAGE_B, "乙村", 2, 2),
    ]
    assert _counts(villages[0]["by_status"]) == {"03": (2, 5), "05": (1, 1)}
    assert _counts(villages[1]["by_status"]) == {"06": (1, 2), None: (1, 0)}


def test_village_status_follows_the_year(db: Database) -> None:
    villages = compute_stats(db.conn, year=2018)["villages"]
    assert _counts(villages[0]["by_status"]) == {"01": (2, 5), None: (1, 1)}
    assert _counts(villages[1]["by_status"]) == {"01": (1, 2), None: (1, 0)}


def test_by_attribute_and_main_cause(db: Database) -> None:
    stats = compute_stats(db.conn)
    assert _counts(stats["by_attribute"]) == {"1": (2, 4), "2": (1, 2), "3": (1, 2), None: (1, 0)}
    assert _counts(stats["by_main_cause"]) == {"01": (2, 4), "02": (1, 2), "99": (1, 0), None: (1, 2)}


def test_entries_list_every_code_in_order_with_labels(db: Database) -> None:
    stats = compute_stats(db.conn)
    causes = stats["by_main_cause"]
    assert [e["code"] for e in causes] == [c.code for c in codes("poverty_cause")] + [None]
    first = causes[0]
    assert first == {"code": "01", "label": "因病", "label_en": "Illness", "households": 2, "people": 4}
    assert causes[4]["households"] == 0
    assert causes[-1]["label"] == "未填写"
    status = {e["code"]: e for e in stats["by_status"]}
    assert status["03"]["label"] == "已脱贫"
    assert status["03"]["label_en"] == "Out of poverty"
    attribute = {e["code"]: e for e in stats["by_attribute"]}
    assert attribute["3"]["label"] == "特困供养贫困户"


def test_unknown_codes_are_kept_with_the_code_as_label(db: Database) -> None:
    hh = db.conn.execute("SELECT id FROM households WHERE household_no = 'h5'").fetchone()[0]
    with db.write("tester") as w:
        w.update("households", hh, {"main_cause": "77"})
    causes = compute_stats(db.conn)["by_main_cause"]
    assert causes[-2:] == [
        {"code": "77", "label": "77", "label_en": "77", "households": 1, "people": 0},
        {"code": None, "label": "未填写", "label_en": "Not recorded", "households": 1, "people": 2},
    ]


def test_deleted_household_and_moved_out_member_no_longer_count(db: Database) -> None:
    h2 = db.conn.execute("SELECT id FROM households WHERE household_no = 'h2'").fetchone()[0]
    member = db.conn.execute("SELECT id FROM members WHERE name = 'h1-1'").fetchone()[0]
    with db.write("tester") as w:
        for table in ("members", "status_history"):
            for (pk,) in db.conn.execute(f"SELECT id FROM {table} WHERE household_id = ?", (h2,)).fetchall():
                w.delete(table, pk)
        w.delete("households", h2)
        w.update("members", member, {"in_household": 0})
    stats = compute_stats(db.conn)
    assert stats["totals"] == {"households": 4, "people": 5}
    assert _counts(stats["by_status"])["03"] == (1, 2)


def test_empty_database(tmp_path: Path) -> None:
    empty = open_database(tmp_path / "empty.db")
    stats = compute_stats(empty.conn)
    assert stats["totals"] == {"households": 0, "people": 0}
    assert stats["villages"] == []
    assert all(e["households"] == 0 for e in stats["by_status"])
    assert "（无数据）" in format_stats(stats)
    empty.close()


def test_format_stats_in_chinese(db: Database) -> None:
    text = format_stats(compute_stats(db.conn, year=2020))
    for expected in ("统计（截至 2020 年的状态）", "甲村", "乙村", "已脱贫", "销号", "未填写", "特困供养贫困户",
                     "因病", "其他", "合计", "户数", "人数", "按村", "按主要致贫原因"):
        assert expected in text
    assert "Illness" not in text


def test_format_stats_in_english(db: Database) -> None:
    text = format_stats(compute_stats(db.conn), language="en")
    for expected in ("Statistics", "Out of poverty", "Illness", "Not recorded", "Households", "By village"):
        assert expected in text
    assert "因病" not in text
    assert "甲村" in text  # village names are data, shown as they are


def _display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line)


def test_format_stats_aligns_columns_by_display_width(db: Database) -> None:
    lines = format_stats(compute_stats(db.conn)).splitlines()
    start = lines.index("按贫困户状态") + 1
    section = lines[start:lines.index("", start)]
    assert len(section) == 1 + len(codes("household_status")) + 1  # header, codes, 未填写
    assert len({_display_width(line) for line in section}) == 1  # right-aligned numbers end together
    village_start = lines.index("按村") + 1
    villages = lines[village_start:lines.index("", village_start)]
    assert len(villages) == 4  # header, two villages, total
    assert len({_display_width(line) for line in villages}) == 1
    assert villages[-1].split()[:3] == ["合计", "5", "8"]
