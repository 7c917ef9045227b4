"""Exports never rename their temporary file over a device, a pipe or a folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exports.bundle_io import safe_write
from exports.excel_write import SheetData, write_workbook
from exports.file_targets import require_plain_target
from exports.notice_cli import _write
from models.errors import JiandangError


@pytest.fixture
def pipe(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def test_a_pipe_or_a_folder_is_refused_and_left_as_it_was(pipe: Path, tmp_path: Path) -> None:
    for writer in (
        lambda: safe_write(pipe, [b"bundle"]),
        lambda: write_workbook(pipe, [SheetData("表", ["列"], [["值"]])]),
        lambda: _write(pipe, b"%PDF"),
    ):
        with pytest.raises(JiandangError, match="不是普通文件"):
            writer()
        assert pipe.is_fifo()
    with pytest.raises(JiandangError):
        require_plain_target(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left behind


def test_a_new_file_or_an_ordinary_one_is_written(tmp_path: Path) -> None:
    old = tmp_path / "old.jdb"
    old.write_bytes(b"old")
    safe_write(old, [b"new"])
    safe_write(tmp_path / "new.jdb", [b"new"])
    assert old.read_bytes() == (tmp_path / "new.jdb").read_bytes() == b"new"
