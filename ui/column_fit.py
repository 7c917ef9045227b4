"""Columns of a small record table as wide as their header and contents, in any interface language.

Fixed pixel widths clip English headers and labels ("Fem…", "Chan…"); here the
short columns take the width they need whenever the rows change (and can still
be resized by hand) while the long text columns share the rest of the width.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QHeaderView, QTableView

PADDING = 8  # pixels beside the widest text, so that neighbouring columns do not run together


def fit_columns(view: QTableView, stretch: Iterable[int], limits: dict[int, int] | None = None) -> None:
    """Size every column of ``view`` to its header and contents, except ``stretch``, which fill the rest;
    ``limits`` caps the fitted width of some long text columns (pixels; the tooltip shows the whole text)."""
    stretched, limits = frozenset(stretch), limits or {}
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    columns = range(view.model().columnCount())
    for column in columns:
        mode = QHeaderView.ResizeMode.Stretch if column in stretched else QHeaderView.ResizeMode.Interactive
        header.setSectionResizeMode(column, mode)

    def fit() -> None:
        for column in columns:
            if column not in stretched:
                view.resizeColumnToContents(column)
                width = view.columnWidth(column) + PADDING
                view.setColumnWidth(column, min(width, limits.get(column, width)))

    view.model().modelReset.connect(fit)
    view.model().layoutChanged.connect(fit)
    fit()
