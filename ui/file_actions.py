"""The File menu: open another database, recent files, backup now, restore a backup, the demo township."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from models import backup
from models.db import Database, open_database
from models.errors import JiandangError
from models.paths import data_dir
from ui import messages, prefs
from ui.progress import run_with_progress

if TYPE_CHECKING:
    from ui.main_window import MainWindow

DEMO_FILE = "demo.db"


def add_file_actions(window: MainWindow, menu: QMenu) -> None:
    """Fill the File menu."""
    window._action(
        menu, QCoreApplication.translate("FileActions", "打开数据库…(&O)"), lambda: choose_database(window), "Ctrl+O"
    )
    recent = menu.addMenu(QCoreApplication.translate("FileActions", "最近打开(&R)"))
    recent.aboutToShow.connect(lambda: _fill_recent(window, recent))
    menu.addSeparator()
    window._action(menu, QCoreApplication.translate("FileActions", "立即备份(&B)"), lambda: backup_now(window))
    window._action(menu, QCoreApplication.translate("FileActions", "从备份恢复…(&E)"), lambda: restore(window))
    menu.addSeparator()
    window._action(menu, QCoreApplication.translate("FileActions", "打开演示乡镇(&D)"), lambda: open_demo(window))
    menu.addSeparator()
    window._action(menu, QCoreApplication.translate("FileActions", "退出(&X)"), window.close, "Ctrl+Q")


def _fill_recent(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    for path in prefs.recent_files():
        action = menu.addAction(path)
        action.triggered.connect(lambda _checked=False, p=path: window.reopen(p))
    if menu.isEmpty():
        menu.addAction(QCoreApplication.translate("FileActions", "（无）")).setEnabled(False)


def open_or_explain(parent: QWidget | None, path: str | Path) -> Database | None:
    """Open a database, or tell the user why it cannot be opened (the file is never changed then)."""
    try:
        return open_database(path)
    except JiandangError as error:
        messages.show_error(parent, error.message(getattr(parent, "lang", "zh")))
    except OSError as error:
        messages.show_error(
            parent, QCoreApplication.translate("FileActions", "无法打开数据库：{error}").format(error=error)
        )
    return None


def choose_database(window: MainWindow) -> MainWindow | None:
    """Ask for a database file (an existing one, or a new name) and switch to it."""
    path, _ = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("FileActions", "打开或新建数据库"),
        str(Path(window.db.path).parent),
        QCoreApplication.translate("FileActions", "建档数据库 (*.db)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not path:
        return None
    if not Path(path).suffix and not Path(path).exists():
        path += ".db"  # a new name typed without the extension: the file list shows *.db files
    opened = window.reopen(path)
    if opened is not None:
        opened.offer_demo_if_empty()  # a new, empty registry: the same first-start setup as on first start
    return opened


def backup_now(window: MainWindow) -> Path | None:
    """Back up the open database now (off the GUI thread, with progress)."""
    try:
        path = run_with_progress(
            window,
            QCoreApplication.translate("FileActions", "正在备份…"),
            None,
            lambda _db, progress: backup.backup_now(window.db.path, backup.MANUAL, progress),
        )
    except (OSError, JiandangError) as error:
        reason = error.message(window.lang) if isinstance(error, JiandangError) else str(error)
        messages.show_error(window, QCoreApplication.translate("FileActions", "备份失败：{error}").format(error=reason))
        return None
    messages.show_info(window, QCoreApplication.translate("FileActions", "已备份到：\n{path}").format(path=path))
    return path


def restore(window: MainWindow, chosen: str | None = None) -> MainWindow | None:
    """Replace the database with a backup after confirmation; a safety copy of the current data is kept."""
    if chosen is None:
        folder = backup.backup_folder(window.db.path)
        chosen, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("FileActions", "选择备份"),
            str(folder),
            QCoreApplication.translate("FileActions", "建档数据库 (*.db)"),
        )
    if not chosen:
        return None
    question = QCoreApplication.translate(
        "FileActions", "用备份“{name}”替换当前数据库的全部内容？\n当前数据会先另存一份安全备份。"
    ).format(name=Path(chosen).name)
    warning = backup.restore_warning(chosen, window.db.path)  # a database that syncs: restoring stops syncing
    if warning is not None:
        question = (warning[1] if window.lang == "en" else warning[0]) + "\n\n" + question
    if (
        not messages.confirm(window, QCoreApplication.translate("FileActions", "从备份恢复"), question)
        or not window.close_editors()
    ):
        return None
    path = window.db.path
    window.background.close()
    window.slow_background.close()
    window.db.close()
    safety = None
    try:
        safety = run_with_progress(
            window,
            QCoreApplication.translate("FileActions", "正在恢复…"),
            None,
            lambda _db, _progress: backup.restore_backup(chosen, path),
        )
    except (OSError, JiandangError) as error:
        messages.show_error(window, error.message(window.lang) if isinstance(error, JiandangError) else str(error))
    window.db = open_database(path)  # the restored file, or the untouched one when restoring failed
    window.owns_db = False
    restored = _replace(window, window.db)
    if safety is not None:
        messages.show_info(
            restored,
            QCoreApplication.translate(
                "FileActions", "已从“{name}”恢复。恢复前的数据另存为：\n{safety}"
            ).format(name=Path(chosen).name, safety=safety),
        )
    return restored


def _replace(window: MainWindow, db: Database) -> MainWindow:
    from ui.main_window import MainWindow

    replacement = MainWindow(db, window.lang)
    replacement.setGeometry(window.geometry())
    replacement.show()
    window.close()
    return replacement


def demo_path() -> Path:
    """Where the demo township is kept (apart from the user's own data)."""
    return data_dir() / DEMO_FILE


def open_demo(window: MainWindow) -> MainWindow | None:
    """Open the demo township, generating it first (off the GUI thread) when it does not exist yet."""
    from models.demo import generate_demo

    path = demo_path()
    if not _has_households(path):
        path.unlink(missing_ok=True)
        households, seed = window.DEMO_HOUSEHOLDS, window.DEMO_SEED
        try:
            run_with_progress(
                window,
                QCoreApplication.translate("FileActions", "正在生成演示乡镇（虚构数据）…"),
                str(path),
                lambda db, progress: generate_demo(db, households=households, seed=seed, progress=progress),
            )
        except (JiandangError, ValueError) as error:
            messages.show_error(window, error.message(window.lang) if isinstance(error, JiandangError) else str(error))
            return None
    return window.reopen(str(path))


def _has_households(path: Path) -> bool:
    if not path.is_file():
        return False
    db = open_database(path)
    try:
        return db.conn.execute("SELECT 1 FROM households LIMIT 1").fetchone() is not None
    finally:
        db.close()

