"""Changing the sync passphrase, making new keys, and confirming a peer's new keys (see exports.bundle_rekey)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from exports.bundle_keys import MIN_PASSPHRASE, TOWNSHIP, Peer, WrongPassphraseError
from exports.bundle_rekey import change_passphrase, rekey
from models.db import Database
from models.errors import JiandangError
from ui import messages
from ui.sync_dialogs import PassphraseDialog


class ChangePassphraseDialog(QDialog):
    """The current sync passphrase and a new one (twice); ``submit`` changes it, a refusal stays in the dialog."""

    def __init__(
        self, parent: QWidget | None, submit: Callable[[str, str], object] | None = None, lang: str = "zh"
    ) -> None:
        super().__init__(parent)
        self._submit, self.lang = submit, lang
        self.setWindowTitle(self.tr("更改同步密码"))
        self.old, self.new, self.again = (QLineEdit(echoMode=QLineEdit.EchoMode.Password) for _ in range(3))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("原来的同步密码："), self.old)
        form.addRow(self.tr("新的同步密码："), self.new)
        form.addRow(self.tr("再输入一次："), self.again)
        note = QLabel(self.tr("密钥和指纹不变，不需要重新登记。忘记了原来的密码时，请用“重新生成密钥…”。"))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(420, 0)

    def accept(self) -> None:
        if len(self.new.text()) < MIN_PASSPHRASE:
            self.problem.setText(self.tr("密码至少要 8 个字符。"))
            return
        if self.new.text() != self.again.text():
            self.problem.setText(self.tr("两次输入的密码不一样。"))
            return
        if self._submit is not None and not self._submitted():
            return
        super().accept()

    def _submitted(self) -> bool:
        """Change the passphrase; a wrong current one is shown here, with the way out, and selected to retype."""
        try:
            self._submit(self.old.text(), self.new.text())
        except WrongPassphraseError as error:
            self.problem.setText(error.gui_message(self.lang))
            self.resize(self.width(), max(self.height(), self.heightForWidth(self.width())))  # the advice wraps
            self.old.selectAll()
            self.old.setFocus()
            return False
        except JiandangError as error:
            self.problem.setText(error.message(self.lang))
            return False
        return True

    @classmethod
    def ask(
        cls, parent: QWidget | None, submit: Callable[[str, str], object] | None = None, lang: str = "zh"
    ) -> tuple[str, str] | None:
        """(current passphrase, new passphrase) after ``submit`` accepted them, or None when cancelled."""
        dialog = cls(parent, submit, lang)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.old.text(), dialog.new.text()


def ask_change_passphrase(parent: QWidget | None, db: Database, lang: str) -> bool:
    """Ask for the current and a new passphrase and re-protect the same keys; True when changed."""
    if ChangePassphraseDialog.ask(parent, lambda old, new: change_passphrase(db, old, new), lang) is None:
        return False
    messages.show_info(
        parent, QCoreApplication.translate("SyncRekey", "已更改同步密码。密钥和指纹没有变，不需要重新登记。")
    )
    return True


def ask_rekey(parent: QWidget | None, db: Database, lang: str, role: str) -> bool:
    """After an explicit Yes (No is the default) and a new passphrase, make new keys for this site; True when made."""
    peers = (
        QCoreApplication.translate("SyncRekey", "每台村里的电脑")
        if role == TOWNSHIP
        else QCoreApplication.translate("SyncRekey", "乡镇")
    )
    question = QCoreApplication.translate(
        "SyncRekey",
        "用于忘记了同步密码或怀疑密钥泄露。\n\n"
        "将为本机生成新的密钥和新的同步密码，原来的密钥作废。设备编号和全部数据不变，不会丢任何修改。\n\n"
        "之后请把本机的新密钥文件写到 U 盘，由{peers}重新登记（登记时会显示新旧指纹，请确认替换）。"
        "之前写出、对方还没导入的数据包都要重新导出。\n\n确实要重新生成密钥吗？",
    ).format(peers=peers)
    if not messages.confirm(parent, QCoreApplication.translate("SyncRekey", "重新生成密钥？"), question):
        return False
    passphrase = PassphraseDialog.ask(parent, confirm=True)
    if passphrase is None:
        return False
    try:
        old, new = rekey(db, passphrase)
    except JiandangError as error:
        messages.show_error(parent, error.message(lang))
        return False
    messages.show_info(
        parent,
        QCoreApplication.translate(
            "SyncRekey",
            "已重新生成本机同步密钥。\n原指纹：{old}\n新指纹：{new}\n\n"
            "下一步：点“把本机密钥文件写到 U 盘…”，再由{peers}登记它，并与这里的新指纹逐字核对。",
        ).format(old=old.fingerprint, new=new.fingerprint, peers=peers),
    )
    return True


def confirm_key_change(parent: QWidget | None, existing: Peer, peer: Peer) -> bool:
    """Ask (No is the default) before a device's enrolled keys are replaced by the new ones of its key file."""
    return messages.confirm(
        parent,
        QCoreApplication.translate("SyncRekey", "替换这台设备的密钥？"),
        QCoreApplication.translate(
            "SyncRekey",
            "{name}（设备编号 {site}）已经用另一把密钥登记过。\n\n原来的指纹：{old}\n新密钥文件的指纹：{new}\n\n"
            "只有那台设备确实重新生成了密钥（忘记同步密码或怀疑密钥泄露）时才替换；替换后它用旧密钥签发的数据包"
            "都会被拒收，请它重新导出。如果不是，这个数据库可能是从另一台电脑复制来的：不要替换。\n\n"
            "确实要换用新密钥吗？",
        ).format(name=existing.name, site=existing.site_id[:8], old=existing.fingerprint, new=peer.fingerprint),
    )
