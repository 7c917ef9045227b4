"""A property of the household merge: random pairs of registrations lose no person and no income year."""

from __future__ import annotations

import datetime
import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.household_merge import merge_households
from models.idcard import make_id_number
from models.registry import Registry
from tests.models.merge_helpers import typed_again

YEARS = (2015, 2016, 2017, 2018, 2019)
_examples = itertools.count()


def people(example: int, count: int) -> list[dict]:
    """``count`` people with ID numbers unique to this example; the first is the head."""
    found = []
    for index in range(count):
        born = datetime.date(1950, 1, 1) + datetime.timedelta(days=example * 11 + index)
        found.append(
            {
                "name": f"测试{index}",
                "relation": "01" if index == 0 else "99",
                "id_number": make_id_number("621121", born, 10 + index * 2 + 1),
            }
        )
    return found


def live_numbers(registry: Registry) -> set[str]:
    return {r["id_number"] for r in registry.all("SELECT id_number FROM members WHERE in_household = 1")}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    keep_people=st.sets(st.integers(1, 5), max_size=4),
    other_people=st.sets(st.integers(1, 5), max_size=4),
    keep_years=st.dictionaries(st.sampled_from(YEARS), st.integers(0, 9000), max_size=5),
    other_years=st.dictionaries(st.sampled_from(YEARS), st.integers(0, 9000), max_size=5),
)
def test_a_merge_keeps_every_person_once_and_every_income_year(
    registry: Registry,
    keep_people: set[int],
    other_people: set[int],
    keep_years: dict[int, int],
    other_years: dict[int, int],
) -> None:
    pool = people(next(_examples), 6)
    keep = typed_again(registry, [pool[i] for i in sorted({0} | keep_people)])  # the head is in both
    other = typed_again(registry, [pool[i] for i in sorted({0} | other_people)])
    for household, years in ((keep, keep_years), (other, other_years)):
        for year, wage in years.items():
            registry.set_income(household, year, {"wage": wage})
    before = live_numbers(registry)

    merge_households(registry, keep, other, "重复录入")

    assert live_numbers(registry) == before
    numbers = [r["id_number"] for r in registry.all("SELECT id_number FROM members WHERE household_id = ?", (keep,))]
    assert sorted(numbers) == sorted(
        {p["id_number"] for i, p in enumerate(pool) if i in {0} | keep_people | other_people}
    )
    incomes = {
        r["year"]: r["wage"] for r in registry.all("SELECT year, wage FROM incomes WHERE household_id = ?", (keep,))
    }
    assert incomes == {**other_years, **keep_years}
