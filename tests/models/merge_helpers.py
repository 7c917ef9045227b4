"""Helpers for the merge tests: a household registered a second time, as a sync import brings it."""

from __future__ import annotations

from typing import Any

from models.registry import Registry
from models.search_index import index_households
from models.validation import normalize_member
from tests.models.conftest import TODAY, VILLAGE


def typed_again(registry: Registry, members: list[dict[str, Any]], user: str = "laptop2", **values: Any) -> str:
    """A household written without the one-ID-one-household check, like a household arriving from another laptop."""
    with registry.db.write(user) as writer:
        household_id = writer.insert("households", {"village_code": VILLAGE, **values})
        for sort, member in enumerate(members):
            normalized, _ = normalize_member(dict(member), registry.codes, TODAY)
            writer.insert("members", {"sort": sort, **normalized, "household_id": household_id})
        index_households(registry.conn, [household_id])
    return household_id


def member_ids(registry: Registry, household_id: str) -> dict[str, str]:
    """ID number -> member id of a household's members."""
    rows = registry.all("SELECT id, id_number FROM members WHERE household_id = ?", (household_id,))
    return {r["id_number"]: r["id"] for r in rows}
