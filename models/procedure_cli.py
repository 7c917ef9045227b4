"""The commands of issue 4: ``warnings``, ``procedure``, ``objection`` and ``exit-test`` (parsers in
``procedure_cli_args.py``). Each takes the open database, the parsed arguments and a text stream and
returns the exit status.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sqlite3
from typing import TYPE_CHECKING, Any, TextIO

from models.errors import JiandangError
from models.text_table import format_table

if TYPE_CHECKING:
    from models.db import Database

_TEXT = {
    "zh": {
        "no_warnings": "没有预警。",
        "warn_header": ("级别", "村 户编号 户主", "预警", "说明", "改正办法"),
        "error": "错误",
        "warning": "提醒",
        "more": "…… 另有 {n} 条（用 --limit 或 --json 查看）",
        "total": "共 {n} 条预警，涉及 {households} 户。",
        "recorded": "已为 {n} 户登记“{step}”。",
        "at_step": "下一步为“{step}”的户：{n} 户",
        "list_header": ("户编号", "户主", "村民小组"),
        "objection_added": "已登记异议 {id}。",
        "objection_resolved": "已处理异议 {id}：{verdict}。",
        "upheld": "异议成立，该户退出程序",
        "rejected": "异议不成立",
        "obj_header": ("编号", "户", "程序", "提出日期", "内容", "状态", "处理结果"),
        "timeline_none": "该户 {year} 年没有程序记录。",
        "next": "下一步",
        "done": "已完成",
        "left": "已退出",
        "exit_header": ("项目", "结果", "依据"),
        "pass": "通过",
        "fail": "未通过",
        "unknown": "未知",
        "open_objections": "未处理的异议：{n} 条",
    },
    "en": {
        "no_warnings": "No warnings.",
        "warn_header": ("Level", "Household", "Warning", "Detail", "How to fix"),
        "error": "ERROR",
        "warning": "WARN",
        "more": "… {n} more (use --limit or --json)",
        "total": "{n} warnings about {households} households.",
        "recorded": "Recorded '{step}' for {n} households.",
        "at_step": "Households whose next step is '{step}': {n}",
        "list_header": ("Number", "Head", "Group"),
        "objection_added": "Objection {id} recorded.",
        "objection_resolved": "Objection {id} resolved: {verdict}.",
        "upheld": "upheld, the household leaves the procedure",
        "rejected": "rejected",
        "obj_header": ("Id", "Household", "Procedure", "Raised", "Content", "Status", "Resolution"),
        "timeline_none": "No procedure records for {year}.",
        "next": "next",
        "done": "completed",
        "left": "left",
        "exit_header": ("Item", "Result", "Data"),
        "pass": "pass",
        "fail": "FAIL",
        "unknown": "unknown",
        "open_objections": "Open objections: {n}",
    },
}


def _t(args: argparse.Namespace, key: str) -> Any:
    return _TEXT["en" if args.lang == "en" else "zh"][key]


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def resolve_household(conn: sqlite3.Connection, text: str) -> str:
    """A household id from its id or its household number; JiandangError when none or several match."""
    if conn.execute("SELECT 1 FROM households WHERE id = ?", (text,)).fetchone():
        return text
    rows = conn.execute("SELECT id FROM households WHERE household_no = ?", (text,)).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if rows:
        raise JiandangError(f"户编号 {text} 对应多户，请用户的编码。", f"Several households have number {text}.")
    raise JiandangError(f"找不到户编号或编码为 {text} 的户。", f"No household with number or id {text}.")


def warnings_command(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """List the warnings (all, one rule, or one village)."""
    from models.regions import require_village
    from models.warning_rules import RULES_BY_ID
    from models.warnings import run_rules

    for rule in args.rule or []:
        if rule not in RULES_BY_ID:
            raise JiandangError(f"没有“{rule}”这条规则（可选：{'、'.join(RULES_BY_ID)}）。", f"Unknown rule {rule}.")
    ids = None
    if args.village:
        village = require_village(db.conn, args.village)
        ids = [r[0] for r in db.conn.execute("SELECT id FROM households WHERE village_code = ?", (village,))]
    found = run_rules(db.conn, args.year, ids, rules=args.rule)
    if args.json:
        out.write(_json([dataclasses.asdict(w) for w in found]))
        return 0
    if not found:
        out.write(_t(args, "no_warnings") + "\n")
        return 0
    places = _places(db.conn, {w.household_id for w in found[: args.limit]}, args.lang)
    en = args.lang == "en"
    rows = [
        [
            _t(args, w.severity),
            places.get(w.household_id, ""),
            RULES_BY_ID[w.rule_id].title("en" if en else "zh"),
            w.message(args.lang),
            w.hint(args.lang),
        ]
        for w in found[: args.limit]
    ]
    out.write("\n".join(format_table(_t(args, "warn_header"), rows)) + "\n")
    if len(found) > args.limit:
        out.write(_t(args, "more").format(n=len(found) - args.limit) + "\n")
    out.write(_t(args, "total").format(n=len(found), households=len({w.household_id for w in found})) + "\n")
    return 0


def _places(conn: sqlite3.Connection, ids: set[str], lang: str = "zh") -> dict[str, str]:
    from models.procedure_text import household_names

    return {hid: names[1 if lang == "en" else 0] for hid, names in household_names(conn, ids).items()}


def procedure_command(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """``procedure list|show|step``."""
    from models.procedure_cli_show import show_household, show_list

    if args.action == "list":
        return show_list(db, args, out, _t)
    if args.action == "show":
        return show_household(db, args, out, _t, resolve_household(db.conn, args.household))
    return _record(db, args, out)


def _record(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    from models.procedure_steps import step as find_step
    from models.procedures import households_at_step, record_step
    from models.registry import Registry

    target = find_step(args.procedure, args.step)
    if args.village:
        year = args.year or int(args.date[:4])
        ids = households_at_step(db.conn, args.procedure, args.step, args.village, year)
    else:
        ids = [resolve_household(db.conn, h) for h in args.household]
    if not ids:
        raise JiandangError("没有符合条件的户。", "No household is at this step.")
    record_step(
        Registry(db),
        ids,
        args.procedure,
        args.step,
        args.date,
        args.actor,
        args.outcome,
        votes=parse_votes(args.votes),
        minutes=args.minutes,
        note=args.note,
        year=args.year,
    )
    out.write(_t(args, "recorded").format(n=len(ids), step=target.title(args.lang)) + "\n")
    return 0


def parse_votes(text: str | None) -> dict[str, int] | None:
    """``"27,2,1,30"`` → ``{"for": 27, "against": 2, "abstain": 1, "present": 30}``."""
    if not text:
        return None
    parts = [p.strip() for p in text.split(",")]
    if not 2 <= len(parts) <= 4 or not all(p.isdigit() for p in parts):
        raise JiandangError(
            "票数格式应为：赞成,反对[,弃权[,应到]]，如 27,2,1,30。",
            "Votes must be for,against[,abstain[,present]], e.g. 27,2,1,30.",
        )
    return dict(zip(("for", "against", "abstain", "present"), map(int, parts), strict=False))


def objection_command(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """``objection add|resolve|list``."""
    from models.objections import objections_of, record_objection, resolve_objection
    from models.registry import Registry

    if args.action == "add":
        hid = resolve_household(db.conn, args.household)
        pk = record_objection(
            Registry(db), hid, args.procedure, args.content, args.by, args.date, notice_id=args.notice
        )
        out.write(_t(args, "objection_added").format(id=pk) + "\n")
        return 0
    if args.action == "resolve":
        resolve_objection(Registry(db), args.objection_id, args.upheld, args.resolution, args.date, resolved_by=args.by)
        verdict = _t(args, "upheld" if args.upheld else "rejected")
        out.write(_t(args, "objection_resolved").format(id=args.objection_id, verdict=verdict) + "\n")
        return 0
    if args.household:
        found = objections_of(db.conn, resolve_household(db.conn, args.household))
    else:
        from models.procedure_state import OBJECTION_COLUMNS, Objection

        found = [
            Objection(*r)
            for r in db.conn.execute(f"SELECT {OBJECTION_COLUMNS} FROM objections ORDER BY raised_date, id")
        ]
    found = [o for o in found if o.status == "open" or not args.open]
    if args.json:
        out.write(_json([dataclasses.asdict(o) for o in found]))
        return 0
    places = _places(db.conn, {o.household_id for o in found}, args.lang)
    rows = [
        [o.id, places.get(o.household_id, ""), o.procedure, o.raised_date, o.content, o.status, o.resolution or ""]
        for o in found
    ]
    out.write("\n".join(format_table(_t(args, "obj_header"), rows)) + "\n")
    return 0


def exit_test_command(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """The exit test of one household, item by item; exit status 0 whatever the result."""
    from models.exit_test import exit_test
    from models.warnings import working_year

    hid = resolve_household(db.conn, args.household)
    items = exit_test(db.conn, hid, args.year or working_year(db.conn))
    if args.json:
        out.write(_json([dataclasses.asdict(i) for i in items]))
        return 0
    rows = [[i.title(args.lang), _t(args, i.status), i.detail(args.lang)] for i in items]
    out.write("\n".join(format_table(_t(args, "exit_header"), rows)) + "\n")
    return 0
