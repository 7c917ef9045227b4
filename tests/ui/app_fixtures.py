"""Fixtures of the desktop application's tests: demo and small registries, answered message boxes, scripted dialogs.

Test modules import the fixtures they use from here.  Dialogs are the real
ones; only the call that would block (``exec``) is replaced by a script that
fills the dialog as a user would and presses OK or Cancel.
"""

from __future__ import annotations

import datetime
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from models.db import Database, open_database
from models.idcard import make_id_number
from models.registry import Registry
from ui import messages

DEMO_HOUSEHOLDS = 120
VILLAGE = "621121103201"
OTHER_VILLAGE = "621121103202"
TODAY = datetime.date(2019, 6, 1)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo township generated once per test run."""
    from models.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(path)
    generate_demo(db, households=DEMO_HOUSEHOLDS, seed=3)
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo township."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    db = open_database(path)
    yield db
    db.close()


@pytest.fixture
def village_registry(db: Database) -> Registry:
    """An empty registry with one township, two villages and a group; operator 测试员."""
    db.set_setting("operator", "测试员")
    registry = Registry(db, today=TODAY)
    for code, name in (("621121103", "平襄镇"), (VILLAGE, "文峰村"), (OTHER_VILLAGE, "石峰村")):
        registry.add_region(code, name)
    registry.add_group(VILLAGE, "第一村民小组")
    return registry


def id_number(born: datetime.date, male: bool, seq: int = 1) -> str:
    """A valid ID number with this birth date and sex."""
    return make_id_number("621121", born, seq * 2 + (1 if male else 0))


class Answers:
    """Message boxes answered without showing them; what was asked is recorded."""

    def __init__(self) -> None:
        self.yes = True
        self.save_answer = "discard"
        self.shown: list[tuple[str, str]] = []

    def record(self, kind: str, text: str, answer: Any = None) -> Any:
        self.shown.append((kind, text))
        return answer

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.shown]


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Iterator[Answers]:
    """Replace every message box of ui/messages.py (windows still open are closed while they are replaced)."""
    recorded = Answers()
    monkeypatch.setattr(messages, "ask_yes_no", lambda p, title, text: recorded.record("ask", text, recorded.yes))
    monkeypatch.setattr(messages, "confirm", lambda p, title, text: recorded.record("confirm", text, recorded.yes))
    monkeypatch.setattr(
        messages, "ask_save_changes", lambda p, text: recorded.record("save?", text, recorded.save_answer)
    )
    monkeypatch.setattr(messages, "show_error", lambda p, text: recorded.record("error", text))
    monkeypatch.setattr(messages, "show_info", lambda p, text: recorded.record("info", text))
    monkeypatch.setattr(
        messages, "show_unexpected", lambda p, text, log: recorded.record("unexpected", f"{text}\n{log}")
    )
    yield recorded
    recorded.save_answer = "discard"
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()


Script = Callable[[Any], bool]


def script_dialog(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], steps: list[Script]) -> list[Any]:
    """Replace ``cls.exec``: each call runs the next step on the real dialog (shown, so focus works).

    A step fills the dialog and returns True to press OK (the dialog's own
    ``accept``, which may refuse) or False to cancel.  Returns the dialogs seen.
    """
    seen: list[Any] = []

    def fake_exec(dialog: QDialog) -> int:
        seen.append(dialog)
        dialog.show()
        QApplication.processEvents()
        if steps.pop(0)(dialog):
            dialog.accept()
        if dialog.isVisible():
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(cls, "exec", fake_exec)
    return seen


def focus_path(start: QWidget, presses: int) -> list[QWidget]:
    """The widgets that get the focus when Tab is pressed ``presses`` times from ``start``."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    start.setFocus()
    QApplication.processEvents()
    path = []
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        path.append(QApplication.focusWidget())
    return path
