"""First start: the setup dialog, and opening the demo township instead."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem

from models.db import Database
from models.registry import Registry
from models.settings import get_setting
from tests.ui.app_fixtures import Answers, script_dialog
from ui import file_actions
from ui.first_start import FirstStartDialog
from ui.main_window import MainWindow


@pytest.fixture
def empty_window(qtbot, db: Database, answers: Answers) -> MainWindow:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    return window


def test_setup_stores_role_scope_device_and_operator(
    qtbot, monkeypatch, empty_window: MainWindow, db: Database
) -> None:
    def fill(dialog: FirstStartDialog) -> bool:
        dialog.accept()  # nothing typed yet: the problems are shown at the fields
        assert "乡镇：" in dialog.boxes["township"].message.text()
        assert dialog.boxes["operator"].message.text() == "操作员：不能为空。"
        qtbot.keyClicks(dialog.township.lineEdit(), "621121103")
        dialog.township.settle()
        dialog.township_name.insert("平襄镇")
        dialog.typed_villages.setPlainText("621121103201 文峰村\n621121103202 石峰村")
        dialog.device.setText("laptop-1")
        dialog.operator.insert("王明")
        return True

    script_dialog(monkeypatch, FirstStartDialog, [fill])
    assert not empty_window.offer_demo_if_empty()
    assert get_setting(db, "scope") == ["621121103201", "621121103202"]
    assert (get_setting(db, "operator"), get_setting(db, "device_name"), get_setting(db, "role")) == (
        "王明",
        "laptop-1",
        "village",
    )
    qtbot.waitUntil(lambda: (empty_window.tree.tree_model.item(0) or QStandardItem()).rowCount() == 2)
    root = empty_window.tree.tree_model.item(0)
    assert root.text() == "全部 (0)" and [root.child(r).text() for r in range(2)] == ["文峰村 (0)", "石峰村 (0)"]
    assert not empty_window.offer_demo_if_empty()  # set up: not asked again


def test_a_township_clerk_picks_registered_villages(qtbot, monkeypatch, empty_window: MainWindow, db: Database) -> None:
    registry = Registry(db)
    for code, name in (("621121103", "平襄镇"), ("621121103201", "文峰村"), ("621121103202", "石峰村")):
        registry.add_region(code, name)

    def fill(dialog: FirstStartDialog) -> bool:
        dialog.township_role.setChecked(True)
        dialog.township.set_value("621121103000")
        assert dialog.known_villages.count() == 2
        dialog.known_villages.item(1).setCheckState(Qt.CheckState.Checked)
        dialog.operator.insert("李华")
        return True

    script_dialog(monkeypatch, FirstStartDialog, [fill])
    empty_window.offer_demo_if_empty()
    assert get_setting(db, "role") == "township" and get_setting(db, "scope") == ["621121103000"]


def test_the_demo_township_is_generated_off_the_gui_thread_and_opened(
    qtbot, monkeypatch, empty_window: MainWindow, db: Database, tmp_path: Path
) -> None:
    monkeypatch.setattr(file_actions, "demo_path", lambda: tmp_path / "demo.db")
    monkeypatch.setattr(MainWindow, "DEMO_HOUSEHOLDS", 30)
    script_dialog(monkeypatch, FirstStartDialog, [lambda dialog: dialog.choose_demo() or False])
    assert empty_window.offer_demo_if_empty()
    demo = next(w for w in qtbot_windows() if w is not empty_window)
    qtbot.addWidget(demo)
    assert Path(demo.db.path) == tmp_path / "demo.db" and not empty_window.isVisible()
    qtbot.waitUntil(lambda: demo.model.rowCount() == 30)
    own = sqlite3.connect(db.path)  # the replaced window closed its connection
    assert own.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 0  # the user's own file stays empty
    own.close()


def test_declining_leaves_the_database_empty_and_asks_again_next_time(
    qtbot, monkeypatch, empty_window: MainWindow, db: Database
) -> None:
    seen = script_dialog(monkeypatch, FirstStartDialog, [lambda dialog: False, lambda dialog: False])
    assert not empty_window.offer_demo_if_empty()
    assert not empty_window.offer_demo_if_empty()  # offered once per window: no second dialog in a row
    assert len(seen) == 1 and db.conn.execute("SELECT COUNT(*) FROM regions").fetchone()[0] == 0
    again = MainWindow(db)  # the next start (or the same file opened again)
    qtbot.addWidget(again)
    assert not again.offer_demo_if_empty() and len(seen) == 2


def qtbot_windows() -> list[MainWindow]:
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
