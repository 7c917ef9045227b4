"""The 同步 menu: export to a USB stick, import with a preview first, status, the conflict and duplicates desks,
keys and enrollment. Exports and imports run off the GUI thread with a progress dialog."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from exports.bundle_keys import TOWNSHIP, VILLAGE, identity, peers
from exports.bundle_volumes import removable_volumes
from models.errors import JiandangError
from models.sync_state import adopt_stored_clock
from ui import messages
from ui.progress import run_with_progress
from ui.sync_dialogs import ExportDialog, PassphraseDialog, ReportDialog, error_text


def tr(text: str) -> str:
    """Translate a menu text (lupdate files module-level tr() calls under the empty context)."""
    return QCoreApplication.translate("", text)


def install(window: QMainWindow) -> None:
    """Add the 同步 menu to the main window."""
    menu = window.menu(tr("同步(&Y)"))
    menu.addAction(tr("导出数据包到 U 盘…")).triggered.connect(lambda _=False: export_to_stick(window))
    menu.addAction(tr("导入数据包…")).triggered.connect(lambda _=False: import_from_stick(window))
    menu.addSeparator()
    menu.addAction(tr("冲突处理…")).triggered.connect(lambda _=False: open_conflicts(window))
    menu.addAction(tr("可能重复登记…")).triggered.connect(lambda _=False: open_duplicates(window))
    menu.addAction(tr("各设备同步状态…")).triggered.connect(lambda _=False: open_status(window))
    menu.addSeparator()
    menu.addAction(tr("同步密钥与设备登记…")).triggered.connect(lambda _=False: open_enrollment(window))


def _has_keys(window: QMainWindow) -> bool:
    if identity(window.db) is None:
        messages.show_error(window, tr("本机还没有同步密钥：请先在“同步 → 同步密钥与设备登记”中创建并登记。"))
        return False
    return True


def export_to_stick(window: QMainWindow) -> Any:
    """Choose a stick (or folder), enter the passphrase, write and verify the bundle."""
    if not _has_keys(window):
        return None
    own = identity(window.db)
    laptops = [(p.site_id, p.name) for p in peers(window.db) if p.role == VILLAGE and p.revoked is None]
    if own.role == TOWNSHIP and not laptops:
        messages.show_error(window, tr("还没有登记任何村里的电脑。"))
        return None
    choice = ExportDialog.ask(window, laptops if own.role == TOWNSHIP else [])
    if choice is None:
        return None
    passphrase = PassphraseDialog.ask(window)
    if passphrase is None:
        return None
    folder, peer = choice

    def work(db: Any, progress: Any) -> Any:
        from exports.bundle_keys import unlock
        from exports.bundle_write import export_bundle

        return export_bundle(db, unlock(db, passphrase), folder, peer)

    try:
        result = run_with_progress(window, tr("正在写入数据包…"), window.db.path, work)
    except JiandangError as error:
        messages.show_error(window, error_text(error, window.lang))
        return None
    from exports.bundle_outcome import count_en

    records = count_en(result.records, "record") if window.lang == "en" else f"{result.records} 条记录"
    messages.show_info(
        window,
        tr("已写入 {path}：{records}，读回校验一致。可以安全拔出 U 盘。").format(path=result.path, records=records)
        + ("\n\n" + result.note(window.lang) if result.kept else ""),
    )
    return result


def choose_bundles(parent: QWidget) -> list[str]:
    """Bundle files chosen by the user (starting on the first stick); tests replace this."""
    volumes = removable_volumes()
    start = str(volumes[0].path) if volumes else str(Path.home())
    files, _ = QFileDialog.getOpenFileNames(parent, tr("选择数据包"), start, tr("建档数据包 (*.jdb)"))
    return files


def import_from_stick(window: QMainWindow) -> Any:
    """Choose bundles, preview them (dry run), import on confirmation, show the report."""
    if not _has_keys(window):
        return None
    files = [Path(f) for f in choose_bundles(window)]
    if not files:
        return None
    passphrase = PassphraseDialog.ask(window)
    if passphrase is None:
        return None
    preview = _run_import(window, files, passphrase, dry_run=True, accept_clock=False)
    if preview is None:
        return None
    held = any(r.status == "held" for r in preview)
    importable = [f for f, r in zip(files, preview, strict=True) if r.status in ("dry-run", "held")]
    answer = ReportDialog.ask(window, _preview_lines(preview, window.lang), True, held, can_import=bool(importable))
    if answer is None:
        return None
    reports = _run_import(window, importable, passphrase, dry_run=False, accept_clock=answer["accept_clock"])
    if reports is None:
        return None
    adopt_stored_clock(window.db)  # the import ran on another connection
    window.refresh()
    heading = tr("导入报告：{when}，操作员 {who}，数据库 {db}").format(
        when=datetime.datetime.now().strftime("%Y-%m-%d %H:%M"), who=window.db.operator(), db=Path(window.db.path).name
    )
    ReportDialog.ask(window, [heading, "", *_lines(reports, window.lang)], preview=False)
    return reports


def _run_import(window: QMainWindow, files: list[Path], passphrase: str, dry_run: bool, accept_clock: bool) -> Any:
    def work(db: Any, progress: Any) -> Any:
        from exports.bundle_keys import unlock
        from exports.bundle_read import import_bundles
        from exports.bundle_rekey import explain_refusals

        keys = unlock(db, passphrase)
        reports = import_bundles(db, keys, files, dry_run=dry_run, accept_skew=accept_clock)
        return explain_refusals(db, keys, reports)  # an old key's bundle: "changed its keys on …, export again"

    try:
        return run_with_progress(window, tr("正在检查数据包…") if dry_run else tr("正在导入…"), window.db.path, work)
    except JiandangError as error:
        messages.show_error(window, error_text(error, window.lang))
        return None


def _preview_lines(reports: list[Any], lang: str) -> list[str]:
    """The preview of several files says that each is judged after the ones before it (exports.bundle_preview)."""
    lines = _lines(reports, lang)
    if len(reports) > 1:
        order = tr("按导入顺序预览：每个文件都按它前面的文件导入之后的情况计算（冲突、重复、已有的记录）。")
        lines = [order, "", *lines]
    held = [i for i, r in enumerate(reports) if r.status == "held"]
    if held and held[0] < len(reports) - 1:
        lines.append(tr("预览时没有计入时钟超前的数据包；确认导入它时，它后面的文件结果可能略有不同。"))
    return lines


def _lines(reports: list[Any], lang: str) -> list[str]:
    from exports.bundle_report import format_import

    lines: list[str] = []
    for report in reports:
        lines += format_import(report, lang) + [""]
    return lines


def open_conflicts(window: QMainWindow) -> None:
    """The conflict desk."""
    from ui.sync_desk import ConflictDesk

    ConflictDesk.ask(window, window.db, window.lang, window.open_household)
    window.refresh()


def open_duplicates(window: QMainWindow) -> None:
    """The duplicates desk."""
    from ui.duplicates_desk import DuplicatesDesk

    DuplicatesDesk.ask(window, window.db, window.registry, window.lang, window.open_household, window.refresh)
    window.refresh()


def open_status(window: QMainWindow) -> None:
    """Every enrolled device's sync state."""
    from ui.sync_peers import StatusDialog

    StatusDialog.ask(window, window.db, window.lang)


def open_enrollment(window: QMainWindow) -> None:
    """Keys and enrollment."""
    from ui.sync_enroll import EnrollDialog

    EnrollDialog.ask(window, window.db, window.lang)
