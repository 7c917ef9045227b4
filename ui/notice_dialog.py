"""The notice dialog: kind, village, period, households (pre-selected from the procedure state), columns, paper.

``NoticeDialog.ask(...)`` returns the ``NoticeRequest`` to preview, or None.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from exports.notice_data import (
    NoticeRequest,
    default_request,
    household_choices,
    select_households,
    village_choices,
    village_defaults,
)
from exports.notice_kinds import CARD, FUNDS, KINDS, PAPERS
from models.codes import codes
from models.db import Database
from models.settings import MIN_NOTICE_DAYS, get_setting
from models.warnings import working_year
from ui import messages
from ui.notice_models import NoticeHouseholdsTableModel
from ui.pickers import add_villages, ok_cancel, select_data
from ui.record_table import configured_table


class NoticeDialog(QDialog):
    """Choose what to print; the households at the notice step are ticked, and can be changed by hand."""

    def __init__(self, db: Database, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("生成公示、公告"))
        self.db, self._lang = db, lang
        self.result_request: NoticeRequest | None = None
        self.kind, self.village, self.paper, self.status = QComboBox(), QComboBox(), QComboBox(), QComboBox()
        for key, kind in KINDS.items():
            self.kind.addItem(kind.title_en if lang == "en" else kind.title, key)
        add_villages(self.village, village_choices(db.conn, get_setting(db, "scope")), lang)
        for key, (_, zh, en) in PAPERS.items():
            self.paper.addItem(en if lang == "en" else zh, key)
        for code in codes("household_status"):
            self.status.addItem(code.label_en if lang == "en" else code.label, code.code)
        self.year = QSpinBox(minimum=2010, maximum=2100, value=working_year(db.conn))
        self.start = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.days = QSpinBox(minimum=MIN_NOTICE_DAYS, maximum=90, value=int(get_setting(db, "notice_days")))
        self.two_up = QCheckBox(self.tr("两组列并排打印（节省纸张）"))
        self.phone, self.office, self.issuer, self.evaluated = QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit()
        self.columns = QListWidget()
        self.model = NoticeHouseholdsTableModel(lang, self)
        self.table = configured_table(self.model, (120, 110, 150, 50), row_padding=None)
        self.count = QLabel()
        self._layout()
        self._connect()
        self.kind_changed()

    @classmethod
    def ask(
        cls, parent: QWidget | None, db: Database, lang: str = "zh", kind: str | None = None, village: str | None = None
    ) -> NoticeRequest | None:
        """Show the dialog; the request to preview, or None when cancelled."""
        dialog = cls(db, lang, parent)
        dialog.choose(kind, village)
        return dialog.result_request if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choose(self, kind: str | None, village: str | None) -> None:
        """Preselect a kind and a village."""
        select_data(self.village, village)
        select_data(self.kind, kind)

    def _layout(self) -> None:
        form = QFormLayout()
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("起，共")))
        period.addWidget(self.days)
        period.addWidget(QLabel(self.tr("天")))
        period.addStretch(1)
        for text, widget in ((self.tr("种类"), self.kind), (self.tr("村"), self.village), (self.tr("年度"), self.year)):
            form.addRow(text, widget)
        form.addRow(self.tr("公示期"), period)
        for text, widget in (
            (self.tr("纸张"), self.paper),
            ("", self.two_up),
            (self.tr("监督电话"), self.phone),
            (self.tr("受理异议"), self.office),
            (self.tr("发布单位"), self.issuer),
            (self.tr("评议经过"), self.evaluated),
        ):
            form.addRow(text, widget)
        columns = QGroupBox(self.tr("列"))
        QVBoxLayout(columns).addWidget(self.columns)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(columns, 1)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self._households(), 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(ok_cancel(self, self.tr("预览…")))
        self.resize(1080, 680)

    def _households(self) -> QWidget:
        box = QGroupBox(self.tr("列入公示的户"))
        picks = QHBoxLayout()
        for text, on in ((self.tr("全选"), True), (self.tr("全不选"), False)):
            button = QPushButton(text)
            button.clicked.connect(lambda _=False, on=on: self.model.check_where(lambda row: True, on))
            picks.addWidget(button)
        picks.addWidget(QLabel(self.tr("按当前状态勾选：")))
        picks.addWidget(self.status)
        tick = QPushButton(self.tr("勾选"))
        tick.clicked.connect(self._tick_status)
        picks.addWidget(tick)
        picks.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(picks)
        layout.addWidget(self.table)
        layout.addWidget(self.count)
        self.households_box = box
        return box

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self.kind_changed)
        self.village.currentIndexChanged.connect(self.village_changed)
        self.year.valueChanged.connect(self.reload)
        self.model.dataChanged.connect(self._count)
        self.model.modelReset.connect(self._count)

    def kind_changed(self) -> None:
        """Show the kind's columns and texts, then the households it lists."""
        kind = KINDS[self.kind.currentData()]
        request = default_request(self.db, kind.key, self.village.currentData() or "")
        self.columns.clear()
        for key, column in kind.column_catalog().items():
            item = QListWidgetItem(column.label_en if self._lang == "en" else column.label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setCheckState(Qt.CheckState.Checked if key in kind.columns else Qt.CheckState.Unchecked)
            self.columns.addItem(item)
        self.columns.setEnabled(kind.layout != CARD)
        self.phone.setText(request.phone)
        self.evaluated.setText(request.evaluated_by)
        self.evaluated.setEnabled(bool(kind.evaluated_by))
        self.households_box.setEnabled(kind.layout != FUNDS)
        self.village_changed()

    def village_changed(self) -> None:
        """Show this village's issuer and objection office as the greyed defaults, then its households.

        What was typed in the two fields named the previous village (or kind), so it is cleared.
        """
        kind = KINDS[self.kind.currentData()]
        issuer, office = village_defaults(self.db, kind, self.village.currentData() or "")
        for field, default in ((self.issuer, issuer), (self.office, office)):
            field.clear()
            field.setPlaceholderText(self.tr("默认：{name}").format(name=default) if default else "")
        self.reload()

    def reload(self) -> None:
        """List the village's households, ticking those the notice lists by default."""
        village, kind = self.village.currentData(), self.kind.currentData()
        if not village or KINDS[kind].layout == FUNDS:
            self.model.set_households([], set())
            return
        year = self.year.value()
        chosen = set(select_households(self.db.conn, kind, village, year))
        rows = sorted(household_choices(self.db.conn, village, year), key=lambda row: row["id"] not in chosen)
        self.model.set_households(rows, chosen)

    def _tick_status(self) -> None:
        status = self.status.currentData()
        self.model.check_where(lambda row: row["status"] == status)

    def _count(self) -> None:
        text = self.tr("已选 {n} / {total} 户").format(n=len(self.model.checked_ids()), total=self.model.rowCount())
        if self.model.rowCount() and not self.model.checked_ids():
            text += self.tr("（没有户处于该公示步骤；可按状态勾选或手工勾选）")
        self.count.setText(text)

    def request(self) -> NoticeRequest:
        """The request as the form stands."""
        kind = KINDS[self.kind.currentData()]
        chosen = [self.columns.item(i) for i in range(self.columns.count())]
        columns = tuple(i.data(Qt.ItemDataRole.UserRole) for i in chosen if i.checkState() == Qt.CheckState.Checked)
        base = default_request(
            self.db,
            kind.key,
            self.village.currentData() or "",
            year=self.year.value(),
            start=self.start.date().toPython(),
        )
        return replace(
            base,
            days=self.days.value(),
            paper=self.paper.currentData(),
            two_up=self.two_up.isChecked(),
            columns=columns if kind.layout != CARD else kind.columns,
            phone=self.phone.text().strip(),
            office=self.office.text().strip() or base.office,
            issuing_body=self.issuer.text().strip() or base.issuing_body,
            evaluated_by=self.evaluated.text().strip(),
            household_ids=None if kind.layout == FUNDS else tuple(self.model.checked_ids()),
        )

    def accept(self) -> None:
        """Refuse an empty notice here, before anything is drawn."""
        request = self.request()
        if not request.village_code:
            messages.show_error(self, self.tr("请先登记村。"))
            return
        if request.household_ids is not None and not request.household_ids:
            messages.show_error(self, self.tr("请至少选择一户。"))
            return
        if KINDS[request.kind].layout != CARD and not request.columns:
            messages.show_error(self, self.tr("请至少选择一列。"))
            return
        self.result_request = request
        super().accept()
