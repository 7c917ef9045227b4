"""The first-start setup: role, township and villages in scope, device name, operator — or the demo township."""

from __future__ import annotations

import socket

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from models.code_lookup import make_entry
from models.errors import ERROR, JiandangError
from models.first_start import Setup, apply_setup, known_regions, parse_village_lines, validate_setup
from models.registry import Registry
from models.settings import TOWNSHIP, VILLAGE_TEAM
from ui.code_combo import CodeCombo
from ui.field_widgets import FIELD_STYLE, FieldBox, TextField, form_layout

SETUP, DEMO = "setup", "demo"


class FirstStartDialog(QDialog):
    """Asks who uses this installation and for which township; ``ask`` returns "setup", "demo" or None."""

    def __init__(self, registry: Registry, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry, self.lang = registry, lang
        self.choice: str | None = None
        self.setWindowTitle(self.tr("欢迎使用建档"))
        self.setStyleSheet(FIELD_STYLE)
        self.village_role = QRadioButton(self.tr("驻村工作队（在村里登记、更新贫困户）(&V)"))
        self.township_role = QRadioButton(self.tr("乡镇扶贫工作站（汇总、检查、公示）(&T)"))
        self.village_role.setChecked(True)
        townships = [make_entry(r["code"], r["name"], r["name"]) for r in known_regions(registry.db, 4)]
        self.township = CodeCombo(townships, lang)
        self.township.setToolTip(self.tr("9 位或 12 位乡镇区划代码，例如 621121103"))
        self.township_name = TextField(self.tr("新的乡镇需要填写名称"))
        self.known_villages = QListWidget()
        self.known_villages.setMaximumHeight(110)
        self.typed_villages = QPlainTextEdit()
        self.typed_villages.setPlaceholderText(self.tr("每行一个村：区划代码 村名，例如\n621121103201 文峰村"))
        self.typed_villages.setTabChangesFocus(True)
        self.typed_villages.setMaximumHeight(90)
        self.device = TextField()
        self.device.set_value(socket.gethostname())
        self.operator = TextField(self.tr("您的姓名，记入每次修改的记录"))
        self.boxes = {
            "township": FieldBox(self.township),
            "township_name": FieldBox(self.township_name),
            "villages": FieldBox(self.typed_villages),
            "device_name": FieldBox(self.device),
            "operator": FieldBox(self.operator),
            "role": FieldBox(QLabel()),
        }
        self._build()
        self.township.changed.connect(self._township_changed)
        self._township_changed()
        self.village_role.toggled.connect(lambda _: self._clear("role", "villages"))
        self.known_villages.itemChanged.connect(lambda _: self._clear("villages"))

    def _clear(self, *keys: str) -> None:
        """The user changed an answer that a message is about: the message goes (fields clear their own)."""
        for key in keys:
            self.boxes[key].show_problem()

    def _build(self) -> None:
        intro = QLabel(
            self.tr(
                "第一次使用，请说明这台电脑由谁使用、负责哪个乡镇或哪些村。也可以先打开演示乡镇（虚构数据）看一看。"
            )
        )
        intro.setWordWrap(True)
        form = form_layout()
        form.addRow(self.tr("使用角色："), self.village_role)
        form.addRow("", self.township_role)
        form.addRow(self.tr("乡镇："), self.boxes["township"])
        form.addRow(self.tr("乡镇名称："), self.boxes["township_name"])
        form.addRow(self.tr("已登记的村："), self.known_villages)
        form.addRow(self.tr("其他村："), self.boxes["villages"])
        form.addRow(self.tr("设备名称："), self.boxes["device_name"])
        form.addRow(self.tr("操作员："), self.boxes["operator"])
        buttons = QDialogButtonBox()
        start = buttons.addButton(self.tr("开始使用(&S)"), QDialogButtonBox.ButtonRole.AcceptRole)
        demo = buttons.addButton(self.tr("打开演示乡镇(&D)"), QDialogButtonBox.ButtonRole.ActionRole)
        later = buttons.addButton(self.tr("以后再说"), QDialogButtonBox.ButtonRole.RejectRole)
        start.clicked.connect(self.accept)
        demo.clicked.connect(self.choose_demo)
        later.clicked.connect(self.reject)
        start.setDefault(True)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # grows with the messages
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.boxes["role"])
        layout.addStretch(1)  # extra height goes below the form, not between a field and its label
        layout.addWidget(buttons)
        self.resize(560, 560)

    def _township_changed(self) -> None:
        code = self.township.value() or ""
        self.known_villages.clear()
        if code.isdigit() and len(code) in (9, 12):
            for region in known_regions(self.registry.db, 5, code):
                item = QListWidgetItem(f"{region['code']} {region['name']}")
                item.setData(Qt.ItemDataRole.UserRole, region["code"])
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.known_villages.addItem(item)

    def setup(self) -> Setup:
        """The answers as typed."""
        chosen = [
            (self.known_villages.item(r).data(Qt.ItemDataRole.UserRole), "")
            for r in range(self.known_villages.count())
            if self.known_villages.item(r).checkState() == Qt.CheckState.Checked
        ]
        return Setup(
            role=TOWNSHIP if self.township_role.isChecked() else VILLAGE_TEAM,
            township_code=self.township.value() or "",
            township_name=self.township_name.value() or "",
            villages=chosen + parse_village_lines(self.typed_villages.toPlainText()),
            device_name=self.device.value() or "",
            operator=self.operator.value() or "",
        )

    def accept(self) -> None:
        """Store the answers (regions registered, settings saved) or show what is missing."""
        setup = self.setup()
        problems = validate_setup(self.registry.db, setup)
        for key, box in self.boxes.items():
            found = next((p for p in problems if p.field == key), None)
            box.show_problem(found.message(self.lang) if found else "", ERROR if found else "")
        if problems:
            return
        try:
            apply_setup(self.registry, setup)
        except JiandangError as error:
            self.boxes["role"].show_problem(error.message(self.lang), ERROR)
            return
        self.choice = SETUP
        super().accept()

    def choose_demo(self) -> None:
        """Open the demo township instead."""
        self.choice = DEMO
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, registry: Registry, lang: str = "zh") -> str | None:
        """ "setup" after the setup was stored, "demo" to open the demo township, None to decide later."""
        dialog = cls(registry, lang, parent)
        dialog.exec()
        return dialog.choice
