"""Build the desktop program with PyInstaller and run the frozen build as a user would.

    .venv/bin/python -m tests.frozen_smoke [--rebuild] [--keep] [--out DIR]

Builds ``build.spec`` into ``build/frozen-smoke/`` (reused while the sources,
the spec and the requirements are unchanged), then runs the frozen
``jiandang-cli`` and ``Jiandang`` with a throw-away data folder: demo data
(300 households, and 5000 to exercise the demo's worker process), ``check``,
a notice PDF, sync keys and enrollment, a bundle export, ``inspect`` and
import at the township, the GUI ``--smoke`` offscreen (twice: cold and warm)
and portable mode.  Prints the build's size and start-up times; any failing
step ends with exit status 1 and the program's output.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.frozen_build import SIZE_LIMIT_MB, Report, SmokeFailure, build, build_lock, check_modules, folder_size

EXE = ".exe" if sys.platform == "win32" else ""
VILLAGE = "621190101201"  # the first village of the demo township (seed 1)
PASSPHRASE = "frozen smoke passphrase"


def evict(folder: Path) -> None:
    """Drop the program's files from the operating system's file cache (Linux), for a cold start."""
    if not hasattr(os, "posix_fadvise"):
        return
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


class Frozen:
    """Runs the frozen programs with a private data folder."""

    def __init__(self, program: Path, work: Path, report: Report) -> None:
        self.program, self.work, self.report = program, work, report
        self.env = {
            **os.environ,
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "JIANDANG_DATA_DIR": str(work / "data"),
            "JIANDANG_PASSPHRASE": PASSPHRASE,
            "PYTHONPATH": "",  # the frozen program must not need the sources
        }
        for name in ("JIANDANG_DEBUG", "VIRTUAL_ENV"):
            self.env.pop(name, None)

    def run(self, name: str, *args: str, gui: bool = False, status: int = 0, env: dict | None = None) -> str:
        """Run one program in the work folder (outside the project); its output, or SmokeFailure.

        The command line answers in English (easier to match), the window in Chinese (the users' language).
        """
        exe = self.program / (("Jiandang" if gui else "jiandang-cli") + EXE)
        started = time.perf_counter()
        result = subprocess.run(
            [str(exe), "--lang", "zh" if gui else "en", *args],
            cwd=self.work,
            env=env or self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=300,
        )
        seconds = time.perf_counter() - started
        output = result.stdout + result.stderr
        if result.returncode != status:
            raise SmokeFailure(f"{name}: exit status {result.returncode} (expected {status})\n{output[-6000:]}")
        self.report.steps.append((name, seconds))
        return output

    def smoke(self, kind: str, db: Path) -> None:
        """The GUI's --smoke; records the time to the painted window and the process's wall time."""
        shot = self.work / f"smoke-{kind}.png"
        if kind == "cold":
            evict(self.program)
        started = time.perf_counter()
        output = self.run(
            f"GUI --smoke ({kind})",
            "--db",
            str(db),
            "--smoke",
            gui=True,
            env={**self.env, "JIANDANG_SMOKE_SCREENSHOT": str(shot)},
        )
        wall = time.perf_counter() - started
        match = re.search(r"([\d.]+) 秒显示主窗口（(\d+) 户", output)
        if not match or not shot.is_file():
            raise SmokeFailure(f"--smoke printed no time or saved no screenshot:\n{output}")
        if match.group(2) != "300":
            raise SmokeFailure(f"--smoke did not show the 300 households:\n{output}")
        self.report.smoke.append({"kind": kind, "painted": float(match.group(1)), "wall": wall})


def scenario(frozen: Frozen) -> None:
    """The user's steps on the frozen build."""
    work = frozen.work
    demo, town, stick = work / "demo.db", work / "township.db", work / "stick"
    stick.mkdir()
    out = frozen.run("demo 300 households", "--db", str(demo), "demo", "--households", "300", "--seed", "1")
    _expect("300 households" in out, "demo did not report 300 households", out)
    frozen.smoke("cold", demo)
    frozen.smoke("warm", demo)
    out = frozen.run("check", "--db", str(demo), "check", "--json")
    _expect(isinstance(json.loads(out), dict), "check --json printed no report", out)
    stats = json.loads(frozen.run("stats", "--db", str(demo), "stats", "--json"))
    source = subprocess.run(  # the same command from the sources: the frozen build must count the same
        [sys.executable, "main.py", "--db", str(demo), "stats", "--json"], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    expected = json.loads(source.stdout)["totals"]
    _expect(0 < stats["totals"]["households"] <= 300 and stats["totals"] == expected,
            "stats counts differently from the sources", f"{stats['totals']} != {expected}")
    _notice(frozen, demo, work / "notice.pdf")
    _other_commands(frozen, demo, work)
    _bundle(frozen, demo, town, stick)
    big = work / "demo-5000.db"
    out = frozen.run("demo 5000 households (worker process)", "--db", str(big), "demo", "--households", "5000")
    _expect("5000 households" in out, "the demo with a worker process failed", out)
    _portable(frozen, demo)


def _notice(frozen: Frozen, demo: Path, pdf: Path) -> None:
    frozen.run(
        "notice PDF",
        "--db",
        str(demo),
        "notice",
        "--kind",
        "identification_1",
        "--village",
        VILLAGE,
        "--out",
        str(pdf),
        "--start",
        "2019-10-08",
        "--status",
        "01",
    )
    _expect(pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", "no PDF written", str(pdf))
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, encoding="utf-8").stdout
        _expect("公示" in text, "the notice PDF has no Chinese text", text[:500])


def _other_commands(frozen: Frozen, demo: Path, work: Path) -> None:
    """The command-line modules imported lazily by main.py: search, warnings, procedures, Excel."""
    out = frozen.run("search", "--db", str(demo), "search", "王", "--limit", "3")
    _expect("********" in out, "search shows no masked ID numbers", out)
    warnings = json.loads(frozen.run("warnings", "--db", str(demo), "warnings", "--limit", "5", "--json"))
    _expect(isinstance(warnings, list), "warnings --json printed no list", str(warnings))
    procedure = ("procedure", "list", "--procedure", "exit", "--step", "committee_review", "--village", VILLAGE)
    frozen.run("procedure list", "--db", str(demo), *procedure, "--year", "2019", "--json")
    roster = work / "roster.xlsx"
    frozen.run("export-excel", "--db", str(demo), "export-excel", "--out", str(roster), "--village", VILLAGE)
    _expect(roster.is_file() and roster.read_bytes()[:2] == b"PK", "no Excel file written", str(roster))
    out = frozen.run("import-excel --dry-run", "--db", str(demo), "import-excel", str(roster), "--dry-run")
    _expect("300 unchanged" in out, "the exported roster does not read back unchanged", out)


def _bundle(frozen: Frozen, demo: Path, town: Path, stick: Path) -> None:
    run = frozen.run
    run("township database (the window creates it)", "--db", str(town), "--smoke", gui=True)
    run(
        "bundle keys init (township)",
        "--db",
        str(town),
        "bundle",
        "keys",
        "init",
        "--role",
        "township",
        "--name",
        "乡镇",
    )
    run(
        "bundle keys init (village)",
        "--db",
        str(demo),
        "bundle",
        "keys",
        "init",
        "--role",
        "village",
        "--name",
        "西湾村",
    )
    run("bundle enroll (village key)", "--db", str(demo), "bundle", "enroll", "--to", str(stick / "village.jdkey"))
    run(
        "bundle enroll (at township)",
        "--db",
        str(town),
        "bundle",
        "enroll",
        str(stick / "village.jdkey"),
        "--to",
        str(stick / "township.jdkey"),
    )
    run("bundle enroll (township key)", "--db", str(demo), "bundle", "enroll", str(stick / "township.jdkey"))
    run("bundle export", "--db", str(demo), "bundle", "export", "--to", str(stick))
    bundles = sorted(stick.glob("*.jdb"))
    _expect(len(bundles) == 1, "bundle export wrote no .jdb file", str(list(stick.iterdir())))
    out = run("bundle inspect", "--db", str(town), "bundle", "inspect", str(bundles[0]))
    _expect("signature: valid" in out, "bundle inspect does not show a valid signature", out)
    run("bundle import (township)", "--db", str(town), "bundle", "import", str(bundles[0]))
    stats = json.loads(run("stats (township)", "--db", str(town), "stats", "--json"))
    laptop = json.loads(run("stats (laptop)", "--db", str(demo), "stats", "--json"))
    _expect(stats["totals"] == laptop["totals"], "the township's counts differ from the laptop's", str(stats["totals"]))


def _portable(frozen: Frozen, demo: Path) -> None:
    """With portable.txt beside the program the data folder is data/ beside it."""
    marker, data = frozen.program / "portable.txt", frozen.program / "data"
    _expect(not data.exists(), "the build already has a data folder", str(data))
    env = {k: v for k, v in frozen.env.items() if k != "JIANDANG_DATA_DIR"}
    marker.write_text("portable\n", encoding="utf-8")
    try:
        frozen.run("portable --smoke", "--smoke", gui=True, env=env)
        _expect((data / "jiandang.db").is_file(), "portable mode did not keep the database in data/", str(data))
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)


def _expect(condition: bool, message: str, output: str) -> None:
    if not condition:
        raise SmokeFailure(f"{message}\n{output[-4000:]}")


def main(argv: list[str] | None = None) -> int:
    """Build (if needed), run the scenario, print the report; 1 when a step fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="build even when an up-to-date build exists")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (databases, PDF, screenshots)")
    parser.add_argument("--out", type=Path, help="copy the smoke screenshots and the notice PDF here")
    args = parser.parse_args(argv)
    report = Report()
    work = Path(tempfile.mkdtemp(prefix="jiandang-frozen-"))
    try:
        with build_lock():
            program = build(args.rebuild, report)
            report.size_mb, report.files = folder_size(program)
            check_modules()
            scenario(Frozen(program, work, report))
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            for name in ("smoke-cold.png", "smoke-warm.png", "notice.pdf"):
                shutil.copy(work / name, args.out / name)
    except SmokeFailure as failure:
        print("\n".join(report.lines()), file=sys.stderr)
        print(f"FROZEN SMOKE FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(report.lines()))
    if report.size_mb > SIZE_LIMIT_MB:
        print(f"FROZEN SMOKE FAILED: the build is {report.size_mb:.0f} MB, over {SIZE_LIMIT_MB} MB", file=sys.stderr)
        return 1
    print("frozen smoke passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
