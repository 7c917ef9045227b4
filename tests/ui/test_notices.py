"""The notice GUI on a real database: dialog (pre-selected from the procedure), preview, print, save, archive."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from exports.notice_pdf import MissingCharactersError
from exports.notices import build_notice
from models.db import Database, open_database
from models.notice_archive import list_notices
from models.procedures import record_step
from tests.exports.notice_helpers import VILLAGE, make_village, pdf_pages
from ui import messages, notice_archive, notices_menu
from ui.notice_archive import NoticeArchiveDialog
from ui.notice_dialog import NoticeDialog
from ui.notice_preview import NoticePreviewDialog

TODAY = datetime.date(2019, 10, 20)


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for module in (messages,):
        monkeypatch.setattr(module, "show_error", lambda parent, text: shown.append(text))
    return shown


@pytest.fixture
def village(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Three households; the first two have reached the exit notice step."""
    monkeypatch.setenv("JIANDANG_DATA_DIR", str(tmp_path / "data"))
    db = open_database(tmp_path / "gui.db")
    db.set_setting("current_year", "2019")
    ids = make_village(db, ["张三", "李四", "王五"], status="01")
    ahead = ids[:2]
    record_step(
        db,
        ahead,
        "exit",
        "committee_review",
        "2019-10-01",
        "村两委",
        votes={"present": 9, "for": 8, "against": 1},
        year=2019,
        today=TODAY,
    )
    record_step(db, ahead, "exit", "verify", "2019-10-02", "工作队", year=2019, today=TODAY)
    record_step(db, ahead, "exit", "household_sign", "2019-10-03", "户主", year=2019, today=TODAY)
    yield db, ids
    db.close()


def test_dialog_ticks_the_households_at_the_notice_step(qtbot, qtmodeltester, village, errors) -> None:
    db, ids = village
    dialog = NoticeDialog(db)
    qtbot.addWidget(dialog)
    dialog.choose("exit", VILLAGE)
    qtmodeltester.check(dialog.model, force_py=True)
    assert dialog.model.rowCount() == 3
    assert sorted(dialog.model.checked_ids()) == sorted(ids[:2])
    assert "已选 2 / 3 户" in dialog.count.text()
    dialog.model.setData(dialog.model.index(0, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    dialog.days.setValue(10)
    dialog.paper.setCurrentIndex(dialog.paper.findData("A4L"))
    request = dialog.request()
    assert len(request.household_ids) == 1 and request.days == 10 and request.paper == "A4L"
    assert request.kind == "exit" and request.year == 2019 and request.phone == "12317"
    assert request.columns == ("seq", "group", "head", "population", "attribute", "per_capita", "exit_year")
    dialog.model.check_where(lambda row: True, False)
    dialog.accept()
    assert errors == ["请至少选择一户。"] and dialog.result_request is None


def test_funds_and_cards_need_no_ticking_of_households_for_funds(qtbot, village) -> None:
    db, _ = village
    dialog = NoticeDialog(db)
    qtbot.addWidget(dialog)
    dialog.choose("funds", VILLAGE)
    assert not dialog.households_box.isEnabled() and dialog.request().household_ids is None
    dialog.choose("card", VILLAGE)
    assert dialog.model.rowCount() == 3 and len(dialog.model.checked_ids()) == 3
    assert not dialog.columns.isEnabled()


def test_preview_shows_the_real_pdf_and_print_and_save_archive_it_once(
    qtbot, village, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, ids = village
    dialog = NoticeDialog(db)
    qtbot.addWidget(dialog)
    dialog.choose("exit", VILLAGE)
    built = build_notice(db, dialog.request())
    archived: list[str] = []
    preview = NoticePreviewDialog(
        built.rendered.pdf, "退出公示", on_output=lambda: archived.append(notices_menu.archive(db, built).id)
    )
    qtbot.addWidget(preview)
    assert preview.document.pageCount() == built.rendered.pages == 1
    printed = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    monkeypatch.setattr(preview, "ask_printer", pdf_printer)
    preview.print_notice()
    assert preview.outcome == "printed" and len(pdf_pages(printed.read_bytes())) == 1
    saved = tmp_path / "saved.pdf"
    monkeypatch.setattr(preview, "ask_save_path", lambda: str(saved))
    preview.save_notice()
    assert preview.outcome == "saved" and saved.read_bytes() == built.rendered.pdf
    assert len(archived) == 1 and [n.id for n in list_notices(db.conn)] == archived
    assert list_notices(db.conn)[0].path.read_bytes() == built.rendered.pdf


def test_cancelled_print_archives_nothing(qtbot, village, monkeypatch: pytest.MonkeyPatch) -> None:
    db, _ = village
    calls: list[int] = []
    preview = NoticePreviewDialog(b"%PDF-1.4\n%%EOF\n", "x", on_output=lambda: calls.append(1))
    qtbot.addWidget(preview)
    monkeypatch.setattr(preview, "ask_printer", lambda: None)
    monkeypatch.setattr(preview, "ask_save_path", lambda: "")
    preview.print_notice()
    preview.save_notice()
    assert calls == [] and preview.outcome is None


def test_archive_lists_notices_and_reprints_only_an_unchanged_file(
    qtbot, qtmodeltester, village, errors, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, ids = village
    dialog = NoticeDialog(db)
    qtbot.addWidget(dialog)
    dialog.choose("exit", VILLAGE)
    built = build_notice(db, dialog.request())
    notice = notices_menu.archive(db, built)
    archive = NoticeArchiveDialog(db)
    qtbot.addWidget(archive)
    qtmodeltester.check(archive.model, force_py=True)
    assert archive.model.rowCount() == 1
    row = [archive.model.data(archive.model.index(0, c)) for c in range(archive.model.columnCount())]
    assert row[1] == "脱贫退出公示" and row[2] == "文峰村" and row[5] == "2" and row[8] == "完好"
    shown: list[bytes] = []
    monkeypatch.setattr(
        notice_archive.NoticePreviewDialog, "ask", lambda parent, pdf, title, lang="zh": shown.append(pdf)
    )
    archive.reprint(0)
    assert shown == [built.rendered.pdf] and archive.reprinted == notice.id
    notice.path.write_bytes(b"%PDF-1.4 changed")
    archive.reload()
    assert archive.model.data(archive.model.index(0, 8)) == "已被改动"
    archive.reprint(0)
    assert len(shown) == 1 and "SHA-256" in errors[-1]


def test_menu_reports_rare_characters_before_anything_is_printed(
    qtbot, village, errors, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.main_window import MainWindow

    db, _ = village
    window = MainWindow(db)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menu("公示(&N)").actions()]
    assert titles == ["生成公示、公告、明白卡…", "公示存档…"]
    dialog = NoticeDialog(db)
    qtbot.addWidget(dialog)
    dialog.choose("exit", VILLAGE)
    request = dialog.request()
    monkeypatch.setattr(NoticeDialog, "ask", classmethod(lambda cls, *args, **kwargs: request))
    previews: list[str] = []
    monkeypatch.setattr(
        NoticePreviewDialog, "ask", classmethod(lambda cls, parent, pdf, title, *a: previews.append(title))
    )
    notices_menu.open_notice_dialog(window)
    assert previews == ["文峰村2019年脱贫退出公示"] and errors == []

    def missing(db: Database, request: object) -> object:
        raise MissingCharactersError([("𠮷", "王𠮷")])

    monkeypatch.setattr(notices_menu, "build_notice", missing)
    assert notices_menu.open_notice_dialog(window) is None
    assert len(previews) == 1 and "𠮷（U+20BB7，王𠮷）" in errors[-1]


def test_qt_pdf_comes_from_the_pinned_package() -> None:
    """The preview's QtPdf is installed by requirements.txt, at the version of the rest of PySide6."""
    requirements = (Path(__file__).resolve().parents[2] / "requirements.txt").read_text(encoding="utf-8")
    pins = dict(line.split("==") for line in requirements.splitlines() if "==" in line and not line.startswith("#"))
    assert pins["PySide6-Addons"] == pins["PySide6-Essentials"]
