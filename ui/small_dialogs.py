"""Small dialogs: asking for one date."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget

from models.validation import check_dates
from ui.field_widgets import FIELD_STYLE, FieldBox, TextField


class DateDialog(QDialog):
    """Ask for a date (YYYY-MM-DD), checked by models.validation."""

    def __init__(
        self,
        title: str,
        label: str,
        default: str,
        lang: str = "zh",
        column: str = "change_date",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang, self.column = lang, column
        self.setWindowTitle(title)
        self.setStyleSheet(FIELD_STYLE)
        self.field = TextField("YYYY-MM-DD")
        self.field.set_value(default)
        self.box = FieldBox(self.field)
        form = QFormLayout()
        form.addRow(QLabel(label), self.box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with the messages
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        value = self.field.value()
        problems = check_dates({self.column: value}, [self.column]) if value else []
        if not value or problems:
            self.box.show_problem(problems[0].message(self.lang) if problems else self.tr("请填写日期。"), "error")
            return
        super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, label: str, default: str, lang: str = "zh", column: str = "change_date"
    ) -> str | None:
        """The date typed, or None when cancelled."""
        dialog = cls(title, label, default, lang, column, parent)
        return dialog.field.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
