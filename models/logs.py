"""The program's log file, which never contains personal data.

Only events and code locations are logged: what happened (“opened a
database”, “saved a household”), counts, timings, and for an unexpected error
its type and the file, line and function of each frame.  Exception messages
are NOT logged, because a message may quote a name or an ID number; nor are
paths below the user's home folder written out in full.
"""

from __future__ import annotations

import logging
import logging.handlers
import traceback
from pathlib import Path
from types import TracebackType

from models.paths import data_dir

LOGGER = "jiandang"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
_handler: logging.FileHandler | None = None


def log_path() -> Path:
    """Where the log file is written."""
    return data_dir() / "logs" / "jiandang.log"


def setup_logging() -> Path:
    """Send the application's log to a rotating file in the data folder (once); returns its path."""
    global _handler
    path = log_path()
    if _handler is not None and Path(_handler.baseFilename) != path.resolve():
        logging.getLogger(LOGGER).removeHandler(_handler)  # the data folder changed (tests)
        _handler.close()
        _handler = None
    if _handler is None:
        path.parent.mkdir(parents=True, exist_ok=True)
        _handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger = logging.getLogger(LOGGER)
        logger.addHandler(_handler)
        logger.setLevel(logging.INFO)
    return path


def logger(name: str = "") -> logging.Logger:
    """The application's logger (``jiandang`` or a child of it)."""
    return logging.getLogger(f"{LOGGER}.{name}" if name else LOGGER)


def describe_exception(kind: type[BaseException], tb: TracebackType | None) -> str:
    """An exception as its type and its frames (file, line, function), without its message."""
    frames = traceback.extract_tb(tb)
    lines = [f"  {_short(f.filename)}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join([f"{kind.__module__}.{kind.__qualname__}", *lines])


def log_exception(kind: type[BaseException], tb: TracebackType | None) -> None:
    """Write an unexpected exception to the log (type and frames only)."""
    logger().error("unexpected error: %s", describe_exception(kind, tb))


def _short(filename: str) -> str:
    """A source file's name relative to the program or the Python library, never a user's path."""
    path = Path(filename)
    parts = path.parts
    for anchor in ("models", "ui", "exports", "site-packages", "PySide6"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) :])
    return path.name
