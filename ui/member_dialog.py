"""The member editor: typing an ID number fills birth date and sex and flags a wrong check digit at once.

An ID number that already belongs to a member of another household is shown
at the field, with an offer to open that household.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import ERROR, WARNING, Problem
from models.household_form import check_member, id_while_typing
from models.registry import Registry
from ui import messages
from ui.code_labels import CodeLabels
from ui.field_widgets import FIELD_STYLE, Form, form_layout
from ui.form_state import reject_asking

LEFT = (
    "name",
    "relation",
    "id_type",
    "id_number",
    "sex",
    "birth_date",
    "ethnicity",
    "political",
    "education",
    "school_status",
    "school_note",
    "phone",
)
RIGHT = (
    "health",
    "disability_grade",
    "labour_skill",
    "work_status",
    "work_months",
    "is_soldier",
    "medical_insurance",
    "serious_illness_insurance",
    "pension_insurance",
    "dibao",
    "tekun",
)


class MemberDialog(QDialog):
    """Enter or change one member; ``ask`` returns the values to keep in the household form."""

    def __init__(
        self,
        registry: Registry,
        labels: CodeLabels,
        lang: str,
        values: dict[str, Any] | None = None,
        household_id: str | None = None,
        member_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.registry, self.lang = registry, lang
        self.household_id, self.member_id = household_id, member_id
        self.original = dict(values or {})
        self.open_other: str | None = None
        self.result_values: dict[str, Any] | None = None
        self._filled: dict[str, Any] = {}
        self.setWindowTitle(self.tr("家庭成员") if values and values.get("name") else self.tr("添加家庭成员"))
        self.setStyleSheet(FIELD_STYLE)
        self.form = Form(LEFT + RIGHT, labels, lang, table="members")
        self.open_button = QPushButton(self.tr("打开该户(&O)"))
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_other)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setProperty("message", "error")
        self.summary.hide()
        self._build()
        self.resize(760, self.sizeHint().height())
        self.form.set_values(self.original)
        self._snapshot = self.form.values()
        id_field = self.form.editor("id_number")
        id_field.textEdited.connect(lambda text: self._check_id(text, complete=False))
        id_field.editingFinished.connect(lambda: self._check_id(id_field.text(), complete=True))

    def _build(self) -> None:
        columns = QHBoxLayout()
        for names in (LEFT, RIGHT):
            layout = form_layout()
            self.form.add_rows(layout, names)
            if "id_number" in names:
                layout.insertRow(names.index("id_number") + 1, "", self.open_button)
            columns.addLayout(layout, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with the messages
        outer.addLayout(columns)
        outer.addWidget(self.summary)
        outer.addWidget(buttons)

    # -- the ID number ---------------------------------------------------------

    def _check_id(self, text: str, complete: bool) -> None:
        box = self.form.boxes["id_number"]
        self.open_button.hide()
        result = id_while_typing(text, complete, self.registry.today())
        if result is None or self.form.editor("id_type").value() not in (None, "01"):
            box.show_problem()
            return
        if not result.ok:
            box.show_problem((result.message_en if self.lang == "en" else result.message_zh) or "", ERROR)
            return
        box.show_problem()
        self._fill("birth_date", result.birth_date.isoformat() if result.birth_date else None)
        self._fill("sex", result.sex)
        self._check_owner(result.normalized or text)

    def _fill(self, column: str, value: Any) -> None:
        """Fill a field from a valid ID number, the source of truth for birth date and sex.

        A different value that the ID number did not fill (stored, or typed by hand) is replaced too,
        but not silently: the field says what it was.
        """
        editor = self.form.editor(column)
        before, shown = editor.value(), _shown(editor)
        if value is None or before == value:
            self._filled[column] = value
            return
        editor.set_value(value)
        if before not in (None, "", self._filled.get(column)):
            note = self.tr("已按身份证号码改正（原为 {old}）").format(old=shown)
            self.form.boxes[column].show_problem(note, WARNING)
        self._filled[column] = value

    def _check_owner(self, number: str) -> None:
        owner = self.registry.id_owner(number, exclude_member=self.member_id)
        if owner is None or owner["household_id"] == self.household_id:
            return
        where = f"{owner['village'] or ''}{owner['head'] or ''}"
        self.form.boxes["id_number"].show_problem(
            self.tr("该号码已登记为{where}户的成员“{name}”，同一号码不能出现在两户中。").format(
                where=where, name=owner["name"]
            ),
            ERROR,
        )
        self.open_button.setProperty("household_id", owner["household_id"])
        self.open_button.show()

    def _open_other(self) -> None:
        question = self.tr("放弃本次录入，打开该号码所在的户？")
        if messages.ask_yes_no(self, self.tr("打开该户"), question):
            self.open_other = self.open_button.property("household_id")
            super().reject()

    # -- result ----------------------------------------------------------------

    def values(self) -> tuple[dict[str, Any], list[Problem]]:
        """The member as it would be stored, and its problems."""
        typed = {**self.original, **self.form.values()}
        return check_member(self.registry, typed, self.household_id, self.member_id)

    def accept(self) -> None:
        """Close only when there is no error; warnings are shown and accepted."""
        merged, problems = self.values()
        rest = self.form.show_problems(problems)
        errors = [p for p in problems if p.severity == ERROR]
        self.summary.setText("\n".join(p.message(self.lang) for p in rest))
        self.summary.setVisible(bool(rest))
        if errors:
            first = next((b for c, b in self.form.boxes.items() if any(p.field == c for p in errors)), None)
            if first is not None:
                first.setFocus()
            return
        self.result_values = merged
        super().accept()

    def is_dirty(self) -> bool:
        """True when a field was changed since the dialog opened."""
        return self.form.values() != self._snapshot

    def reject(self) -> None:
        """Escape, 取消 or closing: ask before throwing away what was typed."""
        reject_asking(self, self.is_dirty(), self.tr("这名成员有未保存的输入。保存吗？"))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        registry: Registry,
        labels: CodeLabels,
        lang: str,
        values: dict[str, Any] | None = None,
        household_id: str | None = None,
        member_id: str | None = None,
        open_household: Callable[[str], None] | None = None,
    ) -> dict[str, Any] | None:
        """Show the dialog; the member's values, or None when cancelled."""
        dialog = cls(registry, labels, lang, values, household_id, member_id, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        other = dialog.open_other
        if other and open_household is not None:
            QTimer.singleShot(0, lambda: open_household(other))
        return dialog.result_values if accepted else None


def _shown(editor: QWidget) -> str:
    """The text a field shows (a code field's label, not its code)."""
    return editor.currentText() if isinstance(editor, QComboBox) else str(getattr(editor, "text", lambda: "")())
