"""The language of a run: an explicit ``--lang`` wins for that run, otherwise the one chosen in 设置 (review s6 #7)."""

from __future__ import annotations

from pathlib import Path

import pytest

import main
import ui.app as app_module
from ui import prefs


@pytest.fixture
def opened(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The languages the window would open in; English is the remembered choice."""
    monkeypatch.setenv("JIANDANG_DATA_DIR", str(tmp_path / "data"))
    prefs.settings().setValue("language", "en")
    languages: list[str] = []
    monkeypatch.setattr(app_module, "install_translations", lambda lang: None)
    monkeypatch.setattr(app_module, "open_main_window", lambda path, lang: languages.append(lang))
    return languages


def test_an_explicit_lang_zh_wins_over_remembered_english(opened: list[str], tmp_path: Path) -> None:
    assert main.main(["--db", str(tmp_path / "x.db"), "--lang", "zh"]) == 1  # 1: the window is not really opened
    assert opened == ["zh"]
    assert prefs.settings().value("language") == "en"  # the saved choice stays for the next run


def test_without_lang_the_remembered_language_is_used(opened: list[str], tmp_path: Path) -> None:
    main.main(["--db", str(tmp_path / "x.db")])
    main.main(["--db", str(tmp_path / "x.db"), "--lang=en"])
    assert opened == ["en", "en"]
