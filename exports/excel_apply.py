"""Writing an import plan: the accepted households in ONE transaction, or nothing at all.

Everything goes through the ChangeWriter (change log, clocks, audit trail),
rows of a table in one ``insert_many``; the imported households are re-indexed
for search in the same transaction. The plan is refused (nothing written)
when the registry changed after the plan was made: validate again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from exports.excel_places import NewPlace
from exports.excel_plan import NEW, UPDATE, ImportPlan
from exports.excel_store import db_marker
from models.changes import ChangeWriter
from models.errors import JiandangError
from models.region_rules import region_row
from models.registry import Registry
from models.search_index import index_households

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote."""

    households_added: int
    households_updated: int
    members_added: int
    members_updated: int
    places_created: int
    rejected: int
    unchanged: int
    new_places: tuple[NewPlace, ...] = ()  # the villages and groups created (see excel_places_text)


class StalePlan(JiandangError):
    """The registry changed between validation and import."""


def apply_plan(registry: Registry, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
    """Write every accepted household of ``plan`` in one transaction; rejected ones are left out.

    Raises StalePlan (nothing written) when the registry changed since the plan was made.
    """
    accepted = plan.accepted()
    counts = plan.counts()
    places = tuple(plan.new_places())
    result = ImportResult(
        counts[NEW],
        counts[UPDATE],
        counts["members_added"],
        counts["members_updated"],
        len(places),
        counts["rejected"],
        counts["unchanged"],
        places,
    )
    if not accepted:
        return result
    with registry.db.write() as writer:
        if db_marker(registry.conn) != plan.marker:
            raise StalePlan(
                "检查之后数据库已被修改，请重新检查后再导入。",
                "The registry changed after the check; check the file again before importing.",
            )
        _places(writer, plan)
        _report(progress, 1, 5)
        _inserts(writer, plan)
        _report(progress, 2, 5)
        _updates(writer, plan)
        _report(progress, 3, 5)
        index_households(registry.conn, [str(h.household_id) for h in accepted])
        _report(progress, 4, 5)
    _report(progress, 5, 5)
    return result


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


def _places(writer: ChangeWriter, plan: ImportPlan) -> None:
    sort: dict[str, int] = {}
    for place in plan.new_places():
        values = dict(place.values)
        if place.table == "regions":
            writer.insert("regions", region_row(str(values["code"]), values["name"]))  # checked when planned
        else:
            village = str(values["village_code"])
            if village not in sort:
                row = writer.conn.execute("SELECT COUNT(*) FROM village_groups WHERE village_code = ?", (village,))
                sort[village] = row.fetchone()[0]
            writer.insert("village_groups", {**values, "sort": sort[village]})
            sort[village] += 1


def _inserts(writer: ChangeWriter, plan: ImportPlan) -> None:
    accepted = plan.accepted()
    writer.insert_many("households", [h.values for h in accepted if h.is_new])
    writer.insert_many("members", [m.values for h in accepted for m in h.members if m.is_new])
    writer.insert_many("other_causes", [c for h in accepted for c in h.causes_add])
    statuses = [h.status for h in accepted if h.status is not None]
    writer.insert_many("status_history", [_status_row(s) for s in statuses if s["new"]])


def _status_row(status: dict) -> dict:
    return {k: v for k, v in status.items() if k != "new"}


def _updates(writer: ChangeWriter, plan: ImportPlan) -> None:
    for household in plan.accepted():
        if household.is_new:
            continue
        if household.values:
            writer.update("households", str(household.household_id), household.values)
        for member in household.members:
            if not member.is_new:
                writer.update("members", member.member_id, member.values)
        for pk in household.causes_remove:
            writer.delete("other_causes", pk)
        if household.status is not None and not household.status["new"]:
            writer.update("status_history", household.status["id"], {"status": household.status["status"]})
