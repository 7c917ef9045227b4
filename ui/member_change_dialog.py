"""Member changes: a birth, a death, a marriage in or out, moving in or out, with the date.

The household's size and head follow (the registry marks a leaving member as
no longer in the household, makes the chosen member head when the head leaves,
and keeps the change in the history).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QPushButton, QVBoxLayout, QWidget

from models.code_lookup import make_entry
from models.codes import MEMBER_CHANGE_INCOMING
from models.errors import JiandangError, ValidationFailed
from models.registry import Registry
from models.validation import HEAD
from ui.code_combo import CodeCombo
from ui.code_labels import CodeLabels
from ui.field_widgets import FIELD_STYLE, FieldBox, TextField, form_layout


class MemberChangeDialog(QDialog):
    """Record one member change of a saved household."""

    def __init__(
        self, registry: Registry, labels: CodeLabels, lang: str, household_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.registry, self.labels, self.lang, self.household_id = registry, labels, lang, household_id
        self.new_member: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("成员变动"))
        self.setStyleSheet(FIELD_STYLE)
        live = [m for m in registry.get_household(household_id)["members"] if m["in_household"] == 1]
        self.heads = {m["id"] for m in live if m["relation"] == HEAD}
        people = [make_entry(m["id"], m["name"], m["name"]) for m in live]
        self.change = CodeCombo(labels.entries("member_change"), lang)
        self.date = TextField("YYYY-MM-DD")
        self.date.set_value(registry.today().isoformat())
        self.member = CodeCombo(people, lang, show_codes=False)
        self.new_head = CodeCombo(people, lang, show_codes=False)
        self.note = TextField()
        self.new_button = QPushButton(self.tr("填写新成员…(&M)"))
        self.new_button.clicked.connect(self._enter_member)
        self.new_label = QLabel()
        self.boxes = {
            k: FieldBox(w)
            for k, w in (
                ("change", self.change),
                ("change_date", self.date),
                ("member", self.member),
                ("new_head", self.new_head),
            )
        }
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setProperty("message", "error")
        self._build()
        self.change.changed.connect(self._update)
        self.member.changed.connect(self._update)
        self._update()

    def _build(self) -> None:
        form = form_layout()
        form.addRow(self.tr("变动类型："), self.boxes["change"])
        form.addRow(self.tr("变动日期："), self.boxes["change_date"])
        form.addRow(self.tr("离户成员："), self.boxes["member"])
        form.addRow(self.tr("新户主："), self.boxes["new_head"])
        form.addRow(self.tr("新成员："), self.new_button)
        form.addRow("", self.new_label)
        form.addRow(self.tr("备注："), self.note)
        self.form = form
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with the messages
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def incoming(self) -> bool:
        """True for a change that adds a member (嫁入, 新生儿, 其他转入)."""
        return self.change.value() in MEMBER_CHANGE_INCOMING

    def _update(self) -> None:
        incoming = self.incoming()
        self.form.setRowVisible(2, not incoming)
        self.form.setRowVisible(3, not incoming and self.member.value() in self.heads)
        self.form.setRowVisible(4, incoming)
        self.form.setRowVisible(5, incoming)

    def _enter_member(self) -> None:
        from ui.member_dialog import MemberDialog

        defaults = self.new_member or {"id_type": "01", "ethnicity": "01", "in_household": 1}
        values = MemberDialog.ask(self, self.registry, self.labels, self.lang, defaults, self.household_id)
        if values is not None:
            self.new_member = values
            self.new_label.setText(str(values.get("name") or ""))

    def accept(self) -> None:
        """Record the change; problems are shown in the dialog."""
        try:
            self.registry.record_member_change(
                self.household_id,
                self.change.value() or "",
                self.date.value() or "",
                member_id=None if self.incoming() else self.member.value(),
                new_member=self.new_member if self.incoming() else None,
                new_head_id=self.new_head.value(),
                note=self.note.value(),
            )
        except ValidationFailed as failed:
            for key, box in self.boxes.items():
                found = next((p for p in failed.problems if p.field == key), None)
                box.show_problem(found.message(self.lang) if found else "", "error" if found else "")
            self.message.setText("\n".join(p.message(self.lang) for p in failed.problems if p.field not in self.boxes))
            return
        except JiandangError as error:
            self.message.setText(error.message(self.lang))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, registry: Registry, labels: CodeLabels, lang: str, household_id: str) -> bool:
        """True when a change was recorded."""
        return cls(registry, labels, lang, household_id, parent).exec() == QDialog.DialogCode.Accepted
