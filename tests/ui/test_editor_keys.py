"""The household editor with the keyboard: Enter never saves, problems in another income year are found."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.registry import Registry
from tests.ui.app_fixtures import VILLAGE, Answers, id_number
from ui.household_editor import HouseholdEditor

HEAD_ID = id_number(datetime.date(1970, 3, 5), True)


@pytest.fixture
def editor(qtbot, village_registry: Registry, answers: Answers) -> HouseholdEditor:
    """The editor of a saved household of one member, shown and active."""
    household = village_registry.create_household(
        {"village_code": VILLAGE}, [{"name": "张三", "relation": "01", "id_number": HEAD_ID}]
    )
    shown = HouseholdEditor(village_registry, household)
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shown)
    return shown


def summary_lines(editor: HouseholdEditor) -> list[str]:
    return [editor.summary.item(i).text() for i in range(editor.summary.count())]


def test_enter_in_a_field_does_not_save_the_household(qtbot, editor: HouseholdEditor) -> None:
    saved: list[str] = []
    editor.saved.connect(saved.append)
    note = editor.basic.form.editor("note")
    note.setFocus()
    qtbot.keyClicks(note, "well")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert saved == [] and editor.is_dirty() and editor.isVisible()
    assert not editor.save_button.isDefault()
    editor.go_to_tab(4)
    editor.income.add_year(2018)
    wage = editor.income.form.editor("wage")
    wage.setFocus()
    qtbot.keyClicks(wage, "3000")
    qtbot.keyClick(wage, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert saved == [] and editor.is_dirty()
    qtbot.keyClick(wage, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S still saves
    assert saved == [editor.household_id] and not editor.is_dirty()


def test_enter_on_a_member_row_opens_the_member_but_does_not_save(qtbot, monkeypatch, editor: HouseholdEditor) -> None:
    from ui.member_dialog import MemberDialog

    opened: list[int] = []
    monkeypatch.setattr(MemberDialog, "ask", classmethod(lambda cls, *args, **kwargs: opened.append(1)))
    saved: list[str] = []
    editor.saved.connect(saved.append)
    qtbot.keyClicks(editor.basic.form.editor("phone"), "13800000001")
    editor.go_to_tab(1)
    editor.members.table.selectRow(0)
    editor.members.table.setFocus()
    qtbot.keyClick(editor.members.table, Qt.Key.Key_Return)
    assert opened == [1] and saved == [] and editor.is_dirty()


def test_a_wrong_income_in_another_year_names_the_year_and_leads_to_it(qtbot, editor: HouseholdEditor) -> None:
    page = editor.income
    page.add_year(2017)
    wage = page.form.editor("wage")
    qtbot.keyClicks(wage, "12o0")
    box = page.form.boxes["wage"]
    assert "“12o0”不是数字" in box.message.text() and wage.property("problem") == "error"  # marked while typing
    assert "—" in page.totals.text()
    page.add_year(2018)
    qtbot.keyClicks(page.form.editor("wage"), "2000")
    assert not page.form.boxes["wage"].message.text()  # 2018's wage is fine
    editor.go_to_tab(0)
    assert not editor.save()
    assert any("2017 年" in line and "“12o0”不是数字" in line for line in summary_lines(editor))
    assert editor.tabs.currentWidget() is page and page.years.currentData() == 2017  # the first error shown
    assert "不是数字" in box.message.text()
    page.years.setCurrentIndex(page.years.findData(2018))
    editor.go_to_tab(0)
    items = [editor.summary.item(i) for i in range(editor.summary.count())]
    item = next(line for line in items if "2017" in line.text())
    editor.summary.itemActivated.emit(item)  # double-click / Enter on the line
    assert editor.tabs.currentWidget() is page and page.years.currentData() == 2017
    assert wage.text() == "12o0"
    wage.setText("1200")
    assert not box.message.text() and editor.save()


def test_an_unknown_main_cause_is_reported_once(editor: HouseholdEditor) -> None:
    cause = editor.causes.form.editor("main_cause")
    cause.lineEdit().setText("zzz")
    cause.settle()
    assert not editor.save()
    about_zzz = [line for line in summary_lines(editor) if "zzz" in line]
    assert len(about_zzz) == 1 and about_zzz[0].startswith("错误：")
    assert "zzz" in editor.causes.form.boxes["main_cause"].message.text()
