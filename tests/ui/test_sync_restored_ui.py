"""The GUI of a restored database: the status screen shows refusals and what is left to export; restoring a backup
over a database that syncs warns first (Cancel is the default)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from exports import bundle_keys
from tests.conftest import PROJECT_ROOT
from tests.exports.bundle.sites import Site, add_regions, laptop_for, make_site
from tests.models.conftest import VILLAGE, family
from tests.ui.app_fixtures import Answers
from ui import file_actions
from ui.main_window import MainWindow
from ui.sync_peers import StatusDialog

SHOTS = PROJECT_ROOT / "screenshots"


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_keys, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Site, Site]:
    township = make_site(tmp_path / "township", "平襄镇", "township")
    add_regions(township)
    laptop = laptop_for(township, tmp_path, "文峰村工作队")
    yield township, laptop
    for site in (township, laptop):
        site.db.close()


def rows(dialog: StatusDialog) -> list[tuple[str, ...]]:
    return dialog.model._rows  # noqa: SLF001


def test_a_laptops_status_says_what_is_left_to_export_in_words(qtbot: Any, pair: tuple[Site, Site]) -> None:
    township, laptop = pair
    dialog = StatusDialog(None, laptop.db)
    qtbot.addWidget(dialog)
    assert dialog.pending.text() == "本机尚无修改记录，没有待导出的"
    laptop.registry.create_household({"village_code": VILLAGE}, family())
    dialog.reload()
    assert dialog.pending.text().startswith("乡镇尚未确认收到本机记录，本机共 ")
    township.load(laptop.export().path)
    laptop.load(township.export(laptop).path)
    dialog.reload()
    assert dialog.pending.text().startswith("乡镇已确认收到本机全部 ") and rows(dialog)[0][-1] == "正常"
    assert not dialog.refusals.isVisible()


def test_a_refused_bundle_is_shown_in_the_status_not_fine(qtbot: Any, pair: tuple[Site, Site]) -> None:
    township, laptop = pair
    laptop.db.set_setting(
        "sync_refused:" + township.site_id,
        '{"when": "2026-12-01 09:00:00", "file": "a-to-b-0003.jdb", "zh": "乡镇“平襄镇”的第 9 条修改记录…", '
        '"en": "record 9 …", "kind": "fork"}',
    )
    dialog = StatusDialog(None, laptop.db)
    qtbot.addWidget(dialog)
    dialog.show()
    assert rows(dialog)[0][-1] == "数据包被拒收（见下方）"
    assert dialog.refusals.isVisible() and "a-to-b-0003.jdb" in dialog.refusals.text()
    assert "2026-12-01 09:00:00" in dialog.refusals.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "sync-status-refused.png"))


def test_restoring_a_backup_over_a_database_that_syncs_warns_first(
    qtbot: Any, pair: tuple[Site, Site], answers: Answers
) -> None:
    township, laptop = pair
    saved = file_actions.backup.backup_now(laptop.db.path)
    laptop.registry.create_household({"village_code": VILLAGE}, family())
    township.load(laptop.export().path)  # these edits reached the township
    window = MainWindow(laptop.db)
    qtbot.addWidget(window)
    answers.yes = False
    assert file_actions.restore(window, str(saved)) is None
    kind, question = answers.shown[-1]
    assert kind == "confirm" and "作为新设备重新登记" in question and "已经送出" in question
    window.close()


def test_restoring_a_backup_that_loses_nothing_sent_asks_the_plain_question(
    qtbot: Any, pair: tuple[Site, Site], answers: Answers
) -> None:
    _township, laptop = pair
    saved = file_actions.backup.backup_now(laptop.db.path)
    laptop.registry.create_household({"village_code": VILLAGE}, family())  # never exported
    window = MainWindow(laptop.db)
    qtbot.addWidget(window)
    answers.yes = False
    assert file_actions.restore(window, str(saved)) is None
    assert "新设备" not in answers.shown[-1][1]
    window.close()
