"""A township and its laptops for the bundle tests: keys, enrollment, regions, export/import helpers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

import pytest

from exports import bundle_keys
from exports.bundle_keys import PrivateKeys, enroll, init_keys, key_file_bytes, read_key_file, unlock
from exports.bundle_read import ImportReport, import_bundle
from exports.bundle_write import ExportResult, export_bundle
from models.db import Database, open_database
from models.dump import dump_json
from models.registry import Registry
from tests.models.conftest import OTHER_VILLAGE, VILLAGE

PASSPHRASE = "correct horse battery"
TODAY = datetime.date(2019, 6, 1)


@dataclass
class Site:
    """One installation: its database, unlocked keys and domain API."""

    db: Database
    keys: PrivateKeys
    registry: Registry
    folder: Path

    @property
    def site_id(self) -> str:
        return self.db.site_id

    def export(self, peer: Site | None = None, name: str | None = None) -> ExportResult:
        """Write the next bundle into this site's outbox."""
        target = self.folder / name if name else self.folder
        return export_bundle(self.db, self.keys, target, peer.site_id if peer else None)

    def load(self, path: Path, **options: object) -> ImportReport:
        """Import one bundle (no backup, to keep the tests fast)."""
        return import_bundle(self.db, self.keys, path, backup=False, **options)  # type: ignore[arg-type]

    def dump(self) -> str:
        return dump_json(self.db.conn)


@pytest.fixture(autouse=True)
def quick_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap key protection in tests (the parameters are stored with each key, so unlocking follows)."""
    monkeypatch.setattr(bundle_keys, "SCRYPT", {"n": 2**10, "r": 8, "p": 1})


def make_site(folder: Path, name: str, role: str) -> Site:
    """A new installation with keys."""
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(folder / f"{name}.db")
    db.set_setting("operator", name)
    init_keys(db, role, name, PASSPHRASE)
    return Site(db, unlock(db, PASSPHRASE), Registry(db, today=TODAY), folder)


def exchange_keys(township: Site, laptop: Site) -> None:
    """Enrollment both ways through key files."""
    for owner, reader in ((laptop, township), (township, laptop)):
        path = owner.folder / f"{owner.site_id[:8]}.jdkey"
        path.write_bytes(key_file_bytes(owner.keys))
        enroll(reader.db, read_key_file(path))


def add_regions(site: Site) -> None:
    """Province down to two villages and one group, at the township."""
    registry = site.registry
    for code, name in (
        ("62", "甘肃省"),
        ("6211", "定西市"),
        ("621121", "通渭县"),
        ("621121103", "平襄镇"),
        (VILLAGE, "文峰村"),
        (OTHER_VILLAGE, "石峰村"),
    ):
        registry.add_region(code, name)
    registry.add_group(VILLAGE, "第一村民小组")


def provision(township: Site, laptop: Site) -> None:
    """The township's first return bundle (regions, code tables) imported on the laptop."""
    report = laptop.load(township.export(laptop).path)
    assert report.status == "imported", report.message_en


def sync(laptop: Site, township: Site) -> tuple[ImportReport, ImportReport]:
    """One round trip: the laptop's bundle to the township, the township's return bundle back."""
    up = township.load(laptop.export().path)
    down = laptop.load(township.export(laptop).path)
    return up, down


@pytest.fixture
def township(tmp_path: Path) -> Site:
    site = make_site(tmp_path / "township", "township", "township")
    add_regions(site)
    yield site
    site.db.close()


def laptop_for(township: Site, tmp_path: Path, name: str) -> Site:
    """An enrolled, provisioned laptop."""
    laptop = make_site(tmp_path / name, name, "village")
    exchange_keys(township, laptop)
    provision(township, laptop)
    return laptop


@pytest.fixture
def laptop(township: Site, tmp_path: Path) -> Site:
    site = laptop_for(township, tmp_path, "laptop1")
    yield site
    site.db.close()


@pytest.fixture
def laptop2(township: Site, tmp_path: Path) -> Site:
    site = laptop_for(township, tmp_path, "laptop2")
    yield site
    site.db.close()
