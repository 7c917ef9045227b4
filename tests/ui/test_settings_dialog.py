"""Settings: local settings, the poverty-line table, code tables, and switching the language live."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.db import Database
from models.incomes import poverty_line
from models.registry import Registry
from models.settings import get_setting
from tests.ui.app_fixtures import Answers, script_dialog
from ui.app import install_translations
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog


def test_settings_are_stored_and_a_refused_value_is_shown_at_its_field(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    dialog = SettingsDialog(village_registry)
    qtbot.addWidget(dialog)
    dialog.show()
    boxes = dialog.boxes
    assert boxes["operator"].editor.value() == "测试员" and boxes["notice_days"].editor.value() == "7"
    boxes["operator"].editor.setText("王明")
    boxes["objection_phone"].editor.setText("0932-1234567")
    boxes["issuing_body"].editor.insert("平襄镇人民政府")
    boxes["notice_days"].editor.setText("七天")
    dialog.accept()
    assert dialog.isVisible() and "公示天数必须是整数" in boxes["notice_days"].message.text()
    assert get_setting(village_registry.db, "operator") == "测试员"  # nothing stored while one value is refused
    boxes["notice_days"].editor.setText("10")
    dialog.accept()
    db = village_registry.db
    assert not dialog.isVisible()
    assert (get_setting(db, "operator"), get_setting(db, "objection_phone"), get_setting(db, "notice_days")) == (
        "王明",
        "0932-1234567",
        10,
    )
    assert get_setting(db, "issuing_body") == "平襄镇人民政府"


def test_cancel_after_a_refused_value_keeps_every_setting_as_it_was(qtbot, village_registry: Registry) -> None:
    dialog = SettingsDialog(village_registry)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.boxes["operator"].editor.setText("李干部")
    dialog.boxes["notice_days"].editor.setText("abc")
    dialog.accept()
    dialog.reject()
    assert get_setting(village_registry.db, "operator") == "测试员"


def test_poverty_lines_are_edited_with_validation(qtbot, village_registry: Registry, answers: Answers) -> None:
    dialog = SettingsDialog(village_registry)
    qtbot.addWidget(dialog)
    page = dialog.poverty_lines
    rows = page.model.rowCount()
    page.table.selectRow(rows - 1)  # 2020
    assert page.year.value() == "2020" and page.amount.value() == "4000"
    page.amount.setText("-5")
    assert not page.save_row() and "金额" in page.boxes["amount"].message.text()
    page.year.setText("2021")
    page.amount.setText("4100")
    assert page.save_row()
    assert page.model.rowCount() == rows + 1 and poverty_line(village_registry.conn, 2021) == 4100.0
    page.table.selectRow(rows)
    page.delete_row()
    assert poverty_line(village_registry.conn, 2021) is None and answers.kinds() == ["confirm"]


def test_code_tables_are_shown_read_only(qtbot, village_registry: Registry) -> None:
    dialog = SettingsDialog(village_registry)
    qtbot.addWidget(dialog)
    page = dialog.tabs.widget(3)
    page.chooser.setCurrentIndex(page.chooser.findData("poverty_cause"))
    assert page.model.index(0, 1).data() == "因病" and page.model.rowCount() >= 13
    assert not page.model.flags(page.model.index(0, 1)) & Qt.ItemFlag.ItemIsEditable


def test_switching_the_language_rebuilds_the_window_in_english(
    qtbot, monkeypatch, db: Database, answers: Answers
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    assert [a.text() for a in window.menuBar().actions()][0] == "文件(&F)"

    def choose_english(dialog: SettingsDialog) -> bool:
        combo = dialog.boxes["language"].editor
        combo.setCurrentIndex(combo.findData("en"))
        return True

    script_dialog(monkeypatch, SettingsDialog, [choose_english])
    window.owns_db = False
    window.open_settings()
    try:
        english = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.addWidget(english)
        assert english is not window and english.lang == "en" and english.db is db
        titles = [a.text() for a in english.menuBar().actions()]
        assert titles[0] == "&File" and titles[-1] == "&Help"
        assert english.search_box.placeholderText().startswith("Search:")
        assert english.model.headerData(1, Qt.Orientation.Horizontal) == "Head"
        assert get_setting(db, "language") == "en"
    finally:
        install_translations("zh")
