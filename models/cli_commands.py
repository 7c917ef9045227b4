"""The command-line commands of ``main.py``: plain functions over an open registry, no Qt.

Each command takes the parsed arguments and a text stream, writes its output
and returns the exit status (0 ok, 1 the data has errors). Domain modules are
imported inside the functions so that ``main.py --help`` starts fast.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from models.db import Database

Command = Callable[["Database", argparse.Namespace, TextIO], int]

CREATING_COMMANDS = frozenset({"demo"})

_TEXT = {
    "zh": {
        "demo_done": "已生成演示数据（虚构）：{townships} 个乡镇、{villages} 个村、{households} 户、{members} 人，"
        "用时 {seconds:.1f} 秒。",
        "dump_done": "已导出到 {path}",
        "search_header": ("姓名", "与户主关系", "证件号码", "村", "户编号"),
        "no_hits": "没有找到匹配“{query}”的人。",
        "more_hits": "（只显示前 {count} 条；用 --limit 显示更多）",
    },
    "en": {
        "demo_done": "Demo data (fictitious) created: {townships} townships, {villages} villages, "
        "{households} households, {members} people in {seconds:.1f} s.",
        "dump_done": "Dump written to {path}",
        "search_header": ("Name", "Relation", "ID number", "Village", "Household no."),
        "no_hits": "Nobody matches “{query}”.",
        "more_hits": "(first {count} shown; use --limit to see more)",
    },
}


def _text(args: argparse.Namespace, key: str) -> str:
    """A message in the language chosen with ``--lang``."""
    return _TEXT["en" if args.lang == "en" else "zh"][key]


def _creates(args: argparse.Namespace) -> bool:
    keys_init = getattr(args, "bundle_command", None) == "keys" and getattr(args, "keys_command", None) == "init"
    return args.command in CREATING_COMMANDS or keys_init


def run_command(args: argparse.Namespace, out: TextIO) -> int:
    """Open the database named by ``--db`` (or the default one) and run ``args.command`` on it.

    Only ``demo`` and ``bundle keys init`` (a new township or laptop starts
    from an empty registry) may create a new file; the other commands refuse
    a missing file (DatabaseFileError) and never create one.
    """
    from models.db import open_database
    from models.paths import default_database_path

    path = args.db if args.db is not None else default_database_path()
    db = open_database(path, create=_creates(args))
    try:
        return COMMANDS[args.command](db, args, out)
    finally:
        db.close()


def demo(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Fill an empty registry with the fictitious demo township."""
    from models.demo import generate_demo
    from models.errors import JiandangError

    options = {"households": args.households, "seed": args.seed}
    if args.year is not None:
        options["current_year"] = args.year
    try:
        summary = generate_demo(db, **options)
    except ValueError as error:  # a refusal (database not empty, year out of range): its message is bilingual
        raise JiandangError(str(error), str(error)) from error
    out.write(_text(args, "demo_done").format(**dataclasses.asdict(summary)) + "\n")
    return 0


def dump(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Write the canonical JSON dump to stdout, or to ``--out`` (replaced only once complete)."""
    from models.dump import write_dump

    if args.out is None:
        write_dump(db.conn, out)
        return 0
    from exports.file_targets import write_replacing

    def write(path: Path) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as stream:
            write_dump(db.conn, stream)

    target = write_replacing(Path(args.out), write, ".dump-")
    out.write(_text(args, "dump_done").format(path=target) + "\n")
    return 0


def check(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Run every consistency check (phases on stderr); exit status 1 when any error (not warning) is found."""
    from models.check import format_report
    from models.check_cli import check_with_phases

    report = check_with_phases(db, args.lang, for_program=args.json)
    if args.json:
        out.write(_json(report.to_dict()))
    else:
        out.write(_line(format_report(report, language=args.lang)))
    return 1 if report.errors else 0


def search(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Find people by name, pinyin initials, ID number fragment or household number."""
    from models.search import search as run_search

    page = run_search(db.conn, args.query, limit=args.limit)
    if args.json:
        hits = [dataclasses.asdict(hit) for hit in page.hits]
        out.write(_json({"hits": hits, "has_more": page.has_more}))
        return 0
    if not page.hits:
        out.write(_text(args, "no_hits").format(query=args.query) + "\n")
        return 0
    out.write(_line("\n".join(_hit_table(db, args, page.hits))))
    if page.has_more:
        out.write(_text(args, "more_hits").format(count=len(page.hits)) + "\n")
    return 0


def stats(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Counts of households and people, by village, status, attribute and cause, and the township report."""
    from models.stats_cli import stats_command

    return stats_command(db, args, out)


def _hit_table(db: Database, args: argparse.Namespace, hits: list) -> list[str]:
    from models.codes import label, label_en
    from models.registry import Registry
    from models.text_table import format_table

    relation = label_en if args.lang == "en" else label
    villages = {region["code"]: region["name"] for region in Registry(db).regions()}
    rows = [
        [hit.display_name(args.lang), relation("relation", hit.relation), hit.id_masked or "",
         villages.get(hit.village_code) or hit.village_code or "", hit.household_no or ""]
        for hit in hits
    ]
    return format_table(_text(args, "search_header"), rows)


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _line(value: str) -> str:
    return value if value.endswith("\n") else value + "\n"


def notice(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Print a notice to a PDF file and archive it (exports/notice_cli.py)."""
    from exports.notice_cli import notice as run_notice

    return run_notice(db, args, out)


def import_excel(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Check a roster workbook and import its valid households (exports/excel_cli.py)."""
    from exports.excel_cli import import_excel as run_import

    return run_import(db, args, out)


def export_excel(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Write households in the national roster layout to Excel (exports/excel_cli.py)."""
    from exports.excel_cli import export_excel as run_export

    return run_export(db, args, out)


def _procedures(name: str) -> Command:
    """A command of models/procedure_cli.py, imported when it runs."""

    def command(db: Database, args: argparse.Namespace, out: TextIO) -> int:
        from models import procedure_cli

        return getattr(procedure_cli, name)(db, args, out)

    command.__doc__ = f"models.procedure_cli.{name}"
    return command


def bundle(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """``bundle …``: sync bundles (keys, enrollment, export, import, status) — see exports.bundle_cli."""
    from exports.bundle_cli import run_bundle

    return run_bundle(db, args, out)


def region(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """``region …``: list, add, rename or delete townships and villages (models/region_cli.py)."""
    from models.region_cli import run_region

    return run_region(db, args, out)


COMMANDS: dict[str, Command] = {"demo": demo, "dump": dump, "check": check, "search": search, "stats": stats,
                                "notice": notice,
                                "import-excel": import_excel, "export-excel": export_excel,
                                "warnings": _procedures("warnings_command"),
                                "procedure": _procedures("procedure_command"),
                                "objection": _procedures("objection_command"),
                                "exit-test": _procedures("exit_test_command"),
                                "bundle": bundle, "region": region}
