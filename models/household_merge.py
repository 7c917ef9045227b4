"""Merging duplicate registrations: household B into household A, or one person's two member records.

``plan_merge`` (``models.merge_plan``) says what will happen and why a merge is
refused; ``merge_households`` does it in ONE transaction through the
``ChangeWriter``: every moved row is an ordinary logged update, every copied
income or status year an insert, every removed record a delete with a
tombstone, and B itself is deleted last.  So the merge travels in bundles as
ordinary change records and every replica that imports them converges on the
merged household.  Nothing is written when the merge is refused or fails
half-way (the transaction is rolled back).

Workflow events are insert-only: they can never be re-pointed, and a household
they refer to cannot be deleted, so B must have none (the plan refuses
otherwise; keep the household that has them).  A's events stay as they are, and
one ``merge`` event on A records the merge: the id and household number of B,
what moved, the reason and who merged (the reason is the event's note).

The "possible duplicate" flag of the sync import is not stored: it is worked out
from the live members (``models.sync_duplicates``), so once B's people are A's
the flag is gone on every replica.

The member-level case (one person's two member records) is ``models.member_merge``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from models.changes import ChangeWriter, new_id, stable_id, table_columns
from models.merge_plan import MergeChoices, MergePlan, MergeRefused, plan_merge
from models.registry_base import RegistryBase
from models.search_index import index_households

__all__ = ["MergeChoices", "MergePlan", "MergeRefused", "MergeResult", "merge_households", "plan_merge"]
MERGE_PROCEDURE = "merge"
YEARLY = {"incomes": "income", "status_history": "status"}


@dataclass(frozen=True)
class MergeResult:
    """What a merge wrote: the record kept, the one removed, the merge event and the change records."""

    keep_id: str
    removed_id: str
    event_id: str
    changes: int
    moved: dict[str, int]


def merge_households(
    registry: RegistryBase,
    keep_id: str,
    other_id: str,
    reason: str,
    user: str = "",
    choices: MergeChoices | None = None,
) -> MergeResult:
    """Merge household ``other_id`` (B) into ``keep_id`` (A) in one transaction; B is deleted at the end.

    Raises ``MergeRefused`` (nothing written) for an empty reason or any refusal of ``plan_merge``.
    """
    note = reason_text(reason)
    plan = plan_merge(registry, keep_id, other_id, choices)
    plan.raise_if_refused()
    with registry.db.write(user) as writer:
        start = writer.seq
        moved = _write_merge(registry, writer, plan)
        event = merge_event(
            registry,
            writer,
            plan.keep,
            "households",
            note,
            {**moved, "other": other_id, "other_household_no": plan.other.get("household_no")},
        )
        index_households(registry.conn, [keep_id, other_id])
        changes = writer.seq - start
    return MergeResult(keep_id, other_id, event, changes, moved)


def _write_merge(registry: RegistryBase, writer: ChangeWriter, plan: MergePlan) -> dict[str, int]:
    keep, other = plan.keep_id, plan.other_id
    writer.update("households", keep, plan.household_values())
    for pair in plan.pairs:
        writer.update("members", pair.keep["id"], plan.member_values(pair))
    _repoint_members(registry, writer, {p.other["id"]: p.keep["id"] for p in plan.pairs}, keep, other)
    sort = max([int(m.get("sort") or 0) for m in plan.keep_members] + [-1])
    for offset, member in enumerate(plan.moved, 1):
        writer.update("members", member["id"], {"household_id": keep, "sort": sort + offset})
    _merge_causes(registry, writer, plan)
    years = {table: _copy_years(registry, writer, table, keep, other) for table in YEARLY}
    for pk in plan.pairings_dropped:
        writer.delete("pairings", pk)
    moved = {t: _move(registry, writer, t, other, keep) for t in ("measures", "loans", "pairings", "objections")}
    for pair in plan.pairs:
        writer.delete("members", pair.other["id"])
    writer.delete("households", other)
    return {
        "members_moved": len(plan.moved),
        "members_matched": len(plan.pairs),
        "causes_added": len(plan.causes_added),
        "income_years_added": years["incomes"],
        "status_years_added": years["status_history"],
        "pairings_dropped": len(plan.pairings_dropped),
        **{f"{t}_moved": n for t, n in moved.items()},
    }


def _repoint_members(
    registry: RegistryBase, writer: ChangeWriter, twins: dict[str, str], keep: str, other: str
) -> None:
    """B's member changes move to A (pointing at the kept record of a matched person); loans follow the borrower."""
    for member_id, twin in twins.items():
        for loan in registry.all("SELECT id FROM loans WHERE borrower_id = ?", (member_id,)):
            writer.update("loans", loan["id"], {"borrower_id": twin})
    query = "SELECT id, member_id, change, change_date FROM member_changes WHERE household_id = ? ORDER BY id"
    seen = {(r["member_id"], r["change"], r["change_date"]) for r in registry.all(query, (keep,))}
    for row in registry.all(query, (other,)):
        member = twins.get(row["member_id"], row["member_id"])
        if (member, row["change"], row["change_date"]) in seen:
            writer.delete("member_changes", row["id"])  # the same change, registered in both households
            continue
        seen.add((member, row["change"], row["change_date"]))
        writer.update("member_changes", row["id"], {"household_id": keep, "member_id": member})


def _merge_causes(registry: RegistryBase, writer: ChangeWriter, plan: MergePlan) -> None:
    for household in (plan.keep_id, plan.other_id):
        for row in registry.all("SELECT id, cause FROM other_causes WHERE household_id = ?", (household,)):
            if household == plan.other_id or row["cause"] not in plan.causes:
                writer.delete("other_causes", row["id"])
    for cause in plan.causes_added:
        writer.insert(
            "other_causes",
            {"id": stable_id("cause", plan.keep_id, cause), "household_id": plan.keep_id, "cause": cause},
        )


def _copy_years(registry: RegistryBase, writer: ChangeWriter, table: str, keep: str, other: str) -> int:
    """B's rows of years A lacks are copied to A (under A's stable ids); all of B's rows are deleted."""
    have = {r["year"] for r in registry.all(f"SELECT year FROM {table} WHERE household_id = ?", (keep,))}
    columns = table_columns(registry.conn, table)
    added = 0
    for row in registry.all(f"SELECT * FROM {table} WHERE household_id = ? ORDER BY year", (other,)):
        if row["year"] not in have:
            values = {c: row[c] for c in columns if c != "household_id"}
            writer.insert(table, {**values, "id": stable_id(YEARLY[table], keep, row["year"]), "household_id": keep})
            added += 1
        writer.delete(table, row["id"])
    return added


def _move(registry: RegistryBase, writer: ChangeWriter, table: str, other: str, keep: str) -> int:
    rows = registry.all(f"SELECT id FROM {table} WHERE household_id = ? ORDER BY id", (other,))
    for row in rows:
        writer.update(table, row["id"], {"household_id": keep})
    return len(rows)


def merge_event(
    registry: RegistryBase, writer: ChangeWriter, household: dict[str, Any], step: str, note: str, data: dict
) -> str:
    """Record the merge on the kept household: an insert-only ``merge`` workflow event with the reason."""
    today = registry.today()
    return writer.insert(
        "workflow_events",
        {
            "id": new_id(),
            "household_id": household["id"],
            "village_code": household.get("village_code"),
            "procedure": MERGE_PROCEDURE,
            "step": step,
            "year": today.year,
            "event_date": today.isoformat(),
            "outcome": "merged",
            "actor": writer.user,
            "data": json.dumps(data, ensure_ascii=False, sort_keys=True),
            "note": note,
        },
    )


def reason_text(reason: str) -> str:
    """The reason, stripped; ``MergeRefused`` when it is empty."""
    text = (reason or "").strip()
    if not text:
        raise MergeRefused("请填写合并原因。", "Enter the reason for the merge.")
    return text
