"""The first hour: built-in help (F1) that matches the real menus, the About dialog, tooltips, ``--smoke``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from models import __version__, paths
from models.db import Database, open_database
from models.registry import Registry
from tests.conftest import PROJECT_ROOT
from tests.ui.app_fixtures import Answers
from tests.ui.test_screenshots import clipped, missing_glyphs, visible_texts
from ui.about_dialog import AboutDialog
from ui.app import install_translations
from ui.code_labels import CodeLabels
from ui.first_start import FirstStartDialog
from ui.help_dialog import HelpDialog, help_file
from ui.household_editor import HouseholdEditor
from ui.main_window import MainWindow
from ui.member_dialog import MemberDialog
from ui.smoke import painted, run_smoke

DAILY_TASKS = {
    "zh": ("登记一户", "记录帮扶措施", "办理程序步骤", "打印公示", "用 U 盘同步"),
    "en": (
        "Register a household",
        "Record an assistance measure",
        "Run a procedure step",
        "Print a public notice",
        "Sync by USB stick",
    ),
}


def plain(text: str) -> str:
    """A menu or button text without its mnemonic: "文件(&F)" -> "文件", "&File" -> "File"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "").strip()


def marked(lang: str, kind: str) -> set[str]:
    """The texts the help marks as menu paths (``menu``) or words of dialogs (``ui``)."""
    html = Path(help_file(lang)).read_text(encoding="utf-8")
    return {m.replace("&amp;", "&") for m in re.findall(rf'<span class="{kind}">([^<]+)</span>', html)}


def menu_paths(window: MainWindow) -> set[str]:
    """Every "Menu → Command" of the window, mnemonics removed."""
    found = set()

    def walk(menu: QMenu, prefix: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            path = f"{prefix} → {plain(action.text())}"
            found.add(path)
            if action.menu() is not None:
                walk(action.menu(), path)

    for action in window.menuBar().actions():
        walk(action.menu(), plain(action.text()))
    return found


@pytest.fixture
def window(qtbot, demo_db: Database, answers: Answers) -> MainWindow:
    main = MainWindow(demo_db)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def english() -> Iterator[None]:
    install_translations("en")
    yield
    install_translations("zh")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_help_explains_each_daily_task(qtbot, lang: str) -> None:
    dialog = HelpDialog(lang)
    qtbot.addWidget(dialog)
    for task in DAILY_TASKS[lang]:
        assert task in dialog.text()
    assert "F1" in dialog.text()


def test_every_menu_named_in_the_chinese_help_exists(window: MainWindow) -> None:
    named = marked("zh", "menu") - {"菜单 → 命令"}
    assert named - menu_paths(window) == set()
    assert len(named) >= 15


@pytest.mark.usefixtures("english")
def test_every_menu_named_in_the_english_help_exists(qtbot, demo_db: Database, answers: Answers) -> None:
    main = MainWindow(demo_db, "en")
    qtbot.addWidget(main)
    named = marked("en", "menu") - {"Menu → Command"}
    assert named - menu_paths(main) == set()


def test_words_of_dialogs_in_the_help_are_the_programs_own() -> None:
    sources = "".join(p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "ui").glob("*.py"))
    shown_zh = {plain(s) for s in re.findall(r'tr\(\s*"([^"]+)"', sources)}
    assert marked("zh", "ui") - shown_zh == set()
    ts = ET.parse(PROJECT_ROOT / "resources" / "i18n" / "jiandang_en.ts").getroot()
    shown_en = {plain(t.text) for t in ts.iter("translation") if t.text}
    assert marked("en", "ui") - shown_en == set()


def test_f1_opens_the_help_beside_the_work(qtbot, window: MainWindow) -> None:
    action = next(
        a
        for a in window.findChildren(type(window.menuBar().actions()[0]))
        if a.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    )
    assert plain(action.text()) == "使用帮助"
    action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog) and w.isVisible())
    assert not dialog.isModal()
    assert HelpDialog.ask(window, "zh") is dialog  # pressed again: the same window comes forward
    dialog.close()


def test_the_help_renders_without_missing_glyphs(qtbot) -> None:
    dialog = HelpDialog("zh")
    qtbot.addWidget(dialog)
    assert missing_glyphs([dialog.text()]) == set()


def test_about_shows_version_data_folder_database_and_versions(qtbot, db: Database, answers: Answers) -> None:
    dialog = AboutDialog(db.path, "zh")
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.text()
    assert __version__ in text
    assert f"数据文件夹: {paths.data_dir()}" in text
    assert f"数据库: {db.path}" in text
    assert f"Python {sys.version_info.major}.{sys.version_info.minor}" in text and "Qt 6" in text
    assert "LGPL" in " ".join(t for _, t in visible_texts(dialog))
    assert clipped(dialog) == []
    dialog.copy_facts()
    assert str(paths.data_dir()) in QApplication.clipboard().text()


def test_about_is_in_the_help_menu(qtbot, monkeypatch, window: MainWindow) -> None:
    seen = []
    monkeypatch.setattr(AboutDialog, "exec", lambda dialog: seen.append(dialog.text()) or 0)
    action = next(a for a in window.menu("帮助").actions() if plain(a.text()) == "关于建档")
    action.trigger()
    assert seen and window.db.path in seen[0]


def test_about_tells_a_portable_install(qtbot, monkeypatch, tmp_path: Path, db: Database) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV)
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path)
    (tmp_path / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    dialog = AboutDialog(db.path, "zh")
    qtbot.addWidget(dialog)
    assert f"数据文件夹: {tmp_path / 'data'}" in dialog.text() and "便携版" in dialog.text()


def test_non_obvious_household_fields_carry_the_national_forms_meaning(qtbot, demo_db: Database) -> None:
    registry = Registry(demo_db)
    household_id = demo_db.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
    editor = HouseholdEditor(registry, household_id, "zh", CodeLabels(demo_db.conn, "zh"))
    qtbot.addWidget(editor)
    for page, column, word in (
        (editor.basic, "standard", "贫困线"),
        (editor.basic, "attribute", "低保"),
        (editor.basic, "is_two_daughters", "两个女孩"),
        (editor.conditions, "housing_grade", "危房"),
        (editor.conditions, "water_safe", "水质"),
    ):
        assert word in page.form.editor(column).toolTip(), column
    assert "自动计算" in editor.income.totals.toolTip() and "家庭人口" in editor.income.totals.toolTip()
    assert editor.basic.form.editor("note").toolTip() == ""  # obvious: no hint


@pytest.mark.usefixtures("english")
def test_member_fields_carry_hints_in_the_interface_language(qtbot, demo_db: Database) -> None:
    registry = Registry(demo_db)
    for lang, expected in (
        ("zh", {"labour_skill": "丧失劳动力", "work_status": "省外", "serious_illness_insurance": "大病保险"}),
        (
            "en",
            {
                "labour_skill": "skilled labour",
                "work_status": "outside",
                "serious_illness_insurance": "basic insurance",
            },
        ),
    ):
        dialog = MemberDialog(registry, CodeLabels(demo_db.conn, lang), lang)
        qtbot.addWidget(dialog)
        for column, word in expected.items():
            assert word in dialog.form.editor(column).toolTip(), (lang, column)


def test_smoke_paints_the_window_without_asking_anything(qtbot, monkeypatch, tmp_path: Path, capsys) -> None:
    monkeypatch.setattr(FirstStartDialog, "exec", lambda _dialog: pytest.fail("the smoke run asked a question"))
    assert run_smoke(tmp_path / "fresh.db", "zh") == 0  # a fresh database would show the first-start questions
    out = capsys.readouterr().out
    assert "冒烟测试通过" in out and "秒显示主窗口（0 户" in out and "帮助" in out
    assert (tmp_path / "fresh.db").is_file()


@pytest.mark.usefixtures("english")  # run_smoke installs the English translations: put Chinese back afterwards
def test_smoke_reports_a_database_it_cannot_open(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "not-a-file.db"
    folder.mkdir()
    assert run_smoke(folder, "en") == 1
    assert "cannot open the database" in capsys.readouterr().err


def test_a_blank_picture_is_not_a_painted_window() -> None:
    from PySide6.QtGui import QImage

    blank = QImage(400, 300, QImage.Format.Format_RGB32)
    blank.fill(0xFFFFFF)
    assert not painted(blank)


def test_smoke_flag_from_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    database = open_database(db)
    database.close()
    shot = tmp_path / "shot.png"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JIANDANG_DATA_DIR": str(tmp_path),
        "JIANDANG_SMOKE_SCREENSHOT": str(shot),
    }
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "--lang", "en", "--db", str(db), "--smoke"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(r"painted in [\d.]+ s \(0 households", result.stdout)
    assert shot.is_file() and shot.stat().st_size > 1000


def test_the_help_and_about_strings_are_translated(tmp_path: Path) -> None:
    from tests.ui.test_translations import messages

    copy = tmp_path / "jiandang_en.ts"
    shutil.copy(PROJECT_ROOT / "resources" / "i18n" / "jiandang_en.ts", copy)
    mine = ("about_dialog", "help_dialog", "main_window")
    tool = str(Path(sys.executable).parent / "pyside6-lupdate")
    sources = [str(PROJECT_ROOT / "ui" / f"{stem}.py") for stem in mine]
    subprocess.run(
        [tool, *sources, "-ts", str(copy), "-source-language", "zh_CN", "-target-language", "en_US"],
        check=True,
        capture_output=True,
        cwd=PROJECT_ROOT,
    )
    found = [(src, tr) for stems, src, tr in messages(copy) if stems & set(mine)]
    assert any(src == "建档使用帮助" for src, _ in found)
    assert [src for src, tr in found if tr.get("type") in ("unfinished", "vanished") or not tr.text] == []
