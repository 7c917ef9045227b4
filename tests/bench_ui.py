"""Benchmark rows of the desktop application (issue 3), measured through the real widgets, offscreen.

- start: open the database and show the main window until the household list holds its rows and the
  first screen of cells is painted, against opening the database and counting the households;
- search as you type: from setting the search box text to the list showing the new result (the search
  delay included), against a bare ``models.search.search`` call;
- scrolling: jumping to the end of the list and paging through it, each step painted, against reading one
  page of list cells directly.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from typing import Any

START_RUNS = 3
PAGE_STEPS = 40


def _app() -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("JIANDANG_DATA_DIR", tempfile.mkdtemp(prefix="jiandang-bench-"))  # no user prefs
    from PySide6.QtWidgets import QApplication

    import ui  # noqa: F401 - the PySide6 reference workaround

    return QApplication.instance() or QApplication([])


def _wait(app: Any, condition: Any, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not answer in time")
        app.processEvents()
        time.sleep(0.001)


def _start_ms(app: Any, path: str, households: int) -> tuple[float, Any]:
    """Milliseconds from opening the database to the list holding every row, first screen painted."""
    from models.db import open_database
    from ui.main_window import MainWindow

    started = time.perf_counter()
    window = MainWindow(open_database(path))
    window.show()
    window.resize(1280, 760)
    _wait(app, lambda: window.model.rowCount() == households)
    window.list_panel.table.viewport().repaint()
    return (time.perf_counter() - started) * 1000, window


def _search_ms(app: Any, window: Any, query: str) -> float:
    """Milliseconds from the text change to this search's first result shown and painted."""
    panel = window.list_panel
    panel.search_box.clear()  # restarts the typing delay only: one search follows
    panel.shown_text = None
    started = time.perf_counter()
    panel.search_box.setText(query)
    _wait(app, lambda: panel.shown_text == query)
    panel.table.viewport().repaint()
    return (time.perf_counter() - started) * 1000


def _scroll_ms(app: Any, window: Any) -> tuple[float, float]:
    """(jump to the end and paint, slowest page-up step) in milliseconds."""
    table = window.list_panel.table
    started = time.perf_counter()
    table.scrollToBottom()
    table.viewport().repaint()
    end = (time.perf_counter() - started) * 1000
    bar, steps = table.verticalScrollBar(), []
    for _ in range(PAGE_STEPS):
        started = time.perf_counter()
        bar.setValue(bar.value() - bar.pageStep() * 25)
        table.viewport().repaint()
        steps.append((time.perf_counter() - started) * 1000)
    return end, max(steps)


def ui_rows(db: Any, registry: Any) -> list[Any]:
    from models.db import open_database
    from models.household_list import ListQuery, household_ids, household_rows
    from models.search import search
    from tests.bench import SEARCH_QUERIES, Row, percentile, timed

    app = _app()
    households = db.conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    starts, window = [], None
    for _ in range(START_RUNS):
        if window is not None:
            window.close()
        elapsed, window = _start_ms(app, db.path, households)
        starts.append(elapsed)

    def bare_open() -> None:
        other = open_database(db.path)
        other.conn.execute("SELECT COUNT(*) FROM households").fetchone()
        other.close()

    base_open = statistics.median(timed(bare_open, START_RUNS))
    for query in SEARCH_QUERIES:  # warm the page cache, as a user's second search would be
        _search_ms(app, window, query)
    searches = [_search_ms(app, window, q) for q in SEARCH_QUERIES for _ in range(3)]
    base_search = [s for q in SEARCH_QUERIES for s in timed(lambda q=q: search(db.conn, q), 3)]
    window.list_panel.search_box.clear()
    _wait(app, lambda: window.model.rowCount() == households)
    jump, step = _scroll_ms(app, window)
    ids = household_ids(db.conn, ListQuery())
    base_page = statistics.median(timed(lambda: household_rows(db.conn, ids[-200:]), 5))
    window.close()
    return [
        Row(
            "window usable after start (median of 3)",
            statistics.median(starts),
            "open DB + COUNT(*)",
            base_open,
            1500.0,
            f"first start {starts[0]:.0f} ms; {households} households listed",
        ),
        Row(
            "search box → list updated p50",
            percentile(searches, 50),
            "search() p50",
            percentile(base_search, 50),
            None,
            f"{len(SEARCH_QUERIES)} queries × 3, 15 ms typing delay included",
        ),
        Row(
            "search box → list updated p95",
            percentile(searches, 95),
            "search() p95",
            percentile(base_search, 95),
            100.0,
        ),
        Row("scroll to the end of the list, painted", jump, "read one page of cells", base_page, 100.0),
        Row(
            "page up through the list, slowest step",
            step,
            "read one page of cells",
            base_page,
            100.0,
            f"{PAGE_STEPS} steps of 25 pages",
        ),
    ]
