"""The table of search results: loads one page of hits at a time as the view scrolls."""

from __future__ import annotations

import sqlite3
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt

from models.codes import label, label_en
from ui.table_models import ColumnTableModel, Index

PAGE_SIZE = 100


class SearchResultsTableModel(ColumnTableModel):
    """Hits of :func:`models.search.search` for one query; more pages are fetched on demand."""

    CONTEXT = "SearchResultsTableModel"
    COLUMNS = (  # marked for lupdate, translated in headerData
        QT_TRANSLATE_NOOP("SearchResultsTableModel", "姓名"),
        QT_TRANSLATE_NOOP("SearchResultsTableModel", "与户主关系"),
        QT_TRANSLATE_NOOP("SearchResultsTableModel", "证件号码"),
        QT_TRANSLATE_NOOP("SearchResultsTableModel", "村"),
        QT_TRANSLATE_NOOP("SearchResultsTableModel", "户编号"),
    )
    ROW_NUMBERS = True

    def __init__(self, conn: sqlite3.Connection, lang: str = "zh", parent: Any = None) -> None:
        super().__init__(parent)
        self._conn = conn
        self._lang = lang
        self._query = ""
        self._hits: list[Any] = []
        self._has_more = False
        self._fetching = False
        self._village_names: dict[str, str] = {}

    def set_village_names(self, names: dict[str, str]) -> None:
        """Names shown in the village column, by village code."""
        self._village_names = dict(names)
        if self._hits:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self._hits) - 1, 3))

    def set_query(self, query: str) -> None:
        """Show the first page of hits for ``query`` (nothing for a blank query)."""
        self.beginResetModel()
        self._query = query.strip()
        self._hits, self._has_more = self._page(0) if self._query else ([], False)
        self.endResetModel()

    def query(self) -> str:
        """The query whose hits are shown."""
        return self._query

    def hit(self, row: int) -> Any:
        """The SearchHit shown in ``row``."""
        return self._hits[row]

    def row_total(self) -> int:
        """How many hits are loaded so far."""
        return len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._cell(self._hits[index.row()], index.column())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._has_more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if not self.canFetchMore(parent):
            return
        self._fetching = True  # views and testers may ask again while the rows are being inserted
        try:
            hits, self._has_more = self._page(len(self._hits))
            if hits:
                first = len(self._hits)
                self.beginInsertRows(QModelIndex(), first, first + len(hits) - 1)
                self._hits.extend(hits)
                self.endInsertRows()
        finally:
            self._fetching = False

    def _page(self, offset: int) -> tuple[list[Any], bool]:
        from models.search import search

        page = search(self._conn, self._query, limit=PAGE_SIZE, offset=offset)
        return list(page.hits), bool(page.has_more)

    def _cell(self, hit: Any, column: int) -> str:
        if column == 0:
            return hit.display_name(self._lang)
        if column == 1:
            return (label_en if self._lang == "en" else label)("relation", hit.relation)
        if column == 2:
            return hit.id_masked or ""
        if column == 3:
            return self._village_names.get(hit.village_code) or hit.village_code or ""
        return hit.household_no or ""
