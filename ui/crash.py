"""Unexpected exceptions: logged (type and code location only) and shown with the log file's path.

Every write is one transaction, so an error in the middle of a save leaves the
database as it was before; the dialog says so.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from models.db import storage_problem
from models.errors import JiandangError
from models.logs import log_exception
from ui import messages

_showing = False
language = "zh"  # set by ui.app when translations are installed


def install(log_file: Path) -> None:
    """Route uncaught exceptions (also those raised in Qt slots) to the log and a dialog."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        handle(kind, error, tb, log_file)

    sys.excepthook = hook


def handle(kind: type[BaseException], error: BaseException, tb: TracebackType | None, log_file: Path) -> None:
    """Log the exception and tell the user (one dialog at a time)."""
    global _showing
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, tb)
        return
    log_exception(kind, tb)
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        known = _explained(error)
        if known is not None:  # a refusal with its own message (a read-only or busy file …): not a crash
            messages.show_error(QApplication.activeWindow(), known.message(language))
        else:
            messages.show_unexpected(QApplication.activeWindow(), describe(error), str(log_file))
    finally:
        _showing = False


def _explained(error: BaseException) -> JiandangError | None:
    if isinstance(error, JiandangError):
        return error
    if isinstance(error, sqlite3.OperationalError):
        return storage_problem(error, "")
    return None


language = "zh"  # set by ui.app when translations are installed


def describe(error: BaseException) -> str:
    """What the user is told: the error, and that the data is intact."""
    detail = error.message(language) if isinstance(error, JiandangError) else f"{type(error).__name__}: {error}"
    text = QCoreApplication.translate(
        "crash", "程序遇到了意外错误，刚才的操作没有完成。\n数据没有损坏：未完成的保存已全部撤销。\n\n{detail}"
    )
    return text.format(detail=detail)
