"""Jiandang (建档): start the desktop application, or run one command-line command.

    python main.py [--db PATH] [--lang zh|en]                 open the window
    python main.py [--db PATH] [--lang zh|en] COMMAND [...]   demo, dump, check, search, stats, region …
    python main.py [--db PATH] --smoke                        start, paint the window, exit (CI)

Usage errors end with exit status 2, data and file errors with 1; either way
one line on stderr, never a traceback (set JIANDANG_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from pathlib import Path
from typing import NoReturn

EXIT_ERROR = 1
EXIT_USAGE = 2

# argparse's own messages in Chinese (the default language); others stay English.
_ARGPARSE_ZH = {
    "usage: ": "用法：",
    "positional arguments": "命令",
    "options": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "the following arguments are required: %s": "缺少参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "expected one argument": "需要一个值",
}

# Help texts: key -> (Chinese, English).
_HELP = {
    "description": ("建档：贫困户建档立卡登记。不带命令时打开窗口。",
                    "Jiandang: registry of poor households. Without a command the window opens."),
    "db": ("数据库文件（默认：数据文件夹中的 jiandang.db）", "database file (default: jiandang.db in the data folder)"),
    "lang": ("输出语言", "output language"),
    "smoke": ("冒烟测试：打开窗口、显示主窗口后立即退出，并输出所用时间（不显示任何对话框）",
              "smoke test: open the window, paint it, print the time taken and exit (no dialogs)"),
    "demo": ("在空数据库中生成演示乡镇（虚构数据）", "fill an empty database with the demo township (fictitious)"),
    "households": ("户数（默认 3000）", "number of households (default 3000)"),
    "seed": ("随机种子（默认 1）", "random seed (default 1)"),
    "demo_year": ("当前年度（默认 2019）", "current year (default 2019)"),
    "dump": ("导出规范 JSON（用于比较副本）", "write the canonical JSON dump (to compare replicas)"),
    "out": ("写入文件而不是标准输出", "write to a file instead of stdout"),
    "check": ("检查数据；有错误时退出码为 1", "check the data; exit status 1 when there are errors"),
    "search": ("按姓名、拼音首字母、身份证号片段、户编号查找",
               "find people by name, pinyin initials, ID number fragment or household number"),
    "query": ("查找内容", "what to look for"),
    "limit": ("最多显示条数（默认 50）", "most hits shown (default 50)"),
    "stats": ("户数、人数统计", "household and people counts"),
    "stats_year": ("按该年度的状态统计", "count the status as of this year"),
    "stats_xlsx": ("把统计报表写入 Excel 文件", "write the statistics report to an Excel file"),
    "stats_pdf": ("把统计报表写入 PDF 文件", "write the statistics report to a PDF file"),
    "json": ("输出 JSON", "print JSON"),
    "usage_error": ("参数错误：", "usage error: "),
    "see_help": ("（用 --help 查看用法）", " (see --help)"),
    "not_integer": ("“{value}”不是整数", "{value!r} is not a whole number"),
    "not_year": (
        "“{value}”不是有效年度，请写 {first}–{last} 之间的四位年份",
        "{value!r} is not a year from {first} to {last}",
    ),
    "not_positive": ("应为正整数，而不是 {value}", "expected a positive number, not {value}"),
    "os_error": ("无法读写文件：{error}", "Cannot read or write a file: {error}"),
    "internal": ("内部错误：{error}（设置 JIANDANG_DEBUG=1 查看详情）",
                 "Internal error: {error} (set JIANDANG_DEBUG=1 for details)"),
}


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a usage error as one line and exit status 2."""

    lang = "zh"

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {_t(self.lang, 'usage_error')}{message}{_t(self.lang, 'see_help')}\n")


def _t(lang: str, key: str) -> str:
    zh, en = _HELP[key]
    return en if lang == "en" else zh


def build_parser(lang: str = "zh") -> argparse.ArgumentParser:
    """The command-line interface, with help texts in ``lang``."""
    _Parser.lang = lang

    def h(key: str) -> str:
        return _t(lang, key)

    def integer(value: str) -> int:
        try:
            return int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(h("not_integer").format(value=value)) from None

    def year(value: str) -> int:
        from models.poverty_lines import MAX_YEAR, MIN_YEAR

        if not MIN_YEAR <= integer(value) <= MAX_YEAR:
            raise argparse.ArgumentTypeError(h("not_year").format(value=value, first=MIN_YEAR, last=MAX_YEAR))
        return int(value)

    def positive(value: str) -> int:
        if integer(value) < 1:
            raise argparse.ArgumentTypeError(h("not_positive").format(value=value))
        return int(value)

    parser = _Parser(prog=Path(sys.argv[0]).name or "main.py", description=h("description"))
    parser.add_argument("--db", type=Path, metavar="PATH", help=h("db"))
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help=h("lang"))
    parser.add_argument("--smoke", action="store_true", help=h("smoke"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", help=h("demo"))
    demo.add_argument("--households", type=positive, default=3000, help=h("households"))
    demo.add_argument("--seed", type=integer, default=1, help=h("seed"))
    demo.add_argument("--year", type=year, help=h("demo_year"))
    commands.add_parser("dump", help=h("dump")).add_argument("--out", type=Path, metavar="FILE", help=h("out"))
    commands.add_parser("check", help=h("check")).add_argument("--json", action="store_true", help=h("json"))
    search = commands.add_parser("search", help=h("search"))
    search.add_argument("query", help=h("query"))
    search.add_argument("--json", action="store_true", help=h("json"))
    search.add_argument("--limit", type=positive, default=50, help=h("limit"))
    stats = commands.add_parser("stats", help=h("stats"))
    stats.add_argument("--json", action="store_true", help=h("json"))
    stats.add_argument("--year", type=year, help=h("stats_year"))
    stats.add_argument("--xlsx", type=Path, metavar="FILE", help=h("stats_xlsx"))
    stats.add_argument("--pdf", type=Path, metavar="FILE", help=h("stats_pdf"))
    from exports.notice_cli import add_notice_parser

    add_notice_parser(commands, lang, positive, year)
    from exports.excel_cli import add_excel_parsers

    add_excel_parsers(commands, lang, year)
    from models.procedure_cli_args import add_procedure_parsers

    add_procedure_parsers(commands, lang, positive, year)
    from exports.bundle_cli import add_bundle_parser

    add_bundle_parser(commands, lang)
    from models.region_cli import add_region_parser

    add_region_parser(commands, lang)
    return parser


def _language(argv: list[str]) -> str | None:
    """The ``--lang`` value, read before parsing so that parse errors use it too; None when not given."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def _prepare_streams(lang: str) -> None:
    """UTF-8 output even to a pipe or a legacy console; argparse's messages in Chinese unless ``en``."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    if lang != "en":
        argparse._ = lambda text: _ARGPARSE_ZH.get(text, text)  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    """Run one command (or open the window) and return the exit status."""
    argv = sys.argv[1:] if argv is None else argv
    given = _language(argv)
    lang = given or "zh"
    _prepare_streams(lang)
    args = build_parser(lang).parse_args(argv)
    if args.smoke:
        from ui.smoke import run_smoke

        return run_smoke(args.db, args.lang)
    if args.command is None:
        from ui.app import run

        return run(args.db, args.lang if given else None)  # without --lang: the language chosen in 设置
    try:
        from models.cli_commands import run_command

        return run_command(args, sys.stdout)
    except BrokenPipeError:
        raise  # the reader went away (e.g. `| head`): nothing to report
    except Exception as error:
        if os.environ.get("JIANDANG_DEBUG"):
            raise
        print(_error_line(error, args.lang), file=sys.stderr)
        return EXIT_ERROR


def _error_line(error: Exception, lang: str) -> str:
    from models.errors import JiandangError

    if isinstance(error, JiandangError):
        return error.message(lang)
    if isinstance(error, sqlite3.OperationalError):
        from models.db import storage_problem

        problem = storage_problem(error, "")
        if problem is not None:
            return problem.message(lang)
    if isinstance(error, OSError):
        return _t(lang, "os_error").format(error=error)
    return _t(lang, "internal").format(error=f"{type(error).__name__}: {error}")


if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a frozen app's worker processes (the demo generator) start here
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        sys.exit(EXIT_ERROR)
