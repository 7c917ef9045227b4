"""End to end through the command line: a township and two laptops enroll, edit offline, exchange bundles in
different orders, the clerk decides a conflict, return bundles travel back, and everyone converges."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from models.db import open_database
from models.registry import Registry
from models.sync_resolve import list_conflicts, resolve_conflict
from tests.conftest import PROJECT_ROOT
from tests.exports.bundle.sites import TODAY, add_regions
from tests.models.conftest import VILLAGE, family

pytestmark = pytest.mark.slow


class Cli:
    """Runs ``main.py`` in a subprocess with the passphrase in the environment."""

    def __init__(self, tmp_path: Path) -> None:
        self.env = {**os.environ, "JIANDANG_PASSPHRASE": "correct horse battery", "JIANDANG_DATA_DIR": str(tmp_path)}

    def __call__(self, db: Path, *args: str, status: int = 0, lang: str = "en") -> str:
        result = subprocess.run(
            [sys.executable, str(PROJECT_ROOT / "main.py"), "--lang", lang, "--db", str(db), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=self.env,
            timeout=120,
        )
        assert result.returncode == status, result.stdout + result.stderr
        return result.stdout + result.stderr


def _registry(path: Path) -> Registry:
    return Registry(open_database(path), today=TODAY)


def test_three_databases_converge_through_the_command_line(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    stick = tmp_path / "stick"
    stick.mkdir()
    town, lap_a, lap_b = (tmp_path / f"{n}.db" for n in ("township", "laptop-a", "laptop-b"))
    cli(town, "bundle", "keys", "show", status=1)  # no file yet, and a command that only reads does not make one
    assert not town.exists()
    assert "Fingerprint" in cli(town, "bundle", "keys", "init", "--role", "township", "--name", "平襄镇")
    for name, path in (("文峰村", lap_a), ("石峰村", lap_b)):
        cli(path, "bundle", "keys", "init", "--role", "village", "--name", name)
        cli(path, "bundle", "enroll", "--to", str(stick / f"{path.stem}.jdkey"))
        shown = cli(town, "bundle", "enroll", str(stick / f"{path.stem}.jdkey"), "--to", str(stick / "township.jdkey"))
        own = cli(path, "bundle", "keys", "show").split("Fingerprint: ")[1].split()[0]
        assert own in shown  # the same fingerprint on both screens
        cli(path, "bundle", "enroll", str(stick / "township.jdkey"))
    registry = _registry(town)
    add_regions(type("S", (), {"registry": registry})())
    registry.db.close()
    sites = {path: open_database(path).site_id for path in (lap_a, lap_b)}
    for path in (lap_a, lap_b):
        cli(town, "bundle", "export", "--to", str(stick / f"to-{path.stem}-1.jdb"), "--peer", sites[path][:8])
        cli(path, "bundle", "import", str(stick / f"to-{path.stem}-1.jdb"))

    a = _registry(lap_a)  # offline on laptop A: a new household
    hid = a.create_household({"village_code": VILLAGE, "phone": "13900000001"}, family())
    a.db.close()
    cli(lap_a, "bundle", "export", "--to", str(stick / "a-1.jdb"))
    cli(town, "bundle", "import", str(stick / "a-1.jdb"))
    cli(town, "bundle", "export", "--to", str(stick / "to-b-2.jdb"), "--peer", sites[lap_b][:8])
    cli(lap_b, "bundle", "import", str(stick / "to-b-2.jdb"))

    for path, phone, note in ((lap_a, "13900000002", None), (lap_b, "13900000003", "石峰村补充")):
        r = _registry(path)  # both edit the phone offline; B also a note
        r.update_household(hid, {"phone": phone, **({"note": note} if note else {})})
        r.db.close()
        cli(path, "bundle", "export", "--to", str(stick / f"{path.stem}-2.jdb"))
    before = cli(town, "dump")
    preview = cli(town, "bundle", "import", str(stick / "laptop-b-2.jdb"), str(stick / "laptop-a-2.jdb"), "--dry-run")
    assert "would import" in preview and cli(town, "dump") == before
    report = cli(town, "bundle", "import", str(stick / "laptop-b-2.jdb"), str(stick / "laptop-a-2.jdb"), "--json")
    assert sum(r["merge"]["conflicts_new"] for r in json.loads(report)) == 1
    assert "already imported" in cli(town, "bundle", "import", str(stick / "laptop-a-2.jdb"))

    db = open_database(town)  # the clerk keeps laptop A's phone
    conflict = list_conflicts(db)[0]
    assert conflict.loser_value == "13900000002"
    resolve_conflict(db, conflict, conflict.loser_value, user="clerk")
    db.close()
    for path in (lap_a, lap_b):
        target = stick / f"to-{path.stem}-3.jdb"
        cli(town, "bundle", "export", "--to", str(target), "--peer", sites[path])
        assert "signature: valid" in cli(path, "bundle", "inspect", str(target))
        cli(path, "bundle", "import", str(target))
        cli(path, "bundle", "export", "--to", str(stick / f"{path.stem}-3.jdb"))
        cli(town, "bundle", "import", str(stick / f"{path.stem}-3.jdb"))
    for path in (lap_a, lap_b):  # a last round so that every laptop holds every record
        cli(town, "bundle", "export", "--to", str(stick / f"to-{path.stem}-4.jdb"), "--peer", sites[path])
        cli(path, "bundle", "import", str(stick / f"to-{path.stem}-4.jdb"))
    dumps = {cli(path, "dump") for path in (town, lap_a, lap_b)}
    assert len(dumps) == 1
    assert '"phone": "13900000002"' in dumps.pop()
    status = cli(town, "bundle", "status")
    assert "文峰村" in status and "石峰村" in status and "missing" not in status
    for path in (town, lap_a, lap_b):  # every site's hash chain verifies on every replica
        assert _registry(path).verify_audit_chain() == []


def test_a_refused_bundle_gives_exit_status_1_and_one_line(tmp_path: Path) -> None:
    cli = Cli(tmp_path)
    town = tmp_path / "township.db"
    open_database(town).close()
    cli(town, "bundle", "keys", "init", "--role", "township", "--name", "乡镇")
    junk = tmp_path / "junk.jdb"
    junk.write_bytes(b"not a bundle at all")
    out = cli(town, "bundle", "import", str(junk), status=1, lang="zh")
    assert "不是建档数据包" in out
