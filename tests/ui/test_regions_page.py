"""Settings → 乡镇和村: a team takes on a second village, corrects a mistyped name, deletes a mistake; the scope
field refuses an unregistered village and points to the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.registry import Registry
from models.settings import get_setting, set_setting
from tests.ui.app_fixtures import OTHER_VILLAGE, VILLAGE, Answers, script_dialog
from tests.ui.test_screenshots import clipped, missing_glyphs, visible_texts
from ui.regions_page import RegionsPage, RegionTableModel
from ui.settings_dialog import SettingsDialog

NEW_VILLAGE = "621121103203"


@pytest.fixture
def dialog(qtbot, village_registry: Registry, answers: Answers) -> Iterator[SettingsDialog]:
    set_setting(village_registry.db, "scope", [VILLAGE])
    settings = SettingsDialog(village_registry)
    qtbot.addWidget(settings)
    settings.tabs.setCurrentWidget(settings.regions)
    settings.show()
    assert settings.tabs.tabText(settings.tabs.currentIndex()) == "乡镇和村"
    yield settings


def shown(page: RegionsPage) -> list[tuple[str, str, str]]:
    model = page.model
    return [tuple(model.index(r, c).data().strip() for c in (0, 1, 3)) for r in range(model.rowCount())]


def test_a_second_village_is_added_with_enter_and_offered_everywhere(
    qtbot, dialog: SettingsDialog, village_registry: Registry
) -> None:
    page = dialog.regions
    page.code.setText(NEW_VILLAGE)
    page.name.setFocus()
    page.name.setText("柳湾村")
    qtbot.keyClick(page.name, Qt.Key.Key_Return)
    assert dialog.isVisible() and page.changed  # Enter adds; it does not press the dialog's OK
    assert (NEW_VILLAGE, "柳湾村", "0") in shown(page)
    assert page.model.record(page.table.currentIndex().row())["code"] == NEW_VILLAGE
    assert dialog.groups.village.findData(NEW_VILLAGE) >= 0  # the 村民小组 page offers it at once
    assert dialog.boxes["scope"].editor.value() == f"{VILLAGE}, {NEW_VILLAGE}"  # the team's villages follow
    assert get_setting(village_registry.db, "scope") == [VILLAGE, NEW_VILLAGE]
    dialog.accept()
    assert get_setting(village_registry.db, "scope") == [VILLAGE, NEW_VILLAGE]


def test_a_refusal_is_shown_at_the_field_it_is_about(dialog: SettingsDialog, village_registry: Registry) -> None:
    page = dialog.regions
    page.code.setText("62112110320")
    page.name.setText("柳湾村")
    assert not page.add_region()
    assert "12 位" in page.code_box.message.text() and not page.name_box.message.isVisible()
    page.code.setText(NEW_VILLAGE)
    page.name.setText("石峰村")
    assert not page.add_region()
    assert "已有名为“石峰村”的村" in page.name_box.message.text() and not page.code_box.message.isVisible()
    assert not page.changed and len(village_registry.villages()) == 2


def test_the_selected_village_is_renamed(dialog: SettingsDialog, village_registry: Registry) -> None:
    page = dialog.regions
    assert not page.rename_button.isEnabled()
    row = next(r for r in range(page.model.rowCount()) if page.model.record(r)["code"] == VILLAGE)
    page.table.selectRow(row)
    assert page.rename_button.isEnabled() and page.name.value() == "文峰村"
    page.name.setText("文丰村")
    page.rename_button.click()
    assert (VILLAGE, "文丰村", "0") in shown(page)
    assert {v["code"]: v["name"] for v in village_registry.villages()}[VILLAGE] == "文丰村"
    assert "文丰村" in dialog.groups.village.itemText(dialog.groups.village.findData(VILLAGE))


def test_a_used_village_is_not_deleted_an_unused_one_is_after_asking(
    dialog: SettingsDialog, village_registry: Registry, answers: Answers
) -> None:
    page = dialog.regions
    codes = [page.model.record(r)["code"] for r in range(page.model.rowCount())]
    page.table.selectRow(codes.index(VILLAGE))  # has a village group
    page.delete_button.click()
    assert answers.kinds() == ["confirm", "error"] and "1 个村民小组" in answers.shown[-1][1]
    page.table.selectRow(codes.index(OTHER_VILLAGE))
    answers.yes = False
    page.delete_button.click()
    assert len(village_registry.villages()) == 2
    answers.yes = True
    page.delete_button.click()
    assert [v["code"] for v in village_registry.villages()] == [VILLAGE]
    assert dialog.groups.village.findData(OTHER_VILLAGE) == -1


def test_an_unregistered_village_in_the_scope_is_refused_and_points_to_the_page(
    dialog: SettingsDialog, village_registry: Registry
) -> None:
    dialog.boxes["scope"].editor.setText(f"{VILLAGE},{NEW_VILLAGE}")
    dialog.accept()
    message = dialog.boxes["scope"].message.text()
    assert dialog.isVisible() and NEW_VILLAGE in message and "“乡镇和村”页" in message
    assert get_setting(village_registry.db, "scope") == [VILLAGE]
    dialog.boxes["scope"].editor.setText(f"{VILLAGE}，{OTHER_VILLAGE}")
    dialog.accept()
    assert not dialog.isVisible() and get_setting(village_registry.db, "scope") == [VILLAGE, OTHER_VILLAGE]


def test_cancel_after_adding_a_village_still_refreshes_the_window(monkeypatch, village_registry: Registry) -> None:
    def add_then_cancel(settings: SettingsDialog) -> bool:
        settings.regions.code.setText(NEW_VILLAGE)
        settings.regions.name.setText("柳湾村")
        assert settings.regions.add_region()
        return False

    script_dialog(monkeypatch, SettingsDialog, [add_then_cancel])
    assert SettingsDialog.ask(None, village_registry, "zh") == "zh"


def test_region_table_model_passes_the_model_tester(qtmodeltester, village_registry: Registry) -> None:
    from models.region_admin import place_table

    model = RegionTableModel()
    model.set_rows(place_table(village_registry.db))
    assert model.rowCount() == 3 and model.index(1, 2).data() == "村"
    qtmodeltester.check(model, force_py=True)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_page_shows_whole_texts_in_both_languages(
    qtbot, village_registry: Registry, answers: Answers, tmp_path: Path, lang: str
) -> None:
    from ui.app import install_translations

    install_translations(lang)
    try:
        settings = SettingsDialog(village_registry, lang)
        qtbot.addWidget(settings)
        settings.tabs.setCurrentWidget(settings.regions)
        settings.show()
        settings.regions.code.setText("621121104201")
        settings.regions.name.setText("新村")
        settings.regions.add_region()  # a refusal under the code field
        qtbot.wait(10)
        assert clipped(settings.regions) == []
        assert missing_glyphs([text for _, text in visible_texts(settings.regions)]) == set()
        settings.grab().save(str(tmp_path / f"regions_{lang}.png"))
    finally:
        install_translations("zh")
