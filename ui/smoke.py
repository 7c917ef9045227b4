"""``--smoke``: start the GUI, open the database, paint the main window, report the time and exit.

Used by CI on the frozen build (offscreen: ``QT_QPA_PLATFORM=offscreen``) and by
anyone who wants to know whether the program starts on a machine.  Nothing
modal is shown: no first-start questions, no message boxes; a problem is
printed on stderr and the exit status is 1.  The time printed is from the
start of the process (where the system tells it) to the painted window with
its household list loaded.  ``JIANDANG_SMOKE_SCREENSHOT=file.png`` also saves
the painted window.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SCREENSHOT_ENV = "JIANDANG_SMOKE_SCREENSHOT"
TIMEOUT_SECONDS = 120.0
_IMPORTED = time.monotonic()

TEXTS = {
    "zh": {
        "ok": "冒烟测试通过：{seconds:.2f} 秒显示主窗口（{households} 户，{menus}）。数据库：{path}",
        "open_failed": "冒烟测试失败：无法打开数据库 {path}：{error}",
        "timeout": "冒烟测试失败：{seconds:.0f} 秒内户列表没有显示。",
        "blank": "冒烟测试失败：主窗口没有画出内容。",
        "error": "冒烟测试失败：运行中出错（见上面的错误信息）。",
    },
    "en": {
        "ok": "Smoke test passed: main window painted in {seconds:.2f} s ({households} households, {menus}). "
        "Database: {path}",
        "open_failed": "Smoke test failed: cannot open the database {path}: {error}",
        "timeout": "Smoke test failed: the household list was not shown within {seconds:.0f} s.",
        "blank": "Smoke test failed: the main window painted nothing.",
        "error": "Smoke test failed: an error occurred (see the messages above).",
    },
}


def run_smoke(db_path: Path | None, lang: str = "zh", timeout: float = TIMEOUT_SECONDS) -> int:
    """Open the window on ``db_path`` (default: the data folder's database), paint it, close it; the exit status."""
    from models.errors import JiandangError
    from models.paths import default_database_path
    from ui.app import application

    texts = TEXTS["en" if lang == "en" else "zh"]
    app = application(lang)
    path = Path(db_path) if db_path else default_database_path()
    try:
        from models.db import open_database

        db = open_database(path)
    except (JiandangError, OSError) as error:
        message = error.message(lang) if isinstance(error, JiandangError) else str(error)
        print(texts["open_failed"].format(path=path, error=message), file=sys.stderr)
        return 1
    from ui.main_window import MainWindow

    errors = _catch_errors()
    window = MainWindow(db, lang)
    try:
        window.show()
        if not _wait_for_list(window, timeout):
            print(texts["timeout"].format(seconds=timeout), file=sys.stderr)
            return 1
        image = window.grab().toImage()
        seconds = process_age()
        _save_screenshot(image)
        if not painted(image):
            print(texts["blank"], file=sys.stderr)
            return 1
        if errors:
            print(texts["error"], file=sys.stderr)
            return 1
        menus = "/".join(a.text().split("(")[0] for a in window.menuBar().actions())
        print(texts["ok"].format(seconds=seconds, households=window.total, menus=menus, path=path))
        return 0
    finally:
        window.close()
        app.processEvents()
        sys.excepthook = sys.__excepthook__


def _catch_errors() -> list[BaseException]:
    """Print uncaught errors (also those of background jobs and Qt slots) instead of showing a dialog."""
    caught: list[BaseException] = []

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        caught.append(error)
        traceback.print_exception(kind, error, tb, file=sys.stderr)

    sys.excepthook = hook
    return caught


def _wait_for_list(window: MainWindow, timeout: float) -> bool:
    """Run the event loop until the household list is shown and the background work is done."""
    loop = QEventLoop()
    shown: list[int] = []
    window.list_panel.listChanged.connect(lambda count, _truncated: (shown.append(count), loop.quit()))
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    deadline = time.monotonic() + timeout
    loop.exec()
    while window.background.busy() and time.monotonic() < deadline:  # the tree's years and counts
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    QApplication.processEvents()
    return bool(shown)


def painted(image: QImage) -> bool:
    """True when the image is not blank: it has more than a couple of distinct colours."""
    if image.isNull() or image.width() < 100 or image.height() < 100:
        return False
    step = max(1, image.width() // 60)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}
    return len(colours) > 3


def _save_screenshot(image: QImage) -> None:
    target = os.environ.get(SCREENSHOT_ENV)
    if target:
        image.save(target)


def process_age() -> float:
    """Seconds since this process started (from the system where it tells; else since this module loaded)."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_age()
        if sys.platform == "win32":
            return _windows_age()
    except (OSError, ValueError, AttributeError):
        pass
    return time.monotonic() - _IMPORTED


def _linux_age() -> float:
    stat = Path("/proc/self/stat").read_text()
    start_ticks = int(stat[stat.rindex(")") + 2 :].split()[19])  # field 22, counted after "pid (comm)"
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def _windows_age() -> float:
    import ctypes
    from ctypes import wintypes

    created, exited, kernel, user, now = (wintypes.FILETIME() for _ in range(5))
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    kernel32.GetProcessTimes(
        kernel32.GetCurrentProcess(),
        ctypes.byref(created),
        ctypes.byref(exited),
        ctypes.byref(kernel),
        ctypes.byref(user),
    )
    kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

    def ticks(value: wintypes.FILETIME) -> int:
        return (value.dwHighDateTime << 32) | value.dwLowDateTime

    return (ticks(now) - ticks(created)) / 10_000_000
