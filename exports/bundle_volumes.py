"""Removable drives mounted now (USB sticks), to offer as export targets.

Linux: mounts under /media, /run/media or /mnt whose block device says it
is removable (or whose file system is a stick's: FAT, exFAT, NTFS).
Windows: drive letters of type DRIVE_REMOVABLE. macOS: /Volumes except the
start-up disk. When nothing is found the user chooses a folder instead.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

STICK_FILE_SYSTEMS = {"vfat", "exfat", "ntfs", "ntfs3", "fuseblk", "msdos"}
MOUNT_ROOTS = ("/media/", "/run/media/", "/mnt/")


@dataclass(frozen=True)
class Volume:
    """A mounted removable drive."""

    path: Path
    label: str
    free_bytes: int


def removable_volumes() -> list[Volume]:
    """The removable drives mounted now, by path (empty when none or when it cannot be told)."""
    if sys.platform.startswith("win"):
        paths = _windows()
    elif sys.platform == "darwin":
        paths = [p for p in Path("/Volumes").glob("*") if p.is_dir() and not p.is_symlink()]
    else:
        paths = _linux()
    found = []
    for path in sorted(set(paths)):
        try:
            free = shutil.disk_usage(path).free
        except OSError:
            continue
        found.append(Volume(path, path.name or str(path), free))
    return found


def _linux(mounts: str = "/proc/mounts") -> list[Path]:
    try:
        lines = Path(mounts).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        parts = line.split()
        if len(parts) < 3:
            continue
        device, point, kind = parts[0], parts[1].replace("\\040", " "), parts[2]
        if point.startswith(MOUNT_ROOTS) and (kind in STICK_FILE_SYSTEMS or _removable(device)):
            found.append(Path(point))
    return found


def _removable(device: str) -> bool:
    name = Path(device).name.rstrip("0123456789")
    flag = Path("/sys/block") / name / "removable"
    try:
        return flag.read_text().strip() == "1"
    except OSError:
        return False


def _windows() -> list[Path]:  # pragma: no cover - Windows only
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    found = []
    for index in range(26):
        if mask & (1 << index):
            root = f"{chr(65 + index)}:\\"
            if kernel.GetDriveTypeW(root) == 2:  # DRIVE_REMOVABLE
                found.append(Path(root))
    return found
