"""``procedure list`` and ``procedure show``: where households stand, as text or JSON."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from models.text_table import format_table

if TYPE_CHECKING:
    from models.db import Database

Text = Callable[[argparse.Namespace, str], Any]


def show_list(db: Database, args: argparse.Namespace, out: TextIO, t: Text) -> int:
    """Households of a village whose next step is ``--step``."""
    from models.procedure_steps import step as find_step
    from models.procedures import households_at_step
    from models.warnings import working_year

    target = find_step(args.procedure, args.step)
    ids = households_at_step(db.conn, args.procedure, args.step, args.village, args.year or working_year(db.conn))
    rows = [_row(db, hid) for hid in ids]
    if args.json:
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(t(args, "at_step").format(step=target.title(args.lang), n=len(ids)) + "\n")
    table = [[r["household_no"] or "", r["head"] or "", r["group"] or ""] for r in rows]
    if table:
        out.write("\n".join(format_table(t(args, "list_header"), table)) + "\n")
    return 0


def _row(db: Database, household_id: str) -> dict[str, Any]:
    row = db.conn.execute(
        "SELECT h.household_no, (SELECT name FROM members m WHERE m.household_id = h.id AND m.relation = '01' "
        "AND m.in_household = 1 LIMIT 1), g.name FROM households h LEFT JOIN village_groups g ON g.id = h.group_id "
        "WHERE h.id = ?",
        (household_id,),
    ).fetchone()
    return {"id": household_id, "household_no": row[0], "head": row[1], "group": row[2]}


def show_household(db: Database, args: argparse.Namespace, out: TextIO, t: Text, household_id: str) -> int:
    """Every procedure of one household in a year: done steps, the next step, open objections."""
    from models.procedure_views import timeline
    from models.warnings import working_year

    year = args.year or working_year(db.conn)
    states = timeline(db.conn, household_id, year)
    if args.json:
        out.write(json.dumps([_state_data(s) for s in states], ensure_ascii=False, indent=2) + "\n")
        return 0
    if not states:
        out.write(t(args, "timeline_none").format(year=year) + "\n")
        return 0
    for current in states:
        out.write("\n".join(_state_lines(current, args, t)) + "\n")
    return 0


def _state_lines(current: Any, args: argparse.Namespace, t: Text) -> list[str]:
    from models.procedure_steps import procedure_title

    lang = args.lang
    lines = [f"{procedure_title(current.procedure, lang)} {current.year}"]
    for event in current.done:
        step = next(s for s in current.steps if s.step_id == event.step_id)
        lines.append(f"  ✓ {event.event_date}  {step.title(lang)}  {event.actor or ''}")
    if current.completed:
        lines.append(f"  {t(args, 'done')}")
    elif current.closed:
        lines.append(f"  {t(args, 'left')}: {current.closed_by.note or ''}")
    elif current.next_step is not None:
        lines.append(f"  → {t(args, 'next')}: {current.next_step.title(lang)}")
    if current.open_objections:
        lines.append("  " + t(args, "open_objections").format(n=len(current.open_objections)))
    return lines


def _state_data(current: Any) -> dict[str, Any]:
    return {
        "procedure": current.procedure,
        "year": current.year,
        "done": [{"step": e.step_id, "date": e.event_date, "actor": e.actor, "votes": e.votes} for e in current.done],
        "next_step": current.next_step.step_id if current.next_step else None,
        "completed": current.completed,
        "closed": current.closed,
        "open_objections": [o.id for o in current.open_objections],
    }
