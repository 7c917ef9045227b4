"""Every message box of the application goes through here, so tests can replace these functions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from models.errors import JiandangError

T = TypeVar("T")


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a question; True when the user answers Yes."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, text: str) -> None:
    """Show an error the user has to acknowledge."""
    QMessageBox.critical(parent, QCoreApplication.translate("messages", "建档 — 错误"), text)


def show_info(parent: QWidget | None, text: str) -> None:
    """Tell the user something went as asked."""
    QMessageBox.information(parent, QCoreApplication.translate("messages", "建档"), text)


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before something that cannot be undone; the safe answer (No) is the default."""
    answer = QMessageBox.warning(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_save_changes(parent: QWidget | None, text: str) -> str:
    """Unsaved changes: returns "save", "discard" or "cancel"."""
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("messages", "保存修改"),
        text,
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Save,
    )
    return {buttons.Save: "save", buttons.Discard: "discard"}.get(answer, "cancel")


def show_unexpected(parent: QWidget | None, text: str, log_path: str) -> None:
    """An unexpected error: what happened, that the data is safe, and where the log file is."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        QCoreApplication.translate("messages", "建档 — 意外错误"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(QCoreApplication.translate("messages", "日志文件：{path}").format(path=log_path))
    box.exec()


def confirm_then_run(parent: QWidget | None, title: str, question: str, action: Callable[[], T], lang: str) -> T | None:
    """Ask ``question``; if confirmed run ``action``: its result, or None when declined or refused.

    A refusal (``JiandangError``) is shown in the interface's language and nothing else happens.
    """
    if not confirm(parent, title, question):
        return None
    try:
        return action()
    except JiandangError as error:
        show_error(parent, error.message(lang))
        return None
