"""The ``import-excel`` and ``export-excel`` commands of ``main.py``.

``import-excel FILE`` prints how the columns were understood, the report per
row and a preview of the changes to registered households, then imports the
accepted households in one transaction (``--dry-run``: nothing is written).
Exit status 1 when rows were refused. ``export-excel --out FILE`` writes the
households (of one village with ``--village``) in the national layout.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from exports.excel_plan import ImportPlan
    from models.db import Database

HELP = {
    "import": (
        "从 Excel 导入花名册（先检查全部行，再一次性导入没有错误的户）",
        "import a roster from Excel (every row is checked first, then the valid households in one go)",
    ),
    "file": ("Excel 文件（.xlsx、.xls 或 .ods）", "the workbook (.xlsx, .xls or .ods)"),
    "dry_run": ("只检查并报告，不写入数据库", "check and report only; write nothing"),
    "village": ("表中没有“村”列时，这些户所在村的区划代码", "village code of the rows when the sheet names no village"),
    "create_places": (
        "表中的村民小组不存在时新建（村须给出代码和名称）",
        "create missing village groups (and villages given by code and name)",
    ),
    "status_year": (
        "“贫困户状态”列的年度（表中没有“状态年度”列时；默认今年）",
        "year of the status column when the sheet has no status year (default: this year)",
    ),
    "rejected": (
        "有错误的行保存到此文件（默认：原文件名-错误行.xlsx）",
        "save the refused rows to this file (default: FILE-错误行.xlsx)",
    ),
    "export": ("按全国花名册格式导出户和家庭成员到 Excel", "export households and members in the national layout"),
    "out": ("写入的 .xlsx 文件", "the .xlsx file to write"),
    "export_village": ("只导出这个村（区划代码）", "only this village (code)"),
}

PREVIEW_LIMIT = 200
TEXT = {
    "zh": {
        "file": "文件：{file}，工作表“{sheet}”，表头在第 {rows} 行，{layout}。",
        "member": "每行一名家庭成员",
        "household": "每行一户",
        "mapping": "列的对应：",
        "guessed": "（按相近列名猜测，请核对）",
        "summary": "检查结果：共 {households} 户（{rows} 行）：新增 {new} 户，更新 {update} 户，无变化 {unchanged} 户，"
        "有错误 {rejected} 户；错误 {errors} 条，警告 {warnings} 条；跳过 {skipped} 行。",
        "problems": "问题（按行）：",
        "row": "第 {row} 行",
        "row_head": "第 {row} 行（户主 {head}）",
        "colon": "：",
        "error": "错误",
        "warning": "警告",
        "changes": "将要修改的已登记户：",
        "more": "……另有 {count} 条未列出",
        "dry": "试运行：没有写入数据库。",
        "done": "已导入：新增 {households_added} 户、更新 {households_updated} 户；新增成员 {members_added} 人，"
        "修改成员 {members_updated} 人。",
        "rejected": "有错误的行已保存到 {path}，改正后可再次导入。",
        "exported": "已导出 {rows} 名成员到 {path}",
        "skipped": "跳过第 {row} 行（没有姓名或证件号码：{text}）",
    },
    "en": {
        "file": "File: {file}, sheet “{sheet}”, header on row {rows}, {layout}.",
        "member": "one member per row",
        "household": "one household per row",
        "mapping": "Columns:",
        "guessed": " (guessed from a similar header; please check)",
        "summary": "Checked {households} households ({rows} rows): {new} new, {update} to update, {unchanged} "
        "unchanged, {rejected} refused; {errors} errors, {warnings} warnings; {skipped} rows skipped.",
        "problems": "Problems by row:",
        "row": "row {row}",
        "row_head": "row {row} (head: {head})",
        "colon": ": ",
        "error": "error",
        "warning": "warning",
        "changes": "Changes to registered households:",
        "more": "... {count} more not shown",
        "dry": "Dry run: nothing was written.",
        "done": "Imported: {households_added} households added, {households_updated} updated; {members_added} "
        "members added, {members_updated} changed.",
        "rejected": "The refused rows were saved to {path}; fix them and import that file again.",
        "exported": "Exported {rows} members to {path}",
        "skipped": "Skipped row {row} (no name or ID number: {text})",
    },
}


def _h(lang: str, key: str) -> str:
    zh, en = HELP[key]
    return en if lang == "en" else zh


def add_excel_parsers(commands: Any, lang: str, integer: Callable[[str], int]) -> None:
    """Add ``import-excel`` and ``export-excel`` to ``main.py``'s parser."""
    imp = commands.add_parser("import-excel", help=_h(lang, "import"))
    imp.add_argument("file", type=Path, help=_h(lang, "file"))
    imp.add_argument("--dry-run", action="store_true", help=_h(lang, "dry_run"))
    imp.add_argument("--village", metavar="CODE", help=_h(lang, "village"))
    imp.add_argument("--create-places", action="store_true", help=_h(lang, "create_places"))
    imp.add_argument("--status-year", type=integer, metavar="YEAR", help=_h(lang, "status_year"))
    imp.add_argument("--rejected", type=Path, metavar="FILE", help=_h(lang, "rejected"))
    exp = commands.add_parser("export-excel", help=_h(lang, "export"))
    exp.add_argument("--out", type=Path, metavar="FILE", required=True, help=_h(lang, "out"))
    exp.add_argument("--village", metavar="CODE", help=_h(lang, "export_village"))


def import_excel(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Check a roster and import its accepted households (not with ``--dry-run``); 1 when rows were refused."""
    from exports.excel_apply import apply_plan
    from exports.excel_import import ExcelImport, ImportOptions
    from exports.excel_places_text import describe_new_places
    from exports.excel_rejected import save_rejected
    from models.errors import JiandangError
    from models.registry import Registry

    text = TEXT["en" if args.lang == "en" else "zh"]
    registry = Registry(db)
    from models.regions import normalize_code

    village = normalize_code(args.village) if args.village else None
    options = ImportOptions(village, args.create_places, args.status_year)
    job = ExcelImport.open(args.file, db.conn, options)
    plan = job.plan(registry)
    if plan.general:
        raise JiandangError(plan.general[0].message_zh, plan.general[0].message_en)
    _report(out, args, text, job, plan)
    if not args.dry_run:
        result = apply_plan(registry, plan)
        out.write(text["done"].format(**result.__dict__) + "\n")
        for line in describe_new_places(result.new_places, args.lang, done=True):
            out.write(line + "\n")
    else:
        out.write(text["dry"] + "\n")
    if plan.rejected():
        target = Path(args.rejected) if args.rejected else job.path.with_name(f"{job.path.stem}-错误行.xlsx")
        save_rejected(job.sheet, plan, target, args.lang)
        out.write(text["rejected"].format(path=target) + "\n")
        return 1
    return 0


def _report(out: TextIO, args: argparse.Namespace, text: dict[str, str], job: Any, plan: ImportPlan) -> None:
    from openpyxl.utils import get_column_letter

    from exports.excel_fields import TARGETS
    from exports.excel_places_text import describe_new_places

    lang = "en" if args.lang == "en" else "zh"
    first, last = plan.header_rows[0] + 1, plan.header_rows[-1] + 1
    rows = str(first) if first == last else f"{first}–{last}"
    out.write(text["file"].format(file=job.path.name, sheet=plan.sheet, rows=rows, layout=text[plan.layout]) + "\n")
    out.write(text["mapping"] + "\n")
    for column in job.guess.columns:
        target = TARGETS[column.target]
        guessed = text["guessed"] if column.source == "similar" else ""
        out.write(
            f"  {get_column_letter(column.index + 1)} {column.header} → "
            f"{target.label_en if lang == 'en' else target.label}{guessed}\n"
        )
    counts = plan.counts()
    out.write(text["summary"].format(households=len(plan.households), **counts) + "\n")
    for line in describe_new_places(plan.new_places(), lang):  # a new village is printed on notices: name it
        out.write(line + "\n")
    for row, first in plan.skipped:
        out.write("  " + text["skipped"].format(row=row, text=first[:20]) + "\n")
    problems = plan.problems()
    if problems:
        out.write(text["problems"] + "\n")
    for item, household in problems[:PREVIEW_LIMIT]:
        severity = text["error"] if item.severity == "error" else text["warning"]
        out.write(f"  {_row(text, item.row, household.head)} {severity}{text['colon']}{item.message(lang)}\n")
    if len(problems) > PREVIEW_LIMIT:
        out.write("  " + text["more"].format(count=len(problems) - PREVIEW_LIMIT) + "\n")
    _changes(out, text, plan, lang)


def _changes(out: TextIO, text: dict[str, str], plan: ImportPlan, lang: str) -> None:
    from exports.excel_plan import ACTION_LABELS

    changes = [(h, c) for h in plan.accepted() if not h.is_new for c in h.changes]
    if changes:
        out.write(text["changes"] + "\n")
    for household, change in changes[:PREVIEW_LIMIT]:
        action = ACTION_LABELS[household.action][1 if lang == "en" else 0]
        who, field, old, new = change.shown(lang)
        out.write(
            f"  {_row(text, change.row or household.rows[0], household.head)} {action} "
            f"{who} {field}{text['colon']}{old or '—'} → {new or '—'}\n"
        )
    if len(changes) > PREVIEW_LIMIT:
        out.write("  " + text["more"].format(count=len(changes) - PREVIEW_LIMIT) + "\n")


def _row(text: dict[str, str], row: int, head: str) -> str:
    """“第 9 行（户主 谢勇杰）”: the sheet row, and the head of its household (not the row's own member)."""
    return text["row_head"].format(row=row, head=head) if head else text["row"].format(row=row)


def export_excel(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Write the households (of one village with ``--village``) in the national layout to ``--out``."""
    from exports.excel_export import export_households
    from models.regions import require_village

    village = require_village(db.conn, args.village) if args.village else None
    rows = export_households(db.conn, args.out, village)
    out.write(TEXT["en" if args.lang == "en" else "zh"]["exported"].format(rows=rows, path=args.out) + "\n")
    return 0
