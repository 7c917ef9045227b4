"""Where the program keeps its data and finds its resources.

Data lives in the per-user data folder of the operating system (platformdirs),
in a ``data/`` folder beside the program when a ``portable.txt`` file sits next
to it (a USB-stick install), or wherever ``JIANDANG_DATA_DIR`` points.
Resources are found both from a source checkout and from a frozen build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "Jiandang"
DATA_DIR_ENV = "JIANDANG_DATA_DIR"
PORTABLE_MARKER = "portable.txt"
DATABASE_FILE = "jiandang.db"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def program_dir() -> Path:
    """The folder holding the program: the executable's folder when frozen, else the project root."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return PROJECT_ROOT


def is_portable() -> bool:
    """True when a ``portable.txt`` file next to the program asks for data beside it."""
    return (program_dir() / PORTABLE_MARKER).is_file()


def data_dir() -> Path:
    """The folder for the database and other user data (not created here)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    if is_portable():
        return program_dir() / "data"
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    """The database opened when none is given on the command line."""
    return data_dir() / DATABASE_FILE


def resource_path(relative: str | Path) -> Path:
    """A file under ``resources/``, from a source checkout or a PyInstaller bundle (``sys._MEIPASS``)."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else PROJECT_ROOT
    return root / "resources" / relative
