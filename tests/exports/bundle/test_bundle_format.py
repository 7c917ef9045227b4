"""The framed, encrypted file format on its own, and the keys: round trips, truncation, wrong keys, passphrases."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from exports.bundle_format import (
    CHUNK,
    BundleFormatError,
    new_header,
    open_chunks,
    open_payload,
    payload_cipher,
    raw_public,
    read_header,
    seal_chunks,
)
from exports.bundle_keys import SyncKeyError, enroll, init_keys, key_file_bytes, read_key_file, unlock
from tests.exports.bundle.sites import PASSPHRASE, Site, make_site


def _file(payload: bytes, recipients: list[X25519PrivateKey]) -> bytes:
    header, key = new_header([raw_public(r.public_key()) for r in recipients])
    pieces = [payload[i : i + 10_000] for i in range(0, len(payload), 10_000)] or [b""]
    return header.raw + b"".join(seal_chunks(header, payload_cipher(header, key), iter(pieces)))


def _open(data: bytes, key: X25519PrivateKey) -> bytes:
    stream = io.BytesIO(data)
    header = read_header(stream)
    return b"".join(open_chunks(stream, header, open_payload(header, key)))


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK])
def test_any_payload_size_round_trips(size: int) -> None:
    key = X25519PrivateKey.generate()
    payload = os.urandom(size)
    assert _open(_file(payload, [key]), key) == payload


def test_every_recipient_and_only_they_can_open_it() -> None:
    township, recovery, stranger = (X25519PrivateKey.generate() for _ in range(3))
    data = _file(b"secret", [township, recovery])
    assert _open(data, township) == _open(data, recovery) == b"secret"
    with pytest.raises(BundleFormatError, match="不是发给本机"):
        _open(data, stranger)


@pytest.mark.parametrize("chunks", [1, 2])
def test_dropping_whole_chunks_at_the_end_is_detected(chunks: int) -> None:
    key = X25519PrivateKey.generate()
    data = _file(os.urandom(3 * CHUNK), [key])
    with pytest.raises(BundleFormatError):
        _open(data[: len(data) - chunks * (CHUNK + 16)], key)


def test_swapping_two_chunks_is_detected() -> None:
    key = X25519PrivateKey.generate()
    data = _file(os.urandom(3 * CHUNK), [key])
    start = len(data) - 3 * (CHUNK + 16)
    first, second = data[start : start + CHUNK + 16], data[start + CHUNK + 16 : start + 2 * (CHUNK + 16)]
    with pytest.raises(BundleFormatError):
        _open(data[:start] + second + first + data[start + 2 * (CHUNK + 16) :], key)


def test_keys_are_locked_by_the_passphrase(tmp_path: Path) -> None:
    site = make_site(tmp_path / "s", "s", "village")
    with pytest.raises(SyncKeyError, match="密码不对"):
        unlock(site.db, "wrong passphrase")
    with pytest.raises(SyncKeyError):
        init_keys(site.db, "village", "again", PASSPHRASE)  # only once
    stored = site.db.conn.execute("SELECT secret FROM sync_keys").fetchone()[0]
    assert json.loads(stored)["kdf"] == "scrypt" and "private" not in stored.lower()


def test_a_tampered_key_file_is_not_enrolled(tmp_path: Path, township: Site) -> None:
    laptop = make_site(tmp_path / "l", "文峰村", "village")
    path = tmp_path / "laptop.jdkey"
    body = json.loads(key_file_bytes(laptop.keys))
    body["name"] = "冒充的村"
    path.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(SyncKeyError, match="无效或被改动"):
        read_key_file(path)
    path.write_bytes(key_file_bytes(laptop.keys))
    peer = enroll(township.db, read_key_file(path))
    assert peer.fingerprint == laptop.keys.identity.fingerprint and len(peer.fingerprint) == 24


def test_a_township_cannot_enroll_another_township(tmp_path: Path, township: Site) -> None:
    other = make_site(tmp_path / "o", "o", "township")
    path = tmp_path / "other.jdkey"
    path.write_bytes(key_file_bytes(other.keys))
    with pytest.raises(SyncKeyError):
        enroll(township.db, read_key_file(path))
