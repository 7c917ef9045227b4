"""The 同步 → 各设备同步状态 dialog: every enrolled device's last bundle, gaps, held records, clock skew."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exports.bundle_keys import identity, revoke
from exports.bundle_report import PeerStatus, format_skew, peer_status, pending_text
from models.db import Database
from models.errors import JiandangError
from models.sync_resolve import site_name
from models.sync_state import format_ranges
from ui import messages
from ui.record_table import enable_with_selection, fitted_view
from ui.text_table import TextTableModel

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


class PeersTableModel(TextTableModel):
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
        self.table = fitted_view(self.model)
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
