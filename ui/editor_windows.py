"""The household editors the main window opens: one per household, raised when open already, forgotten when closed."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt

from models.registry import Registry
from ui.code_labels import CodeLabels
from ui.household_editor import HouseholdEditor


class EditorWindows:
    """Mixed into the main window, which provides ``editors``, ``registry``, ``lang``, ``labels``, ``tree``,
    ``list_panel`` and ``refresh()``."""

    editors: dict[str, HouseholdEditor]
    registry: Registry
    lang: str
    labels: CodeLabels
    tree: Any
    list_panel: Any

    def open_household(self, household_id: str) -> HouseholdEditor:
        """Open the household editor on a household (or raise it when it is open already)."""
        editor = self.editors.get(household_id)
        if editor is None or not shiboken6.isValid(editor) or not editor.isVisible():
            editor = HouseholdEditor(
                self.registry, household_id, self.lang, self.labels, open_household=self.open_household, parent=self
            )
            editor.saved.connect(lambda _id: self.refresh())
            self._keep(household_id, editor)
        editor.show()
        editor.raise_()
        editor.activateWindow()
        return editor

    def new_household(self) -> HouseholdEditor:
        """Open the editor on a new household in the chosen village (and group)."""
        code, group = self.tree.chosen()
        defaults = {"village_code": code} if len(code) == 12 and code[9:] != "000" else {}
        if group:
            defaults["group_id"] = group
        editor = HouseholdEditor(
            self.registry, None, self.lang, self.labels, defaults, open_household=self.open_household, parent=self
        )
        self._keep(_unsaved_key(editor), editor)  # kept from the start: closing the window asks about it too
        editor.saved.connect(lambda household_id: self._new_saved(editor, household_id))
        editor.show()
        return editor

    def _new_saved(self, editor: HouseholdEditor, household_id: str) -> None:
        self.editors.pop(_unsaved_key(editor), None)
        if self.editors.get(household_id) is not editor:
            self._keep(household_id, editor)
        self.refresh()

    def _keep(self, key: str, editor: HouseholdEditor) -> None:
        """Remember an open editor under its household id (a new one: ``_unsaved_key``); a closed one is forgotten."""
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editors[key] = editor
        editor.destroyed.connect(lambda _=None, key=key: self._forget(key))

    def _forget(self, key: str) -> None:
        editor = self.editors.get(key)
        if editor is not None and not shiboken6.isValid(editor):
            del self.editors[key]

    def _open_current(self) -> None:
        household_id = self.list_panel.current_household()
        if household_id:
            self._open_from_list(household_id)

    def _open_from_list(self, household_id: str) -> None:
        """Open a household of the list; while searching, on the member that matched."""
        self.list_panel.show_match(self.open_household(household_id))

    def close_editors(self) -> bool:
        """Close every household editor (each asks about unsaved changes); False when one stays open."""
        for editor in list(self.editors.values()):
            if shiboken6.isValid(editor) and editor.isVisible() and not editor.close():
                return False
        self.editors.clear()
        return True


def _unsaved_key(editor: HouseholdEditor) -> str:
    """Where ``editors`` keeps a new household's editor until its first save gives it a household id."""
    return f"new:{id(editor)}"
