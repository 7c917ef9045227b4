"""Preferences of the user interface (not of the data): recent files, column layout, window geometry.

Kept with QSettings in an INI file in the data folder, so a portable install
keeps them on the stick and tests (which point the data folder elsewhere)
never touch the user's own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from models.paths import data_dir

MAX_RECENT = 8


def settings() -> QSettings:
    """The preferences file."""
    return QSettings(str(data_dir() / "jiandang-ui.ini"), QSettings.Format.IniFormat)


def recent_files() -> list[str]:
    """Recently opened databases that still exist, most recent first."""
    value = settings().value("recent_files", [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [p for p in items if Path(p).is_file()]


def add_recent(path: str) -> None:
    """Put ``path`` at the head of the recent files."""
    resolved = str(Path(path).resolve())
    items = [resolved] + [p for p in recent_files() if p != resolved]
    settings().setValue("recent_files", items[:MAX_RECENT])


def last_database() -> str | None:
    """The database to open at the start: the one opened last that still exists, never the demo township.

    The demo is a side trip: after a session in it the next start returns to
    the user's own data (or, when there is none yet, the default database with
    its first-start setup).
    """
    from ui.file_actions import demo_path

    demo = str(demo_path().resolve())
    items = [p for p in recent_files() if p != demo]
    return items[0] if items else None


def load_bytes(key: str) -> QByteArray | None:
    """A saved layout (header state, geometry)."""
    value = settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_bytes(key: str, value: QByteArray) -> None:
    """Remember a layout."""
    settings().setValue(key, value)
