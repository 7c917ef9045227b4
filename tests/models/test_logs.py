"""The log never contains personal data: exceptions are logged by type and location only."""

from __future__ import annotations

import sys

from models import logs


def test_exceptions_are_logged_without_their_message() -> None:
    path = logs.setup_logging()
    try:
        raise ValueError("张三 62112119700305001X")
    except ValueError:
        kind, _, tb = sys.exc_info()
        logs.log_exception(kind, tb)
    for handler in logs.logger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and "test_logs.py" in text
    assert "张三" not in text and "62112119700305001X" not in text
    assert logs.setup_logging() == path
