"""The PyInstaller build that tests/frozen_smoke.py runs: in ``build/frozen-smoke/``, reused while unchanged.

The build is reused while nothing it depends on changed (a hash of the sources,
the spec, the requirements and the Python version), built once at a time in
this tree (a file lock), and checked to hold every module of the packages.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "frozen-smoke"
SOURCES = ("main.py", "build.spec", "requirements.txt", "requirements-dev.txt", "models", "exports", "ui", "resources")
SIZE_LIMIT_MB = 250


class SmokeFailure(Exception):
    """A step of the frozen run failed."""


@dataclass
class Report:
    """What the run measured."""

    build_seconds: float | None = None
    size_mb: float = 0.0
    files: int = 0
    steps: list[tuple[str, float]] = field(default_factory=list)
    smoke: list[dict[str, float]] = field(default_factory=list)

    def lines(self) -> list[str]:
        built = "reused" if self.build_seconds is None else f"{self.build_seconds:.0f} s"
        out = [f"build: {built}; size {self.size_mb:.0f} MB in {self.files} files (limit {SIZE_LIMIT_MB} MB)"]
        out += [f"  {name}: {seconds:.2f} s" for name, seconds in self.steps]
        out.append("  (cold: the program's files dropped from the file cache first; warm: run again at once)")
        for run in self.smoke:
            out.append(
                f"  --smoke {run['kind']}: window painted {run['painted']:.2f} s after process start, "
                f"process wall time {run['wall']:.2f} s"
            )
        return out


def fingerprint() -> str:
    """A hash of everything the build depends on."""
    digest = hashlib.sha256(f"{sys.version} {platform.platform()}".encode())
    for name in SOURCES:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts or file.suffix == ".pyc":
                continue
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()


@contextlib.contextmanager
def build_lock() -> Iterator[None]:
    """One build at a time in this tree (several test runs may start together)."""
    BUILD.mkdir(parents=True, exist_ok=True)
    with open(BUILD / ".lock", "w") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: no lock
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build(rebuild: bool, report: Report) -> Path:
    """The one-folder build (built now unless an up-to-date one is there); returns its folder.

    Built again when a source changed while PyInstaller ran (others may be editing the tree).
    """
    program = BUILD / "dist" / "Jiandang"
    stamp = BUILD / "stamp"
    wanted = fingerprint()
    if not rebuild and program.is_dir() and stamp.is_file() and stamp.read_text() == wanted:
        return program
    stamp.unlink(missing_ok=True)
    started = time.perf_counter()
    for _attempt in range(3):
        _pyinstaller()
        built, wanted = wanted, fingerprint()
        if built == wanted:
            break
    report.build_seconds = time.perf_counter() - started
    stamp.write_text(built)
    return program


def _pyinstaller() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("JIANDANG_ONEFILE", "JIANDANG_PORTABLE")}
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN"]
    command += ["--distpath", str(BUILD / "dist"), "--workpath", str(BUILD / "work"), str(ROOT / "build.spec")]
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", errors="replace"
    )
    if result.returncode != 0:
        raise SmokeFailure(f"PyInstaller failed ({result.returncode}):\n{result.stdout}\n{result.stderr[-6000:]}")


def folder_size(folder: Path) -> tuple[float, int]:
    """Megabytes (10^6 bytes, as ``du --si``) and number of files under ``folder``."""
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


def check_modules() -> None:
    """Every module of models/, exports/ and ui/ (the feature menus too) is in the build's archive."""
    from ast import literal_eval

    toc = BUILD / "work" / "build" / "PYZ-00.toc"
    bundled = {entry[0] for entry in literal_eval(toc.read_text(encoding="utf-8"))[1]}
    sys.path.insert(0, str(ROOT))
    from ui.features import FEATURE_MODULES

    wanted = set(FEATURE_MODULES)
    for package in ("models", "models/migrations", "exports", "ui"):
        dotted = package.replace("/", ".")
        wanted |= {f"{dotted}.{p.stem}" for p in (ROOT / package).glob("*.py") if p.stem != "__init__"}
    missing = sorted(wanted - bundled)
    if missing:
        raise SmokeFailure(f"modules missing from the frozen build: {', '.join(missing)}")
