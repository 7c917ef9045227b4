"""Identification, exit, return and removal as data-driven procedures.

The steps are data (``models/procedure_steps.py``); the state is replayed from
``workflow_events`` (``models/procedure_state.py``); this module records steps:

    record_step(registry, household_ids, "exit", "committee_review", "2019-10-08", "村两委",
                votes={"present": 9, "for": 8, "against": 1}, minutes="……")

One call is one meeting deciding for many households: one transaction, one
event per household, refused as a whole (nothing written) when any household
is not at that step. When the last step passes the household's yearly status
(新识别, 已脱贫, 返贫, 销号) is written in the same transaction.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from models.changes import ChangeWriter, new_id
from models.db import Database
from models.errors import JiandangError
from models.exit_test import FAIL, exit_test
from models.objections import record_objection, resolve_objection
from models.procedure_state import (
    PASS,
    REJECT,
    REVERT,
    WITHDRAW,
    ProcedureState,
    current_statuses,
    households_at_step,
    state,
    states,
)
from models.procedure_steps import ELIGIBLE_STATUS, PROCEDURES, Step, procedure_title, steps
from models.procedure_steps import step as find_step
from models.procedure_text import ProcedureError, household_names, notice_days, refusal
from models.procedure_writes import write_event, write_result_status

__all__ = [
    "PROCEDURES",
    "ProcedureError",
    "ProcedureState",
    "households_at_step",
    "record_objection",
    "record_step",
    "resolve_objection",
    "state",
    "states",
]

VOTE_KEYS = ("present", "for", "against", "abstain")
RecordTarget = Any  # a Registry or a Database


def record_step(
    registry_or_db: RecordTarget,
    household_ids: list[str],
    procedure: str,
    step: str,
    event_date: str,
    actor: str,
    outcome: str = PASS,
    votes: dict[str, int] | None = None,
    minutes: str | None = None,
    note: str | None = None,
    *,
    year: int | None = None,
    today: datetime.date | None = None,
) -> list[str]:
    """Record one step for many households (one meeting, one transaction); returns the event ids.

    ``outcome`` is ``pass`` (the step is done), ``reject`` (decided against: the
    household leaves the procedure), ``withdraw`` (the household withdraws) or
    ``revert`` (undo the last done step ``step``; ``note`` must give the reason).
    ``year`` defaults to the year of the household's open procedure, else the
    year of ``event_date``. Raises ProcedureError naming every household that is
    not at ``step`` (or has an open objection, or whose notice period is not over).
    """
    db, registry = _target(registry_or_db)
    target = find_step(procedure, step)
    day = _check_request(household_ids, outcome, event_date, note, votes, target, _today(registry, today))
    ids = list(dict.fromkeys(household_ids))
    years = {hid: year or _open_year(db, hid, procedure, day.year) for hid in ids}
    found = _current_states(db, years, procedure)
    problems = [p for hid in ids for p in _refusals(db, found[hid], target, outcome, event_date)]
    if problems:
        raise ProcedureError(problems, household_names(db.conn, [p[0] for p in problems]))
    batch = new_id()
    data = {k: v for k, v in {"batch": batch, "votes": votes, "minutes": minutes}.items() if v}
    with _writing(db, registry, ids) as writer:
        return [_write_event(writer, db, found[hid], target, event_date, actor, outcome, note, data) for hid in ids]


def _target(registry_or_db: RecordTarget) -> tuple[Database, Any]:
    if isinstance(registry_or_db, Database):
        return registry_or_db, None
    return registry_or_db.db, registry_or_db


def _today(registry: Any, today: datetime.date | None) -> datetime.date:
    if today is not None:
        return today
    return registry.today() if registry is not None else datetime.date.today()


@contextmanager
def _writing(db: Database, registry: Any, household_ids: list[str]) -> Iterator[ChangeWriter]:
    if registry is not None:
        with registry.writing(household_ids) as writer:
            yield writer
    else:
        with db.write() as writer:
            yield writer


def _check_request(
    household_ids: list[str],
    outcome: str,
    event_date: str,
    note: str | None,
    votes: dict[str, int] | None,
    target: Step,
    today: datetime.date,
) -> datetime.date:
    """Refuse a malformed request before looking at any household."""
    if not household_ids:
        raise JiandangError("请至少选择一户。", "Choose at least one household.")
    if outcome not in (PASS, REVERT, REJECT, WITHDRAW):
        raise JiandangError(f"结果“{outcome}”无效。", f"Unknown outcome '{outcome}'.")
    day = _parse_day(event_date)
    if day > today:
        raise JiandangError(f"日期 {event_date} 晚于今天。", f"The date {event_date} is in the future.")
    if outcome in (REVERT, WITHDRAW, REJECT) and not (note or "").strip():
        raise JiandangError(
            "不通过、退回或撤出都必须写明原因。", "A rejection, going back or withdrawing needs a reason."
        )
    _check_votes(votes, target, outcome)
    if target.procedure in REASON_NEEDED and target == steps(target.procedure)[0] and not (note or "").strip():
        zh, en = REASON_NEEDED[target.procedure]
        raise JiandangError(f"申请{zh}时必须写明原因。", f"Applying for {en} needs the reason.")
    return day


REASON_NEEDED = {"return": ("返贫", "a return to poverty"), "removal": ("销号", "removal")}  # DOMAIN.md: 返贫原因


def _parse_day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(str(text))
    except ValueError:
        raise JiandangError(f"日期“{text}”无效，应为 YYYY-MM-DD。", f"Invalid date '{text}' (YYYY-MM-DD).") from None


def _check_votes(votes: dict[str, int] | None, target: Step, outcome: str) -> None:
    if target.kind == "vote" and outcome == PASS and not votes:
        raise JiandangError(f"“{target.title_zh}”需要填写表决票数。", f"'{target.title_en}' needs the vote counts.")
    if not votes:
        return
    unknown = set(votes) - set(VOTE_KEYS)
    if unknown or any(not isinstance(v, int) or v < 0 for v in votes.values()):
        raise JiandangError("票数应为非负整数（应到、赞成、反对、弃权）。", "Votes must be whole numbers ≥ 0.")
    cast = votes.get("for", 0) + votes.get("against", 0) + votes.get("abstain", 0)
    if "present" in votes and cast > votes["present"]:
        raise JiandangError("赞成、反对、弃权票之和超过出席人数。", "More votes than people present.")
    if outcome == PASS and votes.get("for", 0) <= votes.get("against", 0):
        raise JiandangError("赞成票未超过反对票，不能通过。", "Not passed: no more votes for than against.")


def _open_year(db: Database, household_id: str, procedure: str, event_year: int) -> int:
    """The year of the household's open procedure (started last year, not finished), else ``event_year``."""
    previous = state(db.conn, household_id, procedure, event_year - 1)
    return (
        event_year - 1
        if previous.is_open and not state(db.conn, household_id, procedure, event_year).started
        else event_year
    )


def _current_states(db: Database, years: dict[str, int], procedure: str) -> dict[str, ProcedureState]:
    by_year: dict[int, list[str]] = {}
    for hid, year in years.items():
        by_year.setdefault(year, []).append(hid)
    found: dict[str, ProcedureState] = {}
    for year, ids in by_year.items():
        found.update(states(db.conn, ids, procedure, year))
    return found


def _refusals(
    db: Database, current: ProcedureState, target: Step, outcome: str, event_date: str
) -> list[tuple[str, str, str]]:
    """Why this household cannot have this step recorded: [(household id, zh, en)]."""
    hid = current.household_id
    if not db.conn.execute("SELECT 1 FROM households WHERE id = ?", (hid,)).fetchone():
        return [(hid, "找不到该户。", "no such household.")]
    if not current.year <= int(event_date[:4]) <= current.year + 1:  # a procedure may run into the next year
        return [(hid, *refusal("date_year", date=event_date, year=current.year))]
    last = current.events[-1].event_date if current.events else None
    if last and event_date < last:
        return [(hid, *refusal("date_before", date=event_date, last=last))]
    if outcome == REVERT:
        return _revert_refusals(current, target)
    if current.completed:
        return [(hid, *refusal("completed", procedure=procedure_title(current.procedure)))]
    first = current.steps[0]
    if target == first and (not current.done or current.closed):
        return _start_refusals(db, current, target)
    expected = current.next_step
    if expected is None or expected != target:
        return [(hid, *refusal("order", step=target.title_zh, step_en=target.title_en, expected=expected))]
    if outcome == PASS:
        return _pass_refusals(db, current, event_date) or _exit_test_refusals(db, current, target)
    return []


def _revert_refusals(current: ProcedureState, target: Step) -> list[tuple[str, str, str]]:
    if current.completed:
        return [(current.household_id, *refusal("revert_completed"))]
    if current.last_step != target or current.closed:
        return [(current.household_id, *refusal("revert_not_last", step=target.title_zh, step_en=target.title_en))]
    return []


def _start_refusals(db: Database, current: ProcedureState, target: Step) -> list[tuple[str, str, str]]:
    hid = current.household_id
    status = current_statuses(db.conn, [hid], current.year)[hid]
    if status not in ELIGIBLE_STATUS[current.procedure]:
        return [(hid, *refusal("not_eligible", status=status, procedure=current.procedure))]
    for other in PROCEDURES:
        if other != current.procedure and state(db.conn, hid, other, current.year).is_open:
            return [(hid, *refusal("other_open", procedure=procedure_title(other), procedure_en=other))]
    return []


def _pass_refusals(db: Database, current: ProcedureState, event_date: str) -> list[tuple[str, str, str]]:
    hid = current.household_id
    if current.open_objections:
        return [(hid, *refusal("objection", count=len(current.open_objections)))]
    last_step, last = current.last_step, current.done[-1] if current.done else None
    if last_step is not None and last is not None and last_step.kind == "notice":
        ends = datetime.date.fromisoformat(last.event_date) + datetime.timedelta(days=notice_days(db.conn))
        if datetime.date.fromisoformat(event_date) < ends:
            last_day = (ends - datetime.timedelta(days=1)).isoformat()
            return [(hid, *refusal("notice_running", start=last.event_date, end=last_day, next=ends.isoformat()))]
    return []


def _exit_test_refusals(db: Database, current: ProcedureState, target: Step) -> list[tuple[str, str, str]]:
    """An exit is verified only for a household that meets the exit standard (DOMAIN.md: the exit test)."""
    if current.procedure != "exit" or target.kind != "verify":
        return []
    failed = [item for item in exit_test(db.conn, current.household_id, current.year) if item.status == FAIL]
    if not failed:
        return []
    zh, en = "、".join(i.title() for i in failed), ", ".join(i.title("en") for i in failed)
    return [(current.household_id, *refusal("exit_test", failed=zh, failed_en=en))]


def _write_event(
    writer: ChangeWriter,
    db: Database,
    current: ProcedureState,
    target: Step,
    event_date: str,
    actor: str,
    outcome: str,
    note: str | None,
    data: dict[str, Any],
) -> str:
    household = db.conn.execute("SELECT village_code FROM households WHERE id = ?", (current.household_id,)).fetchone()
    event_id = write_event(writer, current, target.step_id, household[0], event_date, actor, outcome, note, data)
    if outcome == PASS and target == current.steps[-1]:
        write_result_status(writer, db, current, event_date, note)
    return event_id
