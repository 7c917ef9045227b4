"""Changing the sync passphrase, making new keys for this installation, and a peer's keys replaced.

A forgotten passphrase is not a dead end: ``rekey`` makes a new signing and
encryption key pair under a new passphrase for the SAME site id and the same
data (the old private keys are discarded), and the key files are exchanged
again. The peer replaces the enrolled keys of that site only when asked
explicitly (``enroll(…, replace_key=True)``, after showing the old and the new
fingerprint). Sequence numbers, acknowledgements and the change log belong to
the site, not to its keys, so nothing needs re-sending and nothing is lost.

Bundles signed with replaced keys are refused from then on, even ones written
before the change: the keys may have been replaced because they leaked, and a
leaked key can backdate a bundle, so after the change only the new keys speak
for the site. Nothing is lost by refusing: exports are cumulative since the
last acknowledgement, so the next export carries everything the old bundle
did. ``refusal_reason`` tells the user that a key change is why.

The history of discarded keys (public halves and dates only) is kept in local
settings; no schema change.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from exports import bundle_keys
from exports.bundle_format import key_id, open_chunks, open_payload, read_header
from exports.bundle_keys import (
    Identity,
    Peer,
    PrivateKeys,
    SyncKeyError,
    WrongPassphraseError,
    find_peer,
    require_identity,
    unlock,
)
from exports.bundle_manifest import PlainStream, read_manifest
from models.db import Database
from models.errors import JiandangError

OWN_KEYS = "sync_rekeyed"  # setting: JSON list of {when, fingerprint, enc_kid} of this installation's discarded keys
PEER_KEYS = "sync_replaced_keys"  # setting: JSON {site: [{when, fingerprint, sign_public}]} of peers' replaced keys


def change_passphrase(db: Database, old: str, new: str) -> Identity:
    """Protect the same private keys with a new passphrase; a wrong ``old`` one changes nothing.

    The keys and fingerprints stay the same, so no peer has to do anything.  A wrong ``old`` raises
    ``WrongPassphraseError(changing=True)``: it says the current passphrase is wrong.
    """
    try:
        keys = unlock(db, old)
    except WrongPassphraseError as error:
        raise WrongPassphraseError(changing=True) from error
    _check_length(new)
    secret = bundle_keys._protect(_raw_private(keys), new)  # noqa: SLF001 - same module family
    with db._plain_transaction():  # noqa: SLF001 - local table, no change record
        db.conn.execute("UPDATE sync_keys SET secret = ? WHERE id = 1", (json.dumps(secret),))
    return keys.identity


def rekey(db: Database, new_passphrase: str) -> tuple[Identity, Identity]:
    """New signing and encryption keys under a new passphrase for the same site; returns (old, new) identities.

    Needs no old passphrase (it may be forgotten). Every peer must enroll this installation's new key file
    (``enroll(…, replace_key=True)``) before it accepts or can open its bundles again.
    """
    old = require_identity(db)
    _check_length(new_passphrase)
    sign, enc = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    fresh = PrivateKeys(old, sign, enc)
    secret = bundle_keys._protect(_raw_private(fresh), new_passphrase)  # noqa: SLF001
    now = bundle_keys._now()  # noqa: SLF001
    history = _setting(db, OWN_KEYS, [])
    history.append({"when": now, "fingerprint": old.fingerprint, "enc_kid": key_id(old.enc_public)})
    with db._plain_transaction():  # noqa: SLF001
        db.conn.execute(
            "UPDATE sync_keys SET sign_public = ?, enc_public = ?, secret = ?, created = ? WHERE id = 1",
            (_b64(_public(sign)), _b64(_public(enc)), json.dumps(secret), now),
        )
        _store(db, OWN_KEYS, history)
    return old, require_identity(db)


def key_change(db: Database, peer: Peer) -> Peer | None:
    """The enrollment that ``peer``'s key file would replace: same device, other keys (it re-keyed, or a copy)."""
    existing = find_peer(db, peer.site_id)
    if existing is None or existing.site_id != peer.site_id:
        return None
    same = (existing.sign_public, existing.enc_public) == (peer.sign_public, peer.enc_public)
    return None if same else existing


def key_change_error(existing: Peer, peer: Peer) -> SyncKeyError:
    """The refusal of a key file with other keys for an enrolled device, naming both fingerprints."""
    return SyncKeyError(
        f"{existing.name}（设备编号 {existing.site_id[:8]}）已经用另一把密钥登记过：登记的指纹 {existing.fingerprint}，"
        f"这个密钥文件的指纹 {peer.fingerprint}。这次没有登记。\n"
        "如果那台电脑确实重新生成了密钥（忘记同步密码或怀疑密钥泄露），请与它屏幕上显示的新指纹逐字核对，再加上 "
        "--replace-key 换用新密钥：bundle enroll 密钥文件 --replace-key。它用旧密钥签发的数据包以后都会被拒收，"
        "请它重新导出（导出是累积的，不会丢数据）。\n"
        "如果不是，最常见的原因是这个数据库是从另一台电脑复制来的：两台电脑不能共用一个数据库，请在新电脑上新建"
        "数据库再登记，不要吊销、也不要替换原来那台电脑的密钥。",
        f"{existing.name} (device id {existing.site_id[:8]}) is already enrolled with other keys: enrolled fingerprint "
        f"{existing.fingerprint}, this key file's fingerprint {peer.fingerprint}. Nothing was enrolled.\n"
        "If that computer really made new keys (a forgotten passphrase or a suspected leak), compare the new "
        "fingerprint with the one on its screen, then replace the keys with --replace-key: bundle enroll KEYFILE "
        "--replace-key. Bundles it signed with the old keys are refused from then on: it exports again (exports are "
        "cumulative, nothing is lost).\n"
        "Otherwise the database was most likely copied from another computer: two computers cannot share one "
        "database, so start a new database on the new computer and enroll that; do not revoke the original computer "
        "or replace its keys.",
    )


def note_replaced_key(db: Database, existing: Peer, when: str) -> None:
    """Remember a peer's replaced public keys (inside the caller's transaction) to explain refused old bundles."""
    history = _setting(db, PEER_KEYS, {})
    history.setdefault(existing.site_id, []).append(
        {"when": when, "fingerprint": existing.fingerprint, "sign_public": _b64(existing.sign_public)}
    )
    _store(db, PEER_KEYS, history)


def own_key_changes(db: Database) -> list[dict[str, str]]:
    """This installation's discarded keys, oldest first: {when, fingerprint, enc_kid}."""
    return _setting(db, OWN_KEYS, [])


def refusal_reason(db: Database, keys: PrivateKeys, path: Path) -> tuple[str, str] | None:
    """Why a refused bundle was refused when a key change explains it, (Chinese, English); else None."""
    try:
        with open(path, "rb") as handle:
            header = read_header(handle)
            kids = {r.kid for r in header.recipients}
            if key_id(keys.identity.enc_public) not in kids:
                return _own_old_key(db, kids)
            manifest, signature = read_manifest(
                PlainStream(open_chunks(handle, header, open_payload(header, keys.enc)))
            )
    except (OSError, JiandangError, ValueError, KeyError):
        return None
    return _sender_old_key(db, manifest.body, manifest.raw, signature)


def explain_refusals(db: Database, keys: PrivateKeys, reports: list) -> list:
    """Import reports whose refusal a key change explains get that explanation instead (CLI and GUI)."""
    for report in reports:
        if report.status == "refused":
            reason = refusal_reason(db, keys, Path(report.file))
            if reason is not None:
                report.message_zh, report.message_en = reason
    return reports


def _own_old_key(db: Database, kids: set[str]) -> tuple[str, str] | None:
    change = next((c for c in reversed(own_key_changes(db)) if c["enc_kid"] in kids), None)
    if change is None:
        return None
    when = change["when"][:16]
    return (
        f"数据包被拒收：本机已于 {when} 重新生成了同步密钥，这个数据包是按本机的旧密钥加密的，无法打开。"
        "请对方登记本机的新密钥文件（登记时确认替换密钥），再重新导出；导出是累积的，不会丢数据。没有导入任何内容。",
        f"The bundle was refused: this installation made new sync keys on {when} and the bundle was encrypted to the "
        "old ones, so it cannot be opened. Have the peer enroll this installation's new key file (confirming the key "
        "replacement) and export again; exports are cumulative, nothing is lost. Nothing was imported.",
    )


def _sender_old_key(db: Database, body: dict, raw: bytes, signature: bytes) -> tuple[str, str] | None:
    sender = find_peer(db, str(body.get("from_site", "")))
    if sender is None or sender.site_id != body.get("from_site"):
        return None
    for change in reversed(_setting(db, PEER_KEYS, {}).get(sender.site_id, [])):
        if _signed_by(change["sign_public"], raw, signature):
            when = change["when"][:16]
            return (
                f"数据包被拒收：{sender.name} 已于 {when} 更换了同步密钥，这个数据包是用它的旧密钥签发的。"
                "请在那台电脑上重新导出（导出是累积的，不会丢数据）。没有导入任何内容。",
                f"The bundle was refused: {sender.name} changed its sync keys on {when} and this bundle was signed "
                "with the old ones. Export again on that computer (exports are cumulative, nothing is lost). Nothing "
                "was imported.",
            )
    if body.get("from_key") != sender.fingerprint and not _signed_by(_b64(sender.sign_public), raw, signature):
        new = str(body.get("from_key", ""))[:24]
        return (
            f"数据包被拒收：它的签名密钥（指纹 {new}）与登记的 {sender.name} 的密钥"
            f"（指纹 {sender.fingerprint}）不一致。"
            "如果那台电脑重新生成了密钥，请核对它的新密钥文件后替换登记：bundle enroll 密钥文件 --replace-key"
            "（或“同步密钥与设备登记”中“登记对方的密钥文件…”），再导入它重新导出的数据包；否则这个数据包是伪造的。"
            "没有导入任何内容。",
            f"The bundle was refused: its signing key (fingerprint {new}) is not the enrolled key of {sender.name} "
            f"(fingerprint {sender.fingerprint}). If that computer made new keys, check its new key file and replace "
            "the enrollment: bundle enroll KEYFILE --replace-key (or 'Enroll the other side's key file…'), then import "
            "a bundle it exports again; otherwise the bundle is forged. Nothing was imported.",
        )
    return None


def _signed_by(public: str, raw: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(base64.b64decode(public)).verify(signature, raw)
    except (InvalidSignature, ValueError):
        return False
    return True


def _check_length(passphrase: str) -> None:
    if len(passphrase) < bundle_keys.MIN_PASSPHRASE:
        raise SyncKeyError(
            f"密码至少要 {bundle_keys.MIN_PASSPHRASE} 个字符。",
            f"The passphrase needs at least {bundle_keys.MIN_PASSPHRASE} characters.",
        )


def _raw_private(keys: PrivateKeys) -> bytes:
    return bundle_keys._raw_private(keys.sign) + bundle_keys._raw_private(keys.enc)  # noqa: SLF001


def _public(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return bundle_keys._raw_public(key)  # noqa: SLF001


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _setting(db: Database, key: str, default: Any) -> Any:
    value = db.setting(key)
    return json.loads(value) if value else default


def _store(db: Database, key: str, value: object) -> None:
    """Write a local setting inside the caller's transaction (``set_setting`` opens its own)."""
    db.conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, sort_keys=True)),
    )
