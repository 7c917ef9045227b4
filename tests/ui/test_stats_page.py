"""The statistics page: the total is 合计, the cards show the year's exits, and the notes say what is counted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from models.db import Database, open_database
from models.registry import Registry
from tests.models.conftest import TODAY, VILLAGE
from tests.models.poor_households import poor_household
from ui.stats_page import StatsPage


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "ui.db")
    registry = Registry(database, today=TODAY)
    for code, name in (("62", "甘肃省"), ("6211", "定西市"), ("621121", "通渭县"), ("621121103", "平襄镇")):
        registry.add_region(code, name)
    registry.add_region(VILLAGE, "文峰村")
    ids = [poor_household(registry, seq, planned_exit_year=2018) for seq in (1, 2, 3)]
    registry.set_status(ids[0], 2019, "03")  # a late exit
    yield database
    database.close()


def page_for(qtbot: Any, db: Database, lang: str) -> StatsPage:
    def run(work: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        done(work(db))

    page = StatsPage(run, 2019, lang)
    qtbot.addWidget(page)
    page.resize(1180, 780)
    page.load()
    return page


def test_cards_and_notes_use_the_reports_words(qtbot, db: Database) -> None:
    page = page_for(qtbot, db, "zh")
    assert page.units.topLevelItem(0).text(0) == "合计"
    assert page.units.topLevelItem(0).child(0).child(0).text(0) == "文峰村"
    figures = page.figures.text()
    assert "合计　截至 2019-12-31" in figures  # a past year: as of its last day
    for label in ("脱贫户数", "脱贫人口（人）", "计划本年脱贫", "贫困发生率"):
        assert label in figures, label
    notes = page.notes.text()
    assert "范围：通渭县 平襄镇" in notes and "逾期脱贫" in notes


def test_english_cards_and_tables_say_poverty_rate(qtbot, db: Database) -> None:
    page = page_for(qtbot, db, "en")
    assert page.units.topLevelItem(0).text(0) == "Total"
    assert "Poverty rate" in page.figures.text() and "Incidence" not in page.figures.text()
    overview = page.tabs.widget(0).model()
    headers = [overview.headerData(c, Qt.Orientation.Horizontal) for c in range(overview.columnCount())]
    assert "Poverty rate" in headers
