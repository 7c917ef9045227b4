"""The import preview of several bundles through the 同步 menu shows what the import then does; screenshot.

The PNG goes to ``screenshots/sync-import-preview-several.png`` to be looked at.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exports import bundle_keys
from tests.exports.bundle.sites import PASSPHRASE, Site, add_regions, laptop_for, make_site
from tests.exports.bundle.test_bundle_preview import clerk_scene
from tests.ui.app_fixtures import Answers
from tests.ui.test_sync_ui import shoot
from ui import sync_menu
from ui.main_window import MainWindow
from ui.sync_dialogs import PassphraseDialog, ReportDialog


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_keys, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


@pytest.fixture
def township(tmp_path: Path) -> Site:
    site = make_site(tmp_path / "township", "平襄镇", "township")
    add_regions(site)
    yield site
    site.db.close()


def _block(lines: list[str], name: str) -> list[str]:
    """The report lines of the file called ``name``."""
    start = next(i for i, line in enumerate(lines) if line.startswith("文件：") and line.endswith(name))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("文件：")), len(lines))
    return [line for line in lines[start + 1 : end] if line and not line.startswith(("来自", "将导入", "已导入"))]


def test_the_preview_of_d_then_c_0007_and_0006_matches_the_import_report(
    qtbot: Any, township: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    c, d = laptop_for(township, tmp_path, "文峰村工作队"), laptop_for(township, tmp_path, "石峰村工作队")
    paths = clerk_scene(township, c, d)
    window = MainWindow(township.db)
    qtbot.addWidget(window)
    monkeypatch.setattr(sync_menu, "choose_bundles", lambda parent: [str(p) for p in paths])
    monkeypatch.setattr(PassphraseDialog, "ask", classmethod(lambda cls, parent, confirm=False: PASSPHRASE))
    shown: list[list[str]] = []

    def report(cls: Any, parent: Any, lines: list[str], preview: bool, held: bool = False, can_import: bool = True):
        shown.append(lines)
        if preview:
            shoot(ReportDialog(parent, lines, preview, held, can_import), "import-preview-several")
            return {"accept_clock": False}
        return None

    monkeypatch.setattr(ReportDialog, "ask", classmethod(report))
    reports = sync_menu.import_from_stick(window)
    assert [r.status for r in reports] == ["imported"] * 3
    preview, result = shown
    assert preview[0].startswith("按导入顺序预览")
    for path in paths:  # every count line of every file: the same in the preview and the report
        assert _block(preview, path.name) == _block(result, path.name)
    assert any(line.startswith("冲突：新增") and not line.startswith("冲突：新增 0") for line in preview)
    assert any(line.startswith("可能重复登记") for line in preview)
    for site in (c, d):
        site.db.close()
