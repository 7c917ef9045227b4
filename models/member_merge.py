"""One person's two member records merged into one (the member-level case of the duplicates desk).

The same ID number registered in two households that are really different
(say, a daughter married out and still listed at home): A's member record
stays, with the fields chosen from B's, and B's record is deleted from its
household, in one logged transaction (see ``models.household_merge``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from models.errors import ERROR, NotFoundError, Problem
from models.household_merge import MergeResult, merge_event, reason_text
from models.merge_plan import MEMBER_SKIP, MemberPair, MergeRefused
from models.registry_base import RegistryBase, public
from models.search_index import index_households
from models.validation import HEAD, normalize_member, validate_relations


@dataclass(frozen=True)
class MemberMergePlan:
    """Merging member record B into member record A: the differing fields, the values chosen, refusals."""

    pair: MemberPair
    take_other: frozenset[str]
    refusals: tuple[Problem, ...]

    def values(self) -> dict[str, Any]:
        """A's fields that change: the values taken from B."""
        return {c: self.pair.other[c] for c in sorted(self.take_other) if c in self.pair.differences}


def plan_member_merge(
    registry: RegistryBase, keep_member_id: str, other_member_id: str, take_other: Iterable[str] = ()
) -> MemberMergePlan:
    """What merging member record ``other_member_id`` into ``keep_member_id`` will do, and any refusal."""
    if keep_member_id == other_member_id:
        raise MergeRefused("不能把一条登记与它自己合并。", "A member record cannot be merged with itself.")
    keep, other = _member(registry, keep_member_id), _member(registry, other_member_id)
    differing = tuple(c for c in keep if c not in MEMBER_SKIP and keep.get(c) != other.get(c))
    plan = MemberMergePlan(MemberPair(keep, other, differing), frozenset(take_other), ())
    return MemberMergePlan(plan.pair, plan.take_other, tuple(_member_refusals(registry, plan)))


def merge_members(
    registry: RegistryBase,
    keep_member_id: str,
    other_member_id: str,
    reason: str,
    user: str = "",
    take_other: Iterable[str] = (),
) -> MergeResult:
    """Keep member record A (with the fields taken from B) and delete B, in one transaction."""
    note = reason_text(reason)
    plan = plan_member_merge(registry, keep_member_id, other_member_id, take_other)
    if plan.refusals:
        first = plan.refusals[0]
        raise MergeRefused("不能合并：" + first.message_zh, "Cannot merge: " + first.message_en)
    keep, other = plan.pair.keep, plan.pair.other
    with registry.db.write(user) as writer:
        start = writer.seq
        writer.update("members", keep["id"], plan.values())
        for loan in registry.all("SELECT id FROM loans WHERE borrower_id = ?", (other["id"],)):
            writer.update("loans", loan["id"], {"borrower_id": keep["id"]})
        for change in registry.all("SELECT id FROM member_changes WHERE member_id = ?", (other["id"],)):
            writer.delete("member_changes", change["id"])
        writer.delete("members", other["id"])
        household = registry.require("households", keep["household_id"])
        data = {"other_member": other["id"], "other_household": other["household_id"], "fields": sorted(plan.values())}
        event = merge_event(registry, writer, household, "members", note, data)
        index_households(registry.conn, [keep["household_id"], other["household_id"]])
        changes = writer.seq - start
    return MergeResult(keep["id"], other["id"], event, changes, {"members_matched": 1})


def _member(registry: RegistryBase, member_id: str) -> dict[str, Any]:
    try:
        return registry.require("members", member_id)
    except NotFoundError:
        raise MergeRefused(
            "找不到要合并的成员登记（可能已被删除），请刷新后重试。",
            "A member record to merge was not found (it may have been deleted); refresh and retry.",
        ) from None


def _member_refusals(registry: RegistryBase, plan: MemberMergePlan) -> list[Problem]:
    keep, other = plan.pair.keep, plan.pair.other
    found = []
    if not keep.get("id_number") or str(keep["id_number"]).upper() != str(other.get("id_number") or "").upper():
        found.append(
            _problem(
                "id_number",
                "not_same_person",
                "两条登记的证件号码不同，不是同一人。",
                "the two records have different ID numbers: not the same person.",
            )
        )
    mates = [m for m in _live(registry, other["household_id"]) if m["id"] != other["id"]]
    if other.get("relation") == HEAD and mates:
        found.append(
            _problem(
                "relation",
                "other_is_head",
                "要删除的登记是另一户的户主；请先为该户另设户主，或合并两户。",
                "the record to delete is the other household's head; make another member head "
                "first, or merge the two households.",
            )
        )
    if not mates and keep["household_id"] != other["household_id"]:
        found.append(
            _problem(
                "household",
                "only_member",
                "要删除的登记是另一户唯一的在户成员；请改为合并两户。",
                "the record to delete is the only member of the other household; merge the two households instead.",
            )
        )
    final = {**keep, **plan.values()}
    _, problems = normalize_member(final, registry.codes, registry.today())
    household = [m for m in _live(registry, keep["household_id"]) if m["id"] not in (keep["id"], other["id"])]
    problems += validate_relations(household + ([final] if int(final.get("in_household") or 0) == 1 else []))
    return found + [p for p in problems if p.severity == ERROR]


def _live(registry: RegistryBase, household_id: str) -> list[dict[str, Any]]:
    rows = registry.all("SELECT * FROM members WHERE household_id = ? AND in_household = 1", (household_id,))
    return [public(m) for m in rows]


def _problem(column: str, code: str, zh: str, en: str) -> Problem:
    return Problem(column, code, zh, en)
