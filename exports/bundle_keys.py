"""Keys and enrollment: this installation's key pair, peers' public keys, fingerprints, revocation.

Each installation has an Ed25519 key (signing its bundles) and an X25519 key
(receiving bundles), stored in ``sync_keys`` with the private halves
encrypted by a passphrase (scrypt → ChaCha20-Poly1305). Enrollment exchanges
small signed key files on the stick: the laptop's goes to the township, the
township's comes back; both screens show the same short fingerprint, read
aloud to compare. The township can revoke a laptop: its bundles are refused
from then on.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from exports.bundle_passphrase_text import CLI, GUI, wrong_passphrase_text
from models.changes import canonical_json
from models.db import Database
from models.errors import JiandangError
from models.sync_records import is_uuid

TOWNSHIP, VILLAGE = "township", "village"
ROLES = (TOWNSHIP, VILLAGE)
SCRYPT = {"n": 2**15, "r": 8, "p": 1}
KEY_FILE_FORMAT = "jiandang-key"
MAX_KEY_FILE = 16 * 1024
MIN_PASSPHRASE = 8


class SyncKeyError(JiandangError):
    """Keys are missing, locked with another passphrase, or a key file is not valid."""


class WrongPassphraseError(SyncKeyError):
    """The passphrase does not open this installation's keys; the message is for the command line.

    ``changing``: it was the current passphrase typed to change it.  The window shows ``gui_message``.
    """

    def __init__(self, changing: bool = False) -> None:
        super().__init__(*wrong_passphrase_text(CLI, changing))
        self.changing = changing

    def gui_message(self, language: str = "zh") -> str:
        """The message naming the menu and buttons instead of the commands."""
        zh, en = wrong_passphrase_text(GUI, self.changing)
        return en if language == "en" else zh


@dataclass(frozen=True)
class Identity:
    """This installation's public identity."""

    site_id: str
    role: str
    name: str
    sign_public: bytes
    enc_public: bytes

    @property
    def fingerprint(self) -> str:
        """The short fingerprint shown on both screens."""
        return fingerprint(self.sign_public, self.enc_public)


@dataclass(frozen=True)
class PrivateKeys:
    """The unlocked private keys."""

    identity: Identity
    sign: Ed25519PrivateKey
    enc: X25519PrivateKey


@dataclass(frozen=True)
class Peer:
    """An enrolled peer."""

    site_id: str
    role: str
    name: str
    sign_public: bytes
    enc_public: bytes
    fingerprint: str
    enrolled: str
    revoked: str | None


def fingerprint(sign_public: bytes, enc_public: bytes) -> str:
    """Five groups of four characters from SHA-256 of both public keys, e.g. ``3F9A-…``."""
    text = hashlib.sha256(b"jiandang-key-v1" + sign_public + enc_public).hexdigest()[:20].upper()
    return "-".join(text[i : i + 4] for i in range(0, 20, 4))


def init_keys(db: Database, role: str, name: str, passphrase: str) -> Identity:
    """Create this installation's key pair (once); raises if keys exist or the passphrase is too short."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    if db.conn.execute("SELECT 1 FROM sync_keys").fetchone():
        raise SyncKeyError("本机已经有同步密钥，不能重复创建。", "This installation already has sync keys.")
    if len(passphrase) < MIN_PASSPHRASE:
        raise SyncKeyError(
            f"密码至少要 {MIN_PASSPHRASE} 个字符。", f"The passphrase needs at least {MIN_PASSPHRASE} characters."
        )
    sign, enc = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    secret = _protect(_raw_private(sign) + _raw_private(enc), passphrase)
    identity = Identity(db.site_id, role, name, _raw_public(sign), _raw_public(enc))
    with db._plain_transaction():  # noqa: SLF001 - local table, no change record
        db.conn.execute(
            "INSERT INTO sync_keys(id, role, name, sign_public, enc_public, secret, created) "
            "VALUES (1, ?, ?, ?, ?, ?, ?)",
            (role, name, _b64(identity.sign_public), _b64(identity.enc_public), json.dumps(secret), _now()),
        )
    return identity


def identity(db: Database) -> Identity | None:
    """This installation's public identity, or None before ``init_keys``."""
    row = db.conn.execute("SELECT role, name, sign_public, enc_public FROM sync_keys WHERE id = 1").fetchone()
    if row is None:
        return None
    return Identity(db.site_id, row[0], row[1], base64.b64decode(row[2]), base64.b64decode(row[3]))


def require_identity(db: Database) -> Identity:
    """This installation's identity; raises a clear error when no keys exist yet."""
    found = identity(db)
    if found is None:
        raise SyncKeyError(
            "本机还没有同步密钥：请先运行“bundle keys init”（或在“同步”菜单中创建）。",
            "This installation has no sync keys yet: run 'bundle keys init' (or use the Sync menu).",
        )
    return found


def unlock(db: Database, passphrase: str) -> PrivateKeys:
    """The private keys, decrypted with the passphrase; raises SyncKeyError for a wrong one."""
    who = require_identity(db)
    secret = json.loads(db.conn.execute("SELECT secret FROM sync_keys WHERE id = 1").fetchone()[0])
    raw = _unprotect(secret, passphrase)
    return PrivateKeys(
        who, Ed25519PrivateKey.from_private_bytes(raw[:32]), X25519PrivateKey.from_private_bytes(raw[32:])
    )


def _protect(data: bytes, passphrase: str) -> dict:
    salt, nonce = os.urandom(16), os.urandom(12)
    key = Scrypt(salt=salt, length=32, **SCRYPT).derive(passphrase.encode("utf-8"))
    sealed = ChaCha20Poly1305(key).encrypt(nonce, data, b"jiandang-keys")
    return {"kdf": "scrypt", **SCRYPT, "salt": _b64(salt), "nonce": _b64(nonce), "sealed": _b64(sealed)}


def _unprotect(secret: dict, passphrase: str) -> bytes:
    salt = base64.b64decode(secret["salt"])
    key = Scrypt(salt=salt, length=32, n=secret["n"], r=secret["r"], p=secret["p"]).derive(passphrase.encode("utf-8"))
    try:
        return ChaCha20Poly1305(key).decrypt(
            base64.b64decode(secret["nonce"]), base64.b64decode(secret["sealed"]), b"jiandang-keys"
        )
    except InvalidTag as error:
        raise WrongPassphraseError() from error


# -- key files (enrollment) ------------------------------------------------


def key_file_bytes(keys: PrivateKeys) -> bytes:
    """This installation's public key file, self-signed (proves it holds the private key)."""
    who = keys.identity
    body = {
        "format": KEY_FILE_FORMAT,
        "version": 1,
        "role": who.role,
        "site_id": who.site_id,
        "name": who.name,
        "sign_public": _b64(who.sign_public),
        "enc_public": _b64(who.enc_public),
        "created": _now(),
    }
    signature = keys.sign.sign(canonical_json(body).encode("utf-8"))
    return (canonical_json({**body, "signature": _b64(signature)}) + "\n").encode("utf-8")


def read_key_file(path: Path) -> Peer:
    """A peer's key file, strictly checked (size, fields, self-signature)."""
    if path.stat().st_size > MAX_KEY_FILE:
        raise _bad_key_file()
    try:
        body = json.loads(path.read_bytes().decode("utf-8"))
        signature = base64.b64decode(body.pop("signature"), validate=True)
        if body.get("format") != KEY_FILE_FORMAT or body.get("version") != 1 or body.get("role") not in ROLES:
            raise ValueError("format")
        if not is_uuid(body.get("site_id")) or not isinstance(body.get("name"), str) or len(body["name"]) > 100:
            raise ValueError("fields")
        sign_public = base64.b64decode(body["sign_public"], validate=True)
        enc_public = base64.b64decode(body["enc_public"], validate=True)
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, canonical_json(body).encode("utf-8"))
    except (ValueError, KeyError, TypeError, AttributeError, InvalidSignature) as error:
        raise _bad_key_file() from error
    return Peer(
        body["site_id"],
        body["role"],
        body["name"],
        sign_public,
        enc_public,
        fingerprint(sign_public, enc_public),
        body.get("created", ""),
        None,
    )


def enroll(db: Database, peer: Peer, reactivate: bool = False, replace_key: bool = False) -> Peer:
    """Record a peer's public keys: a laptop at the township, the township on a laptop.

    A laptop answers to one township: enrolling another one revokes the one before (a township that made
    new keys, or a work team moved to another township), so bundles are never addressed to the old keys.
    A revoked device's key file (old copies stay on the sticks) is refused unless ``reactivate`` is given.
    Other keys for an enrolled device (it re-keyed: ``bundle_rekey``) replace the old ones only with ``replace_key``.
    """
    own = require_identity(db)
    if peer.site_id == db.site_id:
        raise SyncKeyError("这是本机自己的密钥文件。", "This is this installation's own key file.")
    if own.role == peer.role or (own.role == VILLAGE and peer.role != TOWNSHIP):
        raise SyncKeyError(
            "只能由乡镇登记村里的电脑，或由村里的电脑登记乡镇。",
            "A township enrolls laptops and a laptop enrolls its township; nothing else.",
        )
    existing = find_peer(db, peer.site_id)
    keys = (peer.sign_public, peer.enc_public)
    changed = existing is not None and (existing.sign_public, existing.enc_public) != keys
    if changed and not replace_key:
        from exports.bundle_rekey import key_change_error

        raise key_change_error(existing, peer)  # type: ignore[arg-type]
    if existing is not None and existing.revoked is not None and not reactivate:
        when = existing.revoked[:16]
        raise SyncKeyError(
            f"{existing.name}（设备编号 {existing.site_id[:8]}）已于 {when} 吊销，这次没有登记，它的数据包仍被拒收。"
            "U 盘上常留着它的旧密钥文件，请确认没有选错。确实要重新启用这台设备时（例如找回了丢失的电脑），"
            "请在登记时加上 --reactivate：bundle enroll 密钥文件 --reactivate。",
            f"{existing.name} (device id {existing.site_id[:8]}) was revoked on {when}; it was not enrolled and its "
            "bundles are still refused. Old key files often stay on the sticks: check that you chose the right one. "
            "To re-enable this device deliberately (e.g. a lost laptop was found), enroll it with --reactivate: "
            "bundle enroll KEYFILE --reactivate.",
        )
    with db._plain_transaction():  # noqa: SLF001
        if changed:  # old bundles signed with the replaced key stay refused (bundle_rekey explains why)
            from exports.bundle_rekey import note_replaced_key

            note_replaced_key(db, existing, _now())  # type: ignore[arg-type]
        if own.role == VILLAGE:  # a laptop answers to one township: a new one replaces the old (see replaced_township)
            db.conn.execute(
                "UPDATE sync_peers SET revoked = ? WHERE role = ? AND revoked IS NULL AND site_id != ?",
                (_now(), TOWNSHIP, peer.site_id),
            )
        db.conn.execute(
            "INSERT INTO sync_peers(site_id, role, name, sign_public, enc_public, fingerprint, enrolled) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(site_id) DO UPDATE SET name = excluded.name, revoked = NULL, "
            "sign_public = excluded.sign_public, enc_public = excluded.enc_public, fingerprint = excluded.fingerprint",
            (
                peer.site_id,
                peer.role,
                peer.name,
                _b64(peer.sign_public),
                _b64(peer.enc_public),
                peer.fingerprint,
                _now(),
            ),
        )
    return find_peer(db, peer.site_id)  # type: ignore[return-value]


def revoked_enrollment(db: Database, peer: Peer) -> Peer | None:
    """The enrollment of ``peer``'s device when it was revoked here (enrolling it again would re-enable it)."""
    existing = find_peer(db, peer.site_id)
    return existing if existing is not None and existing.revoked is not None else None


def replaced_township(db: Database, peer: Peer) -> Peer | None:
    """On a laptop, the township that enrolling ``peer`` would replace (its bundles then go to ``peer`` only)."""
    own = identity(db)
    if own is None or own.role != VILLAGE or peer.role != TOWNSHIP:
        return None
    return next((p for p in peers(db) if p.role == TOWNSHIP and p.revoked is None and p.site_id != peer.site_id), None)


def revoke(db: Database, site_id: str) -> Peer:
    """Revoke an enrolled peer: its bundles are refused from now on."""
    peer = find_peer(db, site_id)
    if peer is None:
        raise SyncKeyError("没有这台已登记的设备。", "No such enrolled device.")
    with db._plain_transaction():  # noqa: SLF001
        db.conn.execute("UPDATE sync_peers SET revoked = ? WHERE site_id = ?", (_now(), peer.site_id))
    return find_peer(db, peer.site_id)  # type: ignore[return-value]


def find_peer(db: Database, site_id: str) -> Peer | None:
    """An enrolled peer by site id (or a unique prefix of it, as printed by ``bundle status``)."""
    rows = db.conn.execute(
        "SELECT site_id, role, name, sign_public, enc_public, fingerprint, enrolled, revoked FROM sync_peers "
        "WHERE site_id = ? OR (length(?) >= 4 AND site_id LIKE ? || '%')",
        (site_id, site_id, site_id),
    ).fetchall()
    if len(rows) != 1:
        return None
    r = rows[0]
    return Peer(r[0], r[1], r[2], base64.b64decode(r[3]), base64.b64decode(r[4]), r[5], r[6], r[7])


def peers(db: Database) -> list[Peer]:
    """Every enrolled peer, by name."""
    ids = [r[0] for r in db.conn.execute("SELECT site_id FROM sync_peers ORDER BY name, site_id")]
    return [p for p in (find_peer(db, i) for i in ids) if p is not None]


def _bad_key_file() -> SyncKeyError:
    return SyncKeyError(
        "密钥文件无效或被改动过，没有登记。", "The key file is invalid or was altered; nothing was enrolled."
    )


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _raw_public(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _now() -> str:
    return datetime.datetime.now().replace(microsecond=0).isoformat(sep=" ")
