"""Preview of the real notice PDF (Qt PDF), printing it with the Qt print dialog, and saving it.

What is shown is the very file that is printed, saved and archived. Before
the first print or save ``on_output`` runs (it archives the notice and returns
where the archive keeps it); if it is refused nothing is printed. A status
line then says where the file went and that it was archived.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.errors import JiandangError
from ui import messages

PRINTED, SAVED = "printed", "saved"
MAX_PRINT_DPI = 300


def print_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Render every page (at most 300 dpi) onto the whole sheet of ``printer``; returns the pages printed.

    The PDF carries its own margins, so the page is mapped onto the full paper.
    """
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise JiandangError("无法开始打印，请检查打印机。", "Printing could not start; check the printer.")
    try:
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            paper = printer.paperRect(QPrinter.Unit.DevicePixel)
            fitted = points.scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, fitted.width(), fitted.height()), image)
    finally:
        painter.end()
    return document.pageCount()


def match_paper(printer: QPrinter, document: QPdfDocument) -> None:
    """Preselect the notice's paper size and orientation (A4, A4 landscape, A3) in the print dialog."""
    if document.pageCount() == 0:
        return
    points = document.pagePointSize(0)
    width, height = points.width(), points.height()
    size = QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Point)
    orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))


class NoticePreviewDialog(QDialog):
    """The PDF page by page, with 打印… and 另存为…."""

    def __init__(
        self,
        pdf: bytes,
        title: str,
        on_output: Callable[[], Path | None] | None = None,
        lang: str = "zh",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("预览 — {title}").format(title=title))
        self.pdf, self.title, self._lang = pdf, title, lang
        self._on_output, self._output_done = on_output, False
        self.archived: Path | None = None
        self.outcome: str | None = None
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(self.tr("共 {n} 页").format(n=self.document.pageCount()))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout()
        self.resize(900, 1000)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        pdf: bytes,
        title: str,
        on_output: Callable[[], Path | None] | None = None,
        lang: str = "zh",
    ) -> str | None:
        """Show the preview; "printed" or "saved" (the last thing done), or None when only looked at."""
        dialog = cls(pdf, title, on_output, lang, parent)
        dialog.exec()
        return dialog.outcome

    def _layout(self) -> None:
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为…"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_notice)
        self.save_button.clicked.connect(self.save_notice)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _before_output(self) -> bool:
        if self._output_done or self._on_output is None:
            return True
        try:
            self.archived = self._on_output()
        except (JiandangError, OSError) as error:
            messages.show_error(self, error.message(self._lang) if isinstance(error, JiandangError) else str(error))
            return False
        self._output_done = True
        return True

    def ask_printer(self) -> QPrinter | None:
        """The printer chosen in the Qt print dialog, or None (tests replace this)."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        match_paper(printer, self.document)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_save_path(self) -> str:
        """Where to save, or "" (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("另存为"), f"{self.title}.pdf", self.tr("PDF 文件 (*.pdf)"))
        return path

    def print_notice(self) -> None:
        """Archive (once), then print every page."""
        printer = self.ask_printer()
        if printer is None or not self._before_output():
            return
        try:
            pages = print_document(self.document, printer)
        except JiandangError as error:
            messages.show_error(self, error.message(self._lang))
            return
        self.outcome = PRINTED
        name = printer.printerName() or printer.outputFileName()
        self._report(self.tr("已送打印机“{printer}”（{n} 页）。").format(printer=name, n=pages))

    def save_notice(self) -> None:
        """Archive (once), then write the PDF where the user chose."""
        path = self.ask_save_path()
        if not path or not self._before_output():
            return
        try:
            Path(path).write_bytes(self.pdf)
        except OSError as error:
            messages.show_error(self, self.tr("无法保存文件：{error}").format(error=error))
            return
        self.outcome = SAVED
        self._report(self.tr("已保存到 {path}。").format(path=Path(path)))

    def _report(self, done: str) -> None:
        """Say what was done and, for a new notice, that it was archived and where the archive copy is."""
        if self.archived is not None:
            done += self.tr("已存档，存档副本：{path}").format(path=self.archived)
        self.status.setText(done)
