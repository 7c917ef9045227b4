"""What a bundle file is, without importing it: header, addressee and (with our key) the signed manifest."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from exports.bundle_format import key_id, open_chunks, open_payload, read_header
from exports.bundle_io import reading_error
from exports.bundle_keys import find_peer, identity, unlock
from exports.bundle_manifest import PlainStream, read_manifest
from exports.bundle_parts import verify_parts
from models.db import Database
from models.errors import JiandangError
from models.registry_base import table_name


def describe(db: Database, path: Path, ask: Callable[..., str]) -> dict[str, Any]:
    """A description of the bundle; reads records never, the manifest only when the bundle is for us."""
    try:
        info: dict[str, Any] = {"file": str(path), "size": path.stat().st_size}
        with open(path, "rb") as handle:
            return _describe(db, path, handle, info, ask)
    except OSError as error:
        raise reading_error(error, path) from error


def _describe(db: Database, path: Path, handle: BinaryIO, info: dict[str, Any], ask: Callable[..., str]) -> dict:
    header = read_header(handle)
    info["recipients"] = [r.kid for r in header.recipients]
    own = identity(db)
    info["for_us"] = own is not None and key_id(own.enc_public) in info["recipients"]
    if info["for_us"]:
        try:
            keys = unlock(db, ask())
        except JiandangError as error:
            info["manifest_error"] = [error.message_zh, error.message_en]
            return info
        stream = PlainStream(open_chunks(handle, header, open_payload(header, keys.enc)))
        manifest, signature = read_manifest(stream)
        info["manifest"] = manifest.body
        info["signature"] = _signature(db, manifest.body["from_site"], manifest.raw, signature)
        info["contents_error"] = _contents_error(stream, manifest.parts)
    info["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest() if info["size"] < 2**31 else ""
    return info


def _contents_error(stream: PlainStream, parts: list) -> list[str] | None:
    """None when every part decrypts and matches the manifest; else the problem, [Chinese, English]."""
    try:
        verify_parts(stream, parts)
    except JiandangError as error:
        return [error.message_zh, error.message_en]
    return None


def is_sound(info: dict[str, Any]) -> bool:
    """Whether a described bundle could be imported as far as its file goes: for us, signed, complete."""
    return bool(info.get("manifest")) and info.get("signature") == "valid" and not info.get("contents_error")


def _signature(db: Database, site: str, raw: bytes, signature: bytes) -> str:
    peer = find_peer(db, site)
    if peer is None or peer.site_id != site:
        return "unknown-sender"
    try:
        Ed25519PublicKey.from_public_bytes(peer.sign_public).verify(signature, raw)
    except (InvalidSignature, ValueError):
        return "invalid"
    return "revoked" if peer.revoked else "valid"


_SIGNATURE = {
    "valid": ("有效", "valid"),
    "invalid": ("无效（伪造或被改动）", "INVALID (forged or altered)"),
    "revoked": ("有效，但发送方已被吊销", "valid, but the sender is revoked"),
    "unknown-sender": ("发送方未登记", "sender not enrolled"),
}


def format_description(info: dict[str, Any], lang: str = "zh") -> list[str]:
    """The description as lines of text."""
    en = lang == "en"
    colon = ": " if en else "："
    lines = [f"{'File' if en else '文件'}{colon}{info['file']} ({info['size']} {'bytes' if en else '字节'})"]
    lines.append(
        ("For this installation" if en else "发给本机")
        + colon
        + (("yes" if en else "是") if info["for_us"] else ("no" if en else "否"))
    )
    body = info.get("manifest")
    if body is None:
        if info.get("manifest_error"):
            lines.append(info["manifest_error"][1 if en else 0])
        return lines
    when = datetime.datetime.fromtimestamp(body["created_ms"] / 1000).strftime("%Y-%m-%d %H:%M")
    kind = _KINDS.get(body["kind"], (body["kind"], body["kind"]))[1 if en else 0]
    signature = _SIGNATURE[info["signature"]][1 if en else 0]
    counts = (", " if en else "，").join(f"{table_name(t, lang)} {n}" for t, n in sorted(body["counts"].items()))
    if en:
        lines += [
            f"Bundle: {body['bundle_id']} ({kind}), written {when}",
            f"From: {body['from_site']}  signature: {signature}",
            f"Contents: {_contents(info, en)}",
            f"Records: {body['records']} ({counts})",
        ]
    else:
        lines += [
            f"数据包：{body['bundle_id']}（{kind}），生成于 {when}",
            f"来自：{body['from_site']}  签名：{signature}",
            f"内容：{_contents(info, en)}",
            f"记录：{body['records']} 条（{counts}）",
        ]
    for site, (first, last) in sorted(body["ranges"].items()):
        lines.append(f"  {site[:8]}{colon}{first}–{last}")
    return lines


_KINDS = {
    "changes": ("村里电脑的修改", "changes from a laptop"),
    "return": ("乡镇的回执", "return bundle from the township"),
}


def _contents(info: dict[str, Any], en: bool) -> str:
    problem = info.get("contents_error")
    if problem is None:
        return "complete, every part matches its hash" if en else "完整，各部分校验一致"
    return problem[1] if en else problem[0]
