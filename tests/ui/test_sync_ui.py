"""The 同步 menu: export and import through the menu (preview first), the desks, status, enrollment; screenshots.

The PNGs go to ``screenshots/sync-*.png`` to be looked at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

from exports import bundle_keys
from models.db import open_database
from tests.conftest import PROJECT_ROOT
from tests.exports.bundle.sites import PASSPHRASE, Site, add_regions, laptop_for, make_site, sync
from tests.models.conftest import VILLAGE, family
from tests.ui.app_fixtures import Answers, script_dialog
from ui import sync_dialogs, sync_menu
from ui.duplicates_desk import DuplicatesDesk
from ui.main_window import MainWindow
from ui.sync_desk import ConflictDesk, ConflictsTableModel
from ui.sync_dialogs import ExportDialog, PassphraseDialog, ReportDialog
from ui.sync_enroll import EnrollDialog
from ui.sync_peers import StatusDialog

SHOTS = PROJECT_ROOT / "screenshots"


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_keys, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


@pytest.fixture
def sites(tmp_path: Path) -> dict[str, Site]:
    """A township with two laptops whose edits of one phone number conflict, and one duplicate person."""
    township = make_site(tmp_path / "township", "平襄镇", "township")
    add_regions(township)
    one, two = laptop_for(township, tmp_path, "文峰村工作队"), laptop_for(township, tmp_path, "石峰村工作队")
    two.registry.create_household({"village_code": VILLAGE, "household_no": "202"}, family(1)[:1])  # 张三, again
    hid = one.registry.create_household(
        {"village_code": VILLAGE, "phone": "13900000001", "household_no": "101"}, family(1)
    )
    sync(one, township)
    two.load(township.export(two).path)
    one.registry.update_household(hid, {"phone": "13900000002"})
    two.registry.update_household(hid, {"phone": "13900000003"})
    township.load(one.export().path)
    yield {"township": township, "one": one, "two": two, "bundle": two.export().path}
    for site in (township, one, two):
        site.db.close()


def shoot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.resize(widget.size())
    widget.show()
    widget.grab().save(str(SHOTS / f"sync-{name}.png"))


def test_the_sync_menu_is_installed(qtbot: Any, sites: dict[str, Site]) -> None:
    window = MainWindow(sites["township"].db)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menu("同步").actions() if a.text()]
    assert titles[:2] == ["导出数据包到 U 盘…", "导入数据包…"] and "冲突处理…" in titles


def test_import_through_the_menu_previews_first_then_imports_and_reports(
    qtbot: Any, sites: dict[str, Site], monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    township = sites["township"]
    window = MainWindow(township.db)
    qtbot.addWidget(window)
    monkeypatch.setattr(sync_menu, "choose_bundles", lambda parent: [str(sites["bundle"])])
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, parent, confirm=False: PASSPHRASE))
    shown: list[tuple[bool, list[str]]] = []

    def report(
        cls: Any, parent: Any, lines: list[str], preview: bool, held: bool = False, can_import: bool = True
    ) -> Any:
        shown.append((preview, lines))
        assert can_import
        if preview:
            assert township.db.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 1
            dialog = ReportDialog(parent, lines, preview, held)
            shoot(dialog, "import-preview")
            return {"accept_clock": False}
        shoot(ReportDialog(parent, lines, preview, held), "import-report")
        return None

    monkeypatch.setattr(ReportDialog, "ask", classmethod(report))
    reports = sync_menu.import_from_stick(window)
    assert [r.status for r in reports] == ["imported"]
    assert [p for p, _ in shown] == [True, False]
    assert any("将导入" in line for line in shown[0][1]) and any("冲突：新增 1" in line for line in shown[1][1])
    assert township.db.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 2
    newest = township.db.conn.execute("SELECT max(hlc) FROM change_log").fetchone()[0]
    assert township.db.clock.last >= newest  # the next edit here is dated after what was imported


def test_a_bad_file_among_the_chosen_is_shown_and_left_out_and_alone_offers_no_import(
    qtbot: Any, sites: dict[str, Site], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    township = sites["township"]
    window = MainWindow(township.db)
    qtbot.addWidget(window)
    cut = tmp_path / "cut.jdb"
    cut.write_bytes(sites["bundle"].read_bytes()[:300])
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, parent, confirm=False: PASSPHRASE))
    offered: list[bool] = []

    def report(
        cls: Any, parent: Any, lines: list[str], preview: bool, held: bool = False, can_import: bool = True
    ) -> Any:
        if preview:
            offered.append(can_import)
            dialog = ReportDialog(parent, lines, preview, held, can_import)
            labels = [b.text() for b in dialog.findChildren(QPushButton)]
            assert ("导入" in labels) == can_import
            if not can_import:
                shoot(dialog, "import-nothing")
        return {"accept_clock": False} if preview and can_import else None

    monkeypatch.setattr(ReportDialog, "ask", classmethod(report))
    monkeypatch.setattr(sync_menu, "choose_bundles", lambda parent: [str(cut)])
    assert sync_menu.import_from_stick(window) is None and offered == [False]
    monkeypatch.setattr(sync_menu, "choose_bundles", lambda parent: [str(cut), str(sites["bundle"])])
    reports = sync_menu.import_from_stick(window)
    assert offered == [False, True] and [r.status for r in reports] == ["imported"]


def test_export_through_the_menu_writes_a_verified_bundle(
    qtbot: Any, sites: dict[str, Site], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    laptop = sites["one"]
    window = MainWindow(laptop.db)
    qtbot.addWidget(window)
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(sync_dialogs, "removable_volumes", lambda: [])
    monkeypatch.setattr(sync_dialogs, "choose_folder", lambda parent: str(stick))

    def pick(dialog: ExportDialog) -> bool:
        assert not dialog.export_button.isEnabled()  # no stick, no folder: nothing to export to yet
        dialog._choose_folder()
        assert dialog.export_button.isEnabled()
        shoot(dialog, "export")
        return True

    script_dialog(monkeypatch, ExportDialog, [pick])
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, parent, confirm=False: PASSPHRASE))
    result = sync_menu.export_to_stick(window)
    assert result.path.parent == stick and result.records > 0
    assert answers.kinds() == ["info"] and "可以安全拔出" in answers.shown[0][1]


def test_the_conflict_desk_shows_both_sides_and_keep_b_wins(
    qtbot: Any, qtmodeltester: Any, sites: dict[str, Site], answers: Answers
) -> None:
    township = sites["township"]
    township.load(sites["bundle"])
    desk = ConflictDesk(None, township.db)
    qtbot.addWidget(desk)
    qtmodeltester.check(desk.model)
    assert desk.model.rowCount() == 1
    row = [desk.model.data(desk.model.index(0, c)) for c in range(desk.model.columnCount())]
    assert row[1] == "两处修改了同一字段" and row[2] == "联系电话"
    assert row[3] == "13900000003" and row[5] == "13900000002"
    assert "石峰村工作队" in row[4] and "文峰村工作队" in row[6]
    shoot(desk, "conflict-desk")
    assert desk.decide("keep_b")
    assert desk.model.rowCount() == 0
    phone = township.db.conn.execute("SELECT phone FROM households WHERE household_no = '101'").fetchone()[0]
    assert phone == "13900000002"


def test_the_conflict_desk_takes_a_new_value(qtbot: Any, sites: dict[str, Site], answers: Answers) -> None:
    township = sites["township"]
    township.load(sites["bundle"])
    desk = ConflictDesk(None, township.db)
    qtbot.addWidget(desk)
    assert desk.decide("new", typed="13900000009")
    assert (
        township.db.conn.execute("SELECT phone FROM households WHERE household_no = '101'").fetchone()[0]
        == "13900000009"
    )


def test_status_and_duplicates_desks(qtbot: Any, qtmodeltester: Any, sites: dict[str, Site], answers: Answers) -> None:
    township = sites["township"]
    township.load(sites["bundle"])
    status = StatusDialog(None, township.db)
    qtbot.addWidget(status)
    qtmodeltester.check(status.model)
    assert status.model.rowCount() == 2
    shoot(status, "status")
    desk = DuplicatesDesk(None, township.db, township.registry)
    qtbot.addWidget(desk)
    qtmodeltester.check(desk.model)
    assert desk.model.rowCount() == 2  # 张三 registered in households 101 and 202
    shoot(desk, "duplicates")
    actions = [b for b in desk.findChildren(QPushButton) if "所选" in b.text() or "合并" in b.text()]
    assert len(actions) == 4 and not any(b.isEnabled() for b in actions)  # nothing selected yet
    desk.table.selectRow([p.household_no for p in desk.model.people].index("202"))  # the registration typed again
    assert all(b.isEnabled() for b in actions)
    assert desk.remove_selected()
    assert desk.model.rowCount() == 0 and not any(b.isEnabled() for b in actions)
    assert not status.revoke_button.isEnabled()
    status.table.selectRow(0)
    assert status.revoke_button.isEnabled()


def test_enrollment_screens_create_keys_write_and_enroll_with_fingerprints(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    township = make_site(tmp_path / "t", "平襄镇", "township")
    db = open_database(tmp_path / "new-laptop.db")
    dialog = EnrollDialog(None, db)
    qtbot.addWidget(dialog)
    shoot(dialog, "enroll-new")
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, parent, confirm=False: PASSPHRASE))
    dialog.name.setText("文峰村工作队")
    assert dialog.create_keys()
    assert dialog.write_key_file(str(tmp_path / "laptop.jdkey"))
    bundle_keys.enroll(township.db, bundle_keys.read_key_file(tmp_path / "laptop.jdkey"))
    (tmp_path / "township.jdkey").write_bytes(bundle_keys.key_file_bytes(township.keys))
    assert dialog.enroll_file(str(tmp_path / "township.jdkey"))
    asked = [text for kind, text in answers.shown if kind == "ask"]
    assert township.keys.identity.fingerprint in asked[0]
    shoot(dialog, "enroll")
    new_township = make_site(tmp_path / "t2", "新平襄镇", "township")  # the township made new keys
    (tmp_path / "new.jdkey").write_bytes(bundle_keys.key_file_bytes(new_township.keys))
    assert dialog.enroll_file(str(tmp_path / "new.jdkey"))
    asked = [text for kind, text in answers.shown if kind == "ask"]
    assert "原来的乡镇 平襄镇 将停用" in asked[-1] and "只发给 新平襄镇" in asked[-1]
    db.close()
    township.db.close()
    new_township.db.close()


def test_the_passphrase_dialog_refuses_a_short_or_mismatched_passphrase(qtbot: Any) -> None:
    dialog = PassphraseDialog(None, confirm=True)
    qtbot.addWidget(dialog)
    dialog.first.setText("short")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and "8" in dialog.problem.text()
    dialog.first.setText("long enough 1")
    dialog.second.setText("long enough 2")
    dialog.accept()
    assert "不一样" in dialog.problem.text()


def test_the_conflicts_model_is_empty_without_conflicts(qtmodeltester: Any) -> None:
    model = ConflictsTableModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_the_desk_describes_records_and_devices_in_english(sites: dict[str, Site]) -> None:
    from models.sync_desk import desk_items
    from models.sync_resolve import site_name

    township = sites["township"]
    township.load(sites["bundle"])
    item = desk_items(township.db, lang="en")[0]
    assert item.record.endswith("household") and "户" not in item.record
    assert site_name(township.db, township.db.site_id, "en") == "this computer"
    assert desk_items(township.db)[0].record.endswith("户")


def test_the_printed_report_is_a_pdf_with_its_text_and_a_bad_target_is_reported(
    qtbot: Any, tmp_path: Path, answers: Answers
) -> None:
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    dialog = ReportDialog(None, ["导入报告：2026-11-30 10:00，操作员 王明", "", "新增 12 户"], False, False)
    qtbot.addWidget(dialog)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "report.pdf"))
    assert dialog.print_to(printer)
    text = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True).stdout
    assert "操作员 王明" in text and "新增 12 户" in text
    printer.setOutputFileName(str(tmp_path / "no-such-folder" / "report.pdf"))
    assert not dialog.print_to(printer)
    assert answers.kinds() == ["error"] and "没有写出" in answers.shown[0][1]
