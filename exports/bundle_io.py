"""Files on removable media: safe writing, quarantine copies, clear messages when the stick fails.

``safe_write`` writes ``name.part``, flushes and fsyncs it, renames it into
place, fsyncs the folder, then drops the file from the page cache where the
system allows and reads it back: only a matching SHA-256 means it is safe to
remove the stick. ``quarantine_copy`` copies a bundle from the stick into the
data folder while hashing it, refusing oversize files, so that the stick can
be removed and the file cannot change while it is imported.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from exports.file_targets import require_plain_target
from models.errors import JiandangError
from models.paths import data_dir

MAX_BUNDLE = 16 * 2**30
BLOCK = 1 << 20
_BESIDE = re.compile(r"(?P<base>[0-9a-f]{8}(?:-to-[0-9a-f]{8})?-\d{4,})-(?:[2-9]|[1-9]\d+)(?P<suffix>\.jdb)")


class MediaError(JiandangError):
    """A file on the stick could not be written, read or checked."""


def safe_write(target: Path, pieces: Iterable[bytes]) -> tuple[str, int]:
    """Write ``pieces`` to ``target`` crash-safely and verify them; returns (SHA-256 hex, size)."""
    require_plain_target(target)
    partial = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    size = 0
    try:
        with open(partial, "wb") as out:
            for piece in pieces:
                out.write(piece)
                digest.update(piece)
                size += len(piece)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
        _sync_folder(target.parent)
    except OSError as error:
        _remove(partial)
        raise media_error(error, target) from error
    if file_sha256(target) != digest.hexdigest():
        raise MediaError(
            f"写入 {target.name} 后读回的内容不一致：U 盘可能有故障。请换一个 U 盘重新导出。",
            f"{target.name} reads back differently from what was written: the stick may be failing. "
            "Export again to another stick.",
        )
    return digest.hexdigest(), size


def free_path(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem+suffix``, or ``stem-2``, ``stem-3``, … when that name is taken: never a file already there.

    A database restored from an older copy repeats its bundle counter, and the file of that name on the stick may
    be the only copy of edits made since: it is never replaced (``kept_beside`` then names it).
    """
    path, number = folder / f"{stem}{suffix}", 1
    while path.exists() or path.is_symlink():
        number += 1
        path = folder / f"{stem}-{number}{suffix}"
    return path


def kept_beside(path: Path) -> str | None:
    """The name of the older bundle that ``free_path`` left in place when it chose ``path`` (None if none)."""
    match = _BESIDE.fullmatch(path.name)
    if match is None:
        return None
    kept = match["base"] + match["suffix"]
    return kept if (path.parent / kept).exists() else None


def kept_note(path: Path, lang: str = "zh") -> str:
    """Tells the user that a bundle of the same name was kept and the new one saved beside it ("" if not)."""
    kept = kept_beside(path)
    if kept is None:
        return ""
    if lang == "en":
        return (
            f"{kept} was already there (perhaps written before this computer's database was restored from a "
            f"backup) and was not replaced: the new bundle is saved as {path.name}. Keep both files and import both."
        )
    return (
        f"U 盘上已有同名的 {kept}（可能是这台电脑的数据库从备份恢复之前写出的），没有覆盖它；"
        f"新的数据包另存为 {path.name}。两个文件都请保留，都要导入。"
    )


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's content as stored (the page cache dropped first where possible)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            if hasattr(os, "posix_fadvise"):
                os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
            while block := handle.read(BLOCK):
                digest.update(block)
    except OSError as error:
        raise media_error(error, path) from error
    return digest.hexdigest()


def quarantine_copy(source: Path, limit: int = MAX_BUNDLE) -> tuple[Path, str]:
    """Copy a bundle into the local quarantine folder while hashing it; returns (copy, SHA-256 hex)."""
    folder = data_dir() / "sync" / "quarantine"
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f".incoming-{os.getpid()}.part"
    digest = hashlib.sha256()
    size = 0
    try:
        if source.stat().st_size > limit:
            raise _too_big(source)
        with open(source, "rb") as src, open(temporary, "wb") as out:
            while block := src.read(BLOCK):
                size += len(block)
                if size > limit:
                    raise _too_big(source)
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
    except OSError as error:
        _remove(temporary)
        raise media_error(error, source) from error
    except BaseException:
        _remove(temporary)
        raise
    copy = folder / f"{digest.hexdigest()}.jdb"
    os.replace(temporary, copy)
    return copy, digest.hexdigest()


def media_error(error: OSError, path: Path) -> MediaError:
    """A bilingual message for what went wrong with a file on the stick."""
    code = error.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        zh, en = "U 盘（或磁盘）已满", "the stick (or disk) is full"
    elif code in (errno.EROFS, errno.EACCES, errno.EPERM):
        zh, en = "U 盘是只读的或没有写入权限", "the stick is read-only or not writable"
    elif code in (errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.EIO):
        zh, en = "U 盘被拔出或读写出错", "the stick was removed or failed"
    else:
        zh, en = f"读写出错（{error.strerror or error}）", f"an input/output error ({error.strerror or error})"
    return MediaError(
        f"{path.name}：{zh}。文件没有写好，请处理后重试。",
        f"{path.name}: {en}. The file is not complete; fix this and retry.",
    )


def reading_error(error: OSError, path: Path) -> MediaError:
    """A bilingual message for a bundle that could not be read (nothing was imported or changed)."""
    code = error.errno
    if code == errno.ENOENT and any(c in path.name for c in "*?"):
        zh, en = "这里没有 .jdb 数据包", "there is no .jdb bundle here"
    elif code == errno.ENOENT:
        zh, en = (
            "找不到这个文件（请检查文件名，或 U 盘是否插好）",
            "no such file (check the name, or that the stick is in)",
        )
    elif code == errno.EISDIR:
        zh, en = (
            "这是文件夹，不是数据包：请选择其中的 .jdb 文件",
            "this is a folder, not a bundle: choose a .jdb file in it",
        )
    elif code in (errno.EACCES, errno.EPERM):
        zh, en = "没有读取这个文件的权限", "this file may not be read"
    else:
        zh, en = (
            f"读取出错（{error.strerror or error}，U 盘可能被拔出）",
            f"it could not be read ({error.strerror or error})",
        )
    return MediaError(f"{path.name}：{zh}。没有导入任何内容。", f"{path.name}: {en}. Nothing was imported.")


def _too_big(path: Path) -> MediaError:
    return MediaError(
        f"{path.name} 太大（超过 {MAX_BUNDLE // 2**30} GiB），不是正常的数据包，没有导入。",
        f"{path.name} is too large (over {MAX_BUNDLE // 2**30} GiB) for a bundle; nothing was imported.",
    )


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; the rename is durable enough there
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)
