"""Writing a procedure's events and, when it completes, the household's status (inside the caller's transaction)."""

from __future__ import annotations

from typing import Any

from models.changes import ChangeWriter, canonical_json, stable_id
from models.db import Database
from models.procedure_state import ProcedureState
from models.procedure_steps import RESULT_STATUS


def write_event(
    writer: ChangeWriter,
    current: ProcedureState,
    step_id: str,
    village_code: str | None,
    event_date: str,
    actor: str | None,
    outcome: str,
    note: str | None,
    data: dict[str, Any],
) -> str:
    """Insert one workflow event inside the caller's transaction."""
    return writer.insert(
        "workflow_events",
        {
            "household_id": current.household_id,
            "village_code": village_code,
            "procedure": current.procedure,
            "step": step_id,
            "year": current.year,
            "event_date": event_date,
            "outcome": outcome,
            "actor": actor,
            "data": canonical_json(data) if data else None,
            "note": note,
        },
    )


def write_result_status(
    writer: ChangeWriter, db: Database, current: ProcedureState, event_date: str, note: str | None
) -> None:
    """The completed procedure's status for the year (and exit / identification year) of the household."""
    hid, year = current.household_id, current.year
    applied = next((e.note for e in current.done if e.note), None)  # the reason given when it was applied for
    values = {"status": RESULT_STATUS[current.procedure], "reason": note or applied, "decided_date": event_date}
    pk = stable_id("status", hid, year)
    if db.conn.execute("SELECT 1 FROM status_history WHERE id = ?", (pk,)).fetchone():
        writer.update("status_history", pk, values)
    else:
        writer.insert("status_history", {**values, "id": pk, "household_id": hid, "year": year})
    changes: dict[str, Any] = {}
    if current.procedure == "exit":
        changes = {"exit_year": year}
    elif current.procedure == "return":
        changes = {"exit_year": None}
    elif current.procedure == "identification":
        identified = db.conn.execute("SELECT identified_year FROM households WHERE id = ?", (hid,)).fetchone()[0]
        changes = {} if identified else {"identified_year": year}
    if changes:
        writer.update("households", hid, changes)
