"""同步密钥与设备登记: change the passphrase, make new keys, and replace a re-keyed device's key only on a Yes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from exports import bundle_keys
from exports.bundle_rekey import rekey
from tests.conftest import PROJECT_ROOT
from tests.exports.bundle.sites import PASSPHRASE, add_regions, laptop_for, make_site
from tests.ui.app_fixtures import Answers, script_dialog
from ui.sync_dialogs import PassphraseDialog
from ui.sync_enroll import EnrollDialog
from ui.sync_rekey import ChangePassphraseDialog

SHOTS = PROJECT_ROOT / "screenshots"
NEW = "a brand new passphrase"


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_keys, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


def _fill(old: str, new: str, again: str) -> Any:
    def step(dialog: ChangePassphraseDialog) -> bool:
        dialog.old.setText(old)
        dialog.new.setText(new)
        dialog.again.setText(again)
        return True

    return step


def test_the_passphrase_is_changed_with_the_old_one_and_the_fingerprint_stays(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    site = make_site(tmp_path / "laptop", "文峰村工作队", "village")
    dialog = EnrollDialog(None, site.db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.maintain.isVisible() and not dialog.create.isVisible()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "sync-keys-maintain.png"))
    fingerprint = site.keys.identity.fingerprint

    def mismatch_then_cancel(d: ChangePassphraseDialog) -> bool:
        _fill(PASSPHRASE, NEW, NEW + "x")(d)
        d.accept()  # refused: the two new ones differ
        assert d.isVisible() and "不一样" in d.problem.text()
        d.grab().save(str(SHOTS / "sync-change-passphrase.png"))
        return False

    def wrong_old_then_cancel(d: ChangePassphraseDialog) -> bool:
        """Review s6 #4: the dialog stays open and says the current passphrase is wrong, naming the GUI way out."""
        _fill("wrong one!", NEW, NEW)(d)
        d.accept()
        text = d.problem.text()
        assert d.isVisible() and text.startswith("原来的同步密码不对。") and "“重新生成密钥…”" in text
        assert "bundle" not in text and "更改同步密码" not in text and d.new.text() == NEW
        d.grab().save(str(SHOTS / "sync-change-passphrase-wrong.png"))
        return False

    script_dialog(
        monkeypatch,
        ChangePassphraseDialog,
        [mismatch_then_cancel, wrong_old_then_cancel, _fill(PASSPHRASE, NEW, NEW)],
    )
    assert not dialog.change_passphrase() and answers.shown == []
    assert not dialog.change_passphrase() and answers.shown == []
    bundle_keys.unlock(site.db, PASSPHRASE)  # a wrong old passphrase changed nothing
    assert dialog.change_passphrase()
    assert answers.kinds()[-1] == "info" and "不需要重新登记" in answers.shown[-1][1]
    with pytest.raises(bundle_keys.SyncKeyError):
        bundle_keys.unlock(site.db, PASSPHRASE)
    assert bundle_keys.unlock(site.db, NEW).identity.fingerprint == fingerprint
    assert fingerprint in dialog.fingerprint.text()
    site.db.close()


def test_new_keys_are_made_only_after_a_yes_and_show_both_fingerprints(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    site = make_site(tmp_path / "township", "平襄镇", "township")
    dialog = EnrollDialog(None, site.db)
    qtbot.addWidget(dialog)
    old = site.keys.identity.fingerprint
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, parent, confirm=False: NEW))
    answers.yes = False
    assert not dialog.make_new_keys()
    assert answers.kinds() == ["confirm"] and "每台村里的电脑" in answers.shown[0][1]
    assert bundle_keys.identity(site.db).fingerprint == old
    answers.yes = True
    assert dialog.make_new_keys()
    new = bundle_keys.identity(site.db).fingerprint
    assert new != old and answers.kinds()[-1] == "info"
    assert old in answers.shown[-1][1] and new in answers.shown[-1][1]
    assert new in dialog.fingerprint.text()
    assert bundle_keys.unlock(site.db, NEW).identity.site_id == site.site_id
    site.db.close()


def test_a_rekeyed_laptops_key_file_replaces_its_key_only_on_a_yes_naming_both_fingerprints(
    qtbot: Any, tmp_path: Path, answers: Answers
) -> None:
    township = make_site(tmp_path / "township", "平襄镇", "township")
    add_regions(township)
    laptop = laptop_for(township, tmp_path, "工作队b")
    old = laptop.keys.identity.fingerprint
    rekey(laptop.db, NEW)
    keys = bundle_keys.unlock(laptop.db, NEW)
    key_file = tmp_path / "lap_b_new.jdkey"
    key_file.write_bytes(bundle_keys.key_file_bytes(keys))
    dialog = EnrollDialog(None, township.db)
    qtbot.addWidget(dialog)
    answers.yes = False
    assert not dialog.enroll_file(str(key_file))
    assert answers.kinds() == ["confirm"]
    text = answers.shown[0][1]
    assert old in text and keys.identity.fingerprint in text and "复制" in text
    assert bundle_keys.find_peer(township.db, laptop.site_id).fingerprint == old
    answers.yes = True
    assert dialog.enroll_file(str(key_file))
    assert answers.kinds()[1:] == ["confirm", "ask", "info"]  # then the fingerprint check, as for any enrollment
    assert bundle_keys.find_peer(township.db, laptop.site_id).fingerprint == keys.identity.fingerprint
    box = QMessageBox(QMessageBox.Icon.Warning, "替换这台设备的密钥？", text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    qtbot.addWidget(box)
    box.show()
    box.grab().save(str(SHOTS / "sync-replace-key.png"))
    for site in (township, laptop):
        site.db.close()


def test_the_import_menu_explains_a_bundle_signed_with_a_replaced_key(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    from exports.bundle_keys import enroll, read_key_file
    from ui import sync_menu
    from ui.main_window import MainWindow
    from ui.sync_dialogs import ReportDialog

    township = make_site(tmp_path / "township", "平襄镇", "township")
    add_regions(township)
    laptop = laptop_for(township, tmp_path, "工作队b")
    old_bundle = laptop.export().path  # still on the stick when the laptop makes new keys
    rekey(laptop.db, NEW)
    key_file = tmp_path / "lap_b_new.jdkey"
    key_file.write_bytes(bundle_keys.key_file_bytes(bundle_keys.unlock(laptop.db, NEW)))
    enroll(township.db, read_key_file(key_file), replace_key=True)
    window = MainWindow(township.db)
    qtbot.addWidget(window)
    monkeypatch.setattr(sync_menu, "choose_bundles", lambda parent: [str(old_bundle)])
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, parent, confirm=False: PASSPHRASE))
    shown: list[list[str]] = []

    def report(cls: Any, parent: Any, lines: list[str], preview: bool, held: bool = False, can_import: bool = True):
        shown.append(lines)

    monkeypatch.setattr(ReportDialog, "ask", classmethod(report))
    sync_menu.import_from_stick(window)
    assert any("更换了同步密钥" in line and "重新导出" in line for line in shown[0])
    for site in (township, laptop):
        site.db.close()
