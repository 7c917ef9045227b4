"""Form fields of the editors: one widget per column, its problem shown under it (red outline for errors).

Every editor widget has ``value()``, ``set_value(v)`` and a ``changed``
signal.  ``Form`` builds the fields of a list of columns (labels and kinds from
``models.fields``), reads and fills them as a dict, and shows the problems
that ``models/`` validation returns.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models import field_hints, fields
from models.errors import ERROR, Problem
from ui.code_combo import CodeCombo
from ui.code_labels import CodeLabels

FIELD_STYLE = """
*[problem="error"] { border: 2px solid #d32f2f; border-radius: 3px; }
*[problem="warning"] { border: 2px solid #e69500; border-radius: 3px; }
QLabel[message="error"] { color: #c62828; }
QLabel[message="warning"] { color: #9a6400; }
"""
DATE_COLUMNS = frozenset(
    {
        "birth_date",
        "left_date",
        "start_date",
        "end_date",
        "change_date",
        "loan_date",
        "due_date",
        "repaid_date",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
    }
)


class TextField(QLineEdit):
    """Free text; blank is None."""

    changed = Signal()

    def __init__(self, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.textChanged.connect(lambda _: self.changed.emit())

    def value(self) -> str | None:
        text = self.text().strip()
        return text or None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else _plain(value))


class FlagField(QCheckBox):
    """是/否; keeps "not recorded" (None) until the user ticks or unticks it."""

    changed = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._value: int | None = None
        self.toggled.connect(self._toggled)

    def _toggled(self, checked: bool) -> None:
        self._value = int(checked)
        self.changed.emit()

    def value(self) -> int | None:
        return self._value

    def set_value(self, value: Any) -> None:
        self.blockSignals(True)
        self.setChecked(value in (1, "1", True))
        self.blockSignals(False)
        self._value = None if value in (None, "") else int(value in (1, "1", True))


def make_editor(column: str, labels: CodeLabels, lang: str, table: str = "households") -> QWidget:
    """The editor widget of a column of a table, chosen by its kind in ``models.fields``."""
    codes = {
        "households": fields.HOUSEHOLD_CODES,
        "members": fields.MEMBER_CODES,
        "measures": fields.MEASURE_CODES,
        "helpers": fields.HELPER_CODES,
    }.get(table, {})
    flags = {"households": fields.HOUSEHOLD_FLAGS, "members": fields.MEMBER_FLAGS, "measures": ("confirmed",)}
    if column in codes:
        return CodeCombo(labels.entries(codes[column]), lang)
    if table == "members" and column in fields.MEMBER_MULTI_CODES:
        return MultiCodeField(labels, fields.MEMBER_MULTI_CODES[column])
    if column in flags.get(table, ()):
        return FlagField(fields.label(column, lang, table))
    if column in DATE_COLUMNS:
        return TextField("YYYY-MM-DD")
    return TextField()


class MultiCodeField(QWidget):
    """Several codes of one table as check boxes; the value is the sorted codes joined by commas."""

    changed = Signal()

    def __init__(self, labels: CodeLabels, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for entry in labels.entries(table):
            box = QCheckBox(labels.text(table, entry.code))
            box.toggled.connect(lambda _: self.changed.emit())
            layout.addWidget(box)
            self.boxes[entry.code] = box
        layout.addStretch(1)

    def value(self) -> str | None:
        chosen = sorted(code for code, box in self.boxes.items() if box.isChecked())
        return ",".join(chosen) or None

    def set_value(self, value: Any) -> None:
        codes = set(str(value or "").split(","))
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in codes)
            box.blockSignals(False)


class FieldBox(QWidget):
    """An editor with the message of its problem under it; the message goes as soon as the user changes the value."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self._shown_for: Any = None  # the value the message is about
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        layout.addWidget(self.message)
        self.setFocusProxy(editor)
        signal = getattr(editor, "changed", None) or getattr(editor, "textChanged", None)
        if signal is not None:
            signal.connect(self._edited)
        if isinstance(editor, CodeCombo):  # typing in a code field, before it is left
            editor.lineEdit().textEdited.connect(self._edited)

    def current(self) -> Any:
        """The editor's value now (None for an editor without one)."""
        if hasattr(self.editor, "value"):
            return self.editor.value()
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return None

    def _edited(self, *_: Any) -> None:
        if self.message.text() and self.current() != self._shown_for:
            self.show_problem()

    def show_problem(self, text: str = "", severity: str = "") -> None:
        """Mark the field (red for errors, amber for warnings) and show the message; blank clears it."""
        target = self.editor.lineEdit() if isinstance(self.editor, CodeCombo) else self.editor
        for widget in {self.editor, target}:
            widget.setProperty("problem", severity if text else "")
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.message.setProperty("message", severity)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self._shown_for = self.current()
        width = max(self.editor.width(), 200)  # a wrapped message keeps the height it needs in any form layout
        self.message.setMinimumHeight(self.message.heightForWidth(width) if text else 0)


class Form:
    """The fields of some columns, laid out in a QFormLayout."""

    def __init__(
        self,
        columns: Iterable[str],
        labels: CodeLabels,
        lang: str,
        table: str = "households",
        custom: dict[str, QWidget] | None = None,
    ) -> None:
        self.lang = lang
        self.table = table
        custom = custom or {}
        self.boxes: dict[str, FieldBox] = {
            c: FieldBox(custom[c] if c in custom else make_editor(c, labels, lang, table)) for c in columns
        }

    def editor(self, column: str) -> Any:
        """The editor widget of a column."""
        return self.boxes[column].editor

    def add_rows(self, layout: QFormLayout, columns: Iterable[str] | None = None) -> None:
        """Add label + field rows (flags carry their own label); a field's hint is the tooltip of both."""
        for column in columns or list(self.boxes):
            box = self.boxes[column]
            tip = field_hints.hint(column, self.lang, self.table)
            if tip and not box.editor.toolTip():
                box.editor.setToolTip(rich_tip(tip))
            if isinstance(box.editor, FlagField):
                layout.addRow("", box)
            else:
                label = QLabel(fields.label(column, self.lang, self.table) + ("：" if self.lang != "en" else ":"))
                label.setBuddy(box.editor)
                label.setToolTip(box.editor.toolTip())
                layout.addRow(label, box)

    def values(self) -> dict[str, Any]:
        """The fields' values by column."""
        return {c: b.editor.value() for c, b in self.boxes.items()}

    def set_values(self, values: dict[str, Any]) -> None:
        """Fill the fields from a record (missing columns are blanked)."""
        for column, box in self.boxes.items():
            box.editor.set_value(values.get(column))

    def show_problems(self, problems: Iterable[Problem]) -> list[Problem]:
        """Show each column's worst problem at its field; returns the problems no field of this form shows."""
        by_column: dict[str, Problem] = {}
        rest = []
        for found in problems:
            if found.field in self.boxes:
                current = by_column.get(found.field)
                if current is None or (found.severity == ERROR and current.severity != ERROR):
                    by_column[found.field] = found
            else:
                rest.append(found)
        for column, box in self.boxes.items():
            found = by_column.get(column)
            box.show_problem(found.message(self.lang) if found else "", found.severity if found else "")
        return rest

    def connect_changed(self, slot: Any) -> None:
        """Call ``slot`` whenever any field changes."""
        for box in self.boxes.values():
            box.editor.changed.connect(slot)


def _plain(value: Any) -> str:
    """A stored value as typed text (2.0 as "2", 2.5 as "2.5")."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def rich_tip(text: str) -> str:
    """A tooltip that Qt wraps into lines (plain-text tooltips stay one long line)."""
    return f"<p>{html.escape(text)}</p>"


def form_layout() -> QFormLayout:
    """A form layout with labels right-aligned and fields growing."""
    layout = QFormLayout()
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return layout
