"""The first two pages of the Excel import wizard: choosing the file, then checking what each column means."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from exports.excel_fields import target_choices
from exports.excel_headers import remember_mapping
from exports.excel_import import ExcelImport, ImportOptions, mapping_problems
from exports.excel_rows import MEMBER_LAYOUT, layout_of
from models.errors import JiandangError
from ui import messages

if TYPE_CHECKING:
    from ui.excel_wizard import ImportWizard

FILE_FILTER = "Excel (*.xlsx *.xlsm *.xls *.ods)"


def choose_file(parent: QWidget) -> str:
    """Ask for the workbook to import ("" when cancelled); tests replace this."""
    path, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("FilePage", "选择要导入的 Excel 文件"), "", FILE_FILTER
    )
    return path


class FilePage(QWizardPage):
    """Step 1: the workbook, and the choices that apply to all its rows."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("选择文件"))
        self.setSubTitle(self.tr("选择要导入的花名册（.xlsx、.xls 或 .ods）。每行一名家庭成员或每行一户都可以。"))
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Excel 文件"))
        browse = QPushButton(self.tr("选择文件…"))
        browse.clicked.connect(self._browse)
        self.village = QComboBox()
        self.village.addItem(self.tr("（按表中的“村”列）"), None)
        for region in wizard.registry.regions():
            if region["level"] == 5:
                self.village.addItem(f"{region['name']}（{region['code']}）", region["code"])
        self.create_places = QCheckBox(self.tr("表中的村和村民小组不存在时新建（村须有代码和名称）"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(wizard.status_year)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.path.textChanged.connect(self.completeChanged)
        self._layout(browse)

    def _layout(self, browse: QPushButton) -> None:
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("文件"), row)
        form.addRow(self.tr("所在村"), self.village)
        form.addRow("", self.create_places)
        form.addRow(self.tr("“贫困户状态”的年度"), self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.busy)

    def _browse(self) -> None:
        path = choose_file(self)
        if path:
            self.path.setText(path)

    def options(self) -> ImportOptions:
        """The choices made on this page."""
        return ImportOptions(self.village.currentData(), self.create_places.isChecked(), self.year.value())

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and not self.busy.isVisible()

    def validatePage(self) -> bool:
        """Read the file off the GUI thread; the wizard moves on when it has been read."""
        job = self.owner.job
        if job is not None and str(job.path) == self.path.text().strip():
            job.options = self.options()
            return True
        self.busy.show()
        self.completeChanged.emit()
        path, options = self.path.text().strip(), self.options()
        self.owner.background.submit(lambda db: ExcelImport.open(path, db.conn, options), self._read, self._failed)
        return False

    def _read(self, job: ExcelImport) -> None:
        self.busy.hide()
        self.owner.job = job
        self.completeChanged.emit()
        self.owner.next()

    def _failed(self, error: BaseException) -> None:
        self.busy.hide()
        self.completeChanged.emit()
        text = error.message(self.owner.lang) if isinstance(error, JiandangError) else str(error)
        messages.show_error(self, text)


class MappingPage(QWizardPage):
    """Step 2: the guessed meaning of each column, to confirm or change."""

    SOURCES = {
        "remembered": QT_TRANSLATE_NOOP("MappingPage", "上次确认"),
        "known": QT_TRANSLATE_NOOP("MappingPage", "按列名识别"),
        "similar": QT_TRANSLATE_NOOP("MappingPage", "相近列名（请核对）"),
        "none": QT_TRANSLATE_NOOP("MappingPage", "未识别"),
        "duplicate": QT_TRANSLATE_NOOP("MappingPage", "重复，未用"),
        "chosen": QT_TRANSLATE_NOOP("MappingPage", "已修改"),
    }

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("核对各列"))
        self.setSubTitle(self.tr("程序按列名猜出了每一列的内容，请逐列核对；选“（不导入）”的列会被忽略。"))
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.info = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [self.tr("列"), self.tr("表头"), self.tr("示例"), self.tr("导入为"), self.tr("识别方式")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.problems = QLabel()
        self.problems.setStyleSheet("color: #b00020")
        self.problems.setWordWrap(True)
        self.remember = QCheckBox(self.tr("记住这些对应关系（下次导入时自动使用）"))
        self.remember.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("工作表"), self.sheet)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.info)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.remember)

    def initializePage(self) -> None:
        job = self.owner.job
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems([s.name for s in job.sheets])
        self.sheet.setCurrentIndex(job.sheet_index)
        self.sheet.blockSignals(False)
        self._fill()

    def _sheet_changed(self, index: int) -> None:
        if index >= 0 and self.owner.job is not None:
            self.owner.job.choose_sheet(index)
            self._fill()

    def _fill(self) -> None:
        guess = self.owner.job.guess
        self.table.setRowCount(len(guess.columns))
        for row, column in enumerate(guess.columns):
            self._set_row(row, column)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(1, min(self.table.columnWidth(1), 220))
        self.table.setColumnWidth(2, min(max(self.table.columnWidth(2), 200), 340))
        self.table.setColumnWidth(3, max(self.table.columnWidth(3), 200))
        self._check()

    def _set_row(self, row: int, column: Any) -> None:
        from openpyxl.utils import get_column_letter

        samples = self.tr("、").join(column.samples)  # ", " in English
        for c, text in enumerate((get_column_letter(column.index + 1), column.header, samples)):
            item = QTableWidgetItem(text)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, c, item)
        combo = QComboBox()
        for target in target_choices():
            combo.addItem(target.label_en if self.owner.lang == "en" else target.label, target.key)
        combo.setCurrentIndex(max(0, combo.findData(column.target)))
        combo.currentIndexChanged.connect(lambda _=0, r=row, box=combo: self._changed(r, box))
        self.table.setCellWidget(row, 3, combo)
        self._source(row, column.source)

    def _source(self, row: int, source: str) -> None:
        item = QTableWidgetItem(QCoreApplication.translate("MappingPage", self.SOURCES.get(source, source)))
        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        if source == "similar":
            item.setForeground(Qt.GlobalColor.darkRed)
        elif source == "none":
            item.setForeground(Qt.GlobalColor.gray)
        self.table.setItem(row, 4, item)

    def _changed(self, row: int, combo: QComboBox) -> None:
        column = self.owner.job.guess.columns[row]
        self.owner.job.set_target(column.index, combo.currentData())
        self._source(row, "chosen")
        self._check()

    def _check(self) -> None:
        job = self.owner.job
        guess = job.guess
        if guess.header_rows:
            layout = layout_of({c.target for c in guess.columns})
            shape = self.tr("每行一名家庭成员") if layout == MEMBER_LAYOUT else self.tr("每行一户")
            self.info.setText(
                self.tr("表头在第 {row} 行，数据从第 {data} 行开始；{shape}。").format(
                    row=guess.header_rows[0] + 1, data=guess.first_data_row + 1, shape=shape
                )
            )
        else:
            self.info.setText(self.tr("没有找到表头。"))
        found = mapping_problems(job.guess, job.options)
        self.problems.setText("\n".join(p.message(self.owner.lang) for p in found))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        job = self.owner.job
        return job is not None and not mapping_problems(job.guess, job.options)

    def validatePage(self) -> bool:
        if self.remember.isChecked():
            remember_mapping(self.owner.db, self.owner.job.guess.columns)
        return True
