"""Dialogs of the 同步 menu: the passphrase, where to export, the import report (preview and result)."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from exports.bundle_volumes import Volume, removable_volumes
from ui import messages


def error_text(error: Exception, lang: str) -> str:
    """A sync error as the window shows it: a wrong passphrase names the menu and buttons, not CLI commands."""
    from exports.bundle_keys import WrongPassphraseError

    if isinstance(error, WrongPassphraseError):
        return error.gui_message(lang)
    return error.message(lang) if hasattr(error, "message") else str(error)


class PassphraseDialog(QDialog):
    """Asks for the sync passphrase (twice when creating keys)."""

    def __init__(self, parent: QWidget | None, confirm: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("同步密码"))
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        form = QFormLayout()
        form.addRow(self.tr("同步密码："), self.first)
        if confirm:
            form.addRow(self.tr("再输入一次："), self.second)
        self._confirm = confirm
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("数据包用本机的同步密钥签名和解密，密钥由同步密码保护。")))
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if len(self.first.text()) < 8:
            self.problem.setText(self.tr("密码至少要 8 个字符。"))
            return
        if self._confirm and self.first.text() != self.second.text():
            self.problem.setText(self.tr("两次输入的密码不一样。"))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, confirm: bool = False) -> str | None:
        """The passphrase, or None when cancelled."""
        dialog = cls(parent, confirm)
        return dialog.first.text() if dialog.exec() == QDialog.DialogCode.Accepted else None


class ExportDialog(QDialog):
    """Where to write the bundle: a removable drive (listed), or a folder; at the township, for which laptop."""

    def __init__(self, parent: QWidget | None, peers: list[tuple[str, str]], volumes: list[Volume]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出数据包"))
        self.folder: Path | None = None
        self.drives = QListWidget()
        for volume in volumes:
            item = QListWidgetItem(
                self.tr("{path}（可用 {free:.1f} GB）").format(path=volume.path, free=volume.free_bytes / 1e9)
            )
            item.setData(Qt.ItemDataRole.UserRole, str(volume.path))
            self.drives.addItem(item)
        if volumes:
            self.drives.setCurrentRow(0)
        self.hint = QLabel(
            self.tr("请选择 U 盘：") if volumes else self.tr("没有找到 U 盘。请插入 U 盘，或选择一个文件夹。")
        )
        choose = QPushButton(self.tr("选择文件夹…"))
        choose.clicked.connect(self._choose_folder)
        self.peer = QComboBox()
        for site, name in peers:
            self.peer.addItem(name, site)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(self.tr("导出"))
        self.drives.currentItemChanged.connect(lambda *_: self.export_button.setEnabled(self.target() is not None))
        self.export_button.setEnabled(self.target() is not None)  # nothing to write to until a drive or folder
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if peers:
            form = QFormLayout()
            form.addRow(self.tr("回执包发给："), self.peer)
            layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.drives)
        layout.addWidget(choose)
        layout.addWidget(QLabel(self.tr("文件名只含设备编号和序号，不含人名或村名。")))
        layout.addWidget(buttons)
        self.resize(460, 320)

    def _choose_folder(self) -> None:
        folder = choose_folder(self)
        if folder:
            self.folder = Path(folder)
            item = QListWidgetItem(str(self.folder))
            item.setData(Qt.ItemDataRole.UserRole, str(self.folder))
            self.drives.addItem(item)
            self.drives.setCurrentItem(item)

    def target(self) -> Path | None:
        """The chosen drive or folder."""
        item = self.drives.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    @classmethod
    def ask(cls, parent: QWidget | None, peers: list[tuple[str, str]]) -> tuple[Path, str | None] | None:
        """(target folder, peer site or None), or None when cancelled."""
        dialog = cls(parent, peers, removable_volumes())
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.target() is None:
            return None
        return dialog.target(), (dialog.peer.currentData() if peers else None)


def choose_folder(parent: QWidget) -> str:
    """A folder chosen by the user ("" when cancelled); tests replace this."""
    return QFileDialog.getExistingDirectory(parent, QCoreApplication.translate("ExportDialog", "选择导出到的文件夹"))


class ReportDialog(QDialog):
    """The import report: the dry-run preview (import or cancel) or the result (print, close)."""

    def __init__(
        self, parent: QWidget | None, lines: list[str], preview: bool, held: bool, can_import: bool = True
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入预览（尚未导入）") if preview else self.tr("导入报告"))
        if preview and not can_import:
            lines = [self.tr("这些文件都不能导入（见下面的原因），什么也没有改动。"), "", *lines]
        self.text = QTextBrowser()
        self.text.setPlainText("\n".join(lines))
        self.text.setFont(QFont("WenQuanYi Zen Hei"))
        self.accept_clock = QCheckBox(self.tr("确认导入时钟超前的数据包（时钟不会被采用）"))
        self.accept_clock.setVisible(preview and held)
        buttons = QDialogButtonBox()
        if preview and can_import:
            buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        elif preview:
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        else:
            printer = buttons.addButton(self.tr("打印…"), QDialogButtonBox.ButtonRole.ActionRole)
            printer.clicked.connect(self.print_report)
            buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.accept_clock)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def print_report(self) -> bool:
        """Print the report (or save it as PDF, named after the time, in Documents) through the system's
        print dialog; whether it was printed. A PDF that could not be written is reported."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M")
        printer.setOutputFileName(str(Path(documents) / self.tr("导入报告-{stamp}.pdf").format(stamp=stamp)))
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: Any) -> bool:
        """Print the report on ``printer``; False (after saying so) when its PDF file was not written."""
        target = printer.outputFileName()
        document = QTextDocument(self.text.toPlainText())
        document.setDefaultFont(self.text.font())
        document.print_(printer)
        if target and not Path(target).is_file():
            messages.show_error(
                self, self.tr("没有写出 {path}：请选择一个可以写入的文件夹和文件名。").format(path=target)
            )
            return False
        return True

    @classmethod
    def ask(
        cls, parent: QWidget | None, lines: list[str], preview: bool, held: bool = False, can_import: bool = True
    ) -> dict[str, Any] | None:
        """For a preview: {"accept_clock": bool} to import, None to cancel (or when nothing can be imported:
        then only Close is offered). For a result: always None."""
        dialog = cls(parent, lines, preview, held, can_import)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return {"accept_clock": dialog.accept_clock.isChecked()} if preview and accepted else None
