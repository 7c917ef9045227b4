"""The archive of notices: what was posted, by whom and when; reprint exactly the archived PDF."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from exports.notice_data import village_choices
from exports.notice_kinds import KINDS
from models.db import Database
from models.errors import JiandangError
from models.notice_archive import check_file, list_notices, notices_dir, read_archived
from ui import messages
from ui.notice_models import NoticeArchiveTableModel
from ui.notice_preview import NoticePreviewDialog
from ui.record_table import configured_table


class NoticeArchiveDialog(QDialog):
    """Every archived notice, newest first; 预览/重印 opens the archived file after checking its SHA-256."""

    def __init__(self, db: Database, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("公示存档"))
        self.db, self._lang = db, lang
        self.reprinted: str | None = None
        names = dict(village_choices(db.conn))
        self.model = NoticeArchiveTableModel(names, lang, self)
        self.table = configured_table(self.model, row_padding=None)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda index: self.reprint(index.row()))
        self._layout()
        self.reload()

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, lang: str = "zh") -> str | None:
        """Show the archive; the id of the notice last reprinted, or None."""
        dialog = cls(db, lang, parent)
        dialog.exec()
        return dialog.reprinted

    def _layout(self) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.reprint_button = QPushButton(self.tr("预览/重印…"))
        folder = QPushButton(self.tr("打开存档文件夹"))
        buttons.addButton(self.reprint_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.reprint_button.clicked.connect(self._reprint_selected)
        folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(notices_dir()))))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("每份打印或保存过的公示都在此存档；重印的是存档时的原文件（校验 SHA-256）。")))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(980, 520)

    def reload(self) -> None:
        """Read the archive again (and check each file on this computer)."""
        notices = list_notices(self.db.conn)
        self.model.set_notices(notices, {n.id: check_file(n) for n in notices})

    def _reprint_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            messages.show_error(self, self.tr("请先选择一份公示。"))
            return
        self.reprint(rows[0].row())

    def reprint(self, row: int) -> None:
        """Preview the archived PDF of ``row`` with print and save; refused if it is missing or changed."""
        notice = self.model.notice(row)
        try:
            pdf = read_archived(notice)
        except JiandangError as error:
            messages.show_error(self, error.message(self._lang))
            return
        kind = KINDS.get(notice.kind)
        title = f"{notice.year}{kind.title if kind else notice.kind}（{notice.start_date}）"
        NoticePreviewDialog.ask(self, pdf, title, lang=self._lang)
        self.reprinted = notice.id
