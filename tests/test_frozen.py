"""The PyInstaller build runs on a machine without Python: demo, check, notice PDF, sync bundle, GUI --smoke.

Builds ``build.spec`` into ``build/frozen-smoke/`` (reused while nothing it
depends on changed; see tests/frozen_smoke.py) and runs the frozen programs.
Deselect with ``-m "not frozen"`` while iterating on something else.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.frozen]


def test_the_frozen_build_passes_the_smoke_run() -> None:
    env = {k: v for k, v in os.environ.items() if k != "JIANDANG_DATA_DIR"}
    result = subprocess.run(
        [sys.executable, "-m", "tests.frozen_smoke"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=1800,
    )
    print(result.stdout)  # the size and start-up times, shown with -s or on failure
    assert result.returncode == 0, result.stdout + result.stderr
    assert "frozen smoke passed" in result.stdout
