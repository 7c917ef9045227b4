"""Where an export may be written: a new file, or an ordinary file it replaces.

Exports are written to a temporary file that is then renamed over the target, so
that a crash never leaves half a file. Renamed over a device (``/dev/null``), a
folder or a pipe, that would replace the device itself, so such targets are refused.
"""

from __future__ import annotations

from pathlib import Path

from models.errors import JiandangError


def require_plain_target(target: Path) -> None:
    """Raise JiandangError unless ``target`` is absent or an ordinary file (a symlink to one is fine)."""
    if target.exists() and not target.is_file():
        raise JiandangError(
            f"{target} 不是普通文件（是文件夹或设备），不能写到这里：请换一个文件名。",
            f"{target} is not an ordinary file (a folder or a device); nothing was written: choose another name.",
        )
