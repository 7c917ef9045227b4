"""The 公示 menu: make a notice (dialog → preview of the real PDF → print or save, archived), and the archive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from exports.notice_data import NoticeRequest
from exports.notices import BuiltNotice, archive, build_notice
from models.errors import JiandangError
from ui import messages
from ui.notice_archive import NoticeArchiveDialog
from ui.notice_dialog import NoticeDialog
from ui.notice_preview import NoticePreviewDialog


def tr(text: str) -> str:
    """Translate a menu text (lupdate files module-level tr() calls under the empty context)."""
    return QCoreApplication.translate("", text)


def install(window: QMainWindow) -> None:
    """Add the 公示 menu to the main window."""
    menu = window.menu(tr("公示(&N)"))
    menu.addAction(tr("生成公示、公告、明白卡…")).triggered.connect(lambda _=False: open_notice_dialog(window))
    menu.addAction(tr("公示存档…")).triggered.connect(
        lambda _=False: NoticeArchiveDialog.ask(window, window.db, window.lang)
    )


def open_notice_dialog(window: QMainWindow, kind: str | None = None, village: str | None = None) -> str | None:
    """Ask what to print, draw it, preview it; returns "printed" / "saved" or None."""
    request = NoticeDialog.ask(window, window.db, window.lang, kind, village)
    return None if request is None else preview(window, request)


def preview(window: QMainWindow, request: NoticeRequest) -> str | None:
    """Draw the notice (characters no font has are reported here, before printing) and show the preview.

    The notice is archived when it is first printed or saved, with exactly the bytes previewed.
    """
    built, error = _build(window, request)
    if built is None:
        messages.show_error(window, error.message(window.lang) if error else "")
        return None
    place = built.content.place
    kind = built.content.kind
    title = tr("{village}{year}年{kind}").format(
        village=place.village, year=request.year, kind=kind.title_en if window.lang == "en" else kind.title
    )
    return NoticePreviewDialog.ask(window, built.rendered.pdf, title, lambda: _archive(window, built), window.lang)


def _build(window: QMainWindow, request: NoticeRequest) -> tuple[BuiltNotice | None, JiandangError | None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return build_notice(window.db, request), None
    except JiandangError as error:
        return None, error
    finally:
        QGuiApplication.restoreOverrideCursor()


def _archive(window: QMainWindow, built: BuiltNotice) -> Path:
    return archive(window.db, built).path
