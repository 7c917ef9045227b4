"""While searching, the main list says which member (or number) of each household matched."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.codes import label
from models.db import Database
from tests.ui.app_fixtures import DEMO_HOUSEHOLDS, Answers
from ui.household_table import MATCH
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db: Database, answers: Answers) -> MainWindow:
    main = MainWindow(demo_db)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.model.rowCount() == DEMO_HOUSEHOLDS)
    return main


def search_for(qtbot, window: MainWindow, text: str, household_id: str) -> str:
    """Type a search (as an input method commits it) and return the match cell of the household's row."""
    window.search_box.clear()
    window.search_box.insert(text)
    qtbot.waitUntil(lambda: window.list_panel.shown_text == text and household_id in window.model.ids())
    return window.model.index(window.model.row_of(household_id), MATCH).data()


def match_hidden(window: MainWindow) -> bool:
    return window.list_panel.table.horizontalHeader().isSectionHidden(MATCH)


def test_a_wife_or_child_who_matched_is_named_in_the_row(qtbot, window: MainWindow, demo_db: Database) -> None:
    name, relation, household_id = demo_db.conn.execute(
        "SELECT name, relation, household_id FROM members WHERE relation IN ('02', '03', '04') AND in_household = 1 "
        "LIMIT 1"
    ).fetchone()
    assert match_hidden(window)
    assert search_for(qtbot, window, name, household_id) == f"{name}（{label('relation', relation)}）"
    assert not match_hidden(window)
    header = window.list_panel.table.horizontalHeader()
    assert header.visualIndex(MATCH) == header.visualIndex(window.model.column_of("head")) + 1
    assert window.model.headerData(MATCH, Qt.Orientation.Horizontal) == "匹配"


def test_a_member_who_died_or_moved_out_shows_how_and_when(qtbot, window: MainWindow, demo_db: Database) -> None:
    name, reason, left, household_id = demo_db.conn.execute(
        "SELECT name, left_reason, left_date, household_id FROM members WHERE in_household = 0 AND left_date != '' "
        "LIMIT 1"
    ).fetchone()
    text = search_for(qtbot, window, name, household_id)
    assert text.startswith(f"{name}（") and f"{label('member_change', reason)} {left}）" in text


def test_an_id_number_fragment_shows_the_number_masked(qtbot, window: MainWindow, demo_db: Database) -> None:
    name, id_number, household_id = demo_db.conn.execute(
        "SELECT name, id_number, household_id FROM members WHERE relation = '02' AND length(id_number) = 18 LIMIT 1"
    ).fetchone()
    text = search_for(qtbot, window, id_number[-8:], household_id)
    assert text.startswith(f"{name}（配偶） 证件号 {id_number[:6]}********{id_number[-4:]}")
    assert id_number not in text and id_number[6:14] not in text


def test_clearing_the_search_hides_the_column(qtbot, window: MainWindow, demo_db: Database) -> None:
    name, household_id = demo_db.conn.execute("SELECT name, household_id FROM members LIMIT 1").fetchone()
    assert search_for(qtbot, window, name, household_id)
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == DEMO_HOUSEHOLDS)
    assert match_hidden(window) and window.model.index(0, MATCH).data() == ""
    assert window.model.match_of(household_id) is None


def test_enter_opens_the_household_on_the_member_that_matched(qtbot, window: MainWindow, demo_db: Database) -> None:
    member_id, name, household_id = demo_db.conn.execute(
        "SELECT id, name, household_id FROM members WHERE relation = '03' AND in_household = 1 LIMIT 1"
    ).fetchone()
    search_for(qtbot, window, name, household_id)
    table = window.list_panel.table
    table.setFocus()
    table.selectRow(window.model.row_of(household_id))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = window.editors[household_id]
    members = editor.members
    assert editor.tabs.currentWidget() is members
    assert members.model.members[members.table.currentIndex().row()]["id"] == member_id


def test_the_model_passes_the_model_tester_while_searching(
    qtbot, qtmodeltester, window: MainWindow, demo_db: Database
) -> None:
    name, household_id = demo_db.conn.execute("SELECT name, household_id FROM members WHERE relation = '02'").fetchone()
    search_for(qtbot, window, name[:1], household_id)
    qtmodeltester.check(window.model, force_py=True)
