"""Reading a bundle's parts: decrypt, inflate, parse and check every record, in batches.

Every record is checked before its batch is handed over; the part's
length, SHA-256 and record count are compared when it ends, and any failure
is raised in the caller, which rolls the import back. A batch is first
checked whole (``models.sync_batch``: the same checks as record by record,
as C-level loops over the batch); only a batch with something unusual in it
is checked record by record, which names the first bad record.

It all stays in this process. Reading on a second thread was tried: with
SQLite releasing the GIL at every row, the two threads convoy on the GIL and
the import got slower. Checking the batches in a worker process was tried
too: on a 2-core machine shared with other work, pickling the records back
and the two processes competing for the cores made a 10,000-household
import slower (13.6–14.2 s against 10.2–10.6 s in place).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from exports.bundle_manifest import Part, PlainStream, inflate_blocks
from models.errors import JiandangError
from models.sync_batch import check_lines
from models.sync_records import SEQ, SITE, SyncSchema, decode_line, parse_values

BATCH = 20_000
FAST = True  # check whole batches first (``sync_batch``); False: record by record only (tests compare)


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
    digest = PartDigest()
    lines: list[bytes] = []
    for block in inflate_blocks(stream, part):
        digest.add(block)
        lines += block
        while len(lines) >= BATCH:
            yield _checked(lines[:BATCH], schema, sender, ranges)
            del lines[:BATCH]
    digest.check(part)
    yield _checked(lines, schema, sender, ranges)


def verify_parts(stream: PlainStream, parts: list[Part]) -> None:
    """Decrypt and inflate every part and compare it with the manifest, without reading a record; then
    refuse trailing bytes. Raises a JiandangError (truncated, altered or mismatched)."""
    for part in parts:
        digest = PartDigest()
        for block in inflate_blocks(stream, part):
            digest.add(block)
        digest.check(part)
    stream.expect_end()


class PartDigest:
    """The length, SHA-256 and line count of a part's text as its blocks of lines go by."""

    def __init__(self) -> None:
        self.hash = hashlib.sha256()
        self.raw = self.count = 0

    def add(self, block: list[bytes]) -> None:
        """Account for one block of lines."""
        text = b"\n".join(block) + b"\n"
        self.hash.update(text)
        self.raw += len(text)
        self.count += len(block)

    def check(self, part: Part) -> None:
        """Raise PartMismatch unless what went by is what the manifest says."""
        if (self.count, self.raw, self.hash.hexdigest()) != (part.records, part.raw_length, part.sha256):
            raise _mismatch(
                "数据部分的长度、校验值或记录数与清单不符",
                "a part's length, hash or record count differs from the manifest",
            )


def _checked(
    lines: list[bytes], schema: SyncSchema, sender: str | None, ranges: dict[str, list[int]]
) -> tuple[list[tuple], dict[tuple, dict]]:
    """One batch checked whole (``sync_batch``), or record by record when it needs to be; its seq ranges noted."""
    checked = check_lines(lines, schema, sender) if FAST else None
    logs, parsed = checked if checked is not None else _one_by_one(lines, schema, sender)
    seqs: dict[str, list[int]] = {}
    for log in logs:
        seqs.setdefault(log[SITE], []).append(log[SEQ])
    for site, numbers in seqs.items():
        low, high = min(numbers), max(numbers)
        span = ranges.setdefault(site, [low, high])
        span[0], span[1] = min(span[0], low), max(span[1], high)
    return logs, parsed


def _one_by_one(lines: list[bytes], schema: SyncSchema, sender: str | None) -> tuple[list[tuple], dict[tuple, dict]]:
    """Check each record on its own; raises for the first bad one."""
    logs: list[tuple] = []
    parsed: dict[tuple, dict] = {}
    for line in lines:
        log = decode_line(line.decode("utf-8", errors="strict"))
        if sender is not None and log[SITE] != sender:
            raise _mismatch("村里的数据包里有别的设备的修改记录", "a laptop's bundle holds another device's records")
        parsed[(log[0], log[1])] = parse_values(schema, log)[0]
        logs.append(log)
    return logs, parsed


def _mismatch(zh: str, en: str) -> PartMismatch:
    return PartMismatch(
        f"数据包被拒收：{zh}。没有导入任何内容。", f"The bundle was refused: {en}. Nothing was imported."
    )
