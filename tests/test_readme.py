"""README.md is the set-up contract: two marked commands, and every CLI command documented."""

from __future__ import annotations

import argparse
import re
import subprocess

import pytest

import main
from tests.conftest import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def marked_command(marker: str) -> list[str]:
    """The lines of the ```sh block right after ``<!-- marker -->``."""
    match = re.search(rf"<!-- {marker} -->\s*\n```sh\n(.*?)\n```", README, re.DOTALL)
    assert match, f"no ```sh block after <!-- {marker} -->"
    return match.group(1).splitlines()


def cli_commands() -> dict[str, list[str]]:
    """Every sub-command of main.py with its long options."""
    parser = main.build_parser("en")
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {
        name: [o for action in sub._actions for o in action.option_strings if o.startswith("--") and o != "--help"]
        for name, sub in subparsers.choices.items()
    }


@pytest.mark.parametrize("marker", ["run-command", "test-command"])
def test_each_setup_command_appears_once_as_a_single_line(marker: str) -> None:
    assert README.count(f"<!-- {marker} -->") == 1
    assert len(marked_command(marker)) == 1


def test_setup_commands_are_the_expected_ones() -> None:
    run, = marked_command("run-command")
    test, = marked_command("test-command")
    assert run.endswith(".venv/bin/pip install -r requirements.txt && .venv/bin/python main.py")
    assert "pip install -r requirements-dev.txt" in test and test.endswith("-m pytest -q")
    assert "QT_QPA_PLATFORM=offscreen" in test and "fonts-wqy-zenhei" in test


def test_ci_runs_the_readme_test_command() -> None:
    printed = subprocess.run(["bash", str(PROJECT_ROOT / ".ci" / "run"), "--print"], capture_output=True,
                             text=True, encoding="utf-8", check=True, timeout=30)
    assert printed.stdout.splitlines() == marked_command("test-command")


def test_cli_commands_are_found() -> None:
    assert set(cli_commands()) >= {"demo", "dump", "check", "search", "stats"}


@pytest.mark.parametrize("command", sorted(cli_commands()))
def test_every_cli_command_and_option_is_documented(command: str) -> None:
    assert re.search(rf"main\.py .*\b{command}\b", README), f"no example of main.py {command} in README.md"
    section = README[README.index("## 命令行"):]
    for option in cli_commands()[command]:
        assert re.search(rf"\b{command}\b[^\n]*{option}\b", section), f"{command} {option} is not in README.md"
