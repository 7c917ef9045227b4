"""Screenshots of the main window with the demo township and of every household editor tab.

The PNGs are written to ``screenshots/`` (not committed; ``JIANDANG_SCREENSHOT_DIR`` chooses another
folder) to be looked at; with
``JIANDANG_SCREENSHOT_DB=demo.db`` they show a copy of that database instead of
the small test township (the README's pictures come from the 3000-household
demo: ``main.py --db demo.db demo``).  The
test also checks what a look would catch: every character shown has a glyph in
an installed font (no tofu boxes), single-line labels and buttons are wide
enough for their text, and no list column is empty.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QRawFont
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar, QWidget

from models.db import Database, open_database
from tests.conftest import PROJECT_ROOT
from tests.ui.app_fixtures import Answers
from ui.household_table import COLUMNS, HouseholdTableModel
from ui.main_window import MainWindow

SHOTS = Path(os.environ.get("JIANDANG_SCREENSHOT_DIR") or PROJECT_ROOT / "screenshots")
CJK_FAMILY = "WenQuanYi Zen Hei"


def visible_texts(root: QWidget) -> list[tuple[QWidget, str]]:
    """(widget, text) of the labels, buttons and tabs the user sees."""
    found: list[tuple[QWidget, str]] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton) and widget.text() and not widget.text().startswith("<"):
            found.append((widget, widget.text().replace("&", "")))
        if isinstance(widget, QTabBar):
            found += [(widget, widget.tabText(i)) for i in range(widget.count())]
    return found


def missing_glyphs(texts: list[str]) -> set[str]:
    raw = QRawFont.fromFont(QFont(CJK_FAMILY))
    return {c for text in texts for c in text if not c.isspace() and not raw.supportsCharacter(ord(c))}


def clipped(root: QWidget) -> list[str]:
    """Single-line labels and buttons narrower than their text."""
    short = []
    for widget, text in visible_texts(root):
        if isinstance(widget, QTabBar) or "\n" in text or (isinstance(widget, QLabel) and widget.wordWrap()):
            continue
        needed = widget.fontMetrics().horizontalAdvance(text)
        if widget.contentsRect().width() + 2 < needed:
            short.append(text)
    return short


def save(widget: QWidget, name: str) -> Path:
    SHOTS.mkdir(exist_ok=True)
    QApplication.processEvents()
    path = SHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.fixture
def shown_db(demo_db: Database, tmp_path: Path) -> Iterator[Database]:
    """The test township, or a copy of the database named by JIANDANG_SCREENSHOT_DB."""
    chosen = os.environ.get("JIANDANG_SCREENSHOT_DB")
    if not chosen:
        yield demo_db
        return
    shutil.copy(chosen, tmp_path / "shown.db")
    db = open_database(tmp_path / "shown.db")
    yield db
    db.close()


@pytest.fixture
def window(qtbot, shown_db: Database, answers: Answers) -> MainWindow:
    main = MainWindow(shown_db)
    qtbot.addWidget(main)
    main.show()
    main.resize(1280, 760)
    total = shown_db.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    qtbot.waitUntil(lambda: main.model.rowCount() == total, timeout=20000)
    qtbot.waitUntil(lambda: main.list_panel.filters["warnings"].isEnabled())
    main.tree.expand(main.tree.tree_model.item(0).child(0).index())
    return main


def test_a_cjk_font_is_installed(qapp) -> None:
    assert CJK_FAMILY in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)


def test_main_window_screenshot(window: MainWindow) -> None:
    assert save(window, "main_window").stat().st_size > 10_000
    texts = [t for _, t in visible_texts(window)]
    texts += [window.model.index(r, c).data() or "" for r in range(30) for c in range(len(COLUMNS))]
    assert missing_glyphs(texts) == set()
    assert clipped(window) == []
    for key, _, _ in COLUMNS:
        column = HouseholdTableModel.column_of(key)
        if key == "match":  # filled (and shown) while searching only
            continue
        assert any(window.model.index(r, column).data() for r in range(window.model.rowCount())), key


def test_household_editor_screenshots(qtbot, window: MainWindow, shown_db: Database) -> None:
    household = shown_db.conn.execute(
        "SELECT h.id FROM households h WHERE EXISTS (SELECT 1 FROM loans l WHERE l.household_id = h.id) "
        "AND EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = h.id) LIMIT 1"
    ).fetchone()[0]
    editor = window.open_household(household)
    editor.resize(1000, 660)
    names = ("basic", "members", "causes", "conditions", "income", "helpers", "measures", "history")
    for number, name in enumerate(names):
        editor.tabs.setCurrentIndex(number)
        qtbot.wait(20)
        save(editor, f"editor_{number + 1}_{name}")
        page = editor.tabs.currentWidget()
        assert missing_glyphs([t for _, t in visible_texts(page)]) == set(), name
        assert clipped(editor) == [], name
    assert editor.members.model.rowCount() > 0 and editor.measures.model.rowCount() > 0
    assert editor.history.model.rowCount() > 0 and editor.helpers.model.rowCount() > 0
