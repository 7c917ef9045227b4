"""The 同步 screens: a revoked device is re-enabled only on an explicit Yes; an export says it kept an older file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from exports import bundle_keys
from tests.conftest import PROJECT_ROOT
from tests.exports.bundle.sites import PASSPHRASE, add_regions, laptop_for, make_site
from tests.ui.app_fixtures import Answers, script_dialog
from ui import sync_dialogs, sync_menu
from ui.main_window import MainWindow
from ui.sync_dialogs import ExportDialog, PassphraseDialog
from ui.sync_enroll import EnrollDialog

SHOTS = PROJECT_ROOT / "screenshots"


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_keys, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


def test_enrolling_a_revoked_laptop_asks_naming_the_revocation_and_no_keeps_it_revoked(
    qtbot: Any, tmp_path: Path, answers: Answers
) -> None:
    township = make_site(tmp_path / "township", "平襄镇", "township")
    add_regions(township)
    laptop = laptop_for(township, tmp_path, "工作队b")
    key_file = tmp_path / "lap_b.jdkey"
    key_file.write_bytes(bundle_keys.key_file_bytes(laptop.keys))
    when = bundle_keys.revoke(township.db, laptop.site_id).revoked
    dialog = EnrollDialog(None, township.db)
    qtbot.addWidget(dialog)
    answers.yes = False
    assert not dialog.enroll_file(str(key_file))
    assert answers.kinds() == ["confirm"]  # asked before anything else, and No is the safe default
    assert f"工作队b（设备编号 {laptop.site_id[:8]}）已于 {when[:16]} 吊销" in answers.shown[0][1]
    assert bundle_keys.find_peer(township.db, laptop.site_id).revoked == when
    answers.yes = True
    assert dialog.enroll_file(str(key_file))
    assert answers.kinds()[1:] == ["confirm", "ask", "info"]  # then the fingerprint, as for any enrollment
    assert bundle_keys.find_peer(township.db, laptop.site_id).revoked is None
    box = QMessageBox(QMessageBox.Icon.Warning, "重新启用已吊销的设备？", answers.shown[1][1])
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    SHOTS.mkdir(exist_ok=True)
    box.show()
    box.grab().save(str(SHOTS / "sync-reenroll-revoked.png"))
    for site in (township, laptop):
        site.db.close()


def test_an_export_to_a_stick_holding_a_bundle_of_the_same_name_keeps_it_and_says_so(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    township = make_site(tmp_path / "township", "平襄镇", "township")
    add_regions(township)
    laptop = laptop_for(township, tmp_path, "文峰村工作队")
    window = MainWindow(laptop.db)
    qtbot.addWidget(window)
    stick = tmp_path / "stick"
    stick.mkdir()
    monkeypatch.setattr(sync_dialogs, "removable_volumes", lambda: [])
    monkeypatch.setattr(sync_dialogs, "choose_folder", lambda parent: str(stick))

    def pick(dialog: ExportDialog) -> bool:
        dialog._choose_folder()
        return True

    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, parent, confirm=False: PASSPHRASE))
    script_dialog(monkeypatch, ExportDialog, [pick, pick])
    first = sync_menu.export_to_stick(window)
    original = first.path.read_bytes()
    laptop.db.conn.execute("UPDATE sync_peers SET exports = exports - 1")  # as after restoring an older copy
    second = sync_menu.export_to_stick(window)
    assert first.path.read_bytes() == original and second.path != first.path
    shown = answers.shown[-1][1]
    assert "可以安全拔出" in shown and f"已有同名的 {first.path.name}" in shown and second.path.name in shown
    box = QMessageBox(QMessageBox.Icon.Information, "建档", shown)
    qtbot.addWidget(box)
    box.show()
    box.grab().save(str(SHOTS / "sync-export-kept.png"))
    for site in (township, laptop):
        site.db.close()
