"""The command-line parsers of issue 4: ``warnings``, ``procedure``, ``objection``, ``exit-test``.

    python main.py warnings [--year Y] [--rule ID] [--village CODE] [--limit N] [--json]
    python main.py procedure list --procedure P --step S --village CODE [--year Y] [--json]
    python main.py procedure show HOUSEHOLD [--year Y] [--json]
    python main.py procedure step --procedure P --step S --date D --actor A (--household H … | --village CODE)
                   [--outcome pass|reject|withdraw|revert] [--votes FOR,AGAINST[,ABSTAIN[,PRESENT]]]
                   [--minutes TEXT] [--note TEXT] [--year Y]
    python main.py objection add --household H --procedure P --content TEXT --date D [--by NAME] [--notice ID]
    python main.py objection resolve ID (--upheld | --rejected) --resolution TEXT --date D [--by NAME]
    python main.py objection list [--household H] [--open] [--json]
    python main.py exit-test HOUSEHOLD [--year Y] [--json]

Only argparse is imported at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PROCEDURE_IDS = ("identification", "exit", "return", "removal")
OUTCOME_IDS = ("pass", "reject", "withdraw", "revert")

_HELP = {
    "warnings": ("预警：列出可能的差错及改正办法", "warnings: likely mistakes and how to fix them"),
    "year": ("年度（默认：设置的工作年度，否则最新状态年度）", "year (default: the working year)"),
    "rule": ("只列出该规则（可重复）", "only this rule (repeatable)"),
    "village": ("村的区划代码（12 位）", "village code (12 digits)"),
    "limit": ("最多显示条数（默认 200）", "most lines shown (default 200)"),
    "json": ("输出 JSON", "print JSON"),
    "procedure": ("识别、退出、返贫、销号程序：查看进度、登记步骤", "identification/exit/return/removal procedures"),
    "list": ("列出下一步为该步骤的户", "households whose next step is this step"),
    "show": ("显示一户的程序进度", "one household's procedures"),
    "step": ("登记一个步骤（可一次为多户登记）", "record a step (for many households at once)"),
    "proc": (
        "程序：identification 识别、exit 退出、return 返贫、removal 销号",
        "procedure: identification, exit, return, removal",
    ),
    "step_id": ("步骤（如 committee_review；用 procedure show 查看）", "step id (e.g. committee_review)"),
    "household": ("户编号或户的编码（可重复）", "household number or id (repeatable)"),
    "one_household": ("户编号或户的编码", "household number or id"),
    "step_village": ("该村下一步为此步骤的所有户", "every household of this village at the step"),
    "date": ("日期 YYYY-MM-DD", "date YYYY-MM-DD"),
    "actor": ("办理人或会议（如 村两委）", "who decided (e.g. the village committees)"),
    "outcome": (
        "结果：pass 通过、reject 不通过、withdraw 退出、revert 退回（须写原因）",
        "outcome: pass, reject, withdraw, revert (needs --note)",
    ),
    "votes": ("票数：赞成,反对[,弃权[,应到]]", "votes: for,against[,abstain[,present]]"),
    "minutes": ("会议记录", "meeting minutes"),
    "note": ("备注或原因", "note or reason"),
    "objection": ("公示期间的异议：登记、处理、查看", "objections during a notice: add, resolve, list"),
    "add": ("登记异议", "record an objection"),
    "content": ("异议内容", "what the objection says"),
    "by": ("提出人或处理人", "who raised or resolved it"),
    "notice": ("所针对公示的存档编号", "archived notice it is about"),
    "resolve": ("处理异议", "resolve an objection"),
    "objection_id": ("异议编号", "objection id"),
    "upheld": ("异议成立：该户退出程序", "upheld: the household leaves the procedure"),
    "rejected": ("异议不成立（须写理由）", "rejected (needs a reason)"),
    "resolution": ("处理结果或理由", "resolution or reason"),
    "list_objections": ("列出异议", "list objections"),
    "open": ("只列出未处理的", "only open ones"),
    "exit_test": ("脱贫标准逐项检查（收入、两不愁三保障、饮水）", "the exit test item by item"),
}


def h(lang: str, key: str) -> str:
    """A help text in ``lang``."""
    zh, en = _HELP[key]
    return en if lang == "en" else zh


def add_procedure_parsers(
    commands: Any, lang: str, positive: Callable[[str], int], integer: Callable[[str], int]
) -> None:
    """Add ``warnings``, ``procedure``, ``objection`` and ``exit-test`` to ``main.py``'s parser."""
    warnings = commands.add_parser("warnings", help=h(lang, "warnings"))
    warnings.add_argument("--year", type=integer, help=h(lang, "year"))
    warnings.add_argument("--rule", action="append", metavar="ID", help=h(lang, "rule"))
    warnings.add_argument("--village", metavar="CODE", help=h(lang, "village"))
    warnings.add_argument("--limit", type=positive, default=200, help=h(lang, "limit"))
    warnings.add_argument("--json", action="store_true", help=h(lang, "json"))
    _procedure(commands, lang, integer)
    _objection(commands, lang)
    exit_test = commands.add_parser("exit-test", help=h(lang, "exit_test"))
    exit_test.add_argument("household", metavar="HOUSEHOLD", help=h(lang, "one_household"))
    exit_test.add_argument("--year", type=integer, help=h(lang, "year"))
    exit_test.add_argument("--json", action="store_true", help=h(lang, "json"))


def _procedure(commands: Any, lang: str, integer: Callable[[str], int]) -> None:
    procedure = commands.add_parser("procedure", help=h(lang, "procedure"))
    actions = procedure.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help=h(lang, "list"))
    listing.add_argument("--procedure", required=True, choices=PROCEDURE_IDS, help=h(lang, "proc"))
    listing.add_argument("--step", required=True, metavar="STEP", help=h(lang, "step_id"))
    listing.add_argument("--village", required=True, metavar="CODE", help=h(lang, "village"))
    listing.add_argument("--year", type=integer, help=h(lang, "year"))
    listing.add_argument("--json", action="store_true", help=h(lang, "json"))
    show = actions.add_parser("show", help=h(lang, "show"))
    show.add_argument("household", metavar="HOUSEHOLD", help=h(lang, "one_household"))
    show.add_argument("--year", type=integer, help=h(lang, "year"))
    show.add_argument("--json", action="store_true", help=h(lang, "json"))
    step = actions.add_parser("step", help=h(lang, "step"))
    step.add_argument("--procedure", required=True, choices=PROCEDURE_IDS, help=h(lang, "proc"))
    step.add_argument("--step", required=True, metavar="STEP", help=h(lang, "step_id"))
    step.add_argument("--date", required=True, metavar="DATE", help=h(lang, "date"))
    step.add_argument("--actor", required=True, help=h(lang, "actor"))
    who = step.add_mutually_exclusive_group(required=True)
    who.add_argument("--household", action="append", metavar="H", help=h(lang, "household"))
    who.add_argument("--village", metavar="CODE", help=h(lang, "step_village"))
    step.add_argument("--outcome", choices=OUTCOME_IDS, default="pass", help=h(lang, "outcome"))
    step.add_argument("--votes", metavar="F,A[,B[,P]]", help=h(lang, "votes"))
    step.add_argument("--minutes", help=h(lang, "minutes"))
    step.add_argument("--note", help=h(lang, "note"))
    step.add_argument("--year", type=integer, help=h(lang, "year"))


def _objection(commands: Any, lang: str) -> None:
    objection = commands.add_parser("objection", help=h(lang, "objection"))
    actions = objection.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help=h(lang, "add"))
    add.add_argument("--household", required=True, metavar="H", help=h(lang, "one_household"))
    add.add_argument("--procedure", required=True, choices=PROCEDURE_IDS, help=h(lang, "proc"))
    add.add_argument("--content", required=True, help=h(lang, "content"))
    add.add_argument("--date", required=True, metavar="DATE", help=h(lang, "date"))
    add.add_argument("--by", help=h(lang, "by"))
    add.add_argument("--notice", metavar="ID", help=h(lang, "notice"))
    resolve = actions.add_parser("resolve", help=h(lang, "resolve"))
    resolve.add_argument("objection_id", metavar="ID", help=h(lang, "objection_id"))
    verdict = resolve.add_mutually_exclusive_group(required=True)
    verdict.add_argument("--upheld", action="store_true", help=h(lang, "upheld"))
    verdict.add_argument("--rejected", action="store_true", help=h(lang, "rejected"))
    resolve.add_argument("--resolution", required=True, help=h(lang, "resolution"))
    resolve.add_argument("--date", required=True, metavar="DATE", help=h(lang, "date"))
    resolve.add_argument("--by", help=h(lang, "by"))
    listing = actions.add_parser("list", help=h(lang, "list_objections"))
    listing.add_argument("--household", metavar="H", help=h(lang, "one_household"))
    listing.add_argument("--open", action="store_true", help=h(lang, "open"))
    listing.add_argument("--json", action="store_true", help=h(lang, "json"))
