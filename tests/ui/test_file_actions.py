"""The File menu: backup now, restore with confirmation, open another database, recent files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from models import backup
from models.db import Database
from tests.ui.app_fixtures import VILLAGE, Answers
from ui import file_actions, prefs
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, village_registry, answers: Answers) -> MainWindow:
    village_registry.create_household({"village_code": VILLAGE})
    main = MainWindow(village_registry.db)
    qtbot.addWidget(main)
    main.show()
    return main


def current_window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())


def count(path: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    finally:
        conn.close()


def test_backup_now_writes_a_backup_and_says_where(window: MainWindow, answers: Answers) -> None:
    path = file_actions.backup_now(window)
    assert path is not None and path.is_file() and count(str(path)) == 1
    assert answers.kinds() == ["info"] and str(path) in answers.shown[0][1]


def test_restore_asks_first_and_keeps_a_safety_copy(qtbot, window: MainWindow, answers: Answers) -> None:
    saved = file_actions.backup_now(window)
    window.registry.create_household({"village_code": VILLAGE})
    answers.yes = False
    assert file_actions.restore(window, str(saved)) is None and count(window.db.path) == 2
    answers.yes = True
    restored = file_actions.restore(window, str(saved))
    qtbot.addWidget(restored)
    assert restored is current_window() and count(restored.db.path) == 1
    kinds = [b.kind for b in backup.list_backups(restored.db.path)]
    assert backup.BEFORE_RESTORE in kinds
    safety = next(b.path for b in backup.list_backups(restored.db.path) if b.kind == backup.BEFORE_RESTORE)
    assert answers.kinds()[-1] == "info" and str(safety) in answers.shown[-1][1]  # says it worked, and where
    qtbot.waitUntil(lambda: restored.model.rowCount() == 1)


def test_opening_another_database_switches_the_window_and_remembers_it(
    qtbot, monkeypatch, window: MainWindow, tmp_path: Path
) -> None:
    from tests.ui.app_fixtures import script_dialog
    from ui.first_start import FirstStartDialog

    other = tmp_path / "other"  # a new name typed without .db
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    offered = script_dialog(monkeypatch, FirstStartDialog, [lambda dialog: False])
    window.owns_db = False
    switched = file_actions.choose_database(window)
    qtbot.addWidget(switched)
    assert Path(switched.db.path) == tmp_path / "other.db" and not window.isVisible()
    assert prefs.recent_files()[0] == str((tmp_path / "other.db").resolve())
    assert len(offered) == 1  # a new, empty registry gets the first-start setup


def test_a_file_that_is_not_a_database_is_refused(
    monkeypatch, window: MainWindow, answers: Answers, tmp_path: Path
) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("hello")
    assert window.reopen(str(bogus)) is None
    assert window.isVisible() and answers.kinds() == ["error"]


def test_unsaved_editor_work_stops_a_switch(
    qtbot, window: MainWindow, answers: Answers, db: Database, tmp_path: Path
) -> None:
    editor = window.open_household(window.model.household_id(0)) if window.model.rowCount() else None
    if editor is None:
        qtbot.waitUntil(lambda: window.model.rowCount() == 1)
        editor = window.open_household(window.model.household_id(0))
    editor.basic.form.editor("phone").setText("123")
    answers.save_answer = "cancel"
    assert window.reopen(str(tmp_path / "x.db")) is None and window.isVisible()


def test_the_automatic_backup_runs_off_the_gui_thread_and_reports(qtbot, window: MainWindow) -> None:
    from ui.app import start_automatic_backup

    start_automatic_backup(window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("已自动备份"))
    (made,) = backup.list_backups(window.db.path)
    assert made.kind == backup.AUTO and count(str(made.path)) == 1


def nearly_full_disk(monkeypatch: pytest.MonkeyPatch, free: int) -> None:
    import shutil
    from collections import namedtuple

    usage = namedtuple("Usage", "total used free")
    monkeypatch.setattr(backup, "database_size", lambda _path: 2_516_480_000)  # a county file
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: usage(64 * 1024**3, 64 * 1024**3 - free, free))


def test_an_automatic_backup_that_would_fill_the_disk_is_skipped_and_the_status_bar_says_why(
    qtbot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    from ui.app import start_automatic_backup

    nearly_full_disk(monkeypatch, 3 * 1024**3)
    start_automatic_backup(window)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("磁盘空间不足"))
    text = window.statusBar().currentMessage()
    assert "没有自动备份" in text and "2.3 GB" in text and "3.0 GB" in text
    assert backup.list_backups(window.db.path) == []


def test_a_manual_backup_that_does_not_fit_says_how_much_space_it_needs(
    monkeypatch: pytest.MonkeyPatch, window: MainWindow, answers: Answers
) -> None:
    nearly_full_disk(monkeypatch, 1024**3)
    assert file_actions.backup_now(window) is None
    assert answers.kinds() == ["error"]
    assert answers.shown[0][1].startswith("备份失败：磁盘空间不足") and "2.3 GB" in answers.shown[0][1]
    assert backup.list_backups(window.db.path) == []
