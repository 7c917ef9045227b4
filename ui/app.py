"""Starting the desktop application: QApplication, translations, the database, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from models.errors import JiandangError
from models.paths import APP_NAME, default_database_path, resource_path
from ui import messages
from ui.main_window import MainWindow


def run(db_path: Path | None, lang: str = "zh") -> int:
    """Open the window on ``db_path`` (default: the data folder's database) and run until it closes.

    Returns the exit status: 1 when the database cannot be opened.
    """
    app = application(lang)
    window = open_main_window(db_path, lang)
    if window is None:
        return 1
    window.show()
    window.offer_demo_if_empty()
    try:
        return app.exec()
    finally:
        window.db.close()


def application(lang: str) -> QApplication:
    """The QApplication (created once), with the translations for ``lang`` installed."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("建档" if lang != "en" else APP_NAME)
    locale = QLocale("en_US" if lang == "en" else "zh_CN")
    QLocale.setDefault(locale)
    _install_translations(app, lang, locale)
    return app


def _install_translations(app: QApplication, lang: str, locale: QLocale) -> None:
    """Qt's own strings (dialog buttons …) and, for English, the application's ``.qm`` file."""
    candidates = [("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if lang == "en":
        candidates.append(("jiandang", str(resource_path("i18n"))))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


def open_main_window(db_path: Path | None, lang: str = "zh") -> MainWindow | None:
    """The main window on the opened database, or None after telling the user why it cannot be opened."""
    from models.db import open_database

    try:
        db = open_database(db_path if db_path is not None else default_database_path())
    except JiandangError as error:
        messages.show_error(None, error.message(lang))
        return None
    except OSError as error:
        messages.show_error(None, f"无法打开数据库：{error}" if lang != "en" else f"Cannot open the database: {error}")
        return None
    return MainWindow(db, lang)
