"""A wrong sync passphrase in the window names the menu and buttons, never the CLI commands (review s6 #4)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exports import bundle_keys
from tests.exports.bundle.sites import add_regions, laptop_for, make_site
from tests.ui.app_fixtures import Answers, script_dialog
from ui import sync_dialogs, sync_menu
from ui.main_window import MainWindow
from ui.sync_dialogs import ExportDialog, PassphraseDialog
from ui.sync_enroll import EnrollDialog


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_keys, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


def test_export_with_a_wrong_passphrase_points_to_the_buttons(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    township = make_site(tmp_path / "township", "平襄镇", "township")
    add_regions(township)
    laptop = laptop_for(township, tmp_path, "文峰村工作队")
    window = MainWindow(laptop.db)
    qtbot.addWidget(window)
    monkeypatch.setattr(sync_dialogs, "removable_volumes", lambda: [])
    monkeypatch.setattr(sync_dialogs, "choose_folder", lambda parent: str(tmp_path))
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, parent, confirm=False: "forgotten it"))

    def pick(dialog: ExportDialog) -> bool:
        dialog._choose_folder()
        return True

    script_dialog(monkeypatch, ExportDialog, [pick, pick])
    assert sync_menu.export_to_stick(window) is None
    zh = answers.shown[-1][1]
    assert zh.startswith("同步密码不对。") and "“同步 → 同步密钥与设备登记…”中点“重新生成密钥…”" in zh
    assert "“更改同步密码…”" in zh and "bundle" not in zh
    window.lang = "en"
    sync_menu.export_to_stick(window)
    en = answers.shown[-1][1]
    assert "'Make new keys…' under Sync → Sync keys and device enrollment…" in en and "bundle" not in en
    assert answers.kinds() == ["error", "error"]
    dialog = EnrollDialog(None, laptop.db)
    qtbot.addWidget(dialog)
    assert not dialog.write_key_file(str(tmp_path / "mine.jdkey"))
    assert answers.shown[-1][1] == zh
    for site in (township, laptop):
        site.db.close()
