"""The helper list offered when a household's helper changes."""

from __future__ import annotations

from models.helper_list import list_helpers
from models.registry import Registry
from tests.models.conftest import VILLAGE


def test_helpers_are_listed_by_name_with_their_current_households(registry: Registry) -> None:
    wang = registry.create_helper({"name": "王帮扶", "unit": "县农业局"})
    li = registry.create_helper({"name": "李帮扶"})
    household = registry.create_household({"village_code": VILLAGE})
    registry.pair_helper(household, wang, "2018-01-01")
    registry.pair_helper(household, li, "2019-01-01")
    helpers = list_helpers(registry.conn)
    assert [(h["name"], h["households"]) for h in helpers] == [("李帮扶", 1), ("王帮扶", 0)]
    assert helpers[1]["unit"] == "县农业局" and helpers[1]["id"] == wang
