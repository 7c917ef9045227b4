"""Read-only views the procedure screens need: which households to offer, and how to name them."""

from __future__ import annotations

import datetime
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from models.exit_test import FAIL, PASS, exit_test
from models.procedure_state import OBJECTION_COLUMNS, Objection, ProcedureState, households_at_step, state, states
from models.procedure_steps import PROCEDURES
from models.procedure_text import notice_days


@dataclass(frozen=True)
class HouseholdLine:
    """A household as the procedure screens list it."""

    id: str
    household_no: str
    head: str
    group: str
    population: int
    village_code: str


def household_lines(conn: sqlite3.Connection, ids: Iterable[str]) -> list[HouseholdLine]:
    """The households in the order given, with head, group and population."""
    wanted = list(dict.fromkeys(ids))
    rows = conn.execute(
        "SELECT h.id, COALESCE(h.household_no, ''), COALESCE((SELECT name FROM members m WHERE m.household_id = h.id "
        "AND m.relation = '01' AND m.in_household = 1 LIMIT 1), ''), COALESCE(g.name, ''), "
        "(SELECT COUNT(*) FROM members m WHERE m.household_id = h.id AND m.in_household = 1), h.village_code "
        "FROM households h LEFT JOIN village_groups g ON g.id = h.group_id "
        "WHERE h.id IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted),),
    )
    found = {r[0]: HouseholdLine(*r) for r in rows}
    return [found[i] for i in wanted if i in found]


def candidates(
    conn: sqlite3.Connection, procedure: str, step: str, village_code: str, year: int, outcome: str = "pass"
) -> list[str]:
    """Households a step can be recorded for: at the step, or (to go back) just past it."""
    if outcome != "revert":
        return households_at_step(conn, procedure, step, village_code, year)
    started = _started(conn, procedure, village_code, year)
    return [
        hid
        for hid, s in states(conn, started, procedure, year).items()
        if s.is_open and s.last_step is not None and s.last_step.step_id == step
    ]


def households_at_notice(conn: sqlite3.Connection, procedure: str, village_code: str, year: int) -> list[str]:
    """Households an objection can be raised against: a notice step just done or next."""
    started = _started(conn, procedure, village_code, year)
    found = []
    for hid, s in states(conn, started, procedure, year).items():
        near = [x for x in (s.last_step, s.next_step) if x is not None]
        if s.is_open and any(x.kind == "notice" for x in near):
            found.append(hid)
    return found


def open_objections(conn: sqlite3.Connection, village_code: str | None = None) -> list[Objection]:
    """Open objections (of one village, or all), oldest first."""
    rows = conn.execute(
        f"SELECT {OBJECTION_COLUMNS} FROM objections WHERE status = 'open' "
        "AND (? IS NULL OR village_code = ?) ORDER BY raised_date, id",
        (village_code, village_code),
    )
    return [Objection(*r) for r in rows]


def exit_summary(conn: sqlite3.Connection, household_id: str, year: int) -> tuple[int, int, str]:
    """(items passed, items in all, one line per item) of the exit test, for a list column and its tooltip."""
    items = exit_test(conn, household_id, year)
    lines = "\n".join(
        f"{'✓' if i.status == PASS else ('✗' if i.status == 'fail' else '?')} {i.title()}：{i.detail_zh}" for i in items
    )
    return sum(i.status == PASS for i in items), len(items), lines


def step_hints(
    conn: sqlite3.Connection, procedure: str, ids: list[str], year: int, day: str, step: str = "", lang: str = "zh"
) -> dict[str, str]:
    """Why a step would be refused for a household on ``day`` (in Chinese, or English with ``lang="en"``): open
    objections, a notice period still running, another procedure open, or (verifying an exit) a failing exit test."""
    hints = {}
    for hid, current in states(conn, ids, procedure, year).items():
        found = _hint(conn, current, procedure, year, day, step)
        if found:
            hints[hid] = found[1] if lang == "en" else found[0]
    return hints


def _hint(
    conn: sqlite3.Connection, current: ProcedureState, procedure: str, year: int, day: str, step: str
) -> tuple[str, str] | None:
    if current.open_objections:
        count = len(current.open_objections)
        return f"⚠ {count} 条异议未处理", f"⚠ {count} open objection(s)"
    if current.last_step is not None and current.last_step.kind == "notice":
        ends = datetime.date.fromisoformat(current.done[-1].event_date) + datetime.timedelta(days=notice_days(conn))
        last = (ends - datetime.timedelta(days=1)).isoformat()
        if day < ends.isoformat():
            return f"公示期至 {last}", f"notice runs until {last}"
    if step and not current.done:
        busy = [p for p in PROCEDURES if p != procedure and state(conn, current.household_id, p, year).is_open]
        if busy:
            zh, en = PROCEDURES[busy[0]]
            return f"⚠ {zh}程序尚未结束", f"⚠ {en.lower()} still open"
    if procedure == "exit" and step == "verify":
        failed = [i for i in exit_test(conn, current.household_id, year) if i.status == FAIL]
        if failed:
            zh, en = "、".join(i.title() for i in failed), ", ".join(i.title("en") for i in failed)
            return f"✗ 未达脱贫标准：{zh}", f"✗ below the exit standard: {en}"
    return None


def villages(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(code, name) of every village, by code."""
    return [(r[0], r[1]) for r in conn.execute("SELECT code, name FROM regions WHERE level = 5 ORDER BY code")]


def _started(conn: sqlite3.Connection, procedure: str, village_code: str, year: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT household_id FROM workflow_events WHERE village_code = ? AND procedure = ? AND year = ?",
            (village_code, procedure, year),
        )
    ]


def timeline(conn: sqlite3.Connection, household_id: str, year: int) -> list[ProcedureState]:
    """Every procedure the household has events for in ``year`` (for the household editor's timeline)."""
    found = []
    for procedure in PROCEDURES:
        current = state(conn, household_id, procedure, year)
        if current.started:
            found.append(current)
    return found


def procedure_years(conn: sqlite3.Connection, household_id: str) -> list[int]:
    """Years in which the household has workflow events, newest first."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT year FROM workflow_events WHERE household_id = ? ORDER BY year DESC", (household_id,)
        )
    ]
