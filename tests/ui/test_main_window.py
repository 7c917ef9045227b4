"""The main window on a real database: search, the results model, the first-start demo offer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from models.db import Database
from ui import app as app_module
from ui import messages, search_model
from ui.main_window import MainWindow

DEMO_HOUSEHOLDS = 120


@pytest.fixture
def demo_db(db: Database) -> Database:
    from models.demo import generate_demo

    generate_demo(db, households=DEMO_HOUSEHOLDS, seed=3)
    return db


@pytest.fixture
def no_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Replace the message boxes: questions are answered No and recorded, errors recorded."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "ask_yes_no", lambda parent, title, text: shown.append(("ask", text)) or False)
    monkeypatch.setattr(messages, "show_error", lambda parent, text: shown.append(("error", text)))
    return shown


@pytest.fixture
def window(qtbot, demo_db: Database) -> MainWindow:
    main = MainWindow(demo_db)
    qtbot.addWidget(main)
    main.show()
    return main


def common_surname(db: Database) -> str:
    """The surname most demo members share (so a search for it has many hits)."""
    rows = db.conn.execute("SELECT substr(name, 1, 1) AS s FROM members GROUP BY s ORDER BY COUNT(*) DESC LIMIT 1")
    return rows.fetchone()[0]


def test_window_shows_file_name_counts_and_database_path(window: MainWindow, demo_db: Database) -> None:
    assert window.windowTitle() == f"建档 — {Path(demo_db.path).name}"
    assert f"{DEMO_HOUSEHOLDS} 户" in window.summary.text()
    assert window.statusBar().currentMessage().endswith(demo_db.path)
    assert window.search_box.placeholderText() == "姓名、拼音首字母、身份证号片段、户编号…"
    assert window.model.rowCount() == 0


def test_typing_a_household_number_fills_the_results(qtbot, window: MainWindow, demo_db: Database) -> None:
    household_id, number = demo_db.conn.execute(
        "SELECT id, household_no FROM households WHERE household_no != '' LIMIT 1").fetchone()
    qtbot.keyClicks(window.search_box, number)  # QTest can only type ASCII keys
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=3000)
    model = window.model
    assert model.query() == number
    assert household_id in {model.hit(row).household_id for row in range(model.rowCount())}
    assert model.index(0, 4).data() == number


def test_entering_a_name_shows_masked_ids_and_village_names(qtbot, window: MainWindow, demo_db: Database) -> None:
    name, member_id = demo_db.conn.execute("SELECT name, id FROM members WHERE id_number != '' LIMIT 1").fetchone()
    window.search_box.insert(name)  # as an input method commits Chinese text
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=3000)
    model = window.model
    assert model.query() == name
    row = next(r for r in range(model.rowCount()) if model.hit(r).member_id == member_id)
    cells = [model.index(row, column).data() for column in range(model.columnCount())]
    assert cells[0] == name
    assert "********" in cells[2]
    village = demo_db.conn.execute("SELECT name FROM regions WHERE code = ?", (model.hit(row).village_code,))
    assert cells[3] == village.fetchone()[0]
    assert [model.headerData(c, search_model.Qt.Orientation.Horizontal) for c in range(5)] == list(
        search_model.COLUMNS)


def test_clearing_the_search_box_empties_the_results(qtbot, window: MainWindow, demo_db: Database) -> None:
    window.search_box.setText(common_surname(demo_db))
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=3000)
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=3000)


def test_results_model_passes_the_model_tester(qtmodeltester, window: MainWindow, demo_db: Database) -> None:
    window.model.set_query(common_surname(demo_db))
    assert window.model.rowCount() > 0
    qtmodeltester.check(window.model, force_py=True)


def test_more_results_are_fetched_page_by_page(qtmodeltester, monkeypatch: pytest.MonkeyPatch,
                                               demo_db: Database) -> None:
    monkeypatch.setattr(search_model, "PAGE_SIZE", 5)
    model = search_model.SearchResultsTableModel(demo_db.conn)
    model.set_query(common_surname(demo_db))
    assert model.rowCount() == 5 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 10
    qtmodeltester.check(model, force_py=True)  # fetches further pages itself, checking every insertion
    ids = [model.hit(row).member_id for row in range(model.rowCount())]
    assert len(ids) >= 10 and len(set(ids)) == len(ids)


def test_empty_database_offers_the_demo_township(qtbot, monkeypatch: pytest.MonkeyPatch, db: Database) -> None:
    asked: list[str] = []
    monkeypatch.setattr(messages, "ask_yes_no", lambda parent, title, text: asked.append(text) or True)
    monkeypatch.setattr(MainWindow, "DEMO_HOUSEHOLDS", 40)
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert "共 0 户" in window.summary.text()
    assert window.offer_demo_if_empty()
    assert asked == ["数据库是空的。要打开演示乡镇（虚构数据）吗？"]
    assert "共 40 户" in window.summary.text()
    assert QApplication.overrideCursor() is None
    assert not window.offer_demo_if_empty()
    assert len(asked) == 1


def test_declining_the_demo_leaves_the_database_empty(qtbot, no_dialogs: list, db: Database) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    assert not window.offer_demo_if_empty()
    assert no_dialogs == [("ask", "数据库是空的。要打开演示乡镇（虚构数据）吗？")]
    assert db.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0] == 0


def test_a_database_with_households_is_not_offered_the_demo(no_dialogs: list, window: MainWindow) -> None:
    assert not window.offer_demo_if_empty()
    assert no_dialogs == []


def test_unusable_database_at_start_shows_the_error_and_exits_1(qapp, no_dialogs: list, tmp_path: Path) -> None:
    path = tmp_path / "photo.db"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert app_module.run(path, "zh") == 1
    assert len(no_dialogs) == 1 and no_dialogs[0][0] == "error"
    assert "不是数据库文件" in no_dialogs[0][1]
    assert path.read_bytes() == b"\x89PNG\r\n\x1a\n" + bytes(200)


def test_run_creates_the_default_database_and_returns_when_closed(qapp, no_dialogs: list, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIANDANG_DATA_DIR", str(tmp_path / "data"))
    QTimer.singleShot(0, qapp.quit)
    assert app_module.run(None, "zh") == 0
    assert (tmp_path / "data" / "jiandang.db").is_file()
    assert no_dialogs == [("ask", "数据库是空的。要打开演示乡镇（虚构数据）吗？")]
