"""Settings → 村民小组: a new user registers, renames and deletes the groups of a village in the GUI, and the
household editor then offers them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.registry import Registry
from tests.ui.app_fixtures import OTHER_VILLAGE, VILLAGE, Answers, script_dialog
from tests.ui.test_screenshots import clipped, missing_glyphs, visible_texts
from ui.groups_page import GroupTableModel, VillageGroupsPage
from ui.household_editor import HouseholdEditor
from ui.settings_dialog import SettingsDialog


@pytest.fixture
def page(qtbot, village_registry: Registry, answers: Answers) -> Iterator[VillageGroupsPage]:
    dialog = SettingsDialog(village_registry)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.groups)
    dialog.show()
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "村民小组"
    yield dialog.groups  # the dialog (the page's owner) stays alive while the test runs


def shown(page: VillageGroupsPage) -> list[tuple[str, str]]:
    model = page.model
    return [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]


def test_a_group_typed_on_the_page_is_registered_at_once(page: VillageGroupsPage, village_registry: Registry) -> None:
    assert page.village.currentData() == VILLAGE and shown(page) == [("第一村民小组", "0")]
    page.name.setText("第二村民小组")
    page.add_button.click()
    assert shown(page) == [("第一村民小组", "0"), ("第二村民小组", "0")]
    assert [g["name"] for g in village_registry.groups(VILLAGE)] == ["第一村民小组", "第二村民小组"]
    assert page.table.currentIndex().row() == 1 and page.changed


def test_enter_in_the_name_field_adds_the_group_and_keeps_the_dialog_open(
    qtbot, page: VillageGroupsPage, village_registry: Registry
) -> None:
    from PySide6.QtCore import Qt

    dialog = page.window()
    page.name.setFocus()
    page.name.setText("第二村民小组")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter would otherwise press the Settings dialog's OK
    assert [g["name"] for g in village_registry.groups(VILLAGE)] == ["第一村民小组", "第二村民小组"]


def test_a_taken_or_blank_name_is_refused_at_the_field(page: VillageGroupsPage, village_registry: Registry) -> None:
    page.name.setText("第一村民小组")
    assert not page.add_group()
    assert "已有" in page.name_box.message.text() and page.name_box.message.isVisible()
    page.name.clear()
    assert not page.add_group() and "不能为空" in page.name_box.message.text()
    assert len(village_registry.groups(VILLAGE)) == 1 and not page.changed


def test_groups_follow_the_chosen_village(page: VillageGroupsPage, village_registry: Registry) -> None:
    page.village.setCurrentIndex(page.village.findData(OTHER_VILLAGE))
    assert shown(page) == []
    page.name.setText("第一村民小组")  # the same name is fine in another village
    assert page.add_group()
    assert [g["name"] for g in village_registry.groups(OTHER_VILLAGE)] == ["第一村民小组"]


def test_the_selected_group_is_renamed(page: VillageGroupsPage, village_registry: Registry) -> None:
    assert not page.rename_button.isEnabled()
    page.table.selectRow(0)
    assert page.rename_button.isEnabled() and page.name.value() == "第一村民小组"
    page.name.setText("一组")
    page.rename_button.click()
    assert shown(page) == [("一组", "0")] and village_registry.groups(VILLAGE)[0]["name"] == "一组"


def test_a_used_group_is_not_deleted_an_unused_one_is_after_asking(
    page: VillageGroupsPage, village_registry: Registry, answers: Answers
) -> None:
    used = village_registry.groups(VILLAGE)[0]["id"]
    village_registry.create_household({"village_code": VILLAGE, "group_id": used}, [{"name": "张三", "relation": "01"}])
    page.name.setText("第二村民小组")
    page.add_group()
    assert shown(page) == [("第一村民小组", "1"), ("第二村民小组", "0")]
    page.table.selectRow(0)
    page.delete_button.click()
    assert answers.kinds() == ["confirm", "error"] and "1 户" in answers.shown[-1][1]
    page.table.selectRow(1)
    answers.yes = False
    page.delete_button.click()
    assert len(village_registry.groups(VILLAGE)) == 2
    answers.yes = True
    page.delete_button.click()
    assert shown(page) == [("第一村民小组", "1")] and [g["name"] for g in village_registry.groups(VILLAGE)] == [
        "第一村民小组"
    ]


def test_the_editor_explains_an_unregistered_group_then_offers_it_once_added(
    qtbot, page: VillageGroupsPage, village_registry: Registry
) -> None:
    def typed_group() -> HouseholdEditor:
        editor = HouseholdEditor(village_registry, None, defaults={"village_code": VILLAGE})
        qtbot.addWidget(editor)
        editor.show()
        editor.basic.form.editor("group_id").lineEdit().setText("一组")
        return editor

    editor = typed_group()
    assert not editor.save()
    message = editor.basic.form.boxes["group_id"].message.text()
    assert "不属于" not in message and "“一组”尚未登记" in message and "设置" in message
    page.name.setText("一组")
    page.add_group()
    assert typed_group().basic.form.editor("group_id").value() == village_registry.groups(VILLAGE)[1]["id"]


def test_cancel_after_adding_a_group_still_refreshes_the_window(qtbot, monkeypatch, village_registry: Registry) -> None:
    def add_then_cancel(dialog: SettingsDialog) -> bool:
        dialog.groups.name.setText("二组")
        assert dialog.groups.add_group()
        return False

    script_dialog(monkeypatch, SettingsDialog, [add_then_cancel, lambda dialog: False])
    assert SettingsDialog.ask(None, village_registry, "zh") == "zh"  # the caller refreshes its tree
    assert SettingsDialog.ask(None, village_registry, "zh") is None  # nothing changed: a plain cancel


def test_group_table_model_passes_the_model_tester(qtmodeltester, village_registry: Registry) -> None:
    village_registry.add_group(VILLAGE, "第二村民小组")
    model = GroupTableModel()
    model.set_rows(village_registry.group_table(VILLAGE))
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_shows_whole_texts_in_both_languages(
    qtbot, village_registry: Registry, answers: Answers, tmp_path: Path, lang: str
) -> None:
    dialog = SettingsDialog(village_registry, lang)
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.groups)
    dialog.show()
    dialog.groups.name.setText("第一村民小组")
    dialog.groups.add_group()  # a refusal under the field
    qtbot.wait(10)
    assert clipped(dialog.groups) == []
    assert missing_glyphs([text for _, text in visible_texts(dialog.groups)]) == set()
    dialog.grab().save(str(tmp_path / f"groups_{lang}.png"))
