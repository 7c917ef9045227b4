"""Fixtures for the domain layer: a fresh registry with one village, a group and a helper."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from models.db import Database, open_database
from models.idcard import make_id_number
from models.registry import Registry

VILLAGE = "621121103201"
OTHER_VILLAGE = "621121103202"
TODAY = datetime.date(2019, 6, 1)


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "registry.db")
    db.set_setting("operator", "测试员")
    yield db
    db.close()


@pytest.fixture
def registry(database: Database) -> Registry:
    reg = Registry(database, today=TODAY)
    reg.add_region("62", "甘肃省")
    reg.add_region("6211", "定西市")
    reg.add_region("621121", "通渭县")
    reg.add_region("621121103", "平襄镇")
    reg.add_region(VILLAGE, "文峰村")
    reg.add_region(OTHER_VILLAGE, "石峰村")
    reg.add_group(VILLAGE, "第一村民小组")
    return reg


def person(name: str, relation: str, born: datetime.date, male: bool, seq: int = 1, **extra: object) -> dict:
    """A member dict with a valid ID number consistent with birth date and sex."""
    sequence = seq * 2 + (1 if male else 0)
    return {"name": name, "relation": relation, "id_number": make_id_number("621121", born, sequence),
            "ethnicity": "01", **extra}


def family(seq: int = 1) -> list[dict]:
    """Head, spouse and two children."""
    return [
        person("张三", "01", datetime.date(1970, 3, 5), True, seq),
        person("李梅", "02", datetime.date(1972, 8, 1), False, seq),
        person("张小明", "03", datetime.date(1998, 1, 9), True, seq),
        person("张小丽", "04", datetime.date(2008, 5, 20), False, seq),
    ]


def counts(db: Database) -> dict[str, int]:
    """Row counts that must not move when a write is refused."""
    tables = ("households", "members", "change_log", "col_clocks", "tombstones", "other_causes", "incomes")
    result = {t: db.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}
    result["seq"] = db.conn.execute("SELECT seq FROM sync_state").fetchone()[0]
    return result
