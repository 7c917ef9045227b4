"""The Excel menu: import a roster (the wizard), export the roster in the national layout, export lists.

Exports run off the GUI thread with a progress bar. Other screens export
their own tables with :func:`exports.excel_write.export_rows`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QWidget

from models.errors import JiandangError
from ui import messages
from ui.progress import run_with_progress


def tr(text: str) -> str:
    """Translate a menu text (lupdate files module-level tr() calls under the empty context)."""
    return QCoreApplication.translate("", text)


def choose_save_path(parent: QWidget, title: str, suggested: str) -> str:
    """Where to write an export ("" when cancelled); tests replace this."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, "Excel (*.xlsx)")
    if path and not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    return path


def choose_village(parent: QWidget, villages: list[dict[str, Any]]) -> tuple[bool, str | None]:
    """(chosen, village code or None for all); tests replace this."""
    names = [tr("全部村")] + [f"{v['name']}（{v['code']}）" for v in villages]
    name, ok = QInputDialog.getItem(parent, tr("导出花名册"), tr("导出哪个村："), names, 0, False)
    if not ok:
        return False, None
    index = names.index(name)
    return True, villages[index - 1]["code"] if index else None


def install(window: QMainWindow) -> None:
    """Add the Excel menu to the main window."""
    menu = window.menu(tr("Excel(&E)"))
    menu.addAction(tr("从 Excel 导入…")).triggered.connect(lambda _=False: import_roster(window))
    menu.addSeparator()
    menu.addAction(tr("导出花名册到 Excel…")).triggered.connect(lambda _=False: export_roster(window))
    menu.addAction(tr("导出查找结果到 Excel…")).triggered.connect(lambda _=False: export_search(window))
    menu.addAction(tr("导出数据检查到 Excel…")).triggered.connect(lambda _=False: export_check(window))
    menu.addAction(tr("导出统计到 Excel…")).triggered.connect(lambda _=False: export_stats(window))


def import_roster(window: QMainWindow) -> Any:
    """Open the import wizard; refresh the window when something was imported."""
    from ui.excel_wizard import ImportWizard

    result = ImportWizard.ask(window, window.db, window.registry, window.lang)
    if result is not None and (result.households_added or result.households_updated):
        window.refresh()
    return result


def _export(
    window: QMainWindow, title: str, suggested: str, work: Callable[..., Any], with_progress: bool = False
) -> str | None:
    """Ask where to save, run ``work(db, path)`` off the GUI thread (``work(db, path, progress)`` when
    ``with_progress``: it moves the bar) and tell the user where the file went."""
    path = choose_save_path(window, title, suggested)
    if not path:
        return None
    try:
        if with_progress:
            run_with_progress(window, title, window.db.path, lambda db, progress: work(db, path, progress))
        else:
            run_with_progress(window, title, window.db.path, lambda db, progress: work(db, path))
    except JiandangError as error:
        messages.show_error(window, error.message(window.lang))
        return None
    messages.show_info(window, tr("已导出到 {path}").format(path=path))
    return path


def export_roster(window: QMainWindow) -> str | None:
    """Export one village's (or every) household in the national roster layout."""
    from exports.excel_export import export_households

    villages = [r for r in window.registry.regions() if r["level"] == 5]
    chosen, village = choose_village(window, villages)
    if not chosen:
        return None
    name = next((v["name"] for v in villages if v["code"] == village), tr("全部"))
    suggested = tr("{name}花名册-{date}.xlsx").format(name=name, date=datetime.date.today().isoformat())
    return _export(window, tr("导出花名册"), suggested, lambda db, path: export_households(db.conn, path, village))


def export_search(window: QMainWindow) -> str | None:
    """Export every hit of the current search (ID numbers masked, as on screen)."""
    from exports.excel_lists import export_search_results

    query = window.search_box.text().strip() if hasattr(window, "search_box") else ""
    if not query:
        messages.show_error(window, tr("请先在查找框中输入要查找的内容。"))
        return None
    lang = window.lang
    return _export(
        window,
        tr("导出查找结果"),
        tr("查找结果.xlsx"),
        lambda db, path: export_search_results(db.conn, path, query, lang),
    )


def export_check(window: QMainWindow) -> str | None:
    """Export the findings of the data check (errors and warnings); the bar moves phase by phase."""
    from exports.excel_lists import export_check_report

    lang = window.lang
    return _export(
        window,
        tr("导出数据检查"),
        tr("数据检查.xlsx"),
        lambda db, path, progress: export_check_report(db.conn, path, lang, progress),
        with_progress=True,
    )


def export_stats(window: QMainWindow) -> str | None:
    """Export the counts by village, status, attribute and main cause."""
    from exports.excel_lists import export_statistics

    lang = window.lang
    return _export(
        window, tr("导出统计"), tr("统计.xlsx"), lambda db, path: export_statistics(db.conn, path, None, lang)
    )
