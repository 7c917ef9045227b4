"""Form state: the household form's fingerprint for noticing changes, its problems each listed once, and the
question a dialog asks before Escape or 取消 throws typed input away."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QDialog

from models.errors import Problem
from models.household_form import HouseholdForm
from ui import messages


def reject_asking(dialog: QDialog, dirty: bool, question: str) -> None:
    """Escape, 取消 or closing ``dialog``: when something was typed (``dirty``), ask 保存/丢弃/取消 first.

    保存 presses OK (the dialog's ``accept``, which stays open when something is wrong); 取消 keeps the
    dialog open; 丢弃, or nothing typed, closes it.  Dialogs call this from their ``reject``.
    """
    if dirty:
        answer = messages.ask_save_changes(dialog, question)
        if answer == "save":
            dialog.accept()
            return
        if answer == "cancel":
            return
    QDialog.reject(dialog)


def each_once(problems: list[Problem]) -> list[Problem]:
    """Each problem once: two checks that find the same fault (e.g. an unknown main cause) report it once."""
    seen: set[tuple[str, str, str, str]] = set()
    unique = []
    for found in problems:
        key = (found.field, found.code, found.record, found.severity)
        if key not in seen:
            seen.add(key)
            unique.append(found)
    return unique


def fingerprint(data: HouseholdForm) -> str:
    """The form's content as text, for noticing changes (blank and None are the same)."""

    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v not in (None, "")}
        if isinstance(value, list):
            return [clean(v) for v in value]
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return str(value) if isinstance(value, int | float) else value

    content = {
        "household": data.household,
        "members": data.members,
        "causes": sorted(data.other_causes),
        "incomes": {str(k): v for k, v in data.incomes.items()},
        "removed": data.removed_members,
    }
    return json.dumps(clean(content), ensure_ascii=False, sort_keys=True)
