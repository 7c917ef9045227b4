"""The data-quality report finds what validation would refuse, across the whole database."""

from __future__ import annotations

from models.check import format_report, run_check
from models.registry import Registry
from models.warnings import working_year
from tests.models.conftest import VILLAGE, family


def codes(registry: Registry) -> list[str]:
    return sorted(p.code for p in run_check(registry.conn).problems)


def test_a_clean_registry_has_no_findings(registry: Registry) -> None:
    members = family()
    members[2]["school_status"] = "06"  # 张小明, 15, in grade 9
    hid = registry.create_household({"village_code": VILLAGE, "attribute": "1", "main_cause": "01"}, members)
    assert [p.code for p in run_check(registry.conn).problems] == ["not_identified"]  # registered, not identified
    registry.set_status(hid, 2013, "03")  # identified in 2013 and since exited: nothing else is asked of it
    registry.set_income(hid, working_year(registry.conn) - 1, {"wage": 90000})
    report = run_check(registry.conn)
    assert report.problems == [] and report.households == 1 and report.members == 4
    assert "错误 0 处" in format_report(report)


def test_check_finds_bad_rows_that_bypassed_the_api(registry: Registry) -> None:
    hid = registry.create_household({"village_code": VILLAGE, "household_no": "6211210009"}, family())
    second = registry.create_household({"village_code": VILLAGE}, family(3))
    conn = registry.conn
    conn.execute("UPDATE members SET relation = '01' WHERE household_id = ? AND name = '李梅'", (hid,))
    conn.execute("UPDATE members SET id_number = substr(id_number, 1, 17) || 'Q' WHERE name = '张小明' "
                 "AND household_id = ?", (hid,))
    conn.execute("UPDATE households SET land_area = -2, attribute = '9' WHERE id = ?", (hid,))
    conn.execute("UPDATE members SET id_number = (SELECT id_number FROM members WHERE household_id = ? AND "
                 "name = '张三') WHERE household_id = ? AND name = '张三'", (hid, second))
    found = codes(registry)
    assert {"two_heads", "id_chars", "negative", "unknown_code", "duplicate_id", "audit_altered"} - set(found) == {
        "audit_altered"}
    text = format_report(run_check(conn))
    assert "文峰村 6211210009 张三" in text and "错误" in text


def test_check_reports_an_altered_change_record(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE}, family())
    registry.conn.execute("UPDATE change_log SET user = 'intruder' WHERE seq = 3")
    assert "audit_altered" in codes(registry)


def test_check_report_is_available_in_english_and_as_data(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE}, family())
    registry.conn.execute("UPDATE households SET land_area = -1")
    report = run_check(registry.conn)
    assert "1 errors" in format_report(report, "en")
    data = report.to_dict()
    assert data["errors"] == 1 and data["problems"][0]["code"] == "negative"


def test_a_household_nobody_lives_in_is_a_warning_until_it_is_removed(registry: Registry) -> None:
    empty = registry.create_household({"village_code": VILLAGE})
    registry.create_household({"village_code": VILLAGE}, family())
    [found] = [p for p in run_check(registry.conn).problems if p.code == "no_members"]
    assert found.record == empty and found.severity == "warning" and "销号" in found.message_zh
    registry.set_status(empty, 2019, "06")
    assert not [p for p in run_check(registry.conn).problems if p.code == "no_members"]


def test_households_sharing_a_number_are_each_named(registry: Registry) -> None:
    """Two laptops may give out the same 户编号 offline; check names every household that holds it."""
    first = registry.create_household({"village_code": VILLAGE, "household_no": "6211210009"}, family())
    second = registry.create_household({"village_code": VILLAGE, "household_no": "6211210010"}, family(3))
    registry.conn.execute("UPDATE households SET household_no = '6211210009' WHERE id = ?", (second,))
    found = [p for p in run_check(registry.conn).problems if p.code == "duplicate_household_no"]
    assert sorted(p.record for p in found) == sorted([first, second])
    assert all("户编号 6211210009 登记了 2 户" in p.message_zh and p.severity == "error" for p in found)
