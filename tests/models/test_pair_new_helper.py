"""A new helper is registered only together with a successful pairing, in one transaction."""

from __future__ import annotations

import pytest

from models.errors import JiandangError, NotFoundError, ValidationFailed
from models.registry import Registry
from tests.models.conftest import VILLAGE, family


@pytest.fixture
def household(registry: Registry) -> str:
    household_id = registry.create_household({"village_code": VILLAGE}, family())
    old = registry.create_helper({"name": "王帮扶"})
    registry.pair_helper(household_id, old, "2019-03-01")
    return household_id


def written(registry: Registry) -> tuple[int, int, int]:
    """Helpers, pairings and change-log records: none of them may move when a write is refused."""
    return tuple(
        registry.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("helpers", "pairings", "change_log")
    )


def test_a_refused_start_date_registers_no_helper_however_often_it_is_tried(registry: Registry, household: str) -> None:
    before = written(registry)
    for _ in range(3):
        with pytest.raises(JiandangError) as refused:
            registry.pair_new_helper(household, {"name": "赵新"}, "2018-01-01")
        assert "2019-03-01" in refused.value.message_zh and "2019-03-01" in refused.value.message("en")
    assert written(registry) == before
    helper_id, pairing_id = registry.pair_new_helper(household, {"name": "赵新", "phone": "13900001111"}, "2020-01-01")
    names = [r[0] for r in registry.conn.execute("SELECT name FROM helpers WHERE name = '赵新'")]
    assert names == ["赵新"]
    pairings = registry.get_household(household)["pairings"]
    assert [(p["helper_name"], p["start_date"], p["end_date"]) for p in pairings] == [
        ("王帮扶", "2019-03-01", "2020-01-01"),
        ("赵新", "2020-01-01", None),
    ]
    assert registry.current_pairing(household) == {"id": pairing_id, "helper_id": helper_id, "start_date": "2020-01-01"}


def test_the_helper_and_the_pairing_are_logged_together_for_sync(registry: Registry, household: str) -> None:
    seq = registry.conn.execute("SELECT MAX(seq) FROM change_log").fetchone()[0]
    helper_id, pairing_id = registry.pair_new_helper(household, {"name": "赵新"}, "2020-01-01")
    logged = registry.conn.execute("SELECT tbl, pk FROM change_log WHERE seq > ? ORDER BY seq", (seq,)).fetchall()
    assert ("helpers", helper_id) in logged and ("pairings", pairing_id) in logged
    assert {tbl for tbl, _ in logged} == {"helpers", "pairings"}  # the old pairing's end is in the same write


@pytest.mark.parametrize(
    ("helper", "start"),
    [
        ({"name": " "}, "2020-01-01"),  # the helper's details are refused
        ({"name": "赵新", "affiliation": "55"}, "2020-01-01"),
        ({"name": "赵新"}, "2020-02-30"),  # the date is refused
        ({"name": "赵新"}, ""),
    ],
)
def test_nothing_is_written_when_the_helper_or_the_date_is_refused(
    registry: Registry, household: str, helper: dict, start: str
) -> None:
    before = written(registry)
    with pytest.raises(ValidationFailed):
        registry.pair_new_helper(household, helper, start)
    assert written(registry) == before


def test_a_missing_household_registers_no_helper(registry: Registry) -> None:
    before = written(registry)
    with pytest.raises(NotFoundError):
        registry.pair_new_helper("no-such-household", {"name": "赵新"}, "2020-01-01")
    assert written(registry) == before


def test_a_household_without_a_pairing_gets_its_first_helper(registry: Registry) -> None:
    household_id = registry.create_household({"village_code": VILLAGE}, family(2))
    helper_id, _ = registry.pair_new_helper(household_id, {"name": "孙帮扶"}, "2016-05-01")
    [pairing] = registry.get_household(household_id)["pairings"]
    assert (pairing["helper_id"], pairing["start_date"], pairing["end_date"]) == (helper_id, "2016-05-01", None)
