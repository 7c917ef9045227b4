"""The 帮扶措施 dialog: a micro-credit measure without a loan amount is stopped at 金额 (no crash box, nothing
written); a fund cleared in a saved measure is 0; Escape asks before throwing typed input away."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.registry import Registry
from tests.ui.app_fixtures import VILLAGE, Answers, id_number
from ui.code_labels import CodeLabels
from ui.measure_dialog import MeasureDialog


@pytest.fixture
def household(village_registry: Registry) -> str:
    return village_registry.create_household(
        {"village_code": VILLAGE},
        [{"name": "王大山", "relation": "01", "id_number": id_number(datetime.date(1970, 3, 5), True)}],
    )


def open_dialog(qtbot, registry: Registry, household: str, lang: str = "zh", measure: dict | None = None):
    members = registry.get_household(household)["members"]
    dialog = MeasureDialog(registry, CodeLabels(registry.conn, lang), lang, household, members, measure)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def type_into(qtbot, widget, text: str) -> None:
    """Type ``text`` and Tab on (Chinese is committed at once, as an input method does)."""
    widget.setFocus()
    field = widget.lineEdit() if hasattr(widget, "lineEdit") else widget
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)
    qtbot.keyClick(QApplication.activePopupWidget() or field, Qt.Key.Key_Tab)  # an open completer sees it first


def measures(registry: Registry) -> int:
    return registry.conn.execute("SELECT COUNT(*) FROM measures").fetchone()[0]


@pytest.mark.parametrize(("lang", "message"), [("zh", "金额（元）：不能为空。"), ("en", "Amount (yuan): is required.")])
def test_a_micro_credit_measure_without_an_amount_is_stopped_at_the_amount(
    qtbot, village_registry: Registry, household: str, answers: Answers, lang: str, message: str
) -> None:
    dialog = open_dialog(qtbot, village_registry, household, lang)
    type_into(qtbot, dialog.form.editor("type"), "04")
    type_into(qtbot, dialog.form.editor("content"), "养羊贷款")
    assert dialog.loan_group.isVisible()
    dialog.accept()
    assert dialog.isVisible() and answers.kinds() == []  # no crash box
    assert dialog.loan_form.boxes["amount"].message.text() == message
    assert measures(village_registry) == 0
    dialog.accept()  # an error, not a warning: OK again still refuses
    assert dialog.isVisible() and measures(village_registry) == 0
    type_into(qtbot, dialog.loan_form.editor("amount"), "30000")
    dialog.accept()
    assert not dialog.isVisible() and measures(village_registry) == 1
    assert village_registry.conn.execute("SELECT amount, interest_subsidy FROM loans").fetchone() == (30000.0, 0.0)


def test_a_fund_cleared_in_a_saved_measure_is_stored_as_zero(
    qtbot, village_registry: Registry, household: str, answers: Answers
) -> None:
    village_registry.create_measure(
        {"household_id": household, "year": 2019, "type": "01", "status": "2", "fund_fiscal": 1200}
    )
    (saved,) = village_registry.get_household(household)["measures"]
    dialog = open_dialog(qtbot, village_registry, household, measure=saved)
    dialog.form.editor("fund_fiscal").clear()
    dialog.accept()
    assert not dialog.isVisible() and answers.kinds() == []
    assert village_registry.get_household(household)["measures"][0]["fund_fiscal"] == 0


def test_escape_with_nothing_typed_closes_without_asking(
    qtbot, village_registry: Registry, household: str, answers: Answers
) -> None:
    dialog = open_dialog(qtbot, village_registry, household)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers.kinds() == []


@pytest.mark.parametrize(
    ("answer", "stays_open", "saved"), [("cancel", True, 0), ("discard", False, 0), ("save", False, 1)]
)
def test_escape_after_typing_asks_before_throwing_the_measure_away(
    qtbot, village_registry: Registry, household: str, answers: Answers, answer: str, stays_open: bool, saved: int
) -> None:
    dialog = open_dialog(qtbot, village_registry, household)
    type_into(qtbot, dialog.form.editor("type"), "01")
    type_into(qtbot, dialog.form.editor("content"), "危房改造，补助两万元，已完成主体")
    type_into(qtbot, dialog.form.editor("fund_fiscal"), "20000")
    answers.save_answer = answer
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert answers.kinds() == ["save?"] and "帮扶措施" in answers.shown[0][1]
    assert dialog.isVisible() == stays_open and measures(village_registry) == saved
    if stays_open:
        assert dialog.form.editor("content").text() == "危房改造，补助两万元，已完成主体"


def test_the_cancel_button_asks_too(qtbot, village_registry: Registry, household: str, answers: Answers) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = open_dialog(qtbot, village_registry, household)
    type_into(qtbot, dialog.form.editor("content"), "技能培训")
    answers.save_answer = "cancel"
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert answers.kinds() == ["save?"] and dialog.isVisible()
