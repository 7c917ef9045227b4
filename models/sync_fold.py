"""The merge rule as a pure function: the state of one row from the set of its change records.

Every replica holding the same records computes the same row, whatever the
order they arrived in, because the state is a fold over a *set*:

- causal length: the highest ``cl`` among inserts and deletes decides whether
  the row exists (odd) or is deleted (even); updates of an older incarnation
  no longer count, updates of a newer one wait for its insert;
- per column, last writer wins by the clock ``(priority, hlc, site)``; an
  insert writes every column with priority 0, an update keeps the priority of
  the value it replaced, a clerk's decision (``prev["_prio"]``) raises it;
- a conflict is a losing write nobody built on (no other write names its clock
  as the one it replaced, and no later write of the same site exists) whose
  value differs from the winner's, unless a decision lists it in
  ``prev["_resolves"]``; an edit of a deleted incarnation that the delete did
  not see is a conflict too;
- insert-only tables keep their first insert; a second one with different
  content is a tamper alert;
- tables owned by the township only take the township's records.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from models.changes import BASELINE_SITE

FIELD, DELETED, TAMPER = "field", "deleted", "tamper"
ROW_COLUMN = "*"


class Rec(NamedTuple):
    """One parsed change record of one row."""

    site: str
    seq: int
    hlc: int
    user: str
    op: str
    cl: int
    vals: dict
    old: dict | None
    prev: dict | None
    scope: str = ""


class Write(NamedTuple):
    """One column value written by one record."""

    clock: tuple  # (priority, hlc, site)
    base: tuple | None  # the clock it replaced (None for an insert)
    value: Any
    rec: Rec


@dataclass(frozen=True)
class Conflict:
    """A losing write kept for the clerk."""

    kind: str
    column: str
    loser: Write


@dataclass
class RowState:
    """What a row should be: its values and clocks, or its tombstone."""

    exists: bool
    cl: int
    values: dict[str, Any] = field(default_factory=dict)
    row_clock: tuple[int, str] = (0, BASELINE_SITE)  # (hlc, site) of the winning insert
    col_clocks: dict[str, tuple] = field(default_factory=dict)  # only where not the row clock
    conflicts: list[Conflict] = field(default_factory=list)


def fold(
    columns: list[str],
    recs: list[Rec],
    baseline: dict | None = None,
    insert_only: bool = False,
    defaults: dict | None = None,
) -> RowState | None:
    """The state of one row from all its records (and its seed values); None if no incarnation is complete.

    ``defaults`` are the columns' declared defaults, used for columns an insert does not name.
    """
    if insert_only:  # changes and deletes of an insert-only record never count
        recs = [r for r in recs if r.op == "insert"]
    complete = [r.cl for r in recs if r.op != "update"] + ([1] if baseline is not None else [])
    if not complete:
        return None
    top = max(complete)
    if top % 2 == 0:
        return _deleted(columns, recs, top)
    inserts = [r for r in recs if r.op == "insert" and r.cl == top]
    if baseline is not None and top == 1:
        inserts.append(Rec(BASELINE_SITE, 0, 0, "", "insert", 1, baseline, None, None))
    if insert_only:
        return _first_insert(columns, inserts, top, defaults or {})
    updates = [r for r in recs if r.op == "update" and r.cl == top]
    return _incarnation(columns, inserts, updates, top, defaults or {})


def _incarnation(columns: list[str], inserts: list[Rec], updates: list[Rec], cl: int, defaults: dict) -> RowState:
    first = max(inserts, key=lambda r: (r.hlc, r.site))
    state = RowState(True, cl, row_clock=(first.hlc, first.site))
    row_clock = (0, first.hlc, first.site)
    per_column = _column_writes(columns, inserts, updates, defaults)
    resolved = _resolved_by_column(updates)
    for column in columns:
        writes = per_column.get(column, ())
        winner = max(writes, key=lambda w: w.clock) if writes else None
        state.values[column] = winner.value if winner else None
        if winner is not None and winner.clock != row_clock:
            state.col_clocks[column] = winner.clock
        if winner is not None and len(writes) > 1:
            state.conflicts += [Conflict(FIELD, column, w) for w in losers(writes, winner, resolved[column])]
    return state


def _resolved_by_column(updates: list[Rec]) -> defaultdict[str, set[tuple]]:
    """The losing writes each decision settles, per column it decided: one laptop record that lost on two
    columns is two conflicts, and deciding one leaves the other open."""
    resolved: defaultdict[str, set[tuple]] = defaultdict(set)
    for r in updates:
        settled = (r.prev or {}).get("_resolves", ())
        for column in r.vals if settled else ():
            resolved[column].update(tuple(c) for c in settled)
    return resolved


def _column_writes(
    columns: list[str], inserts: list[Rec], updates: list[Rec], defaults: dict
) -> dict[str, list[Write]]:
    """Every write of every column: an insert writes all columns (absent ones as NULL), an update its own."""
    writes: dict[str, list[Write]] = defaultdict(list)
    for r in inserts:
        clock = (0, r.hlc, r.site)
        for column in columns:
            writes[column].append(Write(clock, None, r.vals.get(column, defaults.get(column)), r))
    for r in updates:
        prev = r.prev or {}
        raised = prev.get("_prio")
        for column, value in r.vals.items():
            base = tuple(prev[column])
            writes[column].append(Write((raised if raised else base[0], r.hlc, r.site), base, value, r))
    return writes


def losers(writes: list[Write], winner: Write, resolved: set[tuple]) -> list[Write]:
    """The writes of one column that lost without anyone having seen them (see the module docstring)."""
    sites = {w.clock[2] for w in writes}
    if len(sites) < 2:
        return []
    known = {w.base for w in writes if w.base is not None}
    newest = {}
    for w in writes:
        site = w.clock[2]
        if site not in newest or w.clock[1] > newest[site]:
            newest[site] = w.clock[1]
    return [
        w
        for w in writes
        if w is not winner
        and w.clock not in known
        and w.clock[1] == newest[w.clock[2]]
        and w.value != winner.value
        and w.clock not in resolved
    ]


def _first_insert(columns: list[str], inserts: list[Rec], cl: int, defaults: dict) -> RowState:
    ordered = sorted(inserts, key=lambda r: (r.hlc, r.site))
    first = ordered[0]
    state = RowState(True, cl, {c: first.vals.get(c, defaults.get(c)) for c in columns}, (first.hlc, first.site))
    for other in ordered[1:]:
        if other.vals != first.vals:
            state.conflicts.append(
                Conflict(TAMPER, ROW_COLUMN, Write((0, other.hlc, other.site), None, other.vals, other))
            )
    return state


def _deleted(columns: list[str], recs: list[Rec], cl: int) -> RowState:
    deletes = [r for r in recs if r.op == "delete" and r.cl == cl]
    winner = max(deletes, key=lambda r: (r.hlc, r.site))
    state = RowState(False, cl, row_clock=(winner.hlc, winner.site))
    resolved = {tuple(c) for r in deletes for c in (r.prev or {}).get("_resolves", ())}
    seen = winner.old or {}
    updates = [r for r in recs if r.op == "update" and r.cl == cl - 1]
    per_column = _column_writes(columns, [], updates, {})
    for column in sorted(per_column):
        last = max(per_column[column], key=lambda w: w.clock)
        if last.rec.site != winner.site and last.value != seen.get(column) and last.clock not in resolved:
            state.conflicts.append(Conflict(DELETED, column, last))
    return state
