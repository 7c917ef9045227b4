"""Through the command line: a laptop and then the township make new keys; the key files are exchanged again with
an explicit --replace-key; old bundles are refused with the reason; the data converges and numbering continues."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import main
from models.db import open_database
from models.dump import dump_json
from models.registry import Registry
from tests.exports.bundle.sites import PASSPHRASE, TODAY, add_regions
from tests.models.conftest import VILLAGE, family

NEW = "laptop forgot the old one"
TOWN_NEW = "township starts again"


class Cli:
    """Runs ``main.main`` in this process (fast keys), one passphrase per database."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        self.monkeypatch, self.capsys = monkeypatch, capsys
        monkeypatch.setenv("JIANDANG_DATA_DIR", str(tmp_path))
        self.passphrases: dict[Path, str] = {}

    def __call__(self, db: Path, *args: str, status: int = 0, new: str | None = None, lang: str = "en") -> str:
        self.monkeypatch.setenv("JIANDANG_PASSPHRASE", self.passphrases.get(db, PASSPHRASE))
        if new is None:
            self.monkeypatch.delenv("JIANDANG_NEW_PASSPHRASE", raising=False)
        else:
            self.monkeypatch.setenv("JIANDANG_NEW_PASSPHRASE", new)
        code = main.main(["--lang", lang, "--db", str(db), *args])
        shown = self.capsys.readouterr()
        assert code == status, shown.out + shown.err
        return shown.out + shown.err


def _dump(path: Path) -> str:
    db = open_database(path)
    try:
        return dump_json(db.conn)
    finally:
        db.close()


def _households(path: Path) -> int:
    db = open_database(path)
    try:
        return db.conn.execute("SELECT count(*) FROM households").fetchone()[0]
    finally:
        db.close()


def _status(cli: Cli, db: Path) -> dict[str, dict]:
    return {s["site"]: s for s in json.loads(cli(db, "bundle", "status", "--json"))}


def _setup(cli: Cli, tmp_path: Path) -> tuple[Path, Path, Path, str]:
    stick = tmp_path / "stick"
    stick.mkdir()
    town, lap = tmp_path / "township.db", tmp_path / "laptop.db"
    cli(town, "bundle", "keys", "init", "--role", "township", "--name", "平襄镇")
    cli(lap, "bundle", "keys", "init", "--role", "village", "--name", "文峰村")
    cli(lap, "bundle", "enroll", "--to", str(stick / "lap.jdkey"))
    cli(town, "bundle", "enroll", str(stick / "lap.jdkey"), "--to", str(stick / "town.jdkey"))
    cli(lap, "bundle", "enroll", str(stick / "town.jdkey"))
    registry = Registry(open_database(town), today=TODAY)
    add_regions(type("S", (), {"registry": registry})())
    registry.db.close()
    site = open_database(lap)
    lap_id = site.site_id
    site.close()
    cli(town, "bundle", "export", "--to", str(stick / "to-lap-1.jdb"), "--peer", lap_id[:8])
    cli(lap, "bundle", "import", str(stick / "to-lap-1.jdb"))
    return stick, town, lap, lap_id


def _edit(lap: Path, phone: str) -> None:
    registry = Registry(open_database(lap), today=TODAY)
    registry.create_household({"village_code": VILLAGE, "phone": phone}, family(int(phone[-2:])))
    registry.db.close()


def _fingerprint(cli: Cli, db: Path) -> str:
    return cli(db, "bundle", "keys", "show").split("Fingerprint: ")[1].split()[0]


@pytest.fixture(autouse=True)
def fast_keys(quick_scrypt: None) -> None:
    """The bundle tests' cheap scrypt parameters (see sites.py)."""


def test_a_laptop_rekeys_and_the_township_takes_its_new_key_only_when_told(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cli = Cli(monkeypatch, capsys, tmp_path)
    stick, town, lap, lap_id = _setup(cli, tmp_path)
    _edit(lap, "13900000001")
    cli(lap, "bundle", "export", "--to", str(stick / "lap-1.jdb"))  # on the stick, never imported
    old_fp = _fingerprint(cli, lap)

    cli.passphrases[lap] = "wrong: forgotten"
    forgotten = cli(lap, "bundle", "export", "--to", str(stick / "x.jdb"), status=1, lang="zh")
    assert "同步密码不对" in forgotten and "bundle keys rekey" in forgotten
    shown = cli(lap, "bundle", "keys", "rekey", new=NEW)
    cli.passphrases[lap] = NEW
    new_fp = _fingerprint(cli, lap)
    assert old_fp in shown and new_fp in shown and new_fp != old_fp and "--replace-key" in shown
    _edit(lap, "13900000002")  # work goes on: the numbering of the laptop's changes continues
    cli(lap, "bundle", "enroll", "--to", str(stick / "lap-new.jdkey"))

    refused = cli(town, "bundle", "enroll", str(stick / "lap-new.jdkey"), status=1)
    assert old_fp in refused and new_fp in refused and "--replace-key" in refused
    assert _status(cli, town)[lap_id]["fingerprint"] == old_fp
    replaced = cli(town, "bundle", "enroll", str(stick / "lap-new.jdkey"), "--replace-key")
    assert f"old fingerprint {old_fp}, new fingerprint {new_fp}" in replaced
    assert _status(cli, town)[lap_id]["fingerprint"] == new_fp

    old = cli(town, "bundle", "import", str(stick / "lap-1.jdb"), status=1)
    assert "changed its sync keys on" in old and "Export again" in old
    cli(lap, "bundle", "export", "--to", str(stick / "lap-2.jdb"))
    assert "imported:" in cli(town, "bundle", "import", str(stick / "lap-2.jdb"))
    assert _households(town) == 2  # both edits: the one in the refused bundle too
    assert _status(cli, town)[lap_id]["missing"] == []
    cli(town, "bundle", "export", "--to", str(stick / "to-lap-2.jdb"), "--peer", lap_id[:8])
    cli(lap, "bundle", "import", str(stick / "to-lap-2.jdb"))
    assert _dump(town) == _dump(lap)
    lap_db = open_database(lap)
    top = lap_db.conn.execute("SELECT max(seq) FROM change_log WHERE site = ?", (lap_id,)).fetchone()[0]
    lap_db.close()
    assert _status(cli, town)[lap_id]["contiguous"] == top  # one numbering from before and after the new keys
    assert _status(cli, lap)[next(iter(_status(cli, lap)))]["acked_own"] == top


def test_the_township_rekeys_and_each_laptop_enrolls_its_new_key_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cli = Cli(monkeypatch, capsys, tmp_path)
    stick, town, lap, lap_id = _setup(cli, tmp_path)
    _edit(lap, "13900000003")
    cli(lap, "bundle", "export", "--to", str(stick / "lap-1.jdb"))  # encrypted to the township's old key
    old_fp = _fingerprint(cli, town)
    cli(town, "bundle", "keys", "rekey", new=TOWN_NEW)
    cli.passphrases[town] = TOWN_NEW
    new_fp = _fingerprint(cli, town)
    cli(town, "bundle", "enroll", "--to", str(stick / "town-new.jdkey"))

    held = cli(town, "bundle", "import", str(stick / "lap-1.jdb"), status=1, lang="zh")
    assert "本机已于" in held and "旧密钥加密" in held
    refused = cli(lap, "bundle", "enroll", str(stick / "town-new.jdkey"), status=1, lang="zh")
    assert old_fp in refused and new_fp in refused and "--replace-key" in refused
    cli(lap, "bundle", "enroll", str(stick / "town-new.jdkey"), "--replace-key")
    peers = _status(cli, lap)
    assert [p["fingerprint"] for p in peers.values()] == [new_fp] and all(p["revoked"] is None for p in peers.values())

    cli(lap, "bundle", "export", "--to", str(stick / "lap-2.jdb"))
    assert "imported:" in cli(town, "bundle", "import", str(stick / "lap-2.jdb"))
    assert _households(town) == 1
    cli(town, "bundle", "export", "--to", str(stick / "to-lap-2.jdb"), "--peer", lap_id[:8])
    cli(lap, "bundle", "import", str(stick / "to-lap-2.jdb"))
    assert _dump(town) == _dump(lap)


def test_changing_the_passphrase_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cli = Cli(monkeypatch, capsys, tmp_path)
    lap = tmp_path / "laptop.db"
    cli(lap, "bundle", "keys", "init", "--role", "village", "--name", "文峰村")
    fingerprint = _fingerprint(cli, lap)
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW + "\n", encoding="utf-8")
    cli.passphrases[lap] = "not the old one"
    wrong = cli(lap, "bundle", "keys", "passphrase", "--new-passphrase-file", str(new_file), status=1, lang="zh")
    assert "原来的同步密码不对，密码没有更改" in wrong and "bundle keys rekey" in wrong  # not "bundle keys passphrase"
    assert "bundle keys passphrase" not in wrong and "“" not in wrong
    cli.passphrases[lap] = PASSPHRASE
    done = cli(lap, "bundle", "keys", "passphrase", "--new-passphrase-file", str(new_file))
    assert fingerprint in done and "nothing to enroll" in done
    cli(lap, "bundle", "enroll", "--to", str(tmp_path / "k.jdkey"), status=1)  # the old passphrase stopped working
    cli.passphrases[lap] = NEW
    cli(lap, "bundle", "enroll", "--to", str(tmp_path / "k.jdkey"))
    assert _fingerprint(cli, lap) == fingerprint
