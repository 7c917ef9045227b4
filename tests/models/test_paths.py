"""Where data and resources are found: user folder, portable mode, frozen build, test override."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from models import paths


@pytest.fixture
def no_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)


def test_environment_variable_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"
    assert paths.default_database_path() == tmp_path / "elsewhere" / "jiandang.db"


def test_tests_never_use_the_real_user_folder() -> None:
    assert paths.data_dir() != Path(paths.user_data_dir(paths.APP_NAME, appauthor=False))


@pytest.mark.usefixtures("no_override")
def test_default_is_the_platform_user_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path)
    assert paths.data_dir() == Path(paths.user_data_dir("Jiandang", appauthor=False))
    assert paths.data_dir().name == "Jiandang"
    assert not paths.data_dir().is_relative_to(tmp_path)


@pytest.mark.usefixtures("no_override")
def test_portable_marker_beside_the_source_keeps_data_beside_it(monkeypatch: pytest.MonkeyPatch,
                                                                tmp_path: Path) -> None:
    monkeypatch.setattr(paths, "PROJECT_ROOT", tmp_path)
    (tmp_path / "portable.txt").write_text("", encoding="utf-8")
    assert paths.is_portable()
    assert paths.default_database_path() == tmp_path / "data" / "jiandang.db"


@pytest.mark.usefixtures("no_override")
def test_frozen_program_looks_for_the_marker_beside_the_executable(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path) -> None:
    source_root, program = tmp_path / "src", tmp_path / "stick" / "Jiandang"
    source_root.mkdir()
    program.mkdir(parents=True)
    (source_root / "portable.txt").write_text("", encoding="utf-8")  # ignored when frozen
    monkeypatch.setattr(paths, "PROJECT_ROOT", source_root)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "Jiandang.exe"))
    assert not paths.is_portable()
    (program / "portable.txt").write_text("", encoding="utf-8")
    assert paths.data_dir() == program / "data"


def test_resources_from_source_and_from_a_bundle(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.resource_path("README.md") == paths.PROJECT_ROOT / "resources" / "README.md"
    assert paths.resource_path("README.md").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resource_path("i18n/jiandang_en.qm") == tmp_path / "resources" / "i18n" / "jiandang_en.qm"
