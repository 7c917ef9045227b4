"""The household editor driven through its widgets: create, validate, save, find, edit, history."""

from __future__ import annotations

import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.registry import Registry
from tests.ui.app_fixtures import VILLAGE, Answers, id_number, script_dialog
from ui.household_editor import HouseholdEditor
from ui.main_window import MainWindow
from ui.member_dialog import MemberDialog

HEAD_ID = id_number(datetime.date(1970, 3, 5), True)
SPOUSE_ID = id_number(datetime.date(1972, 8, 1), False)


def type_member(name: str, number: str, relation: str):
    """A dialog step: type the name (as an input method commits it), the ID number and the relation."""

    def step(dialog: MemberDialog) -> bool:
        dialog.form.editor("name").insert(name)
        dialog.form.editor("id_number").setFocus()
        dialog.form.editor("id_number").clear()
        from PySide6.QtTest import QTest

        QTest.keyClicks(dialog.form.editor("id_number"), number)
        dialog.form.editor("id_number").editingFinished.emit()
        dialog.form.editor("relation").set_value(relation)
        return True

    return step


def activate(qtbot, widget) -> None:
    """Make the window active, as keyboard shortcuts need."""
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def new_editor(qtbot, registry: Registry) -> HouseholdEditor:
    editor = HouseholdEditor(registry, None, defaults={"village_code": VILLAGE})
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_create_a_household_with_members_through_the_editor(
    qtbot, monkeypatch, village_registry: Registry, answers: Answers
) -> None:
    editor = new_editor(qtbot, village_registry)
    basic = editor.basic.form
    qtbot.keyClicks(basic.editor("household_no"), "6211211032010001")
    qtbot.keyClicks(basic.editor("phone"), "13800000001")
    basic.editor("attribute").lineEdit().setText("db")  # pinyin initials of 低保贫困户
    basic.editor("attribute").settle()
    assert basic.editor("attribute").value() == "2"
    editor.causes.form.editor("main_cause").lineEdit().setText("yb")
    editor.causes.form.editor("main_cause").settle()
    script_dialog(monkeypatch, MemberDialog, [type_member("张三", HEAD_ID, "01"), type_member("李梅", SPOUSE_ID, "02")])
    editor.members.add_member()
    editor.members.add_member()
    assert editor.windowTitle().endswith("*")
    activate(qtbot, editor)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.household_id is not None and not editor.windowTitle().endswith("*")
    record = village_registry.get_household(editor.household_id)
    assert record["household"]["household_no"] == "6211211032010001"
    assert (record["household"]["attribute"], record["household"]["main_cause"]) == ("2", "01")
    assert [(m["name"], m["relation"], m["sex"], m["birth_date"]) for m in record["members"]] == [
        ("张三", "01", "1", "1970-03-05"),
        ("李梅", "02", "2", "1972-08-01"),
    ]
    assert "户主：张三" in editor.basic.info.text()
    basic.editor("phone").setText("13800000002")  # a numbered household saves again (its own number is no clash)
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not editor.windowTitle().endswith("*")
    assert village_registry.get_household(editor.household_id)["household"]["phone"] == "13800000002"


def test_a_wrong_check_digit_is_flagged_at_once_and_blocks_the_member(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    dialog = MemberDialog(
        village_registry,
        __import__("ui.code_labels", fromlist=["x"]).CodeLabels(village_registry.conn),
        "zh",
        {"id_type": "01"},
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.editor("name").insert("王五")
    wrong = HEAD_ID[:-1] + ("0" if HEAD_ID[-1] != "0" else "1")
    qtbot.keyClicks(dialog.form.editor("id_number"), wrong[:10])
    assert not dialog.form.boxes["id_number"].message.isVisible()  # still typing
    qtbot.keyClicks(dialog.form.editor("id_number"), wrong[10:])
    box = dialog.form.boxes["id_number"]
    assert box.message.isVisible() and "校验位错误" in box.message.text()
    assert dialog.form.editor("id_number").property("problem") == "error"
    dialog.accept()
    assert dialog.isVisible() and dialog.result_values is None
    dialog.form.editor("id_number").setText(HEAD_ID)
    dialog.form.editor("id_number").textEdited.emit(HEAD_ID)
    assert not box.message.isVisible()
    assert dialog.form.editor("birth_date").value() == "1970-03-05" and dialog.form.editor("sex").value() == "1"


def test_an_id_of_another_household_offers_to_open_it(
    qtbot, monkeypatch, village_registry: Registry, answers: Answers
) -> None:
    other = village_registry.create_household(
        {"village_code": VILLAGE}, [{"name": "赵六", "relation": "01", "id_number": HEAD_ID}]
    )
    editor = new_editor(qtbot, village_registry)
    opened: list[str] = []
    editor.members.open_household = opened.append

    def step(dialog: MemberDialog) -> bool:
        dialog.form.editor("name").insert("张三")
        qtbot.keyClicks(dialog.form.editor("id_number"), HEAD_ID)
        box = dialog.form.boxes["id_number"]
        assert "赵六" in box.message.text() and dialog.open_button.isVisible()
        dialog.open_button.click()
        return False

    script_dialog(monkeypatch, MemberDialog, [step])
    editor.members.add_member()
    qtbot.waitUntil(lambda: opened == [other])
    assert editor.members.model.rowCount() == 0


def test_errors_block_saving_and_are_shown_at_the_field_and_in_the_summary(
    qtbot, monkeypatch, village_registry: Registry, answers: Answers
) -> None:
    editor = new_editor(qtbot, village_registry)
    qtbot.keyClicks(editor.conditions.form.editor("land_area"), "-3")
    qtbot.keyClicks(editor.conditions.form.editor("irrigated_area"), "1")
    assert not editor.save()
    box = editor.conditions.form.boxes["land_area"]
    assert box.message.isVisible() and "不能为负数" in box.message.text()
    items = [editor.summary.item(i).text() for i in range(editor.summary.count())]
    assert any("不能为负数" in text for text in items) and editor.household_id is None
    assert any("请先在“家庭成员”页添加户主" in text for text in items)  # nobody lives in it yet
    script_dialog(monkeypatch, MemberDialog, [type_member("张三", HEAD_ID, "01")])
    editor.members.add_member()
    editor.conditions.form.editor("land_area").setText("0.5")
    assert editor.save()  # the warning (irrigated > land) does not block
    assert any("大于" in editor.summary.item(i).text() for i in range(editor.summary.count()))


def test_closing_with_unsaved_changes_asks(qtbot, village_registry: Registry, answers: Answers) -> None:
    editor = new_editor(qtbot, village_registry)
    qtbot.keyClicks(editor.basic.form.editor("phone"), "123")
    answers.save_answer = "cancel"
    assert not editor.close() and editor.isVisible()
    answers.save_answer = "discard"
    assert editor.close()
    assert answers.kinds() == ["save?", "save?"]


def test_find_by_pinyin_initials_then_edit_and_see_the_change_in_history(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    household_id = village_registry.create_household(
        {"village_code": VILLAGE, "phone": "13800000001"}, [{"name": "张三", "relation": "01", "id_number": HEAD_ID}]
    )
    window = MainWindow(village_registry.db)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.search_box.setText("zs")
    qtbot.waitUntil(
        lambda: (
            window.list_panel.loaded_at > 0
            and window.model.rowCount() == 1
            and window.model.index(0, 1).data() == "张三"
        )
    )
    window.search_box.setText("ls")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    window.search_box.setText("zs")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.list_panel.table.selectRow(0)
    editor = window.open_household(window.model.household_id(0))
    phone = editor.basic.form.editor("phone")
    phone.selectAll()
    qtbot.keyClicks(phone, "13900000002")
    assert editor.save()
    editor.tabs.setCurrentWidget(editor.history)
    model = editor.history.model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert rows[0][4:] == ["联系电话", "13800000001", "13900000002"] and rows[0][3] == "修改"
    assert rows[0][1] == "测试员"
    assert not [row for row in rows if any(HEAD_ID in str(cell) for cell in row)]  # ID numbers are masked
    assert any("621121********" in str(cell) for row in rows for cell in row)
    assert village_registry.get_household(household_id)["household"]["phone"] == "13900000002"
    window.close()


@pytest.mark.parametrize("typed", ["yb", "因病", "01", "yinbing"])
def test_code_fields_take_code_characters_or_pinyin(
    qtbot, village_registry: Registry, answers: Answers, typed: str
) -> None:
    editor = new_editor(qtbot, village_registry)
    combo = editor.causes.form.editor("main_cause")
    combo.setFocus()
    combo.lineEdit().setText("")
    qtbot.keyClicks(combo.lineEdit(), typed) if typed.isascii() else combo.lineEdit().insert(typed)
    popup = combo.completer().popup()
    assert popup.isVisible() and popup.model().index(0, 0).data() == "01 因病"
    combo.settle()
    assert combo.value() == "01" and combo.currentText() == "01 因病"


def test_an_ambiguous_code_text_is_reported_by_the_validation(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    editor = new_editor(qtbot, village_registry)
    combo = editor.basic.form.editor("attribute")
    combo.lineEdit().setText("贫困户")
    combo.settle()
    assert combo.value() == "贫困户"
    editor.validate()
    assert "请从列表中选择" in editor.basic.form.boxes["attribute"].message.text()


def test_income_totals_and_the_poverty_line_follow_the_typing(
    qtbot, monkeypatch, village_registry: Registry, answers: Answers
) -> None:
    editor = new_editor(qtbot, village_registry)
    script_dialog(monkeypatch, MemberDialog, [type_member("张三", HEAD_ID, "01"), type_member("李梅", SPOUSE_ID, "02")])
    editor.members.add_member()
    editor.members.add_member()
    page = editor.income
    page.add_year(2018)
    qtbot.keyClicks(page.form.editor("wage"), "5000")
    assert "家庭纯收入 5,000.00 元" in page.totals.text() and "年人均纯收入 2,500.00 元" in page.totals.text()
    assert "不高于贫困线" in page.verdict.text() and "2,995" in page.verdict.text()
    qtbot.keyClicks(page.form.editor("business"), "2000")
    assert "年人均纯收入 3,500.00 元" in page.totals.text() and "高于贫困线" in page.verdict.text()
    assert editor.save()
    (income,) = village_registry.get_household(editor.household_id)["incomes"]
    assert (income["year"], income["per_capita"]) == (2018, 3500.0)


def test_every_tab_is_reachable_and_tab_order_follows_the_form(
    qtbot, village_registry: Registry, answers: Answers
) -> None:
    from tests.ui.app_fixtures import focus_path

    editor = new_editor(qtbot, village_registry)
    activate(qtbot, editor)
    basic = editor.basic.form
    path = focus_path(basic.editor("village_code").lineEdit(), 6)
    expected = ["group_id", "household_no", "phone", "bank_name", "bank_account", "standard"]
    found = [
        next(
            (c for c, b in basic.boxes.items() if w is b.editor or w is getattr(b.editor, "lineEdit", lambda: None)()),
            None,
        )
        for w in path
    ]
    assert found == expected
    for number in range(editor.tabs.count()):
        qtbot.keyClick(editor, Qt.Key(Qt.Key.Key_1 + number), Qt.KeyboardModifier.AltModifier)
        assert editor.tabs.currentIndex() == number
    assert QApplication.focusWidget() is not None


def test_a_household_is_entered_with_the_keyboard_alone(
    qtbot, monkeypatch, village_registry: Registry, answers: Answers
) -> None:
    """Type into the focused field, Tab to the next, Alt+2 to the members, Insert to add one, Ctrl+S to save."""
    editor = new_editor(qtbot, village_registry)
    activate(qtbot, editor)

    def focused():
        return QApplication.focusWidget()

    editor.basic.form.editor("household_no").setFocus()
    qtbot.keyClicks(focused(), "6211211032010009")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClicks(focused(), "13800000009")  # the phone follows the household number
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert editor.tabs.currentWidget() is editor.members
    editor.members.table.setFocus()
    script_dialog(monkeypatch, MemberDialog, [type_member("张三", HEAD_ID, "01")])
    qtbot.keyClick(editor.members.table, Qt.Key.Key_Insert)
    assert editor.members.model.rowCount() == 1
    qtbot.keyClick(editor, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    combo = editor.causes.form.editor("main_cause")
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), "qjs")  # 缺技术
    qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Tab)
    assert combo.value() == "07"
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    record = village_registry.get_household(editor.household_id)["household"]
    assert (record["household_no"], record["phone"], record["main_cause"], record["head_name"]) == (
        "6211211032010009",
        "13800000009",
        "07",
        "张三",
    )


def test_the_editor_shows_the_procedure_timeline_with_the_next_step(qtbot, village_registry: Registry) -> None:
    head = {"name": "马福林", "relation": "01", "id_number": id_number(datetime.date(1960, 5, 1), True)}
    household = village_registry.create_household({"village_code": VILLAGE}, [head])
    with village_registry.db.write() as writer:
        writer.insert(
            "workflow_events",
            {
                "household_id": household,
                "village_code": VILLAGE,
                "procedure": "identification",
                "step": "apply",
                "year": 2019,
                "event_date": "2019-03-01",
                "outcome": "pass",
                "actor": "马福林",
            },
        )
    editor = HouseholdEditor(village_registry, household)
    qtbot.addWidget(editor)
    titles = [editor.tabs.tabText(n) for n in range(editor.tabs.count())]
    assert "程序" in titles
    texts = [
        editor.timeline.steps.topLevelItem(0).child(n).text(0)
        for n in range(editor.timeline.steps.topLevelItem(0).childCount())
    ]
    assert any("农户申请" in t for t in texts) and any("小组初评" in t for t in texts)


def test_history_in_english_names_coded_values_in_english(village_registry: Registry) -> None:
    from ui.history_page import history_rows

    household = village_registry.create_household(
        {"village_code": VILLAGE, "attribute": "1"}, [{"name": "张三", "relation": "01", "id_number": HEAD_ID}]
    )
    village_registry.update_household(household, {"attribute": "2"})
    entries = village_registry.history(household)
    rows = history_rows(entries, {}, "en")
    change = next(r for r in rows if r["field"] == "Household attribute")
    assert (change["old"], change["new"]) == ("Ordinary poor household", "Dibao poor household")
    assert HEAD_ID not in str(rows) and "户" not in str([r["old"] + r["new"] for r in rows])
