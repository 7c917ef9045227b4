"""Settings: the local settings declared in models/settings.py, the poverty-line table, the code tables,
the townships and villages, the village groups.

Local settings (operator, language, notice defaults …) are saved with OK.
Poverty lines are synced business data: each row is saved at once through
models/poverty_lines.py.  Code tables are shown read-only.  Townships, villages
and village groups are synced too and saved at once (ui/regions_page.py,
ui/groups_page.py); the scope may only name registered ones.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models import region_admin
from models.errors import ERROR, JiandangError
from models.registry import Registry
from models.settings import SETTINGS, get_setting, set_settings, stored_value
from ui import prefs
from ui.field_widgets import FIELD_STYLE, FieldBox, TextField, form_layout
from ui.groups_page import VillageGroupsPage
from ui.regions_page import RegionsPage
from ui.settings_tables import CodeTablesPage, PovertyLinesPage

GENERAL = ("operator", "device_name", "role", "scope", "language", "current_year")
NOTICES = ("objection_phone", "objection_office", "issuing_body", "notice_days", "notice_font", "notice_fallback_font")


class SettingsDialog(QDialog):
    """Edit settings; ``ask`` returns the (possibly new) language, or None when cancelled."""

    def __init__(self, registry: Registry, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry, self.lang = registry, lang
        self.setWindowTitle(self.tr("设置"))
        self.setStyleSheet(FIELD_STYLE)
        self.boxes: dict[str, FieldBox] = {key: FieldBox(self._editor(key)) for key in GENERAL + NOTICES}
        tabs = QTabWidget()
        tabs.addTab(self._page(GENERAL), self.tr("常规"))
        tabs.addTab(self._page(NOTICES), self.tr("公示默认值"))
        self.poverty_lines = PovertyLinesPage(registry, lang)
        tabs.addTab(self.poverty_lines, self.tr("贫困线"))
        tabs.addTab(CodeTablesPage(registry, lang), self.tr("代码表"))
        self.regions = RegionsPage(registry, lang)
        tabs.addTab(self.regions, self.tr("乡镇和村"))
        self.groups = VillageGroupsPage(registry, lang)
        tabs.addTab(self.groups, self.tr("村民小组"))
        self.regions.regionsChanged.connect(self._regions_changed)
        self._scope_stored = get_setting(registry.db, "scope")
        self.tabs = tabs
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def _label(self, key: str) -> str:
        setting = SETTINGS[key]
        return (setting.label_en if self.lang == "en" else setting.label) + (":" if self.lang == "en" else "：")

    def _editor(self, key: str) -> QWidget:
        setting, value = SETTINGS[key], get_setting(self.registry.db, key)
        if setting.choices:
            combo = QComboBox()
            names = {
                "village": self.tr("驻村工作队"),
                "township": self.tr("乡镇扶贫工作站"),
                "zh": "中文",
                "en": "English",
            }
            for choice in setting.choices:
                combo.addItem(names.get(choice, choice), choice)
            combo.setCurrentIndex(max(0, combo.findData(self.lang if key == "language" else value)))
            return combo
        field = TextField(self.tr("多个代码用逗号分开") if setting.is_list else "")
        field.set_value(", ".join(value) if setting.is_list else value)
        return field

    def _page(self, keys: tuple[str, ...]) -> QWidget:
        page = QWidget()
        layout = form_layout()
        for key in keys:
            layout.addRow(self._label(key), self.boxes[key])
        page.setLayout(layout)
        return page

    def values(self) -> dict[str, Any]:
        """The settings as typed."""
        result: dict[str, Any] = {}
        for key, box in self.boxes.items():
            editor = box.editor
            value = editor.currentData() if isinstance(editor, QComboBox) else (editor.value() or "")
            if SETTINGS[key].is_list:
                value = [part.strip() for part in str(value).replace("，", ",").split(",") if part.strip()]
            result[key] = value
        return result

    def _regions_changed(self) -> None:
        """The 乡镇和村 page saved a change: the groups page offers the villages again, and the scope field
        follows the stored scope (a village added to a team's villages) unless it was edited by hand."""
        self.groups.reload_villages()
        stored = get_setting(self.registry.db, "scope")
        if self.values()["scope"] == self._scope_stored:
            self.boxes["scope"].editor.set_value(", ".join(stored))
        self._scope_stored = stored

    def _refusals(self, values: dict[str, Any]) -> dict[str, JiandangError]:
        """Why values cannot be stored: the declared rules, and a scope naming an unregistered region."""
        refused: dict[str, JiandangError] = {}
        for key, value in values.items():
            try:
                stored_value(key, value)
            except JiandangError as error:
                refused[key] = error
        problem = region_admin.scope_problem(self.registry.db, values["scope"])
        if problem is not None:
            refused["scope"] = problem
        return refused

    def accept(self) -> None:
        """Store every setting, or none: a refused value is shown at its field and the dialog stays open."""
        values = self.values()
        refused = self._refusals(values)
        if not refused:
            values["scope"] = region_admin.normalized_scope(values["scope"])
            refused = set_settings(self.registry.db, values)
        for key, box in self.boxes.items():
            if key in refused:
                box.show_problem(refused[key].message(self.lang), ERROR)
            else:
                box.show_problem()
        if not refused:
            prefs.settings().setValue("language", self.values()["language"])
            super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, registry: Registry, lang: str = "zh", page: str | None = None) -> str | None:
        """The chosen language after OK; after Cancel None, or ``lang`` when regions or village groups were
        changed (they are saved at once, so the caller still refreshes)."""
        dialog = cls(registry, lang, parent)
        if page == "regions":
            dialog.tabs.setCurrentWidget(dialog.regions)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return lang if dialog.groups.changed or dialog.regions.changed else None
        return str(dialog.values()["language"])
