"""Translations: the committed .qm matches the .ts, every string of ui/ is in English, no Chinese bypasses tr().

Fast checks of what English mode relies on: lupdate over every ``ui/*.py`` finds
no new, unfinished or vanished entry; placeholders and accelerators survive; no
Chinese string constant in ui/ reaches the screen without ``tr()`` /
``QCoreApplication.translate`` / ``QT_TRANSLATE_NOOP`` (an AST scan with a small
allow-list) and every translate() call names its context literally (lupdate
skips computed contexts); and the main window's menus, built in English, show no Chinese.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QMenu

from models.db import Database
from tests.conftest import PROJECT_ROOT

I18N = PROJECT_ROOT / "resources" / "i18n"
UI = PROJECT_ROOT / "ui"
HAN = re.compile(r"[\u3400-\u9fff]")
TRANSLATING_CALLS = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}
BILINGUAL_CALLS = {"JiandangError", "Problem"}  # (zh, en) pairs: the UI picks one by window.lang
ALLOWED = {  # (module, Chinese constant): shown on purpose without tr()
    ("settings_dialog", "中文"),  # a language's own name is shown in that language
    ("history_page", "贫困户状态"),  # EXTRA_LABELS: (zh, en) pairs chosen by lang
    ("history_page", "其他致贫原因"),
    ("history_page", "成员变动"),
    ("history_page", "决定日期"),
    ("history_page", "致贫原因"),
}


def translations_script():
    spec = importlib.util.spec_from_file_location("translations", I18N / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> list[tuple[set[str], str, ET.Element]]:
    """(file stems, source, translation element) of every message."""
    found = []
    for message in ET.parse(ts).getroot().iter("message"):
        stems = {Path(loc.get("filename")).stem for loc in message.iter("location")}
        found.append((stems, message.find("source").text, message.find("translation")))
    return found


def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.qm"
    translations_script().release(fresh)
    assert fresh.read_bytes() == (I18N / "jiandang_en.qm").read_bytes(), "run resources/i18n/translations.py"


def test_every_string_of_ui_is_in_the_ts_and_translated(tmp_path: Path) -> None:
    copy = tmp_path / "jiandang_en.ts"
    shutil.copy(I18N / "jiandang_en.ts", copy)
    sources = sorted(str(path) for path in UI.glob("*.py"))
    tool = str(Path(sys.executable).parent / "pyside6-lupdate")
    subprocess.run(
        [tool, *sources, "-ts", str(copy), "-source-language", "zh_CN", "-target-language", "en_US"],
        check=True,
        capture_output=True,
        cwd=PROJECT_ROOT,
    )
    found = messages(copy)
    assert len(found) > 500, "lupdate found too few strings"
    untranslated = [
        (sorted(stems), src) for stems, src, tr in found if tr.get("type") in ("unfinished", "vanished", "obsolete")
    ]
    empty = [(sorted(stems), src) for stems, src, tr in found if not tr.text]
    assert untranslated == [], "run resources/i18n/translations.py and translate the new entries"
    assert empty == []


def test_the_ts_keeps_no_vanished_or_unfinished_entries() -> None:
    kinds = {tr.get("type") for _, _, tr in messages(I18N / "jiandang_en.ts")}
    assert kinds <= {None}, kinds


def test_placeholders_survive_translation() -> None:
    for _, source, translation in messages(I18N / "jiandang_en.ts"):
        if translation.text and translation.get("type") != "unfinished":
            assert set(re.findall(r"\{[^}]*\}", source)) == set(re.findall(r"\{[^}]*\}", translation.text)), source
            assert source.count("&") == translation.text.count("&"), source
            assert sorted(re.findall(r"%(?:\d+|n)", source)) == sorted(re.findall(r"%(?:\d+|n)", translation.text))


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def untranslated_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of Chinese string constants of a module that no translating call wraps (docstrings aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    covered: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            covered.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call) and _name(node.func) in TRANSLATING_CALLS | BILINGUAL_CALLS:
            covered.update(id(sub) for arg in node.args for sub in ast.walk(arg))
        if isinstance(node, ast.IfExp) and "lang" in ast.unparse(node.test):  # "中文" if lang != "en" else "English"
            covered.update(id(sub) for branch in (node.body, node.orelse) for sub in ast.walk(branch))
        if isinstance(node, ast.Dict) and {"zh", "en"} <= {k.value for k in node.keys if isinstance(k, ast.Constant)}:
            covered.update(id(sub) for value in node.values for sub in ast.walk(value))  # {"zh": …, "en": …}
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and HAN.search(node.value)
        and id(node) not in covered
        and (path.stem, node.value) not in ALLOWED
    ]


def test_no_chinese_literal_reaches_the_screen_without_tr() -> None:
    found = [
        f"ui/{p.name}:{line}: {text[:40]}" for p in sorted(UI.glob("*.py")) for line, text in untranslated_literals(p)
    ]
    assert found == [], "wrap these in self.tr()/QCoreApplication.translate (or add a reasoned ALLOWED entry)"


def unseen_contexts(path: Path) -> list[int]:
    """Lines of translate() calls with a literal text but a computed context: lupdate cannot extract those."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and _name(node.func) in ("translate", "QT_TRANSLATE_NOOP")
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and not isinstance(node.args[0], ast.Constant)
    ]


def test_every_translated_literal_has_a_context_lupdate_can_see() -> None:
    found = [f"ui/{p.name}:{line}" for p in sorted(UI.glob("*.py")) for line in unseen_contexts(p)]
    assert found == [], "write the context as a string literal (lupdate skips computed contexts)"


def test_the_scan_catches_a_bare_chinese_label(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text(
        '''"""文档。"""\nQLabel("未翻译")\nQLabel(self.tr("已翻译"))\nraise JiandangError("错误", "Error")\n'''
        """a = "中" if lang != "en" else "en"\nb = {"zh": "中", "en": "en"}\nQLabel("又一个")\n""",
        encoding="utf-8",
    )
    assert untranslated_literals(module) == [(2, "未翻译"), (7, "又一个")]
    module.write_text("""CONTEXT = "X"\nQCoreApplication.translate(CONTEXT, "错误")\n""", encoding="utf-8")
    assert unseen_contexts(module) == [2]


def menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        texts += menu_texts(action.menu()) if action.menu() else [action.text()]
    return texts


def test_every_menu_of_the_main_window_is_english(qtbot, db: Database) -> None:
    from ui.app import install_translations
    from ui.main_window import MainWindow

    install_translations("en")
    try:
        window = MainWindow(db, "en")
        qtbot.addWidget(window)
        texts = [t for action in window.menuBar().actions() for t in menu_texts(action.menu())]
    finally:
        install_translations("zh")
    assert len(texts) > 20
    assert [t for t in texts if HAN.search(t)] == []
