"""Objections (异议) raised while a household is listed on a notice (公示).

An open objection holds the household's procedure where it is: no step can
pass until it is resolved. Upheld → the household leaves the procedure (a
``withdraw`` event, in the same transaction); rejected → the reason is written
down and the procedure goes on.
"""

from __future__ import annotations

import datetime
from typing import Any

from models.errors import JiandangError, NotFoundError
from models.procedure_state import OBJECTION_COLUMNS, OPEN, WITHDRAW, Objection, ProcedureState, state
from models.procedure_steps import procedure_title, steps

UPHELD, REJECTED = "upheld", "rejected"


def record_objection(
    registry_or_db: Any,
    household_id: str,
    procedure: str,
    content: str,
    raised_by: str | None,
    raised_date: str,
    *,
    year: int | None = None,
    notice_id: str | None = None,
) -> str:
    """Record an objection against a household at the notice stage of ``procedure``; returns its id.

    The household must be in the procedure, with a notice step just done (the
    notice is posted) or next (about to be posted). ``notice_id`` links the
    objection to the posted notice; when it is not given, the archived notice
    listing the household whose period includes ``raised_date`` is linked.
    """
    db, registry = _target(registry_or_db)
    if not (content or "").strip():
        raise JiandangError("请填写异议内容。", "Enter what the objection says.")
    day = _day(raised_date)
    current = _open_state(db.conn, household_id, procedure, year, day.year)
    notice = _notice_step(current)
    _check_raised_after_posting(current, raised_date)
    notice_id = notice_id or _posted_notice(db.conn, household_id, raised_date)
    with _writing(db, registry, household_id) as writer:
        village = db.conn.execute("SELECT village_code FROM households WHERE id = ?", (household_id,)).fetchone()[0]
        return writer.insert(
            "objections",
            {
                "household_id": household_id,
                "village_code": village,
                "procedure": procedure,
                "year": current.year,
                "step": notice,
                "notice_id": notice_id,
                "raised_by": raised_by,
                "raised_date": raised_date,
                "content": content,
                "status": OPEN,
            },
        )


def resolve_objection(
    registry_or_db: Any,
    objection_id: str,
    upheld: bool,
    resolution: str | None,
    date: str,
    *,
    resolved_by: str | None = None,
) -> None:
    """Close an objection: upheld → the household leaves the procedure; rejected → ``resolution`` gives the reason."""
    from models.procedure_writes import write_event

    db, registry = _target(registry_or_db)
    objection = get_objection(db.conn, objection_id)
    if objection.status != OPEN:
        raise JiandangError("该异议已经处理过。", "This objection has already been resolved.")
    text = (resolution or "").strip()
    if not upheld and not text:
        raise JiandangError("驳回异议必须写明理由。", "Rejecting an objection needs a reason.")
    if _day(date) < _day(objection.raised_date):
        raise JiandangError("处理日期早于提出日期。", "The resolution date is before the objection was raised.")
    text = text or "异议成立，退出程序"
    current = state(db.conn, objection.household_id, objection.procedure, objection.year)
    with _writing(db, registry, objection.household_id) as writer:
        writer.update(
            "objections",
            objection_id,
            {
                "status": UPHELD if upheld else REJECTED,
                "resolution": text,
                "resolved_date": date,
                "resolved_by": resolved_by,
            },
        )
        if upheld and current.is_open:
            village = db.conn.execute(
                "SELECT village_code FROM households WHERE id = ?", (objection.household_id,)
            ).fetchone()[0]
            step_id = current.next_step.step_id if current.next_step else objection.step
            write_event(
                writer, current, step_id, village, date, resolved_by, WITHDRAW, text, {"objection": objection_id}
            )


def get_objection(conn: Any, objection_id: str) -> Objection:
    """One objection by id."""
    row = conn.execute(f"SELECT {OBJECTION_COLUMNS} FROM objections WHERE id = ?", (objection_id,)).fetchone()
    if row is None:
        raise NotFoundError("找不到该异议记录。", "No such objection.")
    return Objection(*row)


def objections_of(conn: Any, household_id: str) -> list[Objection]:
    """Every objection raised against a household, oldest first."""
    rows = conn.execute(
        f"SELECT {OBJECTION_COLUMNS} FROM objections WHERE household_id = ? ORDER BY raised_date, id",
        (household_id,),
    )
    return [Objection(*r) for r in rows]


def _open_state(conn: Any, household_id: str, procedure: str, year: int | None, event_year: int) -> ProcedureState:
    steps(procedure)  # an unknown procedure is refused with its own message
    for candidate in [year] if year else [event_year, event_year - 1]:
        current = state(conn, household_id, procedure, candidate)
        if current.is_open:
            return current
    raise JiandangError(
        f"该户不在{procedure_title(procedure)}程序中，不能登记异议。",
        f"The household is not in the {procedure} procedure; no objection can be recorded.",
    )


def _notice_step(current: ProcedureState) -> str:
    last, upcoming = current.last_step, current.next_step
    if last is not None and last.kind == "notice":
        return last.step_id
    if upcoming is not None and upcoming.kind == "notice":
        return upcoming.step_id
    raise JiandangError(
        "该户不在公示阶段，不能登记异议。", "The household is not listed on a notice; no objection can be recorded."
    )


def _check_raised_after_posting(current: ProcedureState, raised_date: str) -> None:
    """An objection to a posted notice is raised on or after the day it was posted."""
    if current.last_step is None or current.last_step.kind != "notice" or not current.done:
        return
    posted = current.done[-1].event_date
    if raised_date < posted:
        raise JiandangError(
            f"异议日期 {raised_date} 早于公示张贴日期 {posted}，请核对日期。",
            f"The objection is dated {raised_date}, before the notice was posted on {posted}; check the date.",
        )


def _posted_notice(conn: Any, household_id: str, day: str) -> str | None:
    """The archived notice listing the household whose period includes ``day`` (notices feature), if any."""
    from models.notice_archive import notice_covering

    found = notice_covering(conn, household_id, day)
    return found.id if found is not None else None


def _target(registry_or_db: Any) -> tuple[Any, Any]:
    from models.db import Database

    if isinstance(registry_or_db, Database):
        return registry_or_db, None
    return registry_or_db.db, registry_or_db


def _writing(db: Any, registry: Any, household_id: str) -> Any:
    return registry.writing([household_id]) if registry is not None else db.write()


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(str(text))
    except ValueError:
        raise JiandangError(f"日期“{text}”无效，应为 YYYY-MM-DD。", f"Invalid date '{text}' (YYYY-MM-DD).") from None
