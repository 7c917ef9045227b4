"""The 更换帮扶责任人 dialog asks before Escape or 取消 throws a new helper's typed details away."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from models.helper_list import list_helpers
from models.registry import Registry
from tests.ui.app_fixtures import VILLAGE, Answers, id_number
from ui.code_labels import CodeLabels
from ui.helpers_page import ChangeHelperDialog


@pytest.fixture
def household(village_registry: Registry) -> str:
    return village_registry.create_household(
        {"village_code": VILLAGE},
        [{"name": "王大山", "relation": "01", "id_number": id_number(datetime.date(1970, 3, 5), True)}],
    )


def open_dialog(qtbot, registry: Registry, household: str) -> ChangeHelperDialog:
    dialog = ChangeHelperDialog(registry, CodeLabels(registry.conn, "zh"), "zh", household)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def type_new_helper(qtbot, dialog: ChangeHelperDialog) -> None:
    assert dialog.create.isChecked()  # no helper registered yet
    for column, text in (("name", "张建国"), ("unit", "县农业农村局")):
        field = dialog.form.editor(column)
        field.setFocus()
        field.insert(text)  # committed by an input method


def test_escape_with_nothing_typed_closes_without_asking(
    qtbot, village_registry: Registry, household: str, answers: Answers
) -> None:
    dialog = open_dialog(qtbot, village_registry, household)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers.kinds() == []


@pytest.mark.parametrize(
    ("answer", "stays_open", "helpers"), [("cancel", True, []), ("discard", False, []), ("save", False, ["张建国"])]
)
def test_escape_after_typing_a_new_helper_asks_first(
    qtbot, village_registry: Registry, household: str, answers: Answers, answer: str, stays_open: bool, helpers: list
) -> None:
    dialog = open_dialog(qtbot, village_registry, household)
    type_new_helper(qtbot, dialog)
    answers.save_answer = answer
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert answers.kinds() == ["save?"] and "帮扶责任人" in answers.shown[0][1]
    assert dialog.isVisible() == stays_open
    assert [h["name"] for h in list_helpers(village_registry.conn)] == helpers
    if stays_open:
        assert dialog.form.editor("unit").text() == "县农业农村局"
    if answer == "save":
        assert village_registry.current_pairing(household) is not None


def test_the_cancel_button_asks_too(qtbot, village_registry: Registry, household: str, answers: Answers) -> None:
    dialog = open_dialog(qtbot, village_registry, household)
    type_new_helper(qtbot, dialog)
    answers.save_answer = "cancel"
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert answers.kinds() == ["save?"] and dialog.isVisible()
