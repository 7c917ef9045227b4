"""The two list screens of notices: the households a notice lists (checkable) and the archive of notices."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from exports.notice_kinds import KINDS
from models.codes import label, label_en
from models.notice_archive import CHANGED, MISSING, OK, ArchivedNotice
from ui.table_models import CheckableTableModel, ColumnTableModel, Index

NONE = "—"  # a card or an announcement has no notice period
UNNAMED_OPERATOR = "operator"  # what ``Database.operator`` records when no operator or device name is set
FILE_STATES = {
    OK: QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "完好"),
    MISSING: QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "不在本机"),
    CHANGED: QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "已被改动"),
}


class NoticeHouseholdsTableModel(CheckableTableModel):
    """A village's households, each with a check box: the checked ones are listed on the notice."""

    CONTEXT = "NoticeHouseholdsTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("NoticeHouseholdsTableModel", "户主"),
        QT_TRANSLATE_NOOP("NoticeHouseholdsTableModel", "村民小组"),
        QT_TRANSLATE_NOOP("NoticeHouseholdsTableModel", "户编号"),
        QT_TRANSLATE_NOOP("NoticeHouseholdsTableModel", "人口"),
        QT_TRANSLATE_NOOP("NoticeHouseholdsTableModel", "状态"),
    )

    def __init__(self, lang: str = "zh", parent: Any = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._rows: list[dict[str, str]] = []

    def set_households(self, rows: Sequence[dict[str, str]], checked: set[str]) -> None:
        """Show these households, the ones in ``checked`` ticked."""
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = [row["id"] in checked for row in self._rows]
        self.endResetModel()

    def check_where(self, test: Callable[[dict[str, str]], bool], on: bool = True) -> None:
        """Tick (or untick) every household for which ``test(row)`` is true."""
        self.set_checks([on if test(row) else was for row, was in zip(self._rows, self._checked, strict=True)])

    def row_id(self, row: int) -> str:
        """The id of the household in ``row``."""
        return self._rows[row]["id"]

    def row_total(self) -> int:
        """How many households are listed."""
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole:
            return self.check_state(index)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        status = (label_en if self._lang == "en" else label)("household_status", row["status"] or None)
        return (row["head"], row["group"], row["household_no"], row["population"], status)[index.column()]


class NoticeArchiveTableModel(ColumnTableModel):
    """The archived notices, newest first, with whether this computer still holds the unchanged PDF."""

    CONTEXT = "NoticeArchiveTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "生成时间"),
        QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "种类"),
        QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "村"),
        QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "年度"),
        QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "公示期"),
        QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "户数"),
        QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "页数"),
        QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "操作员"),
        QT_TRANSLATE_NOOP("NoticeArchiveTableModel", "文件"),
    )

    def __init__(self, village_names: dict[str, str], lang: str = "zh", parent: Any = None) -> None:
        super().__init__(parent)
        self._names = village_names
        self._lang = lang
        self._notices: list[ArchivedNotice] = []
        self._states: dict[str, str] = {}

    def set_notices(self, notices: Sequence[ArchivedNotice], states: dict[str, str]) -> None:
        """Show these notices; ``states`` maps notice id to ok / missing / changed."""
        self.beginResetModel()
        self._notices = list(notices)
        self._states = dict(states)
        self.endResetModel()

    def notice(self, row: int) -> ArchivedNotice:
        """The notice shown in ``row``."""
        return self._notices[row]

    def row_total(self) -> int:
        """How many notices are listed."""
        return len(self._notices)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        notice = self._notices[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{notice.file_name}\nSHA-256 {notice.sha256}"
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        kind = KINDS.get(notice.kind)
        state = self._states.get(notice.id, OK)
        return (
            notice.created_at.replace("T", " "),
            (kind.title_en if self._lang == "en" else kind.title) if kind else notice.kind,
            self._names.get(notice.village_code, notice.village_code),
            str(notice.year),
            f"{notice.start_date} – {notice.end_date}" if kind is None or kind.is_notice else NONE,
            str(len(notice.household_ids)),
            str(notice.pages),
            _operator(notice.operator),
            QCoreApplication.translate("NoticeArchiveTableModel", FILE_STATES[state]),
        )[index.column()]


def _operator(name: str) -> str:
    """The operator, or 未设置 when none was set (the database then records the placeholder "operator")."""
    if name and name != UNNAMED_OPERATOR:
        return name
    return QCoreApplication.translate("NoticeArchiveTableModel", "未设置")
