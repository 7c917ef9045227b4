"""The main window: a search box over the registry, the results, and a summary line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.db import Database
from models.errors import JiandangError
from models.registry import Registry
from ui import messages
from ui.features import install_feature_menus
from ui.search_model import SearchResultsTableModel

SEARCH_DELAY_MS = 200


class MainWindow(QMainWindow):
    """Search the open registry; offers the demo township when the registry is empty."""

    DEMO_HOUSEHOLDS = 3000
    DEMO_SEED = 1

    def __init__(self, db: Database, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lang = lang
        self.households = 0
        self.registry = Registry(db)
        self.setWindowTitle(self.tr("建档 — {name}").format(name=Path(db.path).name))
        self.summary = QLabel()
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("姓名、拼音首字母、身份证号片段、户编号…"))
        self.search_box.setClearButtonEnabled(True)
        self.model = SearchResultsTableModel(db.conn, lang, self)
        self.table = self._make_table()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.run_search)
        self.setCentralWidget(self._layout())
        self.statusBar().showMessage(self.tr("数据库：{path}").format(path=db.path))
        self.resize(960, 640)
        install_feature_menus(self)
        self.refresh()

    def menu(self, title: str) -> QMenu:
        """The menu-bar menu called ``title``, created on first use (for feature modules)."""
        for action in self.menuBar().actions():
            if action.menu() is not None and action.text() == title:
                return action.menu()
        return self.menuBar().addMenu(title)

    def open_household(self, household_id: str) -> None:
        """Show one household (the household editor replaces this once it exists)."""
        record = self.registry.get_household(household_id)["household"]
        self.search_box.setText(record.get("household_no") or record.get("head_name") or "")

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((120, 100, 190, 200)):
            table.setColumnWidth(column, width)
        return table

    def _layout(self) -> QWidget:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.summary)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table)
        return central

    def refresh(self) -> None:
        """Re-read the summary counts and the current search."""
        from models.stats import compute_stats

        stats = compute_stats(self.db.conn)
        totals = stats["totals"]
        self.households = totals["households"]
        self.summary.setText(self.tr("共 {households} 户，{people} 人").format(**totals))
        self.model.set_village_names({v["code"]: v["name"] for v in stats["villages"]})
        self.run_search()

    def run_search(self) -> None:
        """Search now for the text in the search box."""
        self._search_timer.stop()
        self.model.set_query(self.search_box.text())

    def offer_demo_if_empty(self) -> bool:
        """On an empty registry ask whether to create the demo township; True when it was created."""
        if self.households > 0:
            return False
        question = self.tr("数据库是空的。要打开演示乡镇（虚构数据）吗？")
        if not messages.ask_yes_no(self, self.tr("演示数据"), question):
            return False
        from models.demo import generate_demo

        try:
            with wait_cursor():
                generate_demo(self.db, households=self.DEMO_HOUSEHOLDS, seed=self.DEMO_SEED)
        except (JiandangError, ValueError) as error:  # generate_demo refuses with ValueError
            messages.show_error(self, error.message(self.lang) if isinstance(error, JiandangError) else str(error))
            return False
        self.refresh()
        return True


@contextmanager
def wait_cursor() -> Iterator[None]:
    """Show the busy cursor while the block runs."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
