"""The status bar's household count has its own entry for one household, so English can say "1 household shown"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from models.db import Database
from ui.main_window import MainWindow

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>显示 {shown} 户（共 {total} 户）</source>
        <translation>{shown} households shown ({total} in all)</translation>
    </message>
    <message>
        <source>显示 {shown} 户（共 {total} 户）</source>
        <comment>one household shown</comment>
        <translation>{shown} household shown ({total} in all)</translation>
    </message>
</context>
</TS>
"""


def test_one_household_is_singular_in_english(qtbot, db: Database, tmp_path: Path) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.no_village = False  # the count alone, without the first-start hint
    window.total = 1
    window._list_changed(1, 0)
    assert window.count_label.text() == "显示 1 户（共 1 户）"  # Chinese has no plural
    (tmp_path / "t.ts").write_text(TS, encoding="utf-8")
    lrelease = str(Path(sys.executable).parent / "pyside6-lrelease")
    subprocess.run([lrelease, str(tmp_path / "t.ts"), "-qm", str(tmp_path / "t.qm")], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "t.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        window._list_changed(1, 0)
        assert window.count_label.text() == "1 household shown (1 in all)"
        window.total = 5
        window._list_changed(2, 0)
        assert window.count_label.text() == "2 households shown (5 in all)"
    finally:
        QCoreApplication.removeTranslator(translator)
