"""The audit chain of change records: each record's SHA-256 covers the previous record's hash.

``chain_rows`` numbers, clocks and hashes a bulk load's insert records without a
database; ``chain_hash`` recomputes one stored record's hash (``check``, import).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any, NamedTuple

Value = str | int | float | None


class ChainHead(NamedTuple):
    """Where a site's change log ends: new records continue with ``seq + 1``, ``last_hash`` and clocks after ``hlc``."""

    site: str
    user: str
    seq: int
    last_hash: str
    hlc: int


class ChainedRows(NamedTuple):
    """Rows of one table ready to insert, with their change records numbered, clocked and hashed.

    ``params``: ``(pk, *stored values, cl, hlc, site)`` per row (the table's
    INSERT); ``log``: ``(seq, hlc, pk, scope, cl, vals, prev_hash, hash)``
    per change record.
    """

    table: str
    params: list[tuple[Any, ...]]
    log: list[tuple[Any, ...]]


def chain_rows(
    head: ChainHead,
    table: str,
    rows: Sequence[tuple[str, Sequence[Value], str, str]],
    lengths: Sequence[int] | None = None,
) -> tuple[ChainHead, ChainedRows]:
    """Number, clock and hash the insert records of prepared rows (``models.bulk_rows``); returns the new head too.

    Needs no database, so a bulk load can chain its rows in another process.
    The clocks are ``head.hlc + 1``, ``+ 2``, …: a burst of local events, as
    ``HybridClock.tick`` gives them within one millisecond.  ``lengths``:
    the causal length of each row (1 for all when None).
    """
    site, user, sha256 = head.site, head.user, hashlib.sha256
    seq, last, hlc = head.seq, head.last_hash, head.hlc
    prefix = f"|{site}|"
    middle = f"|{len(user)}:{user}|{table}|"
    params: list[tuple[Any, ...]] = []
    log: list[tuple[Any, ...]] = []
    for index, (pk, values, scope, vals) in enumerate(rows):
        cl = 1 if lengths is None else lengths[index]
        seq += 1
        hlc += 1
        body = f"{last}{prefix}{seq}|{hlc}{middle}{pk}|insert|{cl}|{len(vals)}:{vals}|0:|"
        digest = sha256(body.encode()).hexdigest()
        params.append((pk, *values, cl, hlc, site))
        log.append((seq, hlc, pk, scope, cl, vals, last, digest))
        last = digest
    return ChainHead(site, user, seq, last, hlc), ChainedRows(table, params, log)


def chain_hash(record: dict[str, Any]) -> str:
    """Recompute the hash of one change_log record (for verifying the audit chain)."""
    body = hash_body(
        record["prev_hash"],
        record["site"],
        record["seq"],
        record["hlc"],
        record["user"],
        record["tbl"],
        record["pk"],
        record["op"],
        record["cl"],
        record["vals"],
        record["old"],
        record["prev"],
    )
    return hashlib.sha256(body.encode()).hexdigest()


def hash_body(
    prev_hash: str,
    site: str,
    seq: int,
    hlc: int,
    user: str,
    table: str,
    pk: str,
    op: str,
    cl: int,
    vals: str,
    old: str | None,
    prev: str | None,
) -> str:
    """One record as hashed text; free-text fields are length-prefixed so no two records give the same text."""
    old, prev = old or "", prev or ""
    return (
        f"{prev_hash}|{site}|{seq}|{hlc}|{len(user)}:{user}|{table}|{pk}|{op}|{cl}|"
        f"{len(vals)}:{vals}|{len(old)}:{old}|{prev}"
    )
