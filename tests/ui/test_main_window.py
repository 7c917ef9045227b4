"""The main window on a real registry: region tree, the household list, search, filters, columns, plug-ins."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from models.db import Database
from models.household_list import ListQuery, household_ids
from tests.ui.app_fixtures import DEMO_HOUSEHOLDS, Answers
from ui import app as app_module
from ui.household_table import COLUMNS, HouseholdTableModel
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_db: Database, answers: Answers) -> MainWindow:
    main = MainWindow(demo_db)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.model.rowCount() == DEMO_HOUSEHOLDS)
    return main


def cells(window: MainWindow, key: str) -> list[str]:
    column = HouseholdTableModel.column_of(key)
    return [window.model.index(r, column).data() for r in range(window.model.rowCount())]


def test_window_shows_the_tree_the_list_and_the_counts(window: MainWindow, demo_db: Database) -> None:
    assert window.windowTitle() == f"建档 — {Path(demo_db.path).name}"
    root = window.tree.tree_model.item(0)
    assert root.text().endswith(f"({DEMO_HOUSEHOLDS})")
    villages = [root.child(r).text() for r in range(root.rowCount())]
    assert villages and all(v.endswith(")") for v in villages)
    assert window.count_label.text() == f"显示 {DEMO_HOUSEHOLDS} 户（共 {DEMO_HOUSEHOLDS} 户）"
    assert window.path_label.text().endswith(demo_db.path)
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(window.model.columnCount())]
    assert headers[:3] == ["户编号", "户主", "村"] and headers[-2:] == ["预警", "匹配"]
    for key, _, _ in COLUMNS[:-1]:  # no empty column (but 匹配, which shows while searching)
        assert any(cells(window, key)), key


def test_choosing_a_village_or_group_lists_its_households(qtbot, window: MainWindow, demo_db: Database) -> None:
    village = window.tree.tree_model.item(0).child(0)
    count = int(village.text().rsplit("(", 1)[1].rstrip(")"))
    window.tree.setCurrentIndex(village.index())
    qtbot.waitUntil(lambda: window.model.rowCount() == count)
    group = village.child(0)
    window.tree.setCurrentIndex(group.index())
    expected = int(group.text().rsplit("(", 1)[1].rstrip(")"))
    qtbot.waitUntil(lambda: window.model.rowCount() == expected)
    assert set(cells(window, "group")) == {group.text().rsplit(" (", 1)[0]}


def test_search_as_you_type_finds_a_household_by_number(qtbot, window: MainWindow, demo_db: Database) -> None:
    household_id, number = demo_db.conn.execute(
        "SELECT id, household_no FROM households WHERE household_no != '' LIMIT 1"
    ).fetchone()
    qtbot.keyClicks(window.search_box, number)  # QTest types ASCII only
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    assert window.model.household_id(0) == household_id and cells(window, "household_no") == [number]
    window.search_box.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == DEMO_HOUSEHOLDS)


def test_a_chinese_name_is_found_and_the_enter_key_opens_the_household(
    qtbot, window: MainWindow, demo_db: Database
) -> None:
    name, household_id = demo_db.conn.execute(
        "SELECT name, household_id FROM members WHERE relation = '01' LIMIT 1"
    ).fetchone()
    window.search_box.insert(name)  # as an input method commits Chinese text
    qtbot.waitUntil(lambda: window.model.rowCount() > 0 and household_id in window.model.ids())
    qtbot.keyClick(window.search_box, Qt.Key.Key_Down)
    window.list_panel.table.selectRow(window.model.row_of(household_id))
    qtbot.keyClick(window.list_panel.table, Qt.Key.Key_Return)
    assert household_id in window.editors and window.editors[household_id].isVisible()


def test_filters_and_sorting_re_read_the_list(qtbot, window: MainWindow, demo_db: Database) -> None:
    status = window.list_panel.filters["status"]
    status.setCurrentIndex(status.findData("01"))
    expected = household_ids(demo_db.conn, ListQuery(statuses=("01",)))
    qtbot.waitUntil(lambda: window.model.ids() == expected)
    assert set(cells(window, "status")) == {"未脱贫"}
    status.setCurrentIndex(0)
    window.list_panel.table.sortByColumn(HouseholdTableModel.column_of("population"), Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(
        lambda: window.model.ids() == household_ids(demo_db.conn, ListQuery(sort="population", descending=True))
    )
    sizes = [int(c) for c in cells(window, "population")]
    assert sizes == sorted(sizes, reverse=True)


def test_warnings_column_and_filter_use_the_warning_counts(qtbot, window: MainWindow, demo_db: Database) -> None:
    from models.warnings import warning_counts

    counts = warning_counts(demo_db.conn)
    qtbot.waitUntil(lambda: window.list_panel.filters["warnings"].isEnabled())
    assert cells(window, "warnings") == [str(counts.get(i, 0)) for i in window.model.ids()]
    window.list_panel.filters["warnings"].setChecked(True)
    qtbot.waitUntil(lambda: window.model.rowCount() == len([c for c in counts.values() if c > 0]))


def test_hidden_columns_are_remembered_by_the_next_window(qtbot, window: MainWindow, demo_db: Database) -> None:
    column = HouseholdTableModel.column_of("helper")
    window.list_panel.show_column(column, False)
    window.owns_db = False  # the fixture closes the database
    window.close()
    second = MainWindow(demo_db)
    qtbot.addWidget(second)
    assert second.list_panel.table.horizontalHeader().isSectionHidden(column)
    second.list_panel.show_column(column, True)
    assert not second.list_panel.table.horizontalHeader().isSectionHidden(column)


def test_feature_modules_get_their_menus_before_help(window: MainWindow) -> None:
    menu = window.menu("同步")
    assert isinstance(menu, QMenu) and window.menu("同步") is menu
    assert window.menu("文件") is window.menu("文件(&F)")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[0] == "文件(&F)" and titles[-1] == "帮助(&H)" and "同步(&Y)" in titles


def test_new_household_opens_in_the_chosen_village_and_refreshes_after_saving(qtbot, window: MainWindow) -> None:
    village = window.tree.tree_model.item(0).child(0)
    window.tree.setCurrentIndex(village.index())
    editor = window.new_household()
    assert editor.basic.form.editor("village_code").value() == village.data(Qt.ItemDataRole.UserRole + 1)
    editor.members.model.set_members([{"name": "新户主", "relation": "01", "id_type": "03", "in_household": 1}])
    assert editor.save()
    qtbot.waitUntil(lambda: window.total == DEMO_HOUSEHOLDS + 1)
    assert editor.household_id in window.editors


def test_household_model_passes_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    qtmodeltester.check(window.model, force_py=True)


def test_run_opens_the_default_database_and_offers_the_first_start(
    qapp, answers: Answers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.first_start import FirstStartDialog

    asked: list[str] = []
    monkeypatch.setenv("JIANDANG_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(lambda cls, parent, registry, lang: asked.append(lang)))
    shown: list[str] = []
    # the event loop is not run: a quit application would stop every later event loop of the test process
    monkeypatch.setattr(
        app_module,
        "event_loop",
        lambda app: (
            shown.extend(w.db.path for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()) or 0
        ),
    )
    assert app_module.run(None, "zh") == 0
    assert shown == [str(tmp_path / "data" / "jiandang.db")] and asked == ["zh"]
    assert (tmp_path / "data" / "logs" / "jiandang.log").is_file()


def test_unusable_database_at_start_shows_the_error_and_exits_1(qapp, answers: Answers, tmp_path: Path) -> None:
    path = tmp_path / "photo.db"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert app_module.run(path, "zh") == 1
    assert answers.kinds() == ["error"] and "不是数据库文件" in answers.shown[0][1]
    assert path.read_bytes() == b"\x89PNG\r\n\x1a\n" + bytes(200)


def test_a_household_entered_by_mistake_is_deleted_from_the_menu_after_asking(
    qtbot, window: MainWindow, demo_db: Database, answers: Answers
) -> None:
    from ui.household_delete import delete_selected_household

    window.list_panel.table.selectRow(0)
    doomed = window.list_panel.current_household()
    head = demo_db.conn.execute(
        "SELECT name FROM members WHERE household_id = ? AND relation = '01' AND in_household = 1", (doomed,)
    ).fetchone()[0]
    answers.yes = False
    assert not delete_selected_household(window)
    assert head in answers.shown[-1][1] and "销号" in answers.shown[-1][1]
    answers.yes = True
    editor = window.open_household(doomed)
    assert delete_selected_household(window)
    assert not editor.isVisible()
    assert demo_db.conn.execute("SELECT COUNT(*) FROM households WHERE id = ?", (doomed,)).fetchone()[0] == 0
    qtbot.waitUntil(lambda: window.model.rowCount() == DEMO_HOUSEHOLDS - 1)
    menu = next(m for m in window.findChildren(QMenu) if "登记" in m.title())
    assert any("删除所选户" in a.text() for a in menu.actions())


def test_a_household_with_procedure_records_is_not_deleted(
    qtbot, window: MainWindow, demo_db: Database, answers: Answers
) -> None:
    from ui.household_delete import delete_selected_household

    window.list_panel.table.selectRow(0)
    household = window.list_panel.current_household()
    with window.db.write("测试员") as writer:
        writer.insert(
            "workflow_events",
            {"household_id": household, "procedure": "identify", "step": "apply", "year": 2019,
             "event_date": "2019-03-01"},
        )
    assert not delete_selected_household(window)
    assert answers.kinds()[-1] == "error" and "办理销号" in answers.shown[-1][1]
    assert demo_db.conn.execute("SELECT COUNT(*) FROM households WHERE id = ?", (household,)).fetchone()[0] == 1


def test_closing_the_window_asks_about_a_new_household_not_saved_yet(
    qtbot, window: MainWindow, answers: Answers, demo_db: Database
) -> None:
    window.tree.setCurrentIndex(window.tree.tree_model.item(0).child(0).index())
    editor = window.new_household()
    editor.members.model.set_members([{"name": "新户主", "relation": "01", "id_type": "03", "in_household": 1}])
    answers.save_answer = "cancel"
    assert not window.close()
    assert window.isVisible() and editor.isVisible() and answers.kinds() == ["save?"]
    answers.save_answer = "save"
    households = demo_db.conn.execute("SELECT count(*) FROM households").fetchone()[0]
    assert window.close()
    assert answers.kinds() == ["save?", "save?"]
    with sqlite3.connect(demo_db.path) as check:
        assert check.execute("SELECT count(*) FROM households").fetchone()[0] == households + 1


def test_column_layouts_are_remembered_per_language(qtbot, window: MainWindow, demo_db: Database) -> None:
    from ui import prefs
    from ui.column_chooser import header_key

    prefs.settings().remove(header_key("en"))  # no English layout yet (other tests may have left one)
    column = HouseholdTableModel.column_of("helper")
    window.list_panel.show_column(column, False)  # remembered for Chinese
    window.owns_db = False
    window.close()
    english = MainWindow(demo_db, "en")
    qtbot.addWidget(english)
    header = english.list_panel.table.horizontalHeader()
    assert not header.isSectionHidden(column)  # the English texts get their own widths, fitted once
    assert english.list_panel.table.fit_pending
    english.list_panel.show_column(column, False)
    english.owns_db = False
    english.close()
    chinese = MainWindow(demo_db)
    qtbot.addWidget(chinese)
    assert chinese.list_panel.table.horizontalHeader().isSectionHidden(column)
