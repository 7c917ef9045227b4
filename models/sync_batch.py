"""Checking change records a batch at a time: the same checks as ``sync_records``, run as whole-batch C loops.

``decode_batch`` and ``batch_values`` accept a batch only when every record
passes every check ``decode_line`` / ``parse_values`` make (hash included);
they never raise. When a batch has anything unusual — a malformed field, a
control or override character anywhere in its text, a number that might be
out of range, a value type not seen before — they return None and the caller
runs the per-record functions, which either accept the batch after all or
raise the exact error for the first bad record. So a batch is accepted or
refused exactly as record-by-record checking would, only faster: the per
record work left in Python is one ``json.loads`` of the line, one of its
values, and the hash.
"""

from __future__ import annotations

import hashlib
import json
import json.scanner
import re
from itertools import repeat
from typing import Any

from models.changes import SYNC_TABLES
from models.sync_records import (
    MAX_INT,
    MAX_JSON,
    MAX_TEXT,
    MAX_USER,
    OP,
    SEQ,
    SITE,
    TBL,
    VALS,
    Log,
    RecordError,
    SyncSchema,
    parse_values,
)

_HEX = b"0123456789abcdef"
_DASHES = (8, 13, 18, 23)  # where a canonical UUID has its dashes
_SCAN = json.scanner.c_make_scanner(json.JSONDecoder())  # json.loads without its wrappers (scan_once)
_BAD_USER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
# in a part's lines (values are JSON text inside JSON text, so escapes of the values show as \\u, \\b, \\f):
_ESCAPES = (b"\\u", b"\\b", b"\\f", b"\x7f")
_OVERRIDES = re.compile(b"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
_NUMBERS = re.compile(rb":(?:\s|\\[nrt])*-?(?:\d{19}|\d+(?:\.\d*)?[eE][+-]?\d{3}|NaN|Infinity)")
_SHAPES = {("insert", 1, True, True), ("update", 1, False, False), ("delete", 0, False, False)}
_SYNC = frozenset(SYNC_TABLES)


def check_lines(lines: list[bytes], schema: SyncSchema, sender: str | None) -> tuple[list[Log], dict] | None:
    """The change_log rows and parsed values (by (site, seq)) of a batch of lines, or None when the batch
    needs record-by-record checking."""
    if unusual(b"\n".join(lines)):
        return None
    try:
        logs = decode_batch([line.decode("utf-8") for line in lines], sender)
    except UnicodeDecodeError:
        return None
    parsed = batch_values(schema, logs) if logs is not None else None
    return None if logs is None or parsed is None else (logs, parsed)


def decode_batch(texts: list[str], sender: str | None) -> list[Log] | None:
    """The change_log rows of a batch of lines, or None when the batch needs record-by-record checking."""
    if not texts:
        return []
    try:
        items = _loads(texts)
        if items is None or set(map(type, items)) != {list} or set(map(len, items)) != {14}:
            return None
        digests, scopes, prev_hashes, sites, seqs, hlcs, users, tbls, pks, ops, cls, vals, olds, prevs = zip(
            *items, strict=True
        )
        if not (_hexes_ok(digests, {64}) and _uuids_ok(scopes + sites + pks)):
            return None
        if not (_ints_ok(seqs, 1) and _ints_ok(hlcs, 0) and _ints_ok(cls, 1) and _hexes_ok(prev_hashes, {0, 64})):
            return None
        if not (_texts_ok(vals, olds, prevs) and set(tbls) <= _SYNC and all(map(_user_ok, set(users)))):
            return None
        shapes = set(zip(ops, map(int.__and__, cls, repeat(1)), map(_is_none, olds), map(_is_none, prevs), strict=True))
        if not shapes <= _SHAPES or (sender is not None and set(sites) != {sender}):
            return None
    except (TypeError, ValueError, AttributeError):
        return None
    computed = [
        hashlib.sha256(
            f"{ph}|{s}|{q}|{h}|{len(u)}:{u}|{t}|{k}|{o}|{c}|{len(v)}:{v}|{len(od or '')}:{od or ''}|{pv or ''}".encode()
        ).hexdigest()
        for ph, s, q, h, u, t, k, o, c, v, od, pv in zip(
            prev_hashes, sites, seqs, hlcs, users, tbls, pks, ops, cls, vals, olds, prevs, strict=True
        )
    ]
    if computed != list(digests):
        return None
    return list(
        zip(sites, seqs, hlcs, users, tbls, pks, scopes, ops, cls, vals, olds, prevs, prev_hashes, digests, strict=True)
    )


def unusual(lines: bytes) -> bool:
    """Whether a part's lines hold anything that calls for the per-value checks.

    That is: an escape that may stand for a control, override or surrogate
    character, a raw DEL or override character, or a number of 19 digits or
    more, with a big exponent, NaN or Infinity (possibly beyond 64 bits or
    not finite). Raw control characters in values fail ``json.loads`` anyway.
    """
    return (
        any(escape in lines for escape in _ESCAPES)
        or _OVERRIDES.search(lines) is not None
        or _NUMBERS.search(lines) is not None
    )


def batch_values(schema: SyncSchema, logs: list[Log]) -> dict[tuple, dict] | None:
    """The parsed, checked values of every record of a decoded batch by (site, seq); None: check one by one.

    Only for lines that are not ``unusual``: strings are then free of control and override characters and
    numbers within range, so what is left to check is each record's columns and value types.
    """
    texts = [log[VALS] for log in logs]
    values = _loads(texts)
    if values is None or set(map(type, values)) - {dict}:
        return None
    parsed: dict[tuple, dict] = {}
    known: set[tuple] = set()
    uuids: list[Any] = []
    tables = schema.tables
    for log, vals, text in zip(logs, values, texts, strict=True):
        if log[OP] != "insert" or len(text) > MAX_TEXT:
            try:
                parsed[(log[SITE], log[SEQ])] = parse_values(schema, log)[0]
            except RecordError:
                return None  # record-by-record checking names the first bad record
            continue
        shape = (log[TBL], tuple(vals), tuple(map(type, vals.values())))
        if shape not in known:
            spec = tables[log[TBL]]
            columns, types = spec.columns, spec.types
            if not all(c in columns and k in types[c] for c, k in zip(shape[1], shape[2], strict=True)):
                return None
            known.add(shape)
        spec = tables[log[TBL]]
        if spec.uuid_columns:
            uuids += [vals.get(c) for c in spec.uuid_columns]
        parsed[(log[SITE], log[SEQ])] = vals
    ids = [u for u in uuids if u is not None]
    if ids and not _uuids_ok(tuple(ids)):
        return None
    return parsed


def _is_none(value: object) -> bool:
    return value is None


def _loads(texts: list[str]) -> list[Any] | None:
    """``json.loads`` of each text (None if any is not exactly one JSON value, without surrounding space)."""
    scan, items = _SCAN, []
    try:
        for text in texts:
            item, end = scan(text, 0)
            if end != len(text):
                return None
            items.append(item)
    except (StopIteration, ValueError):
        return None
    return items


def _hexes_ok(values: tuple, sizes: set[int]) -> bool:
    """Every value a string of lower-case hex digits, of one of ``sizes`` characters."""
    if not set(map(len, values)) <= sizes:
        return False
    try:
        return not "".join(values).encode("ascii").translate(None, _HEX)
    except UnicodeEncodeError:
        return False


def _uuids_ok(values: tuple) -> bool:
    """Every value a lower-case canonical UUID."""
    if set(map(len, values)) != {36}:
        return False
    joined = "".join(values)
    dashes = "-" * len(values)
    if any(joined[at::36] != dashes for at in _DASHES) or joined.count("-") != len(dashes) * len(_DASHES):
        return False
    try:
        return not joined.encode("ascii").translate(None, _HEX + b"-")
    except UnicodeEncodeError:
        return False


def _ints_ok(values: tuple, low: int) -> bool:
    return set(map(type, values)) == {int} and min(values) >= low and max(values) <= MAX_INT


def _texts_ok(vals: tuple, olds: tuple, prevs: tuple) -> bool:
    if set(map(type, vals)) != {str} or max(map(len, vals)) > MAX_JSON:
        return False
    others = [t for t in olds + prevs if t is not None]
    return not others or (set(map(type, others)) == {str} and max(map(len, others)) <= MAX_JSON)


def _user_ok(user: object) -> bool:
    return type(user) is str and len(user) <= MAX_USER and not _BAD_USER.search(user)
