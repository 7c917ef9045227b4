"""``main.py region …``: list, add, rename or delete the townships and villages of the registry.

    region list [--json]          every township and village with its households and groups
    region add CODE NAME          register a township (9 digits) or a village (12 digits)
    region rename CODE NAME       correct a name (notices print it from now on)
    region delete CODE            delete one registered by mistake (refused while in use)

The page's actions live in models/region_admin.py (the settings page 乡镇和村 uses
them too); the rules of a code and a name in models/region_rules.py, which every
way of registering a region applies.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from models.db import Database

_TEXT = {
    "region": ("乡镇和村：列出、添加、更正名称、删除", "townships and villages: list, add, rename, delete"),
    "list": ("列出已登记的乡镇和村", "list the registered townships and villages"),
    "add": ("登记一个乡镇（9 位代码）或村（12 位代码）", "register a township (9 digits) or a village (12 digits)"),
    "rename": ("更正名称（此后打印的公示、公告使用新名称）", "correct a name (notices use it from now on)"),
    "delete": ("删除误登记的乡镇或村（有户或村民小组时拒绝）", "delete one added by mistake (refused while in use)"),
    "code": ("区划代码", "region code"),
    "name": ("名称", "name"),
    "json": ("输出 JSON", "print JSON"),
    "added": ("已登记：{code} {name}", "Registered: {code} {name}"),
    "scoped": ("已加入本机负责的村。", "Added to this installation's villages."),
    "renamed": ("已更名：{code} {name}", "Renamed: {code} {name}"),
    "same": ("名称没有变化：{code} {name}", "The name is unchanged: {code} {name}"),
    "deleted": ("已删除：{code}", "Deleted: {code}"),
    "header": (("区划代码", "名称", "级别", "户数", "村民小组"), ("Code", "Name", "Level", "Households", "Groups")),
    "levels": (("乡镇", "村"), ("township", "village")),
    "none": ("还没有登记乡镇和村。", "No township or village is registered yet."),
}


def _t(lang: str, key: str) -> Any:
    zh, en = _TEXT[key]
    return en if lang == "en" else zh


def add_region_parser(commands: Any, lang: str) -> None:
    """Add ``region`` and its actions to ``main.py``'s parser."""
    region = commands.add_parser("region", help=_t(lang, "region"))
    actions = region.add_subparsers(dest="region_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=_t(lang, "list"))
    listing.add_argument("--json", action="store_true", help=_t(lang, "json"))
    for action in ("add", "rename"):
        parser = actions.add_parser(action, help=_t(lang, action))
        parser.add_argument("code", metavar="CODE", help=_t(lang, "code"))
        parser.add_argument("name", metavar="NAME", help=_t(lang, "name"))
    actions.add_parser("delete", help=_t(lang, "delete")).add_argument("code", metavar="CODE", help=_t(lang, "code"))


def run_region(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Run one ``region`` action; a refusal raises JiandangError (main.py prints it, exit status 1)."""
    from models import region_admin
    from models.registry import Registry

    lang, action = args.lang, args.region_command
    if action == "list":
        return _list(db, lang, args.json, out)
    registry = Registry(db)
    if action == "add":
        region_admin.add_place(registry, args.code, args.name)
        code = region_admin.place_code(args.code)
        out.write(_t(lang, "added").format(code=code, name=args.name.strip()) + "\n")
        if region_admin.include_in_scope(db, code):
            out.write(_t(lang, "scoped") + "\n")
    elif action == "rename":
        changed = region_admin.rename_place(registry, args.code, args.name)
        out.write(_t(lang, "renamed" if changed else "same").format(code=args.code, name=args.name.strip()) + "\n")
    else:
        region_admin.delete_place(registry, args.code)
        out.write(_t(lang, "deleted").format(code=args.code) + "\n")
    return 0


def _list(db: Database, lang: str, as_json: bool, out: TextIO) -> int:
    from models.region_admin import place_table
    from models.text_table import format_table

    rows = place_table(db)
    if as_json:
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif not rows:
        out.write(_t(lang, "none") + "\n")
    else:
        levels = _t(lang, "levels")
        table = [[r["code"], r["name"], levels[r["level"] - 4], str(r["households"]), str(r["groups"])] for r in rows]
        out.write("\n".join(format_table(_t(lang, "header"), table, numeric_from=3)) + "\n")
    return 0
