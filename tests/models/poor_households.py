"""Building blocks for the procedure, warning, exit-test and statistics tests."""

from __future__ import annotations

from models.procedure_steps import steps
from models.procedures import record_step
from models.registry import Registry
from tests.models.conftest import VILLAGE, family

REASONS = {"return": "因病返贫", "removal": "全家迁出"}  # applying for these needs a reason
VOTES = {"present": 30, "for": 27, "against": 2, "abstain": 1}
LOW_2018 = {"wage": 4000.0, "business": 2000.0}  # 6000 / 4 people = 1500 < 2995
HIGH = {"wage": 12000.0, "business": 4000.0}  # 16000 / 4 = 4000 > the 2017 and 2018 lines


def household(registry: Registry, seq: int = 1, number: str | None = None, **values: object) -> str:
    """A household of four (head, spouse, a son of 21, a daughter of 11 in primary school), no status yet."""
    members = family(seq)
    members[3]["school_status"] = "03"
    base = {
        "village_code": VILLAGE,
        "household_no": number or f"62112110320100{seq:02d}",
        "attribute": "1",
        "standard": "1",
        "main_cause": "01",
    }
    return registry.create_household({**base, **values}, members)


def poor_household(registry: Registry, seq: int = 1, helper: str | None = None, **values: object) -> str:
    """A poor household (未脱贫 since 2017) with nothing to warn about in 2019 (looked at on 2019-06-01)."""
    hid = household(registry, seq, **values)
    registry.set_status(hid, 2016, "05")
    registry.set_status(hid, 2017, "01")
    registry.set_income(hid, 2017, LOW_2018)
    registry.set_income(hid, 2018, LOW_2018)
    helper = helper or registry.create_helper({"name": f"帮扶干部{seq}", "unit": "县农业局", "affiliation": "04"})
    registry.pair_helper(hid, helper, "2017-01-01")
    registry.create_measure(
        {
            "household_id": hid,
            "year": 2019,
            "type": "01",
            "status": "2",
            "planned_start": "2019-03-01",
            "planned_end": "2019-11-30",
        }
    )
    return hid


def walk(
    registry: Registry,
    ids: list[str],
    procedure: str,
    until: str | None = None,
    start: str = "2019-01-07",
    year: int | None = None,
) -> None:
    """Pass every step of ``procedure`` for ``ids`` (up to and including ``until``), a week apart.

    An exit is walked for households whose income of the year has risen above the line (``HIGH``): only
    households meeting the exit standard pass its verification.
    """
    import datetime

    if procedure == "exit":
        for hid in ids:
            registry.set_income(hid, year or int(start[:4]), HIGH)

    day = datetime.date.fromisoformat(start)
    for entry in steps(procedure):
        votes = VOTES if entry.kind == "vote" else None
        note = REASONS.get(procedure) if entry == steps(procedure)[0] else None
        record_step(
            registry, ids, procedure, entry.step_id, day.isoformat(), "村委会", votes=votes, note=note, year=year
        )
        if entry.step_id == until:
            return
        day += datetime.timedelta(days=7)
