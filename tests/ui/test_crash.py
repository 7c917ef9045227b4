"""Unexpected errors: logged without personal data and shown with the log file's path."""

from __future__ import annotations

import sys

from models import logs
from tests.ui.app_fixtures import Answers
from ui import crash


def test_an_unexpected_error_is_logged_and_shown_with_the_log_path(qapp, answers: Answers) -> None:
    log_file = logs.setup_logging()
    try:
        raise RuntimeError("张三 62112119700305001X")
    except RuntimeError:
        kind, error, tb = sys.exc_info()
        crash.handle(kind, error, tb, log_file)
    ((kind_shown, text),) = answers.shown
    assert kind_shown == "unexpected" and str(log_file) in text and "数据没有损坏" in text
    for handler in logs.logger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "builtins.RuntimeError" in logged and "张三" not in logged


def test_install_routes_uncaught_exceptions(qapp, answers: Answers, monkeypatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    crash.install(logs.setup_logging())
    try:
        raise ValueError("x")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    assert answers.kinds() == ["unexpected"]


def test_a_busy_or_read_only_file_is_explained_not_reported_as_a_crash(qapp, answers: Answers) -> None:
    import sqlite3

    log_file = logs.setup_logging()
    cases = (("database is locked", "正被另一个程序使用"), ("attempt to write a readonly database", "只读"))
    for raw, expected in cases:
        try:
            raise sqlite3.OperationalError(raw)
        except sqlite3.OperationalError:
            crash.handle(*sys.exc_info(), log_file)
        kind_shown, text = answers.shown[-1]
        assert kind_shown == "error" and expected in text and "意外" not in text
