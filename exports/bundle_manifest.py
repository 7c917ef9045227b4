"""Inside the encrypted payload: the signed manifest, then the parts.

    "JDMANIF1" | manifest length (4 bytes) | manifest (JSON) | Ed25519 signature (64 bytes) | parts

The manifest says what the bundle is (id, kind, sender, addressee, schema
version, sequence ranges, acknowledgements, counts per table) and describes
each part (its length as stored, its uncompressed length, SHA-256 and
record count). The signature covers the exact manifest bytes and is checked
against the sender's enrolled key before any record is read. A part is
newline-delimited JSON change records, deflate-compressed; it is inflated
with a bound (its declared length), so no part can balloon.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from models.errors import JiandangError
from models.sync_records import is_uuid

PAYLOAD_MAGIC = b"JDMANIF1"
MAX_MANIFEST = 1024 * 1024
SIGNATURE = 64
CHANGES, RETURN = "changes", "return"
KINDS = (CHANGES, RETURN)
MANIFEST_KEYS = {
    "format",
    "bundle_id",
    "kind",
    "from_site",
    "from_key",
    "to_site",
    "to_key",
    "created_ms",
    "clock",
    "schema",
    "acks",
    "ranges",
    "counts",
    "parts",
    "records",
}
PART_KEYS = {"name", "encoding", "length", "raw_length", "sha256", "records"}
MAX_PART = 64 * 2**30
_HEX = re.compile(r"[0-9a-f]+\Z")


class ManifestError(JiandangError):
    """The payload's manifest or a part does not hold together."""


@dataclass(frozen=True)
class Part:
    """One part as the manifest describes it."""

    name: str
    length: int
    raw_length: int
    sha256: str
    records: int


@dataclass(frozen=True)
class Manifest:
    """A checked manifest and its exact bytes."""

    raw: bytes
    body: dict

    @property
    def parts(self) -> list[Part]:
        """The parts, in payload order."""
        return [Part(p["name"], p["length"], p["raw_length"], p["sha256"], p["records"]) for p in self.body["parts"]]

    def __getitem__(self, key: str) -> object:
        return self.body[key]


def manifest_bytes(body: dict) -> bytes:
    """The exact bytes to sign and store."""
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def payload_prefix(raw: bytes, signature: bytes) -> bytes:
    """Magic, manifest length, manifest and signature: what precedes the parts."""
    return PAYLOAD_MAGIC + struct.pack(">I", len(raw)) + raw + signature


class PlainStream:
    """The decrypted payload as a byte stream over chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buffer = b""

    def read_exact(self, size: int) -> bytes:
        """Exactly ``size`` bytes, or a ManifestError when the payload ends first."""
        while len(self._buffer) < size:
            piece = next(self._chunks, None)
            if piece is None:
                raise _broken("内容提前结束", "the content ends early")
            self._buffer += piece
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        return data

    def pieces(self, size: int) -> Iterator[bytes]:
        """The next ``size`` bytes, in pieces as they are decrypted."""
        left = size
        while left:
            if not self._buffer:
                piece = next(self._chunks, None)
                if piece is None:
                    raise _broken("内容提前结束", "the content ends early")
                self._buffer = piece
            take = self._buffer[:left]
            self._buffer = self._buffer[len(take) :]
            left -= len(take)
            yield take

    def expect_end(self) -> None:
        """Refuse trailing bytes after the last part."""
        if self._buffer or next(self._chunks, None):
            raise _broken("最后一部分之后还有多余内容", "there are extra bytes after the last part")


def read_manifest(stream: PlainStream) -> tuple[Manifest, bytes]:
    """The manifest (strictly checked, not yet verified) and its signature."""
    if stream.read_exact(len(PAYLOAD_MAGIC)) != PAYLOAD_MAGIC:
        raise _broken("清单标记不对", "the manifest marker is wrong")
    (length,) = struct.unpack(">I", stream.read_exact(4))
    if not 2 <= length <= MAX_MANIFEST:
        raise _broken(f"清单长度 {length} 不合理", f"the manifest length {length} is absurd")
    raw = stream.read_exact(length)
    signature = stream.read_exact(SIGNATURE)
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise _broken("清单不是有效的 JSON", "the manifest is not valid JSON") from error
    check_manifest(body)
    return Manifest(raw, body), signature


def check_manifest(body: object) -> None:
    """Every field present, of the right type and range; nothing else."""
    ok = isinstance(body, dict) and set(body) == MANIFEST_KEYS
    ok = (
        ok
        and body["format"] == 1
        and body["kind"] in KINDS
        and all(is_uuid(body[k]) for k in ("bundle_id", "from_site", "to_site"))
    )
    ok = ok and all(isinstance(body[k], str) and len(body[k]) <= 64 for k in ("from_key", "to_key"))
    ok = ok and all(_count(body[k]) for k in ("created_ms", "clock", "schema", "records"))
    ok = ok and _site_map(body["acks"], _count) and _site_map(body["ranges"], _range)
    ok = (
        ok
        and isinstance(body["counts"], dict)
        and all(isinstance(k, str) and len(k) <= 64 and _count(v) for k, v in body["counts"].items())
    )
    ok = ok and isinstance(body["parts"], list) and len(body["parts"]) <= 64 and all(map(_part, body["parts"]))
    if not ok:
        raise _broken("清单字段不对", "the manifest has wrong or missing fields")


def inflate_lines(stream: PlainStream, part: Part) -> Iterator[bytes]:
    """The part's lines (without newline), inflated within its declared length."""
    for block in inflate_blocks(stream, part):
        yield from block


def inflate_blocks(stream: PlainStream, part: Part) -> Iterator[list[bytes]]:
    """The part's lines (without newline) in blocks as they are inflated, within its declared length."""
    inflater = zlib.decompressobj()
    produced = 0
    rest = b""
    for piece in stream.pieces(part.length):
        data = piece
        while data:
            try:
                out = inflater.decompress(data, 1 << 20)
            except zlib.error as error:
                raise _broken("数据部分无法解压", "a part cannot be inflated") from error
            produced += len(out)
            if produced > part.raw_length:
                raise _broken("数据部分比清单所写的大", "a part is larger than the manifest says")
            lines = (rest + out).split(b"\n")
            rest = lines.pop()
            if lines:
                yield lines
            data = inflater.unconsumed_tail
    if not inflater.eof or inflater.unused_data or rest:
        raise _broken("数据部分不完整", "a part is incomplete")


def _count(value: object) -> bool:
    return type(value) is int and 0 <= value <= 2**63 - 1


def _range(value: object) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(map(_count, value)) and value[0] <= value[1]


def _site_map(value: object, check) -> bool:  # noqa: ANN001
    return isinstance(value, dict) and len(value) <= 100_000 and all(is_uuid(k) and check(v) for k, v in value.items())


def _part(part: object) -> bool:
    return (
        isinstance(part, dict)
        and set(part) == PART_KEYS
        and part["name"] == "changes"
        and part["encoding"] == "deflate"
        and all(_count(part[k]) and part[k] <= MAX_PART for k in ("length", "raw_length", "records"))
        and isinstance(part["sha256"], str)
        and len(part["sha256"]) == 64
        and _HEX.match(part["sha256"]) is not None
    )


def _broken(zh: str, en: str) -> ManifestError:
    return ManifestError(
        f"数据包内容不完整或被改动（{zh}），没有导入任何内容。",
        f"The bundle's content is incomplete or was altered ({en}); nothing was imported.",
    )
