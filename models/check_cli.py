"""``main.py check``: the data check with its phases on stderr, so a long check is seen to be working."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from models.check import CheckReport, Phase
    from models.db import Database

DONE = {"zh": "检查完成，用时 {seconds:.1f} 秒。", "en": "Check finished in {seconds:.1f} s."}


def check_with_phases(
    db: Database, language: str = "zh", err: TextIO | None = None, for_program: bool = False
) -> CheckReport:
    """Run the data check, writing each phase to ``err`` (default: stderr) as it starts, then the time taken.

    Counts only, never personal data: the findings are the caller's to print. ``for_program`` (``--json``):
    the phases only when ``err`` is a terminal, so a program reading both streams gets just the report.
    """
    from models.check import run_check

    stream = sys.stderr if err is None else err
    if for_program and not stream.isatty():
        return run_check(db.conn)
    language = "en" if language == "en" else "zh"
    started = time.perf_counter()

    def progress(_percent: int, phase: Phase | None) -> None:
        if phase is not None:
            stream.write(phase.text(language) + "\n")
            stream.flush()

    report = run_check(db.conn, progress)
    stream.write(DONE[language].format(seconds=time.perf_counter() - started) + "\n")
    stream.flush()
    return report
