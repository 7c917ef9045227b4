"""models/ and exports/ must never depend on Qt: they run headless, in the CLI and in exports."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

QT_MODULES = {"PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "sip"}
LAYERS = ("models", "exports")


def _sources() -> list[Path]:
    return sorted(p for layer in LAYERS for p in (PROJECT_ROOT / layer).rglob("*.py"))


def qt_imports(source: str) -> list[str]:
    """Names of Qt modules imported anywhere in ``source`` (top level or inside functions)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found += [name for name in names if name.split(".")[0] in QT_MODULES]
    return found


def test_there_are_sources_to_check() -> None:
    assert any(p.parent.name == "models" for p in _sources())


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_domain_and_exports_do_not_import_qt(path: Path) -> None:
    assert qt_imports(path.read_text(encoding="utf-8")) == []


def test_checker_finds_qt_imports_in_any_form() -> None:
    source = "import PySide6.QtCore\nfrom PyQt6 import QtWidgets\ndef f():\n    from shiboken6 import isValid\n"
    assert qt_imports(source) == ["PySide6.QtCore", "PyQt6", "shiboken6"]
    assert qt_imports("from models.pyside_notes import x\nimport sqlite3\n") == []


def test_running_a_cli_command_loads_no_qt(tmp_path: Path) -> None:
    script = (
        "import sys, main\n"
        f"code = main.main(['--db', {str(tmp_path / 'missing.db')!r}, 'stats'])\n"
        "import importlib, pkgutil, models\n"
        "for info in pkgutil.walk_packages(models.__path__, 'models.'):\n"
        "    importlib.import_module(info.name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in " + repr(QT_MODULES) + ")\n"
        "print(code, loaded)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True,
                            encoding="utf-8", timeout=60)
    assert result.stdout.strip() == "1 []", result.stderr
