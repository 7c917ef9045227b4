"""Hostile and damaged bundle files: every one is refused with a reason, and the database stays exactly as it was."""

from __future__ import annotations

import base64
import json
import os
import random
import struct
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from exports.bundle_format import CHUNK, MAGIC, TAG
from exports.bundle_keys import revoke
from models import migrations
from models.errors import JiandangError
from models.paths import data_dir
from models.sync_records import encode_line
from tests.exports.bundle.craft import craft, lines_of, own_logs, rechain, write
from tests.exports.bundle.sites import Site, exchange_keys, make_site
from tests.models.conftest import VILLAGE, family


def snapshot(site: Site) -> tuple:
    conn = site.db.conn
    counts = tuple(
        conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("change_log", "sync_imports", "sync_held", "sync_conflicts", "sync_parked")
    )
    return site.dump(), counts, conn.execute("SELECT acks, last_bundle FROM sync_peers").fetchall()


def refused(site: Site, path: Path, needle: str = "") -> str:
    before = snapshot(site)
    with pytest.raises(JiandangError) as caught:
        site.load(path)
    assert snapshot(site) == before
    assert needle.lower() in caught.value.message_en.lower(), caught.value.message_en
    return caught.value.message_en


@pytest.fixture
def bundle(laptop: Site) -> Path:
    """A laptop's real bundle, bigger than two chunks (so that chunk boundaries exist)."""
    for seq in range(1, 40):
        laptop.registry.create_household({"village_code": VILLAGE, "note": os.urandom(4000).hex()}, family(seq))
    path = laptop.export().path
    assert path.stat().st_size > 2 * CHUNK
    return path


def _header_end(data: bytes) -> int:
    return len(MAGIC) + 4 + struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])[0]


def test_an_intact_bundle_imports(township: Site, laptop: Site, bundle: Path) -> None:
    assert township.load(bundle).merge.rows_new == 39 * 5
    assert township.dump() == laptop.dump()


@pytest.mark.parametrize("where", ["random byte", "chunk boundary", "inside the header"])
def test_a_truncated_bundle_is_refused(township: Site, bundle: Path, tmp_path: Path, where: str) -> None:
    data = bundle.read_bytes()
    end = _header_end(data)
    cut = {
        "random byte": random.Random(7).randrange(end + 1, len(data) - 1),
        "chunk boundary": end + CHUNK + TAG,
        "inside the header": end - 5,
    }[where]
    refused(township, write(tmp_path / "cut.jdb", data[:cut]), "truncated" if where != "random byte" else "")


@pytest.mark.parametrize("where", ["header", "ciphertext", "tag", "wrapped key"])
def test_one_flipped_bit_is_refused(township: Site, bundle: Path, tmp_path: Path, where: str) -> None:
    data = bytearray(bundle.read_bytes())
    end = _header_end(data)
    if where == "wrapped key":
        header = json.loads(data[len(MAGIC) + 4 : end])
        key = bytearray(base64.b64decode(header["recipients"][0]["key"]))
        key[5] ^= 0x10
        header["recipients"][0]["key"] = base64.b64encode(bytes(key)).decode()
        text = json.dumps(header, separators=(",", ":"), sort_keys=True).encode()
        data = MAGIC + struct.pack(">I", len(text)) + text + data[end:]
    else:
        index = {"header": end - 30, "ciphertext": end + 1000, "tag": len(data) - 3}[where]
        data[index] ^= 0x04
    refused(township, write(tmp_path / "flipped.jdb", bytes(data)), "nothing was imported")


@pytest.mark.parametrize("content", ["empty", "header only", "garbage"])
def test_an_empty_or_headless_file_is_refused(township: Site, bundle: Path, tmp_path: Path, content: str) -> None:
    data = bundle.read_bytes()
    body = {"empty": b"", "header only": data[: _header_end(data)], "garbage": os.urandom(5000)}[content]
    refused(township, write(tmp_path / "x.jdb", body))


def test_a_gigabyte_of_random_bytes_is_refused_at_once_and_never_copied(township: Site, tmp_path: Path) -> None:
    path = tmp_path / "huge.jdb"
    with open(path, "wb") as handle:
        handle.write(os.urandom(1 << 20))
        handle.truncate(1 << 30)  # 1 GiB (sparse after the first MiB)
    started = time.perf_counter()
    refused(township, path, "not a Jiandang bundle")
    assert time.perf_counter() - started < 1.0
    quarantine = data_dir() / "sync" / "quarantine"
    assert not any(p.stat().st_size > 1 << 20 for p in quarantine.glob("*")) if quarantine.exists() else True


@pytest.mark.parametrize("absurdity", ["10000 recipients", "2 GB header length", "bad base64", "extra field"])
def test_an_absurd_header_is_refused(township: Site, bundle: Path, tmp_path: Path, absurdity: str) -> None:
    data = bundle.read_bytes()
    end = _header_end(data)
    header = json.loads(data[len(MAGIC) + 4 : end])
    if absurdity == "10000 recipients":
        header["recipients"] = header["recipients"] * 10_000
    elif absurdity == "bad base64":
        header["salt"] = "!!!not base64!!!"
    elif absurdity == "extra field":
        header["comment"] = "x"
    text = json.dumps(header, separators=(",", ":")).encode()
    length = 2**31 if absurdity == "2 GB header length" else len(text)
    refused(
        township,
        write(tmp_path / "absurd.jdb", MAGIC + struct.pack(">I", length) + text + data[end:]),
        "nothing was imported",
    )


def test_a_bundle_for_another_township_is_refused(tmp_path: Path, township: Site, laptop: Site) -> None:
    other = make_site(tmp_path / "other", "other", "township")
    exchange_keys(other, laptop)
    for_other = craft(laptop, other)
    refused(township, write(tmp_path / "other.jdb", for_other), "not addressed to this")


def test_an_outsider_encrypting_to_the_township_without_a_valid_signature_is_refused(
    township: Site, laptop: Site, tmp_path: Path
) -> None:
    forged = craft(laptop, township, signer=Ed25519PrivateKey.generate())  # claims to be the laptop
    refused(township, write(tmp_path / "forged.jdb", forged), "signature is invalid")


def test_a_bundle_signed_by_an_unenrolled_laptop_is_refused(township: Site, tmp_path: Path) -> None:
    stranger = make_site(tmp_path / "stranger", "stranger", "village")
    stranger.registry.add_region("62", "甘肃省")
    refused(township, write(tmp_path / "stranger.jdb", craft(stranger, township)), "sender is not enrolled")


def test_a_bundle_of_a_revoked_laptop_is_refused(township: Site, laptop: Site, bundle: Path) -> None:
    revoke(township.db, laptop.site_id)
    refused(township, bundle, "revoked")


def test_the_header_of_one_bundle_with_the_payload_of_another_is_refused(
    township: Site, laptop: Site, bundle: Path, tmp_path: Path
) -> None:
    first = bundle.read_bytes()
    second = laptop.export().path.read_bytes()
    spliced = first[: _header_end(first)] + second[_header_end(second) :]
    refused(township, write(tmp_path / "spliced.jdb", spliced), "nothing was imported")


@pytest.mark.parametrize("lie", ["sha256", "records", "raw_length", "manifest count"])
def test_a_part_that_does_not_match_the_manifest_is_refused(
    township: Site, laptop: Site, tmp_path: Path, lie: str
) -> None:
    laptop.registry.create_household({"village_code": VILLAGE}, family())
    honest = json.loads(json.dumps(_manifest_part(laptop, township)))
    if lie == "manifest count":
        data = craft(laptop, township, records=honest["records"] + 1)
    else:
        honest[lie] = "0" * 64 if lie == "sha256" else honest[lie] + 1
        data = craft(laptop, township, parts=[honest])
    refused(township, write(tmp_path / "lie.jdb", data), "nothing was imported")


def _manifest_part(sender: Site, recipient: Site) -> dict:
    import hashlib
    import zlib

    lines = lines_of(sender)
    raw = "".join(line + "\n" for line in lines).encode()
    return {
        "name": "changes",
        "encoding": "deflate",
        "length": len(zlib.compress(raw, 1)),
        "raw_length": len(raw),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "records": len(lines),
    }


def test_a_bundle_of_a_newer_schema_version_is_refused(township: Site, laptop: Site, tmp_path: Path) -> None:
    data = craft(laptop, township, schema=migrations.SCHEMA_VERSION + 1)
    refused(township, write(tmp_path / "newer.jdb", data), "newer Jiandang")


def _hostile(laptop: Site, change: dict) -> list[str]:
    """The laptop's one household record, altered, its hash chain recomputed (a sender with a valid key)."""
    laptop.registry.create_household({"village_code": VILLAGE, "note": "原"}, [])
    log = list(own_logs(laptop)[0])
    vals = json.loads(log[9])
    for key, value in change.items():
        if key.startswith("@"):
            log[{"@tbl": 4, "@pk": 5}[key]] = value
        elif value is None:
            vals.pop(key, None)
        else:
            vals[key] = value
    log[9] = json.dumps(vals, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return [encode_line(r) for r in rechain([tuple(log)])]


HOSTILE = {
    "unknown table": {"@tbl": "sqlite_master"},
    "unknown column": {"evil": 1},
    "SQL as a column name": {"note = 'x'; DROP TABLE households; --": "1"},
    "huge string": {"note": "长" * 20_000},
    "wrong type (text in a number column)": {"land_area": "很多"},
    "wrong type (an object)": {"note": {"nested": True}},
    "bad UUID as id": {"@pk": "1; DROP TABLE households"},
    "bad UUID as a reference": {"group_id": "not-a-uuid"},
    "control characters": {"note": "张\x00三"},
    "bidirectional override": {"note": "abc\u202egpj.exe"},
}


@pytest.mark.parametrize("attack", sorted(HOSTILE))
def test_hostile_records_are_refused_before_anything_is_applied(
    township: Site, laptop: Site, tmp_path: Path, attack: str
) -> None:
    lines = _hostile(laptop, HOSTILE[attack])
    refused(township, write(tmp_path / "hostile.jdb", craft(laptop, township, lines=lines)), "refused")
    assert township.db.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0


def test_sql_inside_a_value_is_stored_as_plain_text(township: Site, laptop: Site, tmp_path: Path) -> None:
    text = "x'); DROP TABLE households; --"
    lines = _hostile(laptop, {"note": text})
    township.load(write(tmp_path / "sql.jdb", craft(laptop, township, lines=lines)))
    assert township.db.conn.execute("SELECT note FROM households").fetchall() == [(text,)]


def test_an_altered_audit_entry_is_refused(township: Site, laptop: Site) -> None:
    laptop.registry.create_household({"village_code": VILLAGE}, family())
    laptop.db.conn.execute(
        "UPDATE change_log SET vals = replace(vals, '张三', '李四') WHERE site = ? AND tbl = 'members'",
        (laptop.site_id,),
    )
    refused(township, laptop.export().path, "audit record was altered")


def test_the_same_site_and_seq_with_different_content_is_a_refused_site_fork(
    township: Site, laptop: Site, tmp_path: Path
) -> None:
    import shutil

    backup = tmp_path / "laptop-backup.db"
    laptop.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(laptop.folder / "laptop1.db", backup)
    laptop.registry.create_household({"village_code": VILLAGE, "note": "原来的"}, [])
    township.load(laptop.export().path)
    laptop.db.close()
    shutil.copy(backup, laptop.folder / "laptop1.db")  # restored from an old backup, then edited again
    from models.db import open_database

    laptop.db = open_database(laptop.folder / "laptop1.db")
    laptop.registry.db = laptop.db
    laptop.registry.conn = laptop.db.conn
    laptop.registry.create_household({"village_code": VILLAGE, "note": "恢复后新录入"}, [])
    refused(township, laptop.export(name="fork.jdb").path, "site fork")


def test_a_bad_record_after_merged_batches_rolls_the_whole_import_back(
    township: Site, laptop: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from exports import bundle_parts

    monkeypatch.setattr(bundle_parts, "BATCH", 2)  # several batches are merged before the bad record is read
    for seq in range(1, 4):
        laptop.registry.create_household({"village_code": VILLAGE}, family(seq))
    lines = lines_of(laptop)
    last = json.loads(lines[-1])
    last[11] = last[11].replace("张", "\u202e张")  # a hidden control character in the last record …
    assert "\u202e" in last[11]
    log = (
        last[3],
        last[4],
        last[5],
        last[6],
        last[7],
        last[8],
        last[1],
        last[9],
        last[10],
        last[11],
        last[12],
        last[13],
        last[2],
        last[0],
    )
    lines[-1] = encode_line(rechain([log], last[2])[0])  # … with its hash made consistent
    refused(township, write(tmp_path / "late.jdb", craft(laptop, township, lines=lines)), "refused")
    assert township.db.conn.execute("SELECT count(*) FROM households").fetchone()[0] == 0
