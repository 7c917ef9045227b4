"""Per-laptop status and the duplicates desk of the 同步 menu."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from exports.bundle_keys import identity, revoke
from exports.bundle_report import PeerStatus, format_skew, peer_status, pending_text
from models.codes import label, label_en
from models.db import Database
from models.errors import JiandangError
from models.sync_duplicates import DuplicatePerson, duplicate_groups
from models.sync_resolve import site_name
from models.sync_state import format_ranges
from ui import messages
from ui.record_table import enable_with_selection, fitted_view

Index = QModelIndex | QPersistentModelIndex
PEER_COLUMNS = (  # each marked literally: lupdate only sees string constants
    QT_TRANSLATE_NOOP("PeersTableModel", "设备"),
    QT_TRANSLATE_NOOP("PeersTableModel", "角色"),
    QT_TRANSLATE_NOOP("PeersTableModel", "设备编号"),
    QT_TRANSLATE_NOOP("PeersTableModel", "指纹"),
    QT_TRANSLATE_NOOP("PeersTableModel", "最近导入"),
    QT_TRANSLATE_NOOP("PeersTableModel", "发送方时钟"),
    QT_TRANSLATE_NOOP("PeersTableModel", "已收到"),
    QT_TRANSLATE_NOOP("PeersTableModel", "缺少"),
    QT_TRANSLATE_NOOP("PeersTableModel", "暂存"),
    QT_TRANSLATE_NOOP("PeersTableModel", "状态"),
)
DUPLICATE_COLUMNS = (
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "证件号码"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "姓名"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "与户主关系"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "出生日期"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "村"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "户编号"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "户主"),
    QT_TRANSLATE_NOOP("DuplicatesTableModel", "录入设备"),
)


class _Table(QAbstractTableModel):
    """A read-only table of display strings."""

    context = ""
    columns: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []

    def set_rows(self, rows: list[tuple[str, ...]]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (
            QCoreApplication.translate(self.context, self.columns[section])
            if 0 <= section < len(self.columns)
            else None
        )


class PeersTableModel(_Table):
    """One enrolled device per row."""

    context, columns = "PeersTableModel", PEER_COLUMNS

    def set_statuses(self, statuses: list[PeerStatus], lang: str = "zh") -> None:
        """Show these devices."""
        tr = lambda text: QCoreApplication.translate("", text)  # noqa: E731 (lupdate: the empty context)
        self.sites = [s.peer.site_id for s in statuses]
        self.set_rows(
            [
                (
                    s.peer.name,
                    tr("乡镇") if s.peer.role == "township" else tr("村"),
                    s.peer.site_id[:8],
                    s.peer.fingerprint,
                    s.last_import or tr("从未"),
                    format_skew(s.skew_ms, lang) if s.skew_ms is not None else "",
                    f"1–{s.contiguous}" if s.contiguous else "",
                    format_ranges(s.missing),
                    format_ranges(s.held),
                    _state(s),
                )
                for s in statuses
            ]
        )


def _state(status: PeerStatus) -> str:
    """The 状态 column: revoked, its last bundle refused (a fork, a restored database), or fine."""
    tr = lambda text: QCoreApplication.translate("", text)  # noqa: E731
    if status.peer.revoked:
        return tr("已吊销")
    if status.refused is not None:
        return tr("数据包被拒收（见下方）")
    return tr("正常")


class StatusDialog(QDialog):
    """Every enrolled device: last bundle, contiguous range, gaps, held records, clock skew, revocation."""

    def __init__(self, parent: QWidget | None, db: Database, lang: str = "zh") -> None:
        super().__init__(parent)
        self.db, self.lang = db, lang
        self.setWindowTitle(self.tr("各设备同步状态"))
        self.model = PeersTableModel(self)
        self.table = _view(self.model)
        who = identity(db)
        self.own = QLabel(
            self.tr("本机：{name}，指纹 {fp}").format(name=who.name, fp=who.fingerprint)
            if who
            else self.tr("本机还没有同步密钥。")
        )
        self.pending = QLabel()  # on a laptop: what the township acknowledged, what is left to export
        self.refusals = QLabel()  # why a device's last bundle was refused, and what to do
        self.refusals.setWordWrap(True)
        self.refusals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.revoke_button = QPushButton(self.tr("吊销所选设备…"))
        self.revoke_button.clicked.connect(lambda: self.revoke_selected())
        self.revoke_button.setVisible(who is not None and who.role == "township")
        enable_with_selection(self.table, self.revoke_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own)
        layout.addWidget(self.pending)
        layout.addWidget(self.table)
        layout.addWidget(self.refusals)
        row = QHBoxLayout()
        row.addWidget(self.revoke_button)
        row.addStretch()
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(1000, 320)
        self.reload()

    def reload(self) -> None:
        """Re-read the devices."""
        statuses = peer_status(self.db)
        self.model.set_statuses(statuses, self.lang)
        township = next((s for s in statuses if s.peer.role == "township" and not s.peer.revoked), None)
        self.pending.setText(pending_text(self.db, township.acked_own, self.lang) if township else "")
        self.pending.setVisible(township is not None)
        refused = [s for s in statuses if s.refused is not None and not s.peer.revoked]
        self.refusals.setText(
            "\n\n".join(
                self.tr("{name} 的数据包 {file} 在 {when} 被拒收：").format(
                    name=s.peer.name, file=s.refused.file, when=s.refused.when
                )
                + s.refused.message(self.lang)
                for s in refused
            )
        )
        self.refusals.setVisible(bool(refused))

    def revoke_selected(self) -> bool:
        """Revoke the selected device after asking."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return False
        site = self.model.sites[rows[0].row()]
        question = self.tr("吊销后，这台设备的数据包都将被拒收。确定吊销 {name} 吗？").format(
            name=site_name(self.db, site, self.lang)
        )
        if not messages.confirm(self, self.tr("吊销设备"), question):
            return False
        try:
            revoke(self.db, site)
        except JiandangError as error:
            messages.show_error(self, error.message(self.lang))
            return False
        self.reload()
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, lang: str = "zh") -> None:
        """Show the dialog until it is closed."""
        cls(parent, db, lang).exec()


class DuplicatesTableModel(_Table):
    """Every registration of an ID number registered in two or more households, grouped."""

    context, columns = "DuplicatesTableModel", DUPLICATE_COLUMNS

    def set_groups(self, db: Database, groups: list[list[DuplicatePerson]], lang: str = "zh") -> None:
        """Show these groups (consecutive rows of one group share the ID number)."""
        self.people = [p for group in groups for p in group]
        self.set_rows(
            [
                (
                    p.id_masked,
                    p.name,
                    (label_en if lang == "en" else label)("relation", p.relation or ""),
                    p.birth_date or "",
                    p.village,
                    p.household_no or "",
                    p.head or "",
                    site_name(db, p.created_site, lang),
                )
                for p in self.people
            ]
        )


class DuplicatesDesk(QDialog):
    """Possible duplicates: open either household, compare and merge them, or remove one registration."""

    def __init__(
        self,
        parent: QWidget | None,
        db: Database,
        registry: Any,
        lang: str = "zh",
        open_household: Any = None,
        merged: Any = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.registry, self.lang, self._open, self._merged = db, registry, lang, open_household, merged
        self.setWindowTitle(self.tr("可能重复登记"))
        self.model = DuplicatesTableModel(self)
        self.table = _view(self.model)
        self.summary = QLabel()
        remove = QPushButton(self.tr("删除所选登记（保留另一户的）…"))
        remove.clicked.connect(lambda: self.remove_selected())
        show = QPushButton(self.tr("打开所选的户"))
        show.clicked.connect(lambda: self._open and self.current() and self._open(self.current().household_id))
        compare = QPushButton(self.tr("比较并合并两户…"))
        compare.clicked.connect(lambda: self.merge_selected())
        member = QPushButton(self.tr("合并同一人的两条登记…"))
        member.clicked.connect(lambda: self.merge_selected(members=True))
        enable_with_selection(self.table, remove, show, compare, member)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        for widget in (show, compare, member, remove):
            row.addWidget(widget)
        row.addStretch()
        row.addWidget(close)
        layout.addLayout(row)
        self.resize(980, 380)
        self.reload()

    def reload(self) -> None:
        """Re-read the duplicates."""
        groups = duplicate_groups(self.db.conn)
        self.model.set_groups(self.db, groups, self.lang)
        self.summary.setText(
            self.tr("{n} 个证件号码登记在两户或更多户中。同步不会自动覆盖：请比较后合并，或删除错误的登记。").format(
                n=len(groups)
            )
            if groups
            else self.tr("没有发现重复登记。")
        )

    def current(self) -> DuplicatePerson | None:
        """The selected registration."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.people[rows[0].row()] if rows else None

    def merge_selected(self, members: bool = False) -> bool:
        """Compare the selected registration's household (B) with the other one's (A) and merge them, or
        (``members``) merge the two member records of the person; True when merged."""
        from ui.merge_dialog import merge_registration

        person = self.current()
        if person is None or not merge_registration(self, self.registry, person.member_id, members, self.lang):
            return False
        self.reload()
        if self._merged:
            self._merged()
        return True

    def remove_selected(self) -> bool:
        """Delete the selected member record (a normal, logged delete) after asking."""
        person = self.current()
        if person is None:
            return False
        question = self.tr("从 {village} {head} 户中删除 {name} 的这条登记吗？另一户的登记保留。").format(
            village=person.village, head=person.head or "", name=person.name
        )
        if not messages.confirm(self, self.tr("删除重复登记"), question):
            return False
        try:
            self.registry.delete_member(person.member_id)
        except JiandangError as error:
            messages.show_error(self, error.message(self.lang))
            return False
        self.reload()
        return True

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        db: Database,
        registry: Any,
        lang: str = "zh",
        open_household: Any = None,
        merged: Any = None,
    ) -> None:
        """Show the desk until it is closed; ``merged()`` is called after each merge (to refresh the window)."""
        cls(parent, db, registry, lang, open_household, merged).exec()


def _view(model: QAbstractTableModel) -> QTableView:
    return fitted_view(model)
