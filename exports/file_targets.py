"""Where an export may be written, and writing it there safely.

Exports are written to a temporary file in the target's folder that is then
renamed over the target, so that a crash never leaves half a file. Renamed
over a device (``/dev/null``), a folder or a pipe, that would replace the
device itself, so such targets are refused. A missing folder is named as
such, not as a failure to write some temporary file.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from models.errors import JiandangError


def require_plain_target(target: Path) -> None:
    """Raise JiandangError unless ``target`` is absent or an ordinary file (a symlink to one is fine)."""
    if target.exists() and not target.is_file():
        raise JiandangError(
            f"{target} 不是普通文件（是文件夹或设备），不能写到这里：请换一个文件名。",
            f"{target} is not an ordinary file (a folder or a device); nothing was written: choose another name.",
        )


def require_writable_target(target: Path) -> None:
    """Raise JiandangError unless ``target``'s folder exists and ``target`` is absent or an ordinary file."""
    if not target.parent.is_dir():
        raise JiandangError(
            f"找不到文件夹 {target.parent}，无法写入 {target.name}：请先建好文件夹或换一个位置。",
            f"Folder {target.parent} does not exist; cannot write {target.name}: create it or choose another place.",
        )
    require_plain_target(target)


def write_replacing(target: Path, write: Callable[[Path], object], prefix: str = ".export-") -> Path:
    """Have ``write`` fill a temporary file next to ``target``, then move it into place; ``target``.

    The file gets the permissions of any ordinary new file (``mkstemp`` makes
    private ones). Nothing is left behind when ``write`` fails. A file that
    cannot be replaced (open in another program, read-only) is a JiandangError.
    """
    require_writable_target(target)
    handle, temporary = tempfile.mkstemp(prefix=prefix, suffix=target.suffix, dir=target.parent)
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except PermissionError as error:
        Path(temporary).unlink(missing_ok=True)
        raise JiandangError(
            f"无法写入 {target}：文件可能正被其他程序（如 Excel、PDF 阅读器）打开或是只读的，请关闭后重试。",
            f"Cannot write {target}: it may be open in another program (Excel, a PDF viewer) or read-only; "
            "close it and retry.",
        ) from error
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    """The process's file-creation mask."""
    mask = os.umask(0)
    os.umask(mask)
    return mask
