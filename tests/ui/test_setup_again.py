"""The first-start setup after the first start: back from the demo township through 最近打开 or a new start,
and 工具 → 初始设置… after 以后再说."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from models.db import Database, open_database
from models.registry import Registry
from models.settings import get_setting
from tests.ui.app_fixtures import Answers, script_dialog
from ui import app as app_module
from ui import prefs
from ui.first_start import FirstStartDialog
from ui.main_window import MainWindow
from ui.settings_dialog import SettingsDialog


def visible_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def fill_own_village(dialog: FirstStartDialog) -> bool:
    dialog.township.set_value("621121103")
    dialog.township_name.insert("西岩镇")
    dialog.typed_villages.setPlainText("621121103201 文峰村")
    dialog.operator.insert("王明")
    return True


def test_recent_files_back_to_the_own_empty_registry_offers_the_setup(
    qtbot, monkeypatch, demo_db: Database, answers: Answers, tmp_path: Path
) -> None:
    own = tmp_path / "jiandang.db"
    open_database(own).close()
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    window.owns_db = False
    seen = script_dialog(monkeypatch, FirstStartDialog, [fill_own_village])
    switched = window.reopen(str(own))  # what 文件 → 最近打开 does
    qtbot.addWidget(switched)
    assert len(seen) == 1 and Path(switched.db.path) == own
    assert get_setting(switched.db, "scope") == ["621121103201"]
    assert [v["name"] for v in switched.registry.villages()] == ["文峰村"]  # 新建户 now offers the village
    language = switched.reopen(lang="zh")  # the same file again (a language switch): not asked again
    qtbot.addWidget(language)
    assert len(seen) == 1


def test_the_start_after_a_demo_session_returns_to_the_own_database(
    qapp, answers: Answers, demo_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("JIANDANG_DATA_DIR", str(data))
    open_database(data / "jiandang.db").close()
    shutil.copy(demo_template, data / "demo.db")
    prefs.add_recent(str(data / "jiandang.db"))
    prefs.add_recent(str(data / "demo.db"))  # the demo was opened last
    asked: list[str] = []
    monkeypatch.setattr(FirstStartDialog, "ask", classmethod(lambda cls, parent, registry, lang: asked.append(lang)))
    shown: list[str] = []
    monkeypatch.setattr(app_module, "event_loop", lambda app: shown.extend(w.db.path for w in visible_windows()) or 0)
    assert app_module.run(None, "zh") == 0
    assert shown == [str(data / "jiandang.db")] and asked == ["zh"]  # own data, still unset: the setup again
    assert prefs.recent_files()[1] == str((data / "demo.db").resolve())  # the demo stays one click away


def test_after_later_the_tools_menu_offers_the_setup_again_and_the_status_bar_says_so(
    qtbot, monkeypatch, db: Database, answers: Answers
) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    seen = script_dialog(monkeypatch, FirstStartDialog, [lambda dialog: False, fill_own_village])
    window.offer_demo_if_empty()  # 以后再说
    qtbot.waitUntil(lambda: "初始设置" in window.count_label.text())
    assert "还没有登记村" in window.count_label.text()
    action = next(a for a in window.menu("工具").actions() if "初始设置" in a.text())
    action.trigger()
    assert len(seen) == 2 and [v["name"] for v in Registry(db).villages()] == ["文峰村"]
    qtbot.waitUntil(lambda: "初始设置" not in window.count_label.text())


def test_once_set_up_the_menu_entry_opens_the_townships_and_villages_page(
    qtbot, monkeypatch, village_registry: Registry, answers: Answers
) -> None:
    village_registry.db.set_setting("scope", '["621121103201"]')
    window = MainWindow(village_registry.db)
    qtbot.addWidget(window)
    pages: list[str] = []
    script_dialog(monkeypatch, SettingsDialog, [lambda d: pages.append(d.tabs.tabText(d.tabs.currentIndex())) or False])
    script_dialog(monkeypatch, FirstStartDialog, [])
    window.run_setup()
    assert pages == ["乡镇和村"]
