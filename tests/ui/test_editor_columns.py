"""Table columns of the household editor fit their headers and contents in both languages; every menu has an
accelerator."""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QTableView

from models.db import Database
from models.registry import Registry
from tests.ui.app_fixtures import VILLAGE, Answers, id_number
from ui.app import install_translations
from ui.household_editor import HouseholdEditor
from ui.main_window import MainWindow

SHOTS = os.environ.get("JIANDANG_EDITOR_SHOTS")  # a folder: save the pages looked at


@pytest.fixture(params=["zh", "en"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    install_translations(request.param)
    yield request.param
    install_translations("zh")


def household(registry: Registry) -> str:
    """A household with a woman, a changed field (history) and a measure whose category is long in English."""
    found = registry.create_household(
        {"village_code": VILLAGE},
        [
            {"name": "张三", "relation": "01", "id_number": id_number(datetime.date(1970, 3, 5), True)},
            {"name": "李梅", "relation": "02", "id_number": id_number(datetime.date(1972, 8, 1), False)},
        ],
    )
    registry.update_household(found, {"note": "门前有水井"})
    registry.create_measure(
        {"household_id": found, "year": 2019, "type": "01", "status": "2", "fund_fiscal": 5000, "content": "养羊 10 只"}
    )
    return found


def assert_fitted(view: QTableView, stretched: set[int], limits: dict[int, int]) -> None:
    header = view.horizontalHeader()
    for column in range(view.model().columnCount()):
        title = view.model().headerData(column, header.orientation())
        if column in stretched:
            assert header.sectionSize(column) >= 120, title  # the rest of the width, not squeezed away
            continue
        needed = max(header.sectionSizeHint(column), view.sizeHintForColumn(column))
        assert header.sectionSize(column) >= min(needed, limits.get(column, needed)), title


def test_editor_tables_show_whole_headers_and_values(
    qtbot, village_registry: Registry, answers: Answers, lang: str
) -> None:
    editor = HouseholdEditor(village_registry, household(village_registry), lang)
    qtbot.addWidget(editor)
    editor.show()
    for number, page, stretched, limits in (
        (1, editor.members, {7}, {}),  # 问题
        (6, editor.measures, {3}, {}),  # 措施内容
        (8, editor.history, {6}, {5: 240}),  # 新值; 原值 at most 240 pixels
    ):
        editor.go_to_tab(number)
        QApplication.processEvents()
        if SHOTS:
            editor.grab().save(f"{SHOTS}/editor_{lang}_tab{number}.png")
        assert page.table.model().rowCount() > 0
        assert_fitted(page.table, stretched, limits)


def test_every_menu_has_an_accelerator_of_its_own(qtbot, db: Database, answers: Answers) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert {"程序(&P)", "统计(&S)", "Excel(&E)", "同步(&Y)"} <= set(titles)
    keys = [re.search(r"&(\w)", title) for title in titles]
    assert all(keys), titles
    letters = [key.group(1).upper() for key in keys if key]
    assert len(letters) == len(set(letters)), titles
