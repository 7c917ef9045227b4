"""Long work with a progress bar: the callable runs off the GUI thread while a progress dialog shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.background import Background


def run_with_progress(
    parent: QWidget | None, title: str, db_path: str | None, fn: Callable[[Any, Callable[[int, int], None]], Any]
) -> Any:
    """Run ``fn(db, progress)`` on a worker thread (``db`` opened there, None without a path).

    The window stays responsive and shows a progress bar; returns the result,
    or raises the worker's exception here on the GUI thread.
    """
    dialog = QProgressDialog(title, "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()
    worker = Background(db_path)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def finish(key: str, value: Any) -> None:
        outcome[key] = value
        loop.quit()

    worker.submit(fn, lambda result: finish("result", result), lambda error: finish("error", error), progress=progress)
    if not outcome:
        loop.exec()
    worker.close()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
