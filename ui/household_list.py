"""The household list panel: search box, filters, the lazily loaded table (``HouseholdListView``), the column chooser.

The ids of the list are read off the GUI thread (``Background``, ui/household_list_load.py) whenever the
region, a filter, the order or the search text changes; a newer request
replaces an older one, so typing never waits for a stale search.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.db import Database
from models.household_list import HIT_LIMIT, ListQuery, status_years
from ui.background import Background
from ui.code_labels import CodeLabels
from ui.column_chooser import ColumnChooser
from ui.household_list_load import ListResult, load_list, warning_counts
from ui.household_list_view import HouseholdListView
from ui.household_table import HouseholdTableModel

SEARCH_DELAY_MS = 15
FIRST_HITS = 60  # a search shows its best matches at once, then all of them (up to HIT_LIMIT people) …
COMPLETE_DELAY_MS = 300  # … when the typing pauses, so completing a result never slows the next keystroke


class HouseholdListPanel(ColumnChooser, QWidget):
    """Search, filter and browse households; ``householdActivated(id)`` opens one."""

    householdActivated = Signal(str)
    listChanged = Signal(int, int)  # rows shown, search truncated (0/1: a Signal(bool) leaks references)

    def __init__(
        self,
        db: Database,
        labels: CodeLabels,
        background: Background,
        slow: Background | None = None,
        parent: QWidget | None = None,
        lang: str = "zh",
    ):
        super().__init__(parent)
        self.db = db
        self._labels = labels
        self._background = background
        self._slow = slow or background  # the warning counts may take seconds: never in front of a search
        self._region, self._group = "", ""
        self._sort: tuple[str | None, bool] = (None, False)
        self._warnings: dict[str, int] | None = None
        self.loaded_at = 0.0
        self.shown_text = ""  # the search whose result is shown
        self.model = HouseholdTableModel(db.conn, labels, self, lang)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("查找：姓名、拼音首字母、身份证号片段、户编号…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self.filters = self._make_filters()
        self.table = self._make_table()
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.reload)
        self._complete = QTimer(self, singleShot=True, interval=COMPLETE_DELAY_MS)
        self._complete.timeout.connect(self._complete_search)
        self._pending: tuple | None = None
        self.search_box.textChanged.connect(self._timer.start)
        self.model.sortRequested.connect(self._sort_requested)
        self._layout()

    # -- building ------------------------------------------------------------

    def _make_filters(self) -> dict[str, QWidget]:
        filters: dict[str, QWidget] = {
            "status": self._code_filter(self.tr("状态"), "household_status"),
            "attribute": self._code_filter(self.tr("属性"), "household_attribute"),
            "main_cause": self._code_filter(self.tr("主要致贫原因"), "poverty_cause"),
            "year": QComboBox(),
            "warnings": QCheckBox(self.tr("有预警")),
        }
        filters["year"].setToolTip(self.tr("按该年度的状态显示和筛选"))
        filters["warnings"].setEnabled(False)
        filters["warnings"].setToolTip(self.tr("预警数由数据检查提供"))
        for key in ("status", "attribute", "main_cause", "year"):
            filters[key].currentIndexChanged.connect(self.reload)
        filters["warnings"].toggled.connect(self.reload)
        filters["year"].currentIndexChanged.connect(lambda _: self.load_warnings())  # warnings are per year
        return filters

    def _code_filter(self, everything: str, table: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(self.tr("{what}：全部").format(what=everything), None)
        for entry in self._labels.entries(table):
            combo.addItem(f"{entry.code} {self._labels.text(table, entry.code)}", entry.code)
        combo.setToolTip(everything)
        return combo

    def fill_years(self, years: list[int]) -> None:
        """The year filter: the latest status, or the status as of a year."""
        combo: QComboBox = self.filters["year"]
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("年度：最新"), None)
        for year in years:
            combo.addItem(self.tr("{year} 年").format(year=year), year)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _make_table(self) -> HouseholdListView:
        table = HouseholdListView(self.model, self.model.lang)
        table.horizontalHeader().customContextMenuRequested.connect(self._header_menu)
        table.activated.connect(lambda index: self.householdActivated.emit(self.model.household_id(index.row())))
        return table

    def _layout(self) -> None:
        columns = QToolButton()
        columns.setText(self.tr("列"))
        columns.setToolTip(self.tr("选择显示的列"))
        columns.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        columns.setMenu(self.column_menu())
        filters = QHBoxLayout()
        for key in ("status", "attribute", "main_cause", "year"):
            self.filters[key].setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(self.filters[key])
        filters.addWidget(self.filters["warnings"])
        filters.addStretch(1)
        filters.addWidget(columns)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addWidget(self.table)

    # -- querying --------------------------------------------------------------

    def set_region(self, code: str, group_id: str) -> None:
        """List the households of a region or group ("" for all)."""
        self._region, self._group = code, group_id
        self.reload()

    def query(self) -> ListQuery:
        """What the list should show now (without the search, which is resolved on the worker)."""
        values = {key: self.filters[key].currentData() for key in ("status", "attribute", "main_cause", "year")}
        return ListQuery(
            region=self._region or None,
            group_id=self._group or None,
            statuses=(values["status"],) if values["status"] else (),
            attributes=(values["attribute"],) if values["attribute"] else (),
            main_causes=(values["main_cause"],) if values["main_cause"] else (),
            year=values["year"],
            with_warnings=self.filters["warnings"].isChecked(),
            sort=self._sort[0],
            descending=self._sort[1],
        )

    def reload(self, *_: object) -> None:
        """Read the ids again off the GUI thread; the newest request wins (``listChanged`` tells when shown).

        A search is answered twice: its best matches at once, the complete result when the typing pauses.
        """
        self._timer.stop()
        self._complete.stop()
        query, text, warnings = self.query(), self.search_box.text().strip(), self._warnings
        limit = FIRST_HITS if text else HIT_LIMIT
        self._submit(query, text, warnings, limit)

    def _submit(self, query: ListQuery, text: str, warnings: dict[str, int] | None, limit: int) -> None:
        self._background.submit(
            lambda db: load_list(db, query, text, warnings, limit),
            lambda result: self._show(result, query, text, warnings, limit),
            key="list",
        )

    def _show(
        self, result: ListResult, query: ListQuery, text: str, warnings: dict[str, int] | None, limit: int
    ) -> None:
        ids, truncated, first, matches = result
        current = self.current_household()
        self.model.set_ids(ids, query.year, first, matches)
        new_text = text != self.shown_text
        if current and (row := self.model.row_of(current)) >= 0:  # keep the place after a refresh
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        self.loaded_at = time.perf_counter()
        self.shown_text = text
        if ids:
            self.table.fit_first_screen()
        self.table.show_match_column(bool(text), new_text)
        self.listChanged.emit(len(ids), int(truncated and limit == HIT_LIMIT))
        if truncated and limit < HIT_LIMIT:
            self._pending = (query, text, warnings, HIT_LIMIT)
            self._complete.start()

    def show_match(self, editor: QWidget) -> None:
        """In a household editor opened from the list: select the member that matched the search, if not the head."""
        match = self.model.match_of(getattr(editor, "household_id", None) or "")
        if match is None or match.member_id is None or match.is_head:
            return
        members = editor.members
        rows = [r for r, m in enumerate(members.model.members) if m.get("id") == match.member_id]
        if rows:
            editor.tabs.setCurrentWidget(members)
            members.table.selectRow(rows[0])
            members.table.setFocus()

    def _complete_search(self) -> None:
        """The typing paused: read the complete result of the search shown."""
        if self._pending is not None and self._pending[1] == self.search_box.text().strip():
            self._submit(*self._pending)
        self._pending = None

    def _sort_requested(self, key: str, descending: int) -> None:
        self._sort = (key or None, bool(descending))
        self.reload()

    def load_warnings(self) -> None:
        """Read the warning counts off the GUI thread (the column stays empty until they exist)."""
        year = self.filters["year"].currentData()
        self._slow.submit(lambda db: warning_counts(db, year), self._warnings_loaded, key="warnings")

    def _warnings_loaded(self, counts: Mapping[str, int] | None) -> None:
        self._warnings = None if counts is None else dict(counts)
        self.model.set_warning_counts(self._warnings)
        self.filters["warnings"].setEnabled(counts is not None)
        if self._sort[0] == "warnings" or self.filters["warnings"].isChecked():
            self.reload()

    def load_years(self) -> None:
        """Fill the year filter off the GUI thread."""
        self._background.submit(lambda db: status_years(db.conn), self.fill_years, key="years")

    def current_household(self) -> str | None:
        """The id of the selected household, if any."""
        index = self.table.currentIndex()
        return self.model.household_id(index.row()) if index.isValid() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down arrow in the search box moves into the list."""
        down = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down
        if watched is self.search_box and down and self.model.rowCount():
            self.table.setFocus()
            self.table.selectRow(max(0, self.table.currentIndex().row()))
            return True
        return super().eventFilter(watched, event)
