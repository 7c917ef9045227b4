"""A code field: a combo box with type-ahead on the code, the characters and the pinyin of the label.

Typing "yb", "因" or "01" in the 致贫原因 field offers "01 因病"; leaving the
field with an unambiguous text selects that code.  Text that names no code is
kept as typed, so the validation in ``models/`` reports it at the field.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from models.code_lookup import CodeEntry, matches, resolve


class CodeCombo(QComboBox):
    """Pick one code of a code table; ``value()`` is the code, None when blank, or the raw text when unknown."""

    changed = Signal()

    def __init__(
        self, entries: list[CodeEntry], lang: str = "zh", parent: QWidget | None = None, show_codes: bool = True
    ) -> None:
        super().__init__(parent)
        self._entries = list(entries)
        self._lang = lang
        self._show_codes = show_codes
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        self.addItem("", None)
        for entry in self._entries:
            self.addItem(self._text(entry), entry.code)
        self._suggestions = QStringListModel(self)
        completer = QCompleter(self._suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self._picked)
        self.setCompleter(completer)
        self.lineEdit().textEdited.connect(self._typed)
        self.lineEdit().editingFinished.connect(self.settle)
        self.currentIndexChanged.connect(lambda _: self.changed.emit())

    def set_entries(self, entries: list[CodeEntry]) -> None:
        """Replace the choices (e.g. the groups of another village), keeping the value when still offered."""
        value = self.value()
        self.blockSignals(True)
        self._entries = list(entries)
        while self.count() > 1:
            self.removeItem(1)
        for entry in self._entries:
            self.addItem(self._text(entry), entry.code)
        self.blockSignals(False)
        self.set_value(value if any(e.code == value for e in self._entries) else None)

    def value(self) -> str | None:
        """The chosen code; None when blank; the typed text when it names no code."""
        text = self.lineEdit().text().strip()
        if not text:
            return None
        data = self.currentData()
        if data is not None and self.itemText(self.currentIndex()) == text:
            return str(data)
        return resolve(self._entries, text) or text

    def set_value(self, code: str | None) -> None:
        """Show a code (blank for None; an unknown code is shown as it is)."""
        index = self.findData(code) if code not in (None, "") else 0
        if index < 0:
            self.setCurrentIndex(0)
            self.lineEdit().setText(str(code))
            return
        self.setCurrentIndex(index)
        self.lineEdit().setText(self.itemText(index))

    def settle(self) -> None:
        """When leaving the field: select the code an unambiguous text names; blank stays blank."""
        text = self.lineEdit().text().strip()
        code = resolve(self._entries, text) if text else None
        if code is not None or not text:
            before = self.currentIndex()
            self.set_value(code)
            if self.currentIndex() == before:
                self.changed.emit()
        else:
            self.changed.emit()

    def _text(self, entry: CodeEntry) -> str:
        if self._show_codes:
            return entry.text(self._lang)
        return entry.label_en if self._lang == "en" else entry.label

    def _typed(self, text: str) -> None:
        found = matches(self._entries, text)
        self._suggestions.setStringList([self._text(e) for e in found])
        if text.strip() and found:
            self.completer().complete()

    def _picked(self, text: str) -> None:
        index = self.findText(text)
        if index >= 0:
            self.setCurrentIndex(index)
            self.lineEdit().setText(text)
