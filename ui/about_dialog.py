"""帮助 → 关于建档: version, where the data is, the versions of Python and Qt, the licences.

The facts can be copied in one click, to send with a question to whoever
looks after the laptops.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from models import __version__
from models.logs import log_path
from models.paths import data_dir, is_portable, program_dir, resource_path

ICON_SIZE = 72


class AboutDialog(QDialog):
    """The program's version, data folder, database, log file, platform and licences."""

    def __init__(self, db_path: str | Path | None, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("关于建档"))
        self.facts = self._facts(db_path)
        icon = QLabel()
        icon.setPixmap(
            QPixmap(str(resource_path("icons/jiandang.png"))).scaled(
                ICON_SIZE, ICON_SIZE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
        title = QLabel(self.tr("<h2>建档 {version}</h2>").format(version=__version__))
        intro = QLabel(self.tr("离线的贫困户建档立卡登记程序，供驻村工作队和乡镇扶贫工作站使用。"))
        intro.setWordWrap(True)
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(intro)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(heading, 1)
        form = QFormLayout()
        for label, value in self.facts:
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            form.addRow(label + ("：" if lang != "en" else ":"), shown)
        licence = QLabel(self._licence())
        licence.setWordWrap(True)
        licence.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("复制以上信息(&C)"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(self.copy_facts)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(licence)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def _facts(self, db_path: str | Path | None) -> list[tuple[str, str]]:
        mode = self.tr("便携版（数据在程序旁边的 data 文件夹中）") if is_portable() else self.tr("标准")
        frozen = self.tr("打包版") if getattr(sys, "frozen", False) else self.tr("源码运行")
        return [
            (self.tr("版本"), __version__),
            (self.tr("数据文件夹"), str(data_dir())),
            (self.tr("数据库"), str(db_path) if db_path else self.tr("（未打开）")),
            (self.tr("日志文件"), str(log_path())),
            (self.tr("安装方式"), f"{mode}；{frozen}" if self.lang != "en" else f"{mode}; {frozen}"),
            (self.tr("程序文件夹"), str(program_dir())),
            (self.tr("运行环境"), _platform()),
        ]

    def _licence(self) -> str:
        return self.tr(
            "本程序使用的开源组件：Qt 6 和 PySide6（LGPL v3，以单独的动态库随程序提供，可以替换）、"
            "SQLite（公有领域）、ReportLab（BSD）、cryptography（Apache 2.0/BSD）、sqlite-utils（Apache 2.0）、"
            "pypinyin、openpyxl、python-calamine、platformdirs（MIT）。演示乡镇的数据全部是虚构的。"
        )

    def text(self) -> str:
        """The facts as lines of text."""
        return "\n".join(f"{label}: {value}" for label, value in self.facts)

    def copy_facts(self) -> None:
        """Put the facts on the clipboard."""
        QGuiApplication.clipboard().setText(f"Jiandang {__version__}\n{self.text()}")

    @classmethod
    def ask(cls, parent: QWidget | None, db_path: str | Path | None, lang: str = "zh") -> None:
        """Show the dialog until it is closed."""
        cls(db_path, lang, parent).exec()


def _platform() -> str:
    """Python, Qt and the operating system, e.g. "Python 3.11.2 · Qt 6.12.0 (PySide6 6.12.0) · Windows 10"."""
    return (
        f"Python {platform.python_version()} · Qt {qVersion()} (PySide6 {PySide6.__version__}) · "
        f"{platform.system()} {platform.release()}"
    )
