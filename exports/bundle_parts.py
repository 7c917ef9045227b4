"""Reading a bundle's parts: decrypt, inflate, parse and check every record, in batches.

Every record is checked before its batch is handed over; the part's
length, SHA-256 and record count are compared when it ends, and any failure
is raised in the caller, which rolls the import back. (Reading on a second
thread was tried: with SQLite releasing the GIL at every row, the two threads
convoy on the GIL and the import got slower, so it stays on one thread.)
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from exports.bundle_manifest import Part, PlainStream, inflate_lines
from models.errors import JiandangError
from models.sync_records import SITE, SyncSchema, decode_line, parse_values

BATCH = 20_000


class PartMismatch(JiandangError):
    """A part does not match what the manifest says about it, or holds records it may not."""


def record_batches(
    stream: PlainStream, part: Part, schema: SyncSchema, sender: str | None, ranges: dict[str, list[int]]
) -> Iterator[tuple[list[tuple], dict[tuple, dict]]]:
    """Batches of (checked change_log rows, their parsed vals by (site, seq)).

    ``sender`` set: every record must be that site's own. ``ranges`` collects each site's seq range.
    The part's own checks run before its last batch is handed over.
    """
    yield from _batches(stream, part, schema, sender, ranges)


def _batches(
    stream: PlainStream, part: Part, schema: SyncSchema, sender: str | None, ranges: dict[str, list[int]]
) -> Iterator[tuple[list[tuple], dict[tuple, dict]]]:
    digest = hashlib.sha256()
    count = raw = 0
    batch: list[tuple] = []
    parsed: dict[tuple, dict] = {}
    for line in inflate_lines(stream, part):
        digest.update(line + b"\n")
        raw += len(line) + 1
        log = decode_line(line.decode("utf-8", errors="strict"))
        if sender is not None and log[SITE] != sender:
            raise _mismatch("村里的数据包里有别的设备的修改记录", "a laptop's bundle holds another device's records")
        parsed[(log[0], log[1])] = parse_values(schema, log)[0]
        span = ranges.setdefault(log[0], [log[1], log[1]])
        span[0], span[1] = min(span[0], log[1]), max(span[1], log[1])
        batch.append(log)
        count += 1
        if len(batch) >= BATCH:
            yield batch, parsed
            batch, parsed = [], {}
    if count != part.records or raw != part.raw_length or digest.hexdigest() != part.sha256:
        raise _mismatch(
            "数据部分的长度、校验值或记录数与清单不符",
            "a part's length, hash or record count differs from the manifest",
        )
    yield batch, parsed


def _mismatch(zh: str, en: str) -> PartMismatch:
    return PartMismatch(
        f"数据包被拒收：{zh}。没有导入任何内容。", f"The bundle was refused: {en}. Nothing was imported."
    )
