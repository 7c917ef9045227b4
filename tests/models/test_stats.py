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


def test_without_a_year_the_working_year_is_counted(db: Database) -> None:
    """No year asked for: the working year (here the newest status year, 2020), one year for every figure."""
    stats = compute_stats(db.conn)
    assert (stats["year"], stats["as_of"]) == (2020, "2020-12-31")
    assert stats["totals"] == {"households": 3, "people": 6}  # h4 removed in 2020, h5 never identified
    db.set_setting("current_year", "2018")
    assert compute_stats(db.conn)["year"] == 2018


def test_status_counts_the_register_and_this_years_removals(db: Database) -> None:
    stats = compute_stats(db.conn, 2020)
    assert _counts(stats["by_status"]) == {"03": (2, 5), "05": (1, 1), "06": (1, 2)}
    removed = next(e for e in stats["by_status"] if e["code"] == "06")
    assert (removed["label"], removed["label_en"]) == ("本年销号", "Removed this year")


@pytest.mark.parametrize(
    ("year", "expected", "totals"),
    [
        (2018, {"01": (3, 7)}, (3, 7)),
        (2016, {"05": (1, 3), "01": (1, 2)}, (2, 5)),
        (2019, {"01": (2, 5), "03": (1, 2), "05": (1, 1)}, (4, 8)),
        (2015, {}, (0, 0)),  # before anyone was identified
        (2030, {"03": (2, 5), "05": (1, 1)}, (3, 6)),  # h4 was removed in an earlier year: off the register
    ],
)
def test_a_year_counts_the_households_on_its_register(db: Database, year: int, expected: dict, totals: tuple) -> None:
    stats = compute_stats(db.conn, year=year)
    assert stats["year"] == year
    assert _counts(stats["by_status"]) == expected
    assert (stats["totals"]["households"], stats["totals"]["people"]) == totals


def test_villages_with_names_counts_and_status(db: Database) -> None:
    villages = compute_stats(db.conn, 2019)["villages"]
    assert [(v["code"], v["name"], v["households"], v["people"]) for v in villages] == [
        (VILLAGE_A, "甲村", 3, 6),
        (VILLAGE_B, "乙村", 1, 2),
    ]
    assert _counts(villages[0]["by_status"]) == {"01": (1, 3), "03": (1, 2), "05": (1, 1)}
    assert _counts(villages[1]["by_status"]) == {"01": (1, 2)}


def test_attribute_and_cause_count_the_poor_households_as_the_report_does(db: Database) -> None:
    stats = compute_stats(db.conn, 2019, detailed=True)
    assert _counts(stats["by_attribute"]) == {"1": (2, 4), "3": (1, 2)}  # h2 has exited: not counted
    assert _counts(stats["by_main_cause"]) == {"01": (2, 4), None: (1, 2)}
    report = stats["report"]["total"]
    assert stats["by_attribute"] == report["by_attribute"] and stats["by_main_cause"] == report["by_cause"]
    assert sum(e["households"] for e in stats["by_attribute"]) == report["poor_households"]


def test_entries_list_every_code_in_order_with_labels(db: Database) -> None:
    stats = compute_stats(db.conn, 2019)
    causes = stats["by_main_cause"]
    assert [e["code"] for e in causes] == [c.code for c in codes("poverty_cause")] + [None]
    assert causes[0] == {"code": "01", "label": "因病", "label_en": "Illness", "households": 2, "people": 4}
    assert causes[4]["households"] == 0
    assert causes[-1]["label"] == "未填写"
    status = {e["code"]: e for e in stats["by_status"]}
    assert status["03"]["label"] == "已脱贫" and status["03"]["label_en"] == "Out of poverty"
    assert {e["code"]: e for e in stats["by_attribute"]}["3"]["label"] == "特困供养贫困户"


def test_unknown_codes_are_kept_with_the_code_as_label(db: Database) -> None:
    hh = db.conn.execute("SELECT id FROM households WHERE household_no = 'h3'").fetchone()[0]
    with db.write("tester") as w:
        w.update("households", hh, {"main_cause": "77"})
    causes = compute_stats(db.conn, 2019)["by_main_cause"]
    assert causes[-2:] == [
        {"code": "77", "label": "77", "label_en": "77", "households": 1, "people": 1},
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
        w.update("members", member, {"in_household": 0})  # left, date unknown: not counted in any year
    stats = compute_stats(db.conn, 2019)
    assert stats["totals"] == {"households": 3, "people": 5}
    assert _counts(stats["by_status"])["01"] == (2, 4)


def test_empty_database(tmp_path: Path) -> None:
    empty = open_database(tmp_path / "empty.db")
    stats = compute_stats(empty.conn, 2019)
    assert stats["totals"] == {"households": 0, "people": 0}
    assert stats["villages"] == []
    assert all(e["households"] == 0 for e in stats["by_status"])
    assert "（无数据）" in format_stats(stats)
    empty.close()


def test_format_stats_in_chinese(db: Database) -> None:
    text = format_stats(compute_stats(db.conn, year=2020))
    for expected in ("2020 年统计（截至 2020-12-31）", "甲村", "已脱贫", "本年销号", "特困供养贫困户",
                     "因病", "其他", "合计", "户数", "人数", "按村（在册户）", "按主要致贫原因（贫困户）"):
        assert expected in text, expected
    assert "Illness" not in text


def test_format_stats_in_english(db: Database) -> None:
    text = format_stats(compute_stats(db.conn, 2019), language="en")  # h4 (poor in 2019) has no cause
    for expected in ("Statistics 2019 (as of 2019-12-31)", "Out of poverty", "Illness", "Not recorded",
                     "Households", "By village"):
        assert expected in text, expected
    assert "因病" not in text
    assert "甲村" in text  # village names are data, shown as they are


def _display_width(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line)


def test_format_stats_aligns_columns_by_display_width(db: Database) -> None:
    lines = format_stats(compute_stats(db.conn, 2019)).splitlines()
    start = lines.index("按贫困户状态（在册户，另列本年销号）") + 1
    section = lines[start:lines.index("", start)]
    assert len(section) == 1 + len(codes("household_status"))  # header, codes
    assert len({_display_width(line) for line in section}) == 1  # right-aligned numbers end together
    village_start = lines.index("按村（在册户）") + 1
    villages = lines[village_start:lines.index("", village_start)]
    assert len(villages) == 4  # header, two villages, total
    assert len({_display_width(line) for line in villages}) == 1
    assert villages[-1].split()[:3] == ["合计", "4", "8"]
