"""``main.py stats``: the counts, the township report, and its Excel and PDF exports."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from models.db import Database

_WROTE = {"zh": "已写入 {path}", "en": "Wrote {path}"}


def stats_command(db: Database, args: argparse.Namespace, out: TextIO) -> int:
    """Print the statistics (text or JSON); with ``--xlsx`` / ``--pdf`` also write those files."""
    from exports.file_targets import require_writable_target, write_replacing
    from models.stats import compute_stats, format_stats
    from models.stats_format import format_report

    targets = [Path(t) for t in (getattr(args, "xlsx", None), getattr(args, "pdf", None)) if t]
    for target in targets:  # before the report is printed, so a wrong path is the only thing said
        require_writable_target(target)
    result = compute_stats(db.conn, year=args.year, detailed=True)
    if args.json:
        out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(format_stats(result, language=args.lang) + format_report(result["report"], args.lang))
    language = "en" if args.lang == "en" else "zh"
    if getattr(args, "xlsx", None):
        from exports.stats_xlsx import write_stats_xlsx

        write_replacing(Path(args.xlsx), lambda path: write_stats_xlsx(result["report"], path, language), ".stats-")
        if not args.json:
            out.write(_WROTE[language].format(path=args.xlsx) + "\n")
    if getattr(args, "pdf", None):
        from exports.stats_pdf import write_stats_pdf

        write_replacing(Path(args.pdf), lambda path: write_stats_pdf(result["report"], path, language), ".stats-")
        if not args.json:
            out.write(_WROTE[language].format(path=args.pdf) + "\n")
    return 0
