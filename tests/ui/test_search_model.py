"""The search results table model (ui/search_model.py), page by page."""

from __future__ import annotations

import pytest

from models.db import Database
from ui import search_model


def common_surname(db: Database) -> str:
    """The surname most demo members share (so a search for it has many hits)."""
    rows = db.conn.execute("SELECT substr(name, 1, 1) AS s FROM members GROUP BY s ORDER BY COUNT(*) DESC LIMIT 1")
    return rows.fetchone()[0]


def test_results_model_passes_the_model_tester(qtmodeltester, demo_db: Database) -> None:
    model = search_model.SearchResultsTableModel(demo_db.conn)
    model.set_query(common_surname(demo_db))
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)


def test_more_results_are_fetched_page_by_page(
    qtmodeltester, monkeypatch: pytest.MonkeyPatch, demo_db: Database
) -> None:
    monkeypatch.setattr(search_model, "PAGE_SIZE", 5)
    model = search_model.SearchResultsTableModel(demo_db.conn)
    model.set_query(common_surname(demo_db))
    assert model.rowCount() == 5 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 10
    qtmodeltester.check(model, force_py=True)
    ids = [model.hit(row).member_id for row in range(model.rowCount())]
    assert len(ids) >= 10 and len(set(ids)) == len(ids)
