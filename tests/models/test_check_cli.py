"""``main.py check`` as a clerk runs it: each phase on stderr as it starts (Chinese, or English with --lang en)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from models.registry import Registry
from tests.conftest import PROJECT_ROOT
from tests.models.conftest import VILLAGE, family


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "JIANDANG_DEBUG": ""}
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_check_names_its_phases_on_stderr_and_keeps_the_report_on_stdout(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE}, family())
    registry.conn.execute("UPDATE households SET land_area = -1")
    path = str(registry.db.path)
    result = run("--db", path, "check")
    assert result.returncode == 1  # one error
    phases = result.stderr.splitlines()
    records = registry.conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    assert phases[0].startswith("检查文件完整性") and phases[1] == f"核对修改记录链（{records:,} 条）…"
    assert phases[2] == "核对身份证号码（4 人）…" and phases[-1].startswith("检查完成，用时 ")
    assert "张三" not in result.stderr and "张三" in result.stdout and "错误 1 处" in result.stdout
    english = run("--db", path, "--lang", "en", "check")
    assert english.stderr.splitlines()[1] == f"Verifying the change record chain ({records:,} records)…"
    assert english.stderr.splitlines()[-1].startswith("Check finished in ")


def test_check_json_read_by_a_program_gets_only_the_report(registry: Registry) -> None:
    registry.create_household({"village_code": VILLAGE}, family())
    result = run("--db", str(registry.db.path), "check", "--json")
    assert result.returncode == 0 and result.stderr == ""
    assert json.loads(result.stdout)["households"] == 1
