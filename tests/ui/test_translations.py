"""Translations: the committed .qm matches the .ts, and every string of the application shell is in English."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import PROJECT_ROOT

I18N = PROJECT_ROOT / "resources" / "i18n"
SHELL_FILES = {
    "app",
    "background",
    "code_combo",
    "crash",
    "editor_pages",
    "field_widgets",
    "file_actions",
    "first_start",
    "helpers_page",
    "history_page",
    "household_editor",
    "household_list",
    "household_table",
    "income_page",
    "main_window",
    "measures_page",
    "member_change_dialog",
    "member_dialog",
    "members_page",
    "messages",
    "settings_dialog",
    "settings_tables",
    "small_dialogs",
}


def translations_script():
    spec = importlib.util.spec_from_file_location("translations", I18N / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> list[tuple[set[str], str, ET.Element]]:
    """(file stems, source, translation element) of every message."""
    found = []
    for message in ET.parse(ts).getroot().iter("message"):
        stems = {Path(loc.get("filename")).stem for loc in message.iter("location")}
        found.append((stems, message.find("source").text, message.find("translation")))
    return found


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    translations_script().release(fresh)
    assert fresh.read_bytes() == (I18N / "jiandang_en.qm").read_bytes(), "run resources/i18n/translations.py"


def test_every_string_of_the_shell_is_in_the_ts_and_translated(tmp_path: Path) -> None:
    copy = tmp_path / "jiandang_en.ts"
    shutil.copy(I18N / "jiandang_en.ts", copy)
    sources = [str(PROJECT_ROOT / "ui" / f"{stem}.py") for stem in sorted(SHELL_FILES)]
    tool = str(Path(sys.executable).parent / "pyside6-lupdate")
    subprocess.run(
        [tool, *sources, "-ts", str(copy), "-source-language", "zh_CN", "-target-language", "en_US"],
        check=True,
        capture_output=True,
        cwd=PROJECT_ROOT,
    )
    mine = [(src, tr) for stems, src, tr in messages(copy) if stems & SHELL_FILES]
    assert mine, "no strings found"
    untranslated = [src for src, tr in mine if tr.get("type") in ("unfinished", "vanished") or not tr.text]
    assert untranslated == []


def test_placeholders_survive_translation() -> None:
    import re

    for _, source, translation in messages(I18N / "jiandang_en.ts"):
        if translation.text and translation.get("type") != "unfinished":
            assert set(re.findall(r"\{[^}]*\}", source)) == set(re.findall(r"\{[^}]*\}", translation.text)), source
            assert source.count("&") == translation.text.count("&"), source
