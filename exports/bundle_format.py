"""The bundle file: a framed, encrypted stream (no zip: no zip-slip, no zip bombs).

    "JDBUNDLE" | header length (4 bytes, big-endian, ≤ 8 KiB) | header (JSON) | payload chunks

The header names the format version, the cipher suite, a random payload
salt and the recipients: for each one an ephemeral X25519 public key and the
file key wrapped with a key derived (HKDF-SHA256) from the X25519 shared
secret, as age does. The payload is cut into 64 KiB chunks, each sealed with
ChaCha20-Poly1305 under a key derived from the file key and the salt; the
nonce is an 11-byte chunk counter plus a last-chunk flag and the whole
header is the associated data, so a truncated, reordered, extended or
re-headed file fails to decrypt. The header is parsed strictly: unknown or
missing keys, bad base64, absurd sizes are refused before anything else.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from models.errors import JiandangError

MAGIC = b"JDBUNDLE"
FORMAT = "jiandang-bundle"
VERSION = 1
SUITE = "X25519-HKDF-SHA256/ChaCha20-Poly1305"
CHUNK = 64 * 1024
TAG = 16
MAX_HEADER = 8 * 1024
MAX_RECIPIENTS = 4
HEADER_KEYS = {"format", "version", "suite", "chunk", "salt", "recipients"}
RECIPIENT_KEYS = {"kid", "epk", "key"}
_WRAP_INFO = b"jiandang-bundle wrap v1"
_PAYLOAD_INFO = b"jiandang-bundle payload v1"


class BundleFormatError(JiandangError):
    """The file is not a well-formed bundle, is damaged, or cannot be opened with our key."""


@dataclass(frozen=True)
class Recipient:
    """One recipient stanza: key id, ephemeral public key, wrapped file key."""

    kid: str
    epk: bytes
    key: bytes


@dataclass(frozen=True)
class Header:
    """A parsed header and its exact bytes (the associated data of every chunk)."""

    raw: bytes
    salt: bytes
    recipients: tuple[Recipient, ...]


def raw_public(key: X25519PublicKey) -> bytes:
    """The 32 raw bytes of an X25519 public key."""
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def key_id(public: bytes) -> str:
    """A recipient's key id: the first 8 bytes of SHA-256 of its public key, in hex."""
    digest = hashes.Hash(hashes.SHA256())
    digest.update(public)
    return digest.finalize()[:8].hex()


def _hkdf(secret: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def _wrap(file_key: bytes, recipient: bytes) -> Recipient:
    ephemeral = X25519PrivateKey.generate()
    epk = raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient))
    wrap_key = _hkdf(shared, epk + recipient, _WRAP_INFO)
    return Recipient(key_id(recipient), epk, ChaCha20Poly1305(wrap_key).encrypt(bytes(12), file_key, _WRAP_INFO))


def _unwrap(stanza: Recipient, private: X25519PrivateKey) -> bytes:
    own = raw_public(private.public_key())
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(stanza.epk))
        wrap_key = _hkdf(shared, stanza.epk + own, _WRAP_INFO)
        return ChaCha20Poly1305(wrap_key).decrypt(bytes(12), stanza.key, _WRAP_INFO)
    except (InvalidTag, ValueError) as error:
        raise _damaged("密钥块无法解开", "its key block cannot be opened") from error


def new_header(recipients: list[bytes]) -> tuple[Header, bytes]:
    """A header for a fresh random file key encrypted to ``recipients`` (raw X25519 keys); (header, file key)."""
    file_key = os.urandom(32)
    salt = os.urandom(16)
    stanzas = [_wrap(file_key, r) for r in recipients]
    body = {
        "format": FORMAT,
        "version": VERSION,
        "suite": SUITE,
        "chunk": CHUNK,
        "salt": _b64(salt),
        "recipients": [{"kid": s.kid, "epk": _b64(s.epk), "key": _b64(s.key)} for s in stanzas],
    }
    text = json.dumps(body, separators=(",", ":"), sort_keys=True).encode("ascii")
    raw = MAGIC + struct.pack(">I", len(text)) + text
    return Header(raw, salt, tuple(stanzas)), file_key


def read_header(stream: BinaryIO) -> Header:
    """Read and strictly check the magic and header; refuses anything else cheaply."""
    prefix = stream.read(len(MAGIC) + 4)
    if len(prefix) < len(MAGIC) or prefix[: len(MAGIC)] != MAGIC:
        raise BundleFormatError(
            "这不是建档数据包文件（或文件是空的）。", "This is not a Jiandang bundle file (or it is empty)."
        )
    if len(prefix) < len(MAGIC) + 4:
        raise _damaged("文件被截断", "the file is truncated")
    (length,) = struct.unpack(">I", prefix[len(MAGIC) :])
    if not 2 <= length <= MAX_HEADER:
        raise _damaged(f"文件头长度 {length} 不合理", f"its header length {length} is absurd")
    text = stream.read(length)
    if len(text) != length:
        raise _damaged("文件被截断", "the file is truncated")
    return Header(prefix + text, *_parse_header(text))


def _parse_header(text: bytes) -> tuple[bytes, tuple[Recipient, ...]]:
    try:
        body = json.loads(text.decode("ascii"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _damaged("文件头不是有效的 JSON", "its header is not valid JSON") from error
    if not isinstance(body, dict) or set(body) != HEADER_KEYS:
        raise _damaged("文件头字段不对", "its header has the wrong fields")
    if body["format"] != FORMAT or body["chunk"] != CHUNK or body["suite"] != SUITE:
        raise _damaged("格式或加密方式未知", "its format or cipher suite is unknown")
    if body["version"] != VERSION:
        raise BundleFormatError(
            f"数据包格式版本 {body['version']!r} 不受支持：请升级建档程序。",
            f"Bundle format version {body['version']!r} is not supported: upgrade Jiandang.",
        )
    stanzas = body["recipients"]
    if not isinstance(stanzas, list) or not 1 <= len(stanzas) <= MAX_RECIPIENTS:
        raise _damaged("接收者数目不合理", "its number of recipients is absurd")
    recipients = []
    for stanza in stanzas:
        if not isinstance(stanza, dict) or set(stanza) != RECIPIENT_KEYS or not _is_kid(stanza["kid"]):
            raise _damaged("接收者字段不对", "a recipient has the wrong fields")
        recipients.append(Recipient(stanza["kid"], _unb64(stanza["epk"], 32), _unb64(stanza["key"], 48)))
    return _unb64(body["salt"], 16), tuple(recipients)


def payload_cipher(header: Header, file_key: bytes) -> ChaCha20Poly1305:
    """The payload's AEAD, keyed from the file key and the header's salt."""
    return ChaCha20Poly1305(_hkdf(file_key, header.salt, _PAYLOAD_INFO))


def open_payload(header: Header, private: X25519PrivateKey) -> ChaCha20Poly1305:
    """Unwrap the file key addressed to ``private``; raises BundleFormatError if none is."""
    kid = key_id(raw_public(private.public_key()))
    stanza = next((r for r in header.recipients if r.kid == kid), None)
    if stanza is None:
        raise BundleFormatError(
            "这个数据包不是发给本机的（收件人是另一个乡镇或另一台电脑），无法打开。",
            "This bundle is not addressed to this computer (it is for another township or device).",
        )
    return payload_cipher(header, _unwrap(stanza, private))


def seal_chunks(header: Header, cipher: ChaCha20Poly1305, plaintext: Iterator[bytes]) -> Iterator[bytes]:
    """Encrypt a stream of bytes into chunks (the last one flagged); at least one chunk."""
    buffer = bytearray()
    counter = 0
    pending: bytes | None = None
    for piece in plaintext:
        buffer += piece
        while len(buffer) >= CHUNK:
            if pending is not None:
                yield cipher.encrypt(_nonce(counter - 1, False), pending, header.raw)
            pending = bytes(buffer[:CHUNK])
            del buffer[:CHUNK]
            counter += 1
    if buffer or pending is None:
        if pending is not None:
            yield cipher.encrypt(_nonce(counter - 1, False), pending, header.raw)
        pending = bytes(buffer)
        counter += 1
    yield cipher.encrypt(_nonce(counter - 1, True), pending, header.raw)


def open_chunks(stream: BinaryIO, header: Header, cipher: ChaCha20Poly1305) -> Iterator[bytes]:
    """Decrypt the chunks that follow the header; raises BundleFormatError on any damage or truncation."""
    size = CHUNK + TAG
    block = stream.read(size)
    counter = 0
    while True:
        following = stream.read(size) if len(block) == size else b""
        last = not following
        if len(block) < TAG:
            raise _damaged("文件被截断", "the file is truncated")
        try:
            yield cipher.decrypt(_nonce(counter, last), block, header.raw)
        except InvalidTag as error:
            raise _damaged("内容校验失败", "a chunk failed its check") from error
        if last:
            return
        block, counter = following, counter + 1


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: object, size: int) -> bytes:
    if not isinstance(value, str) or len(value) > 4 * size:
        raise _damaged("base64 字段无效", "a base64 field is invalid")
    try:
        data = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as error:
        raise _damaged("base64 字段无效", "a base64 field is invalid") from error
    if len(data) != size:
        raise _damaged("密钥长度不对", "a key has the wrong length")
    return data


def _is_kid(value: object) -> bool:
    return isinstance(value, str) and len(value) == 16 and all(c in "0123456789abcdef" for c in value)


def _damaged(zh: str, en: str) -> BundleFormatError:
    return BundleFormatError(
        f"数据包文件已损坏、被截断或被改动（{zh}），没有导入任何内容。请从原来的电脑重新复制，或重新导出。",
        f"The bundle file is damaged, truncated or was altered ({en}); nothing was imported. Please copy it again "
        "from the computer that wrote it, or export it again.",
    )
