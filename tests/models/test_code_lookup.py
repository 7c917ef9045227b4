"""Type-ahead in code fields: by code, characters or pinyin."""

from __future__ import annotations

from models.code_lookup import entries, matches, resolve, table_names
from models.db import Database


def codes(found) -> list[str]:
    return [e.code for e in found]


def test_entries_come_from_the_database_with_pinyin(database: Database) -> None:
    causes = entries(database.conn, "poverty_cause")
    illness = causes[0]
    assert (illness.code, illness.label, illness.text()) == ("01", "因病", "01 因病")
    assert "yb" in illness.initials and "yinbing" in illness.full
    assert "poverty_cause" in table_names(database.conn)


def test_matches_rank_code_label_initials_pinyin_then_substring(database: Database) -> None:
    causes = entries(database.conn, "poverty_cause")
    assert codes(matches(causes, "01"))[0] == "01"
    assert codes(matches(causes, "因"))[:4] == ["01", "02", "03", "04"]
    assert codes(matches(causes, "yb")) == ["01"]
    assert codes(matches(causes, "yinx")) == ["03"]  # 因学
    assert codes(matches(causes, "yinq")) == []
    assert codes(matches(causes, "queji"))[0] == "07"  # 缺技术
    assert codes(matches(causes, "技术")) == ["07"]
    assert codes(matches(causes, "illness")) == ["01"]
    assert len(matches(causes, "")) == len(causes)


def test_resolve_accepts_only_an_unambiguous_text(database: Database) -> None:
    causes = entries(database.conn, "poverty_cause")
    assert resolve(causes, "01 因病") == "01"
    assert resolve(causes, "因病") == "01"
    assert resolve(causes, "yb") == "01"
    assert resolve(causes, "因") is None
    assert resolve(causes, "  ") is None
