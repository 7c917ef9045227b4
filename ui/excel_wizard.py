"""The Excel import wizard: file → columns → check report → import → summary.

Reading, checking and importing run off the GUI thread (``ui.background``,
with the wizard's own connection); nothing is written before the user presses
导入 on the report, and then everything accepted is written in one transaction.

    result = ImportWizard.ask(window, window.db, window.registry, window.lang)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from exports.excel_apply import ImportResult, apply_plan
from exports.excel_import import roster_year
from exports.excel_places_text import describe_new_places
from exports.excel_plan import ImportPlan
from exports.excel_rejected import save_rejected
from models.db import Database
from models.errors import JiandangError
from models.registry import Registry
from ui import messages
from ui.background import Background
from ui.excel_models import ImportChangesTableModel, ImportReportTableModel
from ui.excel_pages import FilePage, MappingPage


def choose_rejected_path(parent: QWidget, suggested: str) -> str:
    """Where to save the refused rows ("" when cancelled); tests replace this."""
    path, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("ImportWizard", "保存有错误的行"), suggested, "Excel (*.xlsx)"
    )
    return path


def _table(model: object, widths: tuple[int, ...]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    for column, width in enumerate(widths):
        view.setColumnWidth(column, width)
    return view


def _button_row(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row


class ReportPage(QWizardPage):
    """Step 3: every row checked against the registry's rules; what would be imported, changed or refused."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("检查结果"))
        self.setSubTitle(self.tr("所有行都已按登记时的规则检查，还没有写入。有错误的户整户不导入，警告不影响导入。"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("导入"))
        self.progress = QProgressBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.report = ImportReportTableModel(wizard.lang, self)
        self.changes = ImportChangesTableModel(wizard.lang, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(_table(self.report, (60, 90, 60)), self.tr("问题"))
        self.tabs.addTab(_table(self.changes, (60, 90, 90, 200, 180)), self.tr("将要修改的已登记户"))
        self.save = QPushButton(self.tr("保存有错误的行…"))
        self.save.clicked.connect(wizard.save_rejected)
        layout = QVBoxLayout(self)
        for widget in (self.progress, self.summary, self.tabs):
            layout.addWidget(widget)
        layout.addLayout(_button_row(self.save))

    def initializePage(self) -> None:
        self.start()

    def start(self) -> None:
        """Check the file again (the plan is made afresh from the current mapping and registry)."""
        self.owner.plan = None
        self.report.set_plan(None)
        self.changes.set_plan(None)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.save.setEnabled(False)
        self.summary.setText(self.tr("正在检查……"))
        job, today = self.owner.job, self.owner.registry.today()
        self.owner.background.submit(
            lambda db, progress: job.plan(Registry(db, today=today), progress),
            self._done,
            self._failed,
            key="plan",
            progress=self._progress,
        )
        self.completeChanged.emit()

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, plan: ImportPlan) -> None:
        self.owner.plan = plan
        self.progress.hide()
        self.report.set_plan(plan)
        self.changes.set_plan(plan)
        counts = plan.counts()
        text = self.tr(
            "共 {households} 户（{rows} 行）：新增 {new} 户，更新 {update} 户，无变化 {unchanged} 户，"
            "有错误 {rejected} 户（不导入）。错误 {errors} 条，警告 {warnings} 条，跳过 {skipped} 行。"
        ).format(households=len(plan.households), **counts)
        self.summary.setText("\n".join([text, *describe_new_places(plan.new_places(), self.owner.lang)]))
        self.tabs.setTabText(0, self.tr("问题（{n}）").format(n=counts["errors"] + counts["warnings"]))
        self.tabs.setTabText(1, self.tr("将要修改的已登记户（{n}）").format(n=self.changes.rowCount()))
        self.save.setEnabled(bool(plan.rejected()))
        self.completeChanged.emit()

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.summary.setText(self.tr("检查没有完成。"))
        messages.show_error(self, error.message(self.owner.lang) if isinstance(error, JiandangError) else str(error))

    def isComplete(self) -> bool:
        return self.owner.plan is not None and bool(self.owner.plan.accepted())


class ImportPage(QWizardPage):
    """Step 4: the accepted households written in one transaction."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("导入"))
        self.progress = QProgressBar()
        self.label = QLabel(self.tr("正在导入……"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addStretch(1)

    def initializePage(self) -> None:
        plan, today = self.owner.plan, self.owner.registry.today()
        self.progress.setRange(0, 0)
        self.owner.background.submit(
            lambda db, progress: apply_plan(Registry(db, today=today), plan, progress),
            self._done,
            self._failed,
            progress=self._progress,
        )

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, result: ImportResult) -> None:
        self.owner.result = result
        self.completeChanged.emit()
        self.owner.next()

    def _failed(self, error: BaseException) -> None:
        self.label.setText(self.tr("没有导入任何数据。"))
        messages.show_error(self, error.message(self.owner.lang) if isinstance(error, JiandangError) else str(error))

    def isComplete(self) -> bool:
        return self.owner.result is not None


class SummaryPage(QWizardPage):
    """Step 5: what was written, and the refused rows to save and fix."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.owner = wizard
        self.setTitle(self.tr("完成"))
        self.setSubTitle(self.tr("导入已在一个事务中完成；有错误的行可以保存下来，改正后再导入。"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.save = QPushButton(self.tr("保存有错误的行…"))
        self.save.clicked.connect(wizard.save_rejected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(_button_row(self.save))
        layout.addStretch(1)

    def initializePage(self) -> None:
        result = self.owner.result
        text = self.tr(
            "已导入：新增 {households_added} 户，更新 {households_updated} 户；新增成员 {members_added} 人，"
            "修改成员 {members_updated} 人。无变化 {unchanged} 户。有错误未导入 {rejected} 户。"
        ).format(**result.__dict__)
        self.label.setText("\n".join([text, *describe_new_places(result.new_places, self.owner.lang, done=True)]))
        self.save.setVisible(result.rejected > 0)


class ImportWizard(QWizard):
    """Import a roster from Excel, checking every row before anything is written."""

    def __init__(self, db: Database, registry: Registry, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.registry, self.lang = db, registry, lang
        self.status_year = roster_year(registry)
        self.background = Background(db.path, self)
        self.job = None
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.setWindowTitle(self.tr("从 Excel 导入"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        self.pages = [FilePage(self), MappingPage(self), ReportPage(self), ImportPage(self), SummaryPage(self)]
        for page in self.pages:
            self.addPage(page)
        self.resize(980, 640)

    @classmethod
    def ask(cls, parent: QWidget | None, db: Database, registry: Registry, lang: str = "zh") -> ImportResult | None:
        """Run the wizard; the import's result, or None when nothing was imported."""
        wizard = cls(db, registry, lang, parent)
        try:
            wizard.exec()
        finally:
            wizard.background.close()
        return wizard.result

    def save_rejected(self) -> None:
        """Save the refused rows, with their reasons, as a workbook to fix and import again."""
        if self.plan is None or self.job is None:
            return
        suggested = str(self.job.path.with_name(self.tr("{name}-错误行.xlsx").format(name=self.job.path.stem)))
        path = choose_rejected_path(self, suggested)
        if path:
            count = save_rejected(self.job.sheet, self.plan, path, self.lang)
            messages.show_info(self, self.tr("已保存 {count} 行到 {path}").format(count=count, path=path))

    def done(self, result: int) -> None:
        self.background.close()
        super().done(result)
