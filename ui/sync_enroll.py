"""Keys and enrollment: create this computer's keys, write its key file, enroll the other side's key file.

Both screens show the same short fingerprint; the user compares it aloud
before the enrollment is kept.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exports.bundle_io import safe_write
from exports.bundle_keys import (
    TOWNSHIP,
    VILLAGE,
    enroll,
    identity,
    init_keys,
    key_file_bytes,
    read_key_file,
    replaced_township,
    revoked_enrollment,
    unlock,
)
from exports.bundle_rekey import key_change
from models.db import Database
from models.errors import JiandangError
from ui import messages
from ui.sync_dialogs import PassphraseDialog, error_text
from ui.sync_rekey import ask_change_passphrase, ask_rekey, confirm_key_change


def choose_key_file(parent: QWidget, save: bool, suggested: str = "") -> str:
    """A key file to write or to read ("" when cancelled); tests replace this."""
    title = (
        QCoreApplication.translate("EnrollDialog", "保存本机密钥文件")
        if save
        else QCoreApplication.translate("EnrollDialog", "选择对方的密钥文件")
    )
    pattern = QCoreApplication.translate("EnrollDialog", "密钥文件 (*.jdkey)")
    if save:
        return QFileDialog.getSaveFileName(parent, title, suggested, pattern)[0]
    return QFileDialog.getOpenFileName(parent, title, "", pattern)[0]


class EnrollDialog(QDialog):
    """This computer's identity and fingerprint, and the enrollment steps."""

    def __init__(self, parent: QWidget | None, db: Database, lang: str = "zh") -> None:
        super().__init__(parent)
        self.db, self.lang = db, lang
        self.setWindowTitle(self.tr("同步密钥与设备登记"))
        self.identity = QLabel()
        self.fingerprint = QLabel()
        self.fingerprint.setFont(QFont("DejaVu Sans Mono", 16, QFont.Weight.Bold))
        self.role = QComboBox()
        self.role.addItem(self.tr("村（工作队笔记本电脑）"), VILLAGE)
        self.role.addItem(self.tr("乡镇（汇总数据）"), TOWNSHIP)
        if db.setting("role") == TOWNSHIP:
            self.role.setCurrentIndex(1)
        self.name = QLineEdit(db.setting("device_name"))
        self.name.setPlaceholderText(self.tr("例如：文峰村工作队（不要写人名）"))
        self.create = QGroupBox(self.tr("第一步：创建本机密钥（只做一次）"))
        form = QFormLayout(self.create)
        form.addRow(self.tr("本机角色："), self.role)
        form.addRow(self.tr("设备名称："), self.name)
        make = QPushButton(self.tr("创建密钥…"))
        make.clicked.connect(self.create_keys)
        form.addRow(make)
        self.write_button = QPushButton(self.tr("把本机密钥文件写到 U 盘…"))
        self.write_button.clicked.connect(lambda: self.write_key_file(choose_key_file(self, True, self._suggested())))
        self.read_button = QPushButton(self.tr("登记对方的密钥文件…"))
        self.read_button.clicked.connect(lambda: self.enroll_file(choose_key_file(self, False)))
        self.maintain = QGroupBox(self.tr("忘记同步密码或更换密码"))
        change = QPushButton(self.tr("更改同步密码…"))
        change.clicked.connect(self.change_passphrase)
        remake = QPushButton(self.tr("重新生成密钥…"))
        remake.clicked.connect(self.make_new_keys)
        hint = QLabel(self.tr("忘记了同步密码或怀疑密钥泄露：重新生成密钥，数据不变，对方重新登记本机的密钥文件。"))
        hint.setWordWrap(True)
        maintain = QVBoxLayout(self.maintain)
        for widget in (hint, change, remake):
            maintain.addWidget(widget)
        steps = QLabel(
            self.tr(
                "登记步骤：村里的电脑把密钥文件写到 U 盘，乡镇登记它并写出乡镇的密钥文件，村里的电脑再登记乡镇的"
                "密钥文件。两边屏幕上显示的指纹必须一致。"
            )
        )
        steps.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.identity, self.fingerprint, self.create, steps, self.write_button, self.read_button):
            layout.addWidget(widget)
        layout.addWidget(self.maintain)
        layout.addWidget(close)
        self.resize(520, 420)
        self.refresh()

    def _suggested(self) -> str:
        return f"{self.db.site_id[:8]}.jdkey"

    def refresh(self) -> None:
        """Show the identity, or the key creation step when there are no keys yet."""
        who = identity(self.db)
        self.create.setVisible(who is None)
        self.maintain.setVisible(who is not None)
        self.write_button.setEnabled(who is not None)
        self.read_button.setEnabled(who is not None)
        if who is None:
            self.identity.setText(self.tr("本机还没有同步密钥。"))
            self.fingerprint.setText("")
            return
        role = self.tr("乡镇") if who.role == TOWNSHIP else self.tr("村")
        self.identity.setText(
            self.tr("本机：{name}（{role}），设备编号 {site}").format(name=who.name, role=role, site=who.site_id[:8])
        )
        self.fingerprint.setText(self.tr("指纹：{fp}").format(fp=who.fingerprint))

    def create_keys(self) -> bool:
        """Create the keys with a new passphrase (asked twice)."""
        passphrase = PassphraseDialog.ask(self, confirm=True)
        if passphrase is None:
            return False
        try:
            init_keys(self.db, self.role.currentData(), self.name.text().strip() or self.role.currentText(), passphrase)
        except JiandangError as error:
            messages.show_error(self, error.message(self.lang))
            return False
        self.refresh()
        return True

    def change_passphrase(self) -> bool:
        """Same keys, a new passphrase (the current one is needed)."""
        return ask_change_passphrase(self, self.db, self.lang)

    def make_new_keys(self) -> bool:
        """New keys and passphrase for this site (a forgotten passphrase), after an explicit Yes."""
        who = identity(self.db)
        done = who is not None and ask_rekey(self, self.db, self.lang, who.role)
        self.refresh()
        return done

    def write_key_file(self, path: str) -> bool:
        """Write this computer's key file (signed, hence the passphrase)."""
        if not path:
            return False
        passphrase = PassphraseDialog.ask(self)
        if passphrase is None:
            return False
        try:
            safe_write(Path(path), [key_file_bytes(unlock(self.db, passphrase))])
        except JiandangError as error:
            messages.show_error(self, error_text(error, self.lang))
            return False
        messages.show_info(
            self, self.tr("已写出本机密钥文件。请对方登记它，并核对指纹：{fp}").format(fp=identity(self.db).fingerprint)
        )
        return True

    def enroll_file(self, path: str) -> bool:
        """Enroll the other side's key file once the user confirms the fingerprint matches.

        A revoked device is re-enabled, and a device's new keys (it re-keyed) replace its enrolled ones, only when
        the user answers an explicit question naming the revocation or both fingerprints (No is the default).
        """
        if not path:
            return False
        try:
            peer = read_key_file(Path(path))
        except (JiandangError, OSError) as error:
            messages.show_error(self, error.message(self.lang) if isinstance(error, JiandangError) else str(error))
            return False
        revoked = revoked_enrollment(self.db, peer)
        if revoked is not None and not messages.confirm(
            self,
            self.tr("重新启用已吊销的设备？"),
            self.tr(
                "{name}（设备编号 {site}）已于 {when} 吊销。U 盘上常留着它的旧密钥文件，请确认没有选错。\n\n"
                "重新登记会重新启用这台设备：它的数据包又会被导入。确实要重新启用吗？"
            ).format(name=revoked.name, site=revoked.site_id[:8], when=(revoked.revoked or "")[:16]),
        ):
            return False
        changed = key_change(self.db, peer)
        if changed is not None and not confirm_key_change(self, changed, peer):
            return False
        question = self.tr("对方：{name}\n指纹：{fp}\n\n请与对方屏幕上显示的指纹逐字核对。完全一致吗？").format(
            name=peer.name, fp=peer.fingerprint
        )
        replaced = replaced_township(self.db, peer)
        if replaced is not None:
            question += "\n\n" + self.tr("登记后，原来的乡镇 {old} 将停用，以后的数据包只发给 {new}。").format(
                old=replaced.name, new=peer.name
            )
        if not messages.ask_yes_no(self, self.tr("核对指纹"), question):
            return False
        try:
            enroll(self.db, peer, reactivate=revoked is not None, replace_key=changed is not None)
        except JiandangError as error:
            messages.show_error(self, error.message(self.lang))
            return False
        messages.show_info(self, self.tr("已登记 {name}。").format(name=peer.name))
        return True

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, lang: str = "zh") -> None:
        """Show the dialog until it is closed."""
        cls(parent, db, lang).exec()
