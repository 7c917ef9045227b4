"""``main.py notice``: print a notice to a PDF file from the command line (and archive it).

    python main.py [--db PATH] notice --kind KIND --village CODE --out FILE.pdf
                   [--start DATE] [--days N] [--paper A4|A4L|A3] [--year Y]
                   [--household ID_OR_NUMBER …] [--status CODE …] [--columns a,b,c] [--two-up]

Only argparse is imported at start-up; reportlab is loaded when the command runs.
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from exports.file_targets import require_writable_target, write_replacing
from exports.notice_kinds import KINDS, PAPERS

if TYPE_CHECKING:
    from models.db import Database

_HELP = {
    "notice": ("打印公示/公告/帮扶明白卡为 PDF 并存档", "print a notice (公示/公告/card) to PDF and archive it"),
    "kind": ("公示种类", "kind of notice"),
    "village": ("村的区划代码（12 位）", "village code (12 digits)"),
    "out": ("写入的 PDF 文件", "PDF file to write"),
    "start": ("公示开始日期 YYYY-MM-DD（默认今天）", "first day of the notice period, YYYY-MM-DD (default today)"),
    "days": ("公示天数（默认取设置，一般 7 天）", "days of the notice period (default from settings, usually 7)"),
    "paper": ("纸张：A4 纵向、A4L 横向、A3", "paper: A4 portrait, A4L landscape, A3"),
    "year": (
        "年度（默认取设置，否则取有数据的最新年度）",
        "year (default: the setting, else the newest year with data)",
    ),
    "household": ("手工指定列入的户（户编号或编码，可重复）", "list this household (number or id; repeatable)"),
    "status": ("按当前贫困户状态选户（代码，可重复）", "list households by current status code (repeatable)"),
    "columns": ("列，用逗号分隔（如 seq,group,head,population）", "columns, comma separated (e.g. seq,group,head)"),
    "two_up": ("两组列并排打印，节省纸张", "print two column groups side by side to save paper"),
    "bad_date": ("“{value}”不是日期（应为 YYYY-MM-DD）", "{value!r} is not a date (YYYY-MM-DD)"),
    "done": (
        "已生成“{title}”：{path}（{count} 户，{pages} 页）；存档副本：{archived}，SHA-256 {sha}",
        "Wrote “{title}” to {path} ({count} households, {pages} pages); archive copy: {archived}, SHA-256 {sha}",
    ),
}


def _h(lang: str, key: str) -> str:
    zh, en = _HELP[key]
    return en if lang == "en" else zh


def add_notice_parser(commands: Any, lang: str, positive: Callable[[str], int], integer: Callable[[str], int]) -> None:
    """Add the ``notice`` sub-command to ``main.py``'s parser."""

    def day(value: str) -> datetime.date:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise argparse.ArgumentTypeError(_h(lang, "bad_date").format(value=value)) from None

    notice = commands.add_parser("notice", help=_h(lang, "notice"))
    notice.add_argument("--kind", required=True, choices=tuple(KINDS), metavar="KIND", help=_kinds_help(lang))
    notice.add_argument("--village", required=True, metavar="CODE", help=_h(lang, "village"))
    notice.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help=_h(lang, "out"))
    notice.add_argument("--start", type=day, metavar="DATE", help=_h(lang, "start"))
    notice.add_argument("--days", type=positive, metavar="N", help=_h(lang, "days"))
    notice.add_argument("--paper", choices=tuple(PAPERS), default="A4", help=_h(lang, "paper"))
    notice.add_argument("--year", type=integer, help=_h(lang, "year"))
    notice.add_argument("--household", action="append", metavar="ID", help=_h(lang, "household"))
    notice.add_argument("--status", action="append", metavar="CODE", help=_h(lang, "status"))
    notice.add_argument("--columns", metavar="LIST", help=_h(lang, "columns"))
    notice.add_argument("--two-up", action="store_true", help=_h(lang, "two_up"))


def _kinds_help(lang: str) -> str:
    names = ", ".join(f"{key} ({kind.title_en if lang == 'en' else kind.title})" for key, kind in KINDS.items())
    return f"{_h(lang, 'kind')}: {names}"


def notice(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Make the notice, write it to ``--out`` (replaced only once complete), archive it, report one line."""
    from exports.notice_data import default_request, households_by_status, resolve_households
    from exports.notices import archive, build_notice

    request = default_request(
        db,
        args.kind,
        args.village,
        start=args.start,
        year=args.year,
        days=args.days,
        paper=args.paper,
        two_up=args.two_up or None,
    )
    if args.columns:
        request = replace(request, columns=tuple(c.strip() for c in args.columns.split(",") if c.strip()))
    chosen = resolve_households(db.conn, args.village, args.household or [])
    if args.status:
        _check_statuses(args.status)
        chosen += households_by_status(db.conn, args.village, tuple(args.status), request.year)
    if args.household or args.status:
        request = replace(request, household_ids=tuple(dict.fromkeys(chosen)))
    require_writable_target(Path(args.out))  # before the notice is built: a wrong path is all that is said
    built = build_notice(db, request)
    _write(Path(args.out), built.rendered.pdf)
    record = archive(db, built)
    title = f"{built.content.place.village}{request.year}年{built.content.kind.title}"
    count = len(built.content.household_ids)
    line = _h(args.lang, "done").format(
        title=title, path=args.out, count=count, pages=record.pages, archived=record.path, sha=record.sha256
    )
    out.write(line + "\n")
    return 0


def _check_statuses(statuses: list[str]) -> None:
    from models.codes import codes
    from models.errors import JiandangError

    known = [c.code for c in codes("household_status")]
    for status in statuses:
        if status not in known:
            raise JiandangError(
                f"贫困户状态代码“{status}”不存在；可选：{'、'.join(known)}。",
                f"Unknown household status code '{status}'; one of: {', '.join(known)}.",
            )


def _write(target: Path, data: bytes) -> None:
    write_replacing(target, lambda path: path.write_bytes(data), ".notice-")
