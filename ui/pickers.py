"""The pickers the procedure and notice dialogs share, and the base of the procedure forms.

``add_villages`` / ``add_procedures`` / ``add_households`` fill a combo box (the code or id as item data),
``select_data`` preselects an entry; ``ProcedureFormDialog`` starts a form with the procedure, village and
year pickers and hands the request it builds to ``submit`` (staying open with the reason when refused).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QSpinBox, QWidget

from models.errors import JiandangError
from models.procedure_steps import PROCEDURES, procedure_title
from models.procedure_views import HouseholdLine
from ui import messages

R = TypeVar("R")


def add_villages(combo: QComboBox, villages: Iterable[tuple[str, str]], lang: str = "zh") -> None:
    """Offer (code, name) villages as "name（code）" (English: "name (code)")."""
    for code, name in villages:
        combo.addItem(f"{name} ({code})" if lang == "en" else f"{name}（{code}）", code)


def add_procedures(combo: QComboBox, lang: str) -> None:
    """Offer every procedure under its title."""
    for key in PROCEDURES:
        combo.addItem(procedure_title(key, lang), key)


def add_households(combo: QComboBox, lines: Iterable[HouseholdLine]) -> None:
    """Offer households as "head（household number）"."""
    for line in lines:
        combo.addItem(f"{line.head}（{line.household_no}）", line.id)


def select_data(combo: QComboBox, value: str | None) -> None:
    """Select the entry whose data is ``value`` (the first when none is); nothing changes for no value."""
    if value:
        combo.setCurrentIndex(max(0, combo.findData(value)))


def ok_cancel(dialog: QDialog, ok: str) -> QDialogButtonBox:
    """OK (named ``ok``) and Cancel buttons wired to the dialog's accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def submitted(dialog: QDialog, submit: Callable[[R], object] | None, request: R, lang: str) -> bool:
    """Hand ``request`` to ``submit``; False (the reason shown) when it refuses."""
    if submit is None:
        return True
    try:
        submit(request)
    except JiandangError as error:
        messages.show_error(dialog, error.message(lang))
        return False
    return True


class ProcedureFormDialog(QDialog, Generic[R]):
    """A form about households of one village in a procedure year: procedure, village and year pickers.

    Subclasses add their fields in ``build()`` and give ``request()``; ``ask`` returns the request once
    ``submit`` took it.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        villages: list[tuple[str, str]],
        year: int,
        lang: str = "zh",
        submit: Callable[[R], object] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._conn, self._lang, self._submit = conn, lang, submit
        self.result_request: R | None = None
        self.procedure, self.village = QComboBox(), QComboBox()
        add_procedures(self.procedure, lang)
        add_villages(self.village, villages, lang)
        self.year = QSpinBox(minimum=2010, maximum=2100, value=year)
        self.build()

    def build(self) -> None:
        """Add the form's own fields and lay it out (called once the pickers exist)."""
        raise NotImplementedError

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        conn: sqlite3.Connection,
        villages: list[tuple[str, str]],
        year: int,
        lang: str = "zh",
        submit: Callable[[R], object] | None = None,
        *choices: str | None,
    ) -> R | None:
        """Show the dialog with ``choices`` preselected (see ``choose``); the request ``submit`` took, or None."""
        dialog = cls(conn, villages, year, lang, submit, parent)
        dialog.choose(*choices)
        return dialog.result_request if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose(self, procedure: str | None = None) -> None:
        """Preselect a procedure."""
        select_data(self.procedure, procedure)

    def request(self) -> R:
        """The request as the form stands."""
        raise NotImplementedError

    def submit_request(self, request: R) -> None:
        """Record through ``submit`` and close; stay open and show the reason when it is refused."""
        if submitted(self, self._submit, request, self._lang):
            self.result_request = request
            super().accept()
