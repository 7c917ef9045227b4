"""Update the translation source from ui/ and compile it: ``.venv/bin/python resources/i18n/translations.py``.

Chinese is the source language (the strings in ``self.tr(...)``); ``jiandang_en.ts``
holds the English translations (edit it with ``pyside6-linguist``).  This script
runs ``pyside6-lupdate`` over ``ui/*.py`` (new strings are added, translations
kept) and ``pyside6-lrelease`` to write ``jiandang_en.qm``, which is committed so
that a fresh checkout and CI run without a build step; a test fails when the
``.qm`` no longer matches the ``.ts``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "jiandang_en.ts"
QM = HERE / "jiandang_en.qm"


def tool(name: str) -> str:
    """A Qt tool installed with PySide6 next to this Python."""
    return str(Path(sys.executable).parent / name)


def update() -> None:
    """Add new source strings of ui/ to the .ts file (existing translations are kept)."""
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").glob("*.py"))
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources,
            "-ts",
            str(TS),
            "-source-language",
            "zh_CN",
            "-target-language",
            "en_US",
            "-no-obsolete",
        ],
        cwd=ROOT,
        check=True,
    )


def release(target: Path = QM) -> None:
    """Compile the .ts file into the .qm file the program loads."""
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(target)], check=True, capture_output=True)


if __name__ == "__main__":
    update()
    release()
