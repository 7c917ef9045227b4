"""Building hostile bundles for the tests: any manifest, any records, any signer, any recipient."""

from __future__ import annotations

import hashlib
import uuid
import zlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from exports.bundle_format import key_id, new_header, payload_cipher, seal_chunks
from exports.bundle_manifest import manifest_bytes, payload_prefix
from models import migrations
from models.change_chain import chain_hash
from models.clock import wall_ms
from models.sync_records import LINE_SQL, LOG_COLUMNS, encode_line
from tests.exports.bundle.sites import Site


def own_logs(site: Site) -> list[tuple]:
    """The site's own change records, in order."""
    return site.db.conn.execute(
        f"SELECT {', '.join(LOG_COLUMNS)} FROM change_log WHERE site = ? ORDER BY seq", (site.site_id,)
    ).fetchall()


def rechain(logs: list[tuple], previous: str = "") -> list[tuple]:
    """Records with their hash chain recomputed (as a tampering sender with a valid key could)."""
    result = []
    for log in logs:
        record = dict(zip(LOG_COLUMNS, log, strict=True))
        record["prev_hash"] = previous
        record["hash"] = previous = chain_hash(record)
        result.append(tuple(record[c] for c in LOG_COLUMNS))
    return result


def lines_of(site: Site) -> list[str]:
    """The site's own records as bundle lines, exactly as export writes them."""
    return [
        r[0]
        for r in site.db.conn.execute(f"SELECT {LINE_SQL} FROM change_log WHERE site = ? ORDER BY seq", (site.site_id,))
    ]


def craft(
    sender: Site,
    recipient: Site,
    lines: list[str] | None = None,
    signer: Ed25519PrivateKey | None = None,
    recipient_keys: list[bytes] | None = None,
    parts: list[dict] | None = None,
    **overrides: object,
) -> bytes:
    """A complete bundle file's bytes; every field honest unless overridden."""
    lines = lines_of(sender) if lines is None else lines
    raw = "".join(line + "\n" for line in lines).encode("utf-8")
    packed = zlib.compress(raw, 1)
    counts, ranges = counts_of(lines)
    body = {
        "format": 1,
        "bundle_id": str(uuid.uuid4()),
        "kind": "changes",
        "from_site": sender.site_id,
        "from_key": sender.keys.identity.fingerprint,
        "to_site": recipient.site_id,
        "to_key": key_id(recipient.keys.identity.enc_public),
        "created_ms": wall_ms(),
        "clock": sender.db.clock.last,
        "schema": migrations.SCHEMA_VERSION,
        "acks": {},
        "ranges": ranges,
        "counts": counts,
        "parts": parts
        if parts is not None
        else [
            {
                "name": "changes",
                "encoding": "deflate",
                "length": len(packed),
                "raw_length": len(raw),
                "sha256": hashlib.sha256(raw).hexdigest(),
                "records": len(lines),
            }
        ],
        "records": len(lines),
    }
    body.update(overrides)
    manifest = manifest_bytes(body)
    signature = (signer or sender.keys.sign).sign(manifest)
    header, file_key = new_header(recipient_keys or [recipient.keys.identity.enc_public])
    chunks = seal_chunks(header, payload_cipher(header, file_key), iter([payload_prefix(manifest, signature), packed]))
    return header.raw + b"".join(chunks)


def counts_of(lines: list[str]) -> tuple[dict[str, int], dict[str, list[int]]]:
    """Records per table and seq range per site of some lines (as the manifest states them)."""
    import json

    counts: dict[str, int] = {}
    ranges: dict[str, list[int]] = {}
    for line in lines:
        try:
            item = json.loads(line)
            table, site, seq = str(item[7]), str(item[3]), int(item[4])
        except (ValueError, IndexError, TypeError):
            continue
        counts[table] = counts.get(table, 0) + 1
        first, last = ranges.get(site, [seq, seq])
        ranges[site] = [min(first, seq), max(last, seq)]
    return counts, ranges


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


__all__ = ["counts_of", "craft", "encode_line", "lines_of", "own_logs", "rechain", "write"]
