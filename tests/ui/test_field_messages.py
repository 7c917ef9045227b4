"""Messages at fields go when the user corrects the field; the ID number decides birth date and sex;
Escape in the member dialog asks before throwing inputs away."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt

from models.registry import Registry
from tests.ui.app_fixtures import VILLAGE, Answers, id_number
from ui.code_labels import CodeLabels
from ui.first_start import FirstStartDialog
from ui.household_editor import HouseholdEditor
from ui.member_dialog import MemberDialog

HEAD_ID = id_number(datetime.date(1970, 3, 5), True)
CORRECTED_ID = id_number(datetime.date(1982, 11, 20), False)


def member_dialog(qtbot, registry: Registry, values: dict | None = None, member_id: str | None = None) -> MemberDialog:
    dialog = MemberDialog(registry, CodeLabels(registry.conn), "zh", values, None, member_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_member_fields_message_goes_when_the_field_is_corrected(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    dialog = member_dialog(qtbot, village_registry, {"id_type": "01", "relation": "01"})
    dialog.accept()
    name = dialog.form.boxes["name"]
    assert name.message.text() and dialog.form.editor("name").property("problem") == "error"
    dialog.form.editor("name").insert("王五")
    assert not name.message.text() and not name.message.isVisible()
    assert not dialog.form.editor("name").property("problem")
    dialog.form.editor("birth_date").setText("1970-13-01")
    dialog.accept()
    born = dialog.form.boxes["birth_date"]
    assert born.message.text()
    born.editor.setFocus()
    qtbot.keyClick(born.editor, Qt.Key.Key_Backspace)
    assert not born.message.text()


def test_a_code_fields_message_goes_when_another_code_is_typed(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    dialog = member_dialog(qtbot, village_registry, {"name": "王五", "id_type": "01", "relation": "01"})
    education = dialog.form.editor("education")
    education.lineEdit().setText("zzz")
    education.settle()
    dialog.accept()
    box = dialog.form.boxes["education"]
    assert "zzz" in box.message.text()
    education.settle()  # leaving the field without changing it keeps the message
    assert box.message.text()
    education.lineEdit().setFocus()
    qtbot.keyClick(education.lineEdit(), Qt.Key.Key_Backspace)
    assert not box.message.text()


def test_first_start_messages_go_when_the_answers_are_typed(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    dialog = FirstStartDialog(village_registry)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()
    operator, township = dialog.boxes["operator"], dialog.boxes["township"]
    assert operator.message.text() and township.message.text()
    qtbot.keyClicks(dialog.operator, "W")
    assert not operator.message.text()
    qtbot.keyClicks(township.editor.lineEdit(), "6")
    assert not township.message.text()
    assert dialog.boxes["villages"].message.text()
    dialog.typed_villages.setPlainText("621121103201 文峰村")
    assert not dialog.boxes["villages"].message.text()


def test_a_household_fields_message_goes_when_the_field_is_corrected(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    household = village_registry.create_household(
        {"village_code": VILLAGE}, [{"name": "张三", "relation": "01", "id_number": HEAD_ID}]
    )
    editor = HouseholdEditor(village_registry, household)
    qtbot.addWidget(editor)
    editor.show()
    land = editor.conditions.form.editor("land_area")
    qtbot.keyClicks(land, "-3")
    assert not editor.save()
    box = editor.conditions.form.boxes["land_area"]
    assert "不能为负数" in box.message.text()
    land.setFocus()
    land.home(False)
    qtbot.keyClick(land, Qt.Key.Key_Delete)
    assert land.text() == "3" and not box.message.text()


def saved_member(registry: Registry) -> tuple[dict, str]:
    household = registry.create_household(
        {"village_code": VILLAGE}, [{"name": "李梅", "relation": "01", "id_number": HEAD_ID}]
    )
    (member,) = registry.get_household(household)["members"]
    assert (member["birth_date"], member["sex"]) == ("1970-03-05", "1")
    return member, household


def test_correcting_a_saved_members_id_number_refills_birth_date_and_sex(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    member, household = saved_member(village_registry)
    dialog = MemberDialog(village_registry, CodeLabels(village_registry.conn), "zh", member, household, member["id"])
    qtbot.addWidget(dialog)
    dialog.show()
    number = dialog.form.editor("id_number")
    number.selectAll()
    qtbot.keyClicks(number, CORRECTED_ID)
    assert dialog.form.editor("birth_date").value() == "1982-11-20" and dialog.form.editor("sex").value() == "2"
    note = dialog.form.boxes["birth_date"].message.text()
    assert "已按身份证号码改正" in note and "1970-03-05" in note  # not replaced silently
    assert "男" in dialog.form.boxes["sex"].message.text()
    dialog.accept()
    assert dialog.result() == MemberDialog.DialogCode.Accepted
    assert (dialog.result_values["birth_date"], dialog.result_values["sex"]) == ("1982-11-20", "2")


def test_a_date_typed_by_hand_gives_way_to_the_next_id_number(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    dialog = member_dialog(qtbot, village_registry, {"name": "王五", "id_type": "01", "relation": "01"})
    number = dialog.form.editor("id_number")
    qtbot.keyClicks(number, HEAD_ID)
    assert dialog.form.editor("birth_date").value() == "1970-03-05"
    assert not dialog.form.boxes["birth_date"].message.text()  # filled into a blank field: nothing to say
    dialog.form.editor("birth_date").setText("1971-01-01")  # typed by hand
    number.selectAll()
    qtbot.keyClicks(number, CORRECTED_ID)
    assert dialog.form.editor("birth_date").value() == "1982-11-20"
    assert "1971-01-01" in dialog.form.boxes["birth_date"].message.text()


@pytest.mark.parametrize(("answer", "stays_open", "kept"), [("cancel", True, False), ("discard", False, False)])
def test_escape_in_the_member_dialog_asks_before_throwing_inputs_away(
    qtbot, village_registry: Registry, answers: Answers, answer: str, stays_open: bool, kept: bool
) -> None:
    dialog = member_dialog(qtbot, village_registry, {"id_type": "01", "relation": "01"})
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not dialog.isVisible() and answers.kinds() == []
    dialog = member_dialog(qtbot, village_registry, {"id_type": "01", "relation": "01"})
    dialog.form.editor("name").insert("王五")
    answers.save_answer = answer
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answers.kinds() == ["save?"] and "未保存" in answers.shown[0][1]
    assert dialog.isVisible() == stays_open and dialog.result_values is None


def test_escape_then_save_keeps_the_member(qtbot, village_registry: Registry, answers: Answers) -> None:
    dialog = member_dialog(qtbot, village_registry, {"id_type": "01", "relation": "01"})
    dialog.form.editor("name").insert("王五")
    qtbot.keyClicks(dialog.form.editor("id_number"), HEAD_ID)
    answers.save_answer = "save"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == MemberDialog.DialogCode.Accepted
    assert dialog.result_values["name"] == "王五" and dialog.result_values["birth_date"] == "1970-03-05"
