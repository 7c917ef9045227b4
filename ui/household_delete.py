"""登记 → 删除所选户: remove a household entered by mistake (with its members, causes, incomes and measures).

The rule lives in ``Registry.delete_household``: a household that has been
through a procedure is refused (it is taken off the register, 销号, instead).
An editor open on the household is closed first, asking about unsaved changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from models.errors import JiandangError
from models.procedure_text import household_names
from ui import messages


def tr(text: str) -> str:
    """Translate a text of this action (module-level tr() calls are filed under the empty context)."""
    return QCoreApplication.translate("", text)


def delete_selected_household(window: Any) -> bool:
    """Ask, then delete the household selected in the list; whether it was deleted."""
    household_id = window.list_panel.current_household()
    if household_id is None:
        messages.show_info(window, tr("请先在列表中选中要删除的户。"))
        return False
    zh, en = household_names(window.registry.conn, [household_id])[household_id]
    question = tr(
        "删除 {household}？\n\n只在录入错误时删除：成员、致贫原因、收入和帮扶措施一并删除，并会同步到各台电脑。"
        "全户已消亡或迁出的，请办理销号，不要删除。"
    ).format(household=en if window.lang == "en" else zh)
    if not messages.confirm(window, tr("删除户"), question) or not _close_editor(window, household_id):
        return False
    try:
        window.registry.delete_household(household_id)
    except JiandangError as error:
        messages.show_error(window, error.message(window.lang))
        return False
    window.refresh()
    return True


def _close_editor(window: Any, household_id: str) -> bool:
    """Close the household's open editor (it asks about unsaved changes); False when the user keeps it open."""
    editor = window.editors.get(household_id)
    if editor is None or not editor.isVisible():
        return True
    return bool(editor.close())
