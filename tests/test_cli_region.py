"""``main.py region …``: a team adds its second village and corrects a mistyped name from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from models.db import open_database
from models.registry import Registry
from models.settings import get_setting, set_setting

VILLAGE = "621121103201"


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    db = open_database(path)
    registry = Registry(db)
    registry.add_region("621121103", "平襄镇")
    registry.add_region(VILLAGE, "文锋村")
    set_setting(db, "scope", [VILLAGE])
    db.close()
    return path


def run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    code = main.main(["--db", str(path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_add_rename_list_and_delete(capsys, db_file: Path) -> None:
    code, out, _ = run(capsys, db_file, "region", "add", "621121103202", "柳湾村")
    assert code == 0 and "已登记：621121103202 柳湾村" in out and "已加入本机负责的村" in out
    code, out, _ = run(capsys, db_file, "region", "rename", VILLAGE, "文峰村")
    assert code == 0 and "已更名" in out
    code, out, _ = run(capsys, db_file, "region", "list")
    assert code == 0 and "621121103201  文峰村" in out and "柳湾村" in out and "文锋村" not in out
    code, out, _ = run(capsys, db_file, "--lang", "en", "region", "list", "--json")
    assert [r["name"] for r in json.loads(out)] == ["平襄镇", "文峰村", "柳湾村"]
    code, out, _ = run(capsys, db_file, "region", "delete", "621121103202")
    assert code == 0 and "已删除" in out
    db = open_database(db_file)
    assert get_setting(db, "scope") == [VILLAGE]
    db.close()


def test_a_refusal_is_one_line_and_exit_status_1(capsys, db_file: Path) -> None:
    code, out, err = run(capsys, db_file, "region", "add", "621121103202", "文锋村")
    assert code == 1 and out == "" and err.strip() == "已有名为“文锋村”的村（621121103201）。"
    code, _, err = run(capsys, db_file, "--lang", "en", "region", "delete", "621121103000")
    assert code == 1 and "cannot be deleted" in err and "\n" not in err.strip()
    code, _, err = run(capsys, db_file, "region", "rename", "621121103209", "新村")
    assert code == 1 and "尚未登记" in err
