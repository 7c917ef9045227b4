"""Where a household stands in a procedure, worked out from its workflow events.

Nothing stores the state: it is replayed from ``workflow_events`` (insert-only,
one event per completed step, synced like every record) in the order of
``event_date`` then creation clock. Outcomes:

- ``pass``: the step is done (ignored unless it is the next step);
- ``revert``: the last done step is undone (a reason is required when recorded);
- ``reject`` / ``withdraw``: the household leaves the procedure (decided against,
  or an objection upheld); a later ``pass`` of the first step starts it again.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from models.procedure_steps import ELIGIBLE_STATUS, Step, steps

PASS, REVERT, REJECT, WITHDRAW = "pass", "revert", "reject", "withdraw"
OUTCOMES = (PASS, REVERT, REJECT, WITHDRAW)
OPEN = "open"


@dataclass(frozen=True)
class Event:
    """One recorded workflow event."""

    id: str
    household_id: str
    step_id: str
    event_date: str
    outcome: str
    actor: str | None
    note: str | None
    data: dict[str, Any]

    @property
    def votes(self) -> dict[str, int] | None:
        """The vote counts of a meeting, when recorded."""
        return self.data.get("votes")

    @property
    def minutes(self) -> str | None:
        """The meeting minutes, when recorded."""
        return self.data.get("minutes")


@dataclass(frozen=True)
class Objection:
    """An objection raised against a household during a notice period."""

    id: str
    household_id: str
    procedure: str
    year: int
    step: str
    notice_id: str | None
    raised_by: str | None
    raised_date: str
    content: str
    status: str
    resolution: str | None
    resolved_date: str | None


@dataclass(frozen=True)
class ProcedureState:
    """A household's position in one procedure and year."""

    household_id: str
    procedure: str
    year: int
    steps: tuple[Step, ...]
    done: tuple[Event, ...] = ()
    events: tuple[Event, ...] = ()
    closed_by: Event | None = None
    open_objections: tuple[Objection, ...] = field(default_factory=tuple)

    @property
    def started(self) -> bool:
        """Any event recorded (even if later undone)."""
        return bool(self.events)

    @property
    def completed(self) -> bool:
        """Every step passed: the household's status follows."""
        return len(self.done) == len(self.steps)

    @property
    def closed(self) -> bool:
        """The household left the procedure (rejected or an objection upheld)."""
        return self.closed_by is not None

    @property
    def is_open(self) -> bool:
        """Started, neither completed nor left."""
        return bool(self.done) and not self.completed and not self.closed

    @property
    def next_step(self) -> Step | None:
        """The step to do next (None when completed or left)."""
        if self.completed or self.closed:
            return None
        return self.steps[len(self.done)]

    @property
    def last_step(self) -> Step | None:
        """The last step done."""
        return self.steps[len(self.done) - 1] if self.done else None


def replay(household_id: str, procedure: str, year: int, events: list[Event]) -> ProcedureState:
    """The state reached by applying ``events`` (already in order) to the procedure's steps."""
    table = steps(procedure)
    order = [s.step_id for s in table]
    done: list[Event] = []
    closed: Event | None = None
    for event in events:
        if event.step_id not in order:
            continue
        if event.outcome == PASS:
            if closed is not None and event.step_id == order[0]:
                done, closed = [], None
            if closed is None and len(done) < len(order) and event.step_id == order[len(done)]:
                done.append(event)
        elif event.outcome == REVERT:
            if closed is None and done and len(done) < len(order) and done[-1].step_id == event.step_id:
                done.pop()
        elif event.outcome in (REJECT, WITHDRAW) and closed is None and len(done) < len(order):
            closed = event
    return ProcedureState(household_id, procedure, year, table, tuple(done), tuple(events), closed)


def load_events(
    conn: sqlite3.Connection, household_ids: Iterable[str], procedure: str, year: int
) -> dict[str, list[Event]]:
    """The events of each household for one procedure and year, in replay order."""
    result: dict[str, list[Event]] = defaultdict(list)
    for chunk in _chunks(list(household_ids)):
        rows = conn.execute(
            "SELECT id, household_id, step, event_date, outcome, actor, note, data FROM workflow_events "
            "WHERE procedure = ? AND year = ? AND household_id IN (SELECT value FROM json_each(?)) "
            "ORDER BY event_date, _hlc, id",
            (procedure, year, json.dumps(chunk)),
        )
        for row in rows:
            result[row[1]].append(_event(row))
    return result


def _event(row: tuple) -> Event:
    data = json.loads(row[7]) if row[7] else {}
    return Event(row[0], row[1], row[2], row[3], row[4] or PASS, row[5], row[6], data)


def open_objections(
    conn: sqlite3.Connection, household_ids: Iterable[str], procedure: str, year: int
) -> dict[str, list[Objection]]:
    """Objections still open, by household."""
    result: dict[str, list[Objection]] = defaultdict(list)
    for chunk in _chunks(list(household_ids)):
        cursor = conn.execute(
            f"SELECT {OBJECTION_COLUMNS} FROM objections WHERE procedure = ? AND year = ? AND status = ? "
            "AND household_id IN (SELECT value FROM json_each(?)) ORDER BY raised_date, id",
            (procedure, year, OPEN, json.dumps(chunk)),
        )
        for row in cursor:
            result[row[1]].append(Objection(*row))
    return result


OBJECTION_COLUMNS = (
    "id, household_id, procedure, year, step, notice_id, raised_by, raised_date, content, status, "
    "resolution, resolved_date"
)


def states(
    conn: sqlite3.Connection, household_ids: Iterable[str], procedure: str, year: int
) -> dict[str, ProcedureState]:
    """The state of several households at once (two queries whatever their number)."""
    ids = list(dict.fromkeys(household_ids))
    events = load_events(conn, ids, procedure, year)
    objections = open_objections(conn, ids, procedure, year)
    result = {}
    for hid in ids:
        base = replay(hid, procedure, year, events.get(hid, []))
        result[hid] = ProcedureState(
            hid, procedure, year, base.steps, base.done, base.events, base.closed_by, tuple(objections.get(hid, []))
        )
    return result


def state(conn: sqlite3.Connection, household_id: str, procedure: str, year: int) -> ProcedureState:
    """Where one household stands in ``procedure`` for ``year``: done steps, next step, open objections."""
    return states(conn, [household_id], procedure, year)[household_id]


def current_statuses(conn: sqlite3.Connection, household_ids: Iterable[str], year: int) -> dict[str, str | None]:
    """Each household's status as of ``year`` (its latest status row up to that year), None when it has none."""
    result: dict[str, str | None] = {hid: None for hid in household_ids}
    for chunk in _chunks(list(result)):
        rows = conn.execute(
            "SELECT household_id, status, MAX(year) FROM status_history WHERE year <= ? "
            "AND household_id IN (SELECT value FROM json_each(?)) GROUP BY household_id",
            (year, json.dumps(chunk)),
        )
        result.update({hid: status for hid, status, _ in rows})
    return result


def households_at_step(conn: sqlite3.Connection, procedure: str, step: str, village_code: str, year: int) -> list[str]:
    """Households of a village whose NEXT step in ``procedure`` (``year``) is ``step``.

    For the first step these are the households that may start the procedure
    (their status allows it) and have not started it this year. Ordered by
    household number, then id.
    """
    table = steps(procedure)
    if step not in {s.step_id for s in table}:
        return []
    started = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT household_id FROM workflow_events WHERE village_code = ? AND procedure = ? AND year = ?",
            (village_code, procedure, year),
        )
    ]
    current = states(conn, started, procedure, year)
    found = {hid for hid, s in current.items() if s.next_step is not None and s.next_step.step_id == step}
    if step == table[0].step_id:
        found |= set(eligible_households(conn, procedure, village_code, year)) - set(started)
    return _ordered(conn, found)


def eligible_households(conn: sqlite3.Connection, procedure: str, village_code: str, year: int) -> list[str]:
    """Households of a village whose status as of ``year`` allows starting ``procedure``."""
    ids = [r[0] for r in conn.execute("SELECT id FROM households WHERE village_code = ?", (village_code,))]
    allowed = ELIGIBLE_STATUS[procedure]
    return [hid for hid, status in current_statuses(conn, ids, year).items() if status in allowed]


def _ordered(conn: sqlite3.Connection, ids: set[str]) -> list[str]:
    if not ids:
        return []
    rows = conn.execute(
        "SELECT id FROM households WHERE id IN (SELECT value FROM json_each(?)) "
        "ORDER BY COALESCE(household_no, ''), id",
        (json.dumps(sorted(ids)),),
    )
    return [r[0] for r in rows]


def _chunks(items: list[str], size: int = 5000) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
