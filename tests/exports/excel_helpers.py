"""Helpers for the Excel tests: a registry with two villages, ID numbers, workbooks written cell by cell."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from models.db import Database, open_database
from models.dump import dump_json
from models.idcard import make_id_number
from models.registry import Registry

VILLAGE = "621121103201"  # 文峰村
OTHER_VILLAGE = "621121103202"  # 石峰村
TODAY = datetime.date(2019, 6, 1)


def make_registry(path: Path) -> tuple[Database, Registry]:
    """A registry with 平襄镇 and two villages; 文峰村 has two groups, 石峰村 one."""
    db = open_database(path)
    db.set_setting("operator", "测试员")
    registry = Registry(db, today=TODAY)
    for code, name in (
        ("62", "甘肃省"),
        ("6211", "定西市"),
        ("621121", "通渭县"),
        ("621121103", "平襄镇"),
        (VILLAGE, "文峰村"),
        (OTHER_VILLAGE, "石峰村"),
    ):
        registry.add_region(code, name)
    registry.add_group(VILLAGE, "第一村民小组")
    registry.add_group(VILLAGE, "第二村民小组")
    registry.add_group(OTHER_VILLAGE, "第一村民小组")
    return db, registry


def pid(year: int, month: int, day: int, male: bool, seq: int = 1) -> str:
    """A valid ID number born on that day (sequence odd for men)."""
    return make_id_number("621121", datetime.date(year, month, day), seq * 2 + (1 if male else 0))


def write_xlsx(path: Path, rows: Iterable[Sequence[Any]], merges: Sequence[str] = (), sheet: str = "花名册") -> Path:
    """A workbook with one sheet holding ``rows`` (values as given: numbers stay numbers) and merged ranges."""
    import openpyxl

    book = openpyxl.Workbook()
    out = book.active
    out.title = sheet
    for row in rows:
        out.append(list(row))
    for ref in merges:
        out.merge_cells(ref)
    book.save(path)
    return path


def snapshot(db: Database) -> tuple[str, int, int]:
    """What must not move when nothing is written: the content dump, the change-log size, the sequence."""
    log = db.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    seq = db.conn.execute("SELECT seq FROM sync_state").fetchone()[0]
    return dump_json(db.conn), log, seq


def household_count(db: Database) -> int:
    return db.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
