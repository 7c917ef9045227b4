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


def test_write_replacing_makes_an_ordinary_file_and_leaves_nothing_when_writing_fails(tmp_path: Path) -> None:
    from exports.file_targets import write_replacing

    saved = os.umask(0o022)
    try:
        write_replacing(tmp_path / "表.xlsx", lambda path: path.write_bytes(b"PK"))
    finally:
        os.umask(saved)
    assert (tmp_path / "表.xlsx").stat().st_mode & 0o777 == 0o644  # not mkstemp's private 0600

    def broken(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_replacing(tmp_path / "表.xlsx", broken)
    assert (tmp_path / "表.xlsx").read_bytes() == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["表.xlsx"]
    with pytest.raises(JiandangError, match="找不到文件夹"):
        write_replacing(tmp_path / "nowhere" / "表.xlsx", broken)
