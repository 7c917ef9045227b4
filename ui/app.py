"""Starting the desktop application: logging, QApplication, translations, the database, the main window.

The database opened is the one given on the command line, else the one used
last, else the default one in the data folder.  An automatic backup is taken
in the background shortly after the start (see models/backup.py).  The language can be
switched in the settings at any time: the main window is rebuilt in the new
language at once, no restart needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from models import backup
from models.errors import JiandangError
from models.logs import logger, setup_logging
from models.paths import APP_NAME, default_database_path, resource_path
from ui import crash, messages, prefs
from ui.background import Background
from ui.main_window import MainWindow

_translators: list[QTranslator] = []
BACKUP_DELAY_MS = 10_000  # the automatic backup waits until the window has started (a county file is large)


def run(db_path: Path | None, lang: str | None = None) -> int:
    """Open the window on ``db_path`` (default: the last or the default database) and run until it closes.

    ``lang`` is an explicit ``--lang`` (for this run only); None uses the language chosen in 设置.
    Returns the exit status: 1 when the database cannot be opened.
    """
    log_file = setup_logging()
    lang = lang or str(prefs.settings().value("language", "zh"))
    app = application(lang)
    crash.install(log_file)
    path = db_path or prefs.last_database() or default_database_path()
    window = open_main_window(path, lang)
    if window is None:
        return 1
    logger("app").info("started")
    window.show()
    QTimer.singleShot(BACKUP_DELAY_MS, lambda: start_automatic_backup(window) if window.isVisible() else None)
    window.offer_demo_if_empty()
    try:
        return event_loop(app)
    finally:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.close()


def event_loop(app: QApplication) -> int:
    """Run the application until the last window closes (tests replace this)."""
    return app.exec()


def application(lang: str) -> QApplication:
    """The QApplication (created once), with the translations for ``lang`` installed."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(resource_path("icons/jiandang.png"))))
    install_translations(lang)
    return app


def install_translations(lang: str) -> None:
    """Qt's own strings (dialog buttons …) and, for English, the application's ``.qm`` file."""
    app = QCoreApplication.instance()
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    locale = QLocale("en_US" if lang == "en" else "zh_CN")
    QLocale.setDefault(locale)
    candidates = [("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    if lang == "en":
        candidates.append(("jiandang", str(resource_path("i18n"))))
    for name, folder in candidates:
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _translators.append(translator)
    if isinstance(app, QApplication):
        app.setApplicationDisplayName("建档" if lang != "en" else APP_NAME)
    crash.language = lang


def open_main_window(db_path: Path | str, lang: str = "zh") -> MainWindow | None:
    """The main window on the opened database, or None after telling the user why it cannot be opened."""
    from models.db import open_database

    try:
        db = open_database(db_path)
    except JiandangError as error:
        messages.show_error(None, error.message(lang))
        return None
    except OSError as error:
        messages.show_error(None, f"无法打开数据库：{error}" if lang != "en" else f"Cannot open the database: {error}")
        return None
    prefs.add_recent(db.path)
    return MainWindow(db, lang)


def start_automatic_backup(window: MainWindow) -> None:
    """Back up the database on its own worker thread (skipped when nothing changed since the last backup).

    Saves go on meanwhile. When the disk would be left nearly full, the backup is skipped and the status bar says
    how much space it needs and how much is free.
    """
    path = window.db.path
    worker = Background(None, window)

    def done(made: Path | None) -> None:
        worker.close()
        if made is not None and window.isVisible():
            text = QCoreApplication.translate("MainWindow", "已自动备份：{name}")
            window.statusBar().showMessage(text.format(name=made.name), 8000)

    def failed(error: BaseException) -> None:
        worker.close()
        if isinstance(error, backup.BackupSpaceError):  # skipped: the disk would be left (nearly) full
            logger("backup").warning("automatic backup skipped: needs %d bytes, %d free", error.needed, error.free)
        else:
            logger("backup").warning("automatic backup failed: %s", type(error).__name__)
        if not window.isVisible():
            return
        if isinstance(error, JiandangError):
            window.statusBar().showMessage(error.message(window.lang), 60000)
        else:
            text = QCoreApplication.translate("MainWindow", "自动备份失败，请检查磁盘空间。")
            window.statusBar().showMessage(text, 15000)

    worker.submit(lambda _db: backup.automatic_backup(path), done, failed)
