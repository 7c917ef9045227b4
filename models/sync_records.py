"""Change records as they travel in a bundle: one NDJSON line each, checked field by field.

A line is the JSON array ``[hash, scope, prev_hash, site, seq, hlc, user, tbl,
pk, op, cl, vals, old, prev]`` — one change_log row, built by SQLite's
``json_array`` on export. On import each record's hash is recomputed with
``models.change_chain.chain_hash`` from the fields as parsed, so an audit record
altered on the laptop is refused, and the chain verifies here afterwards.

Nothing from a bundle is trusted: every field is type-checked, tables and
columns come from an allow-list built from our own schema (no SQL is ever
built from bundle data), strings are bounded and free of control and
bidirectional-override characters, ids are lower-case UUIDs.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from models.change_chain import chain_hash
from models.changes import INSERT_ONLY, SYNC_TABLES, table_columns
from models.errors import JiandangError

LOG_COLUMNS = (
    "site",
    "seq",
    "hlc",
    "user",
    "tbl",
    "pk",
    "scope",
    "op",
    "cl",
    "vals",
    "old",
    "prev",
    "prev_hash",
    "hash",
)
SITE, SEQ, HLC, USER, TBL, PK, SCOPE, OP, CL, VALS, OLD, PREV, PREV_HASH, HASH = range(14)
LINE_SQL = "json_array(hash, scope, prev_hash, site, seq, hlc, user, tbl, pk, op, cl, vals, old, prev)"
OPS = ("insert", "update", "delete")
MAX_TEXT = 10_000  # characters in one value
MAX_JSON = 500_000  # characters of one vals/old/prev text
MAX_USER = 200
MAX_PRIORITY = 1_000_000
MAX_INT = 2**63 - 1
META_KEYS = ("_row", "_prio", "_resolves")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_HEX64 = re.compile(r"[0-9a-f]{64}\Z")
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
# in JSON text those characters are escaped (\u0000 … \u001f, \b, \f) or written as they are
_SUSPECT = re.compile(r"\\u00[01][0-9a-fA-F]|\\[bf]|\\u007[fF]|\\u20[26][0-9a-fA-F]|[\x7f\u202a-\u202e\u2066-\u2069]")
_TYPES = {"INTEGER": (int,), "REAL": (int, float), "TEXT": (str,)}

Log = tuple  # one change_log row, in LOG_COLUMNS order
Clock = tuple[int, int, str]  # (priority, hlc, site)


class RecordError(JiandangError):
    """A change record in a bundle is malformed or not allowed."""


def is_uuid(value: object) -> bool:
    """A lower-case canonical UUID string."""
    return type(value) is str and _UUID.match(value) is not None


def encode_line(log: Log) -> str:
    """The NDJSON line of one change_log row (the same text ``LINE_SQL`` produces)."""
    from models.changes import canonical_json

    return canonical_json([log[HASH], log[SCOPE], log[PREV_HASH], *log[:SCOPE], *log[OP:PREV_HASH]])


def decode_line(line: str) -> Log:
    """Parse and check one line; returns the change_log row. Raises RecordError."""
    try:
        item = json.loads(line)  # the C fast path; NaN or Infinity can only land where an int or str is required
    except ValueError as error:
        raise _error("不是有效的 JSON", "is not valid JSON", line[:40]) from error
    if type(item) is not list or len(item) != 14:
        raise _error("字段数目不对", "does not have 14 fields", line[:40])
    digest, scope, prev_hash, site, seq, hlc, user, tbl, pk, op, cl, vals, old, prev = item
    where = f"{site}/{seq}" if type(seq) is int else line[:40]
    if not (type(digest) is str and _HEX64.match(digest) and is_uuid(scope) and is_uuid(site) and is_uuid(pk)):
        raise _error("哈希或编号格式错误", "has a malformed hash or id", where)
    if not (prev_hash == "" or (type(prev_hash) is str and _HEX64.match(prev_hash))):
        raise _error("前一条哈希格式错误", "has a malformed previous hash", where)
    _check_scalars(seq, hlc, user, tbl, op, cl, vals, old, prev, where)
    record = {
        "prev_hash": prev_hash,
        "site": site,
        "seq": seq,
        "hlc": hlc,
        "user": user,
        "tbl": tbl,
        "pk": pk,
        "op": op,
        "cl": cl,
        "vals": vals,
        "old": old,
        "prev": prev,
    }
    if chain_hash(record) != digest:
        raise _error("哈希不符（修改记录被改动过）", "does not match its hash (the audit record was altered)", where)
    return (site, seq, hlc, user, tbl, pk, scope, op, cl, vals, old, prev, prev_hash, digest)


def _check_scalars(
    seq: Any, hlc: Any, user: Any, tbl: Any, op: Any, cl: Any, vals: Any, old: Any, prev: Any, where: str
) -> None:
    if not (type(seq) is int and 1 <= seq <= MAX_INT and type(hlc) is int and 0 <= hlc <= MAX_INT):
        raise _error("序号或时钟不是有效的整数", "has an invalid sequence number or clock", where)
    if not (type(cl) is int and 1 <= cl <= MAX_INT and op in OPS and (cl % 2 == 0) == (op == "delete")):
        raise _error("操作或因果长度无效", "has an invalid operation or causal length", where)
    if not (type(user) is str and len(user) <= MAX_USER and not _BAD_CHARS.search(user)):
        raise _error("操作员名称无效", "has an invalid user name", where)
    if tbl not in SYNC_TABLES:
        raise _error(f"引用了未知的表 {str(tbl)[:40]!r}", f"names an unknown table {str(tbl)[:40]!r}", where)
    if type(vals) is not str or len(vals) > MAX_JSON:
        raise _error("内容字段无效", "has invalid values", where)
    for text in (old, prev):
        if not (text is None or (type(text) is str and len(text) <= MAX_JSON)):
            raise _error("旧值或时钟字段无效", "has invalid old values or clocks", where)
    if (op == "insert") != (old is None) or (op == "insert") != (prev is None):
        raise _error("旧值或时钟字段与操作不符", "has old values or clocks that do not fit its operation", where)


@dataclass(frozen=True)
class TableSpec:
    """What a record may say about one syncable table."""

    name: str
    columns: dict[str, str]  # domain column -> declared type
    uuid_columns: frozenset[str]  # columns holding the id of another row
    types: dict[str, tuple[type, ...]]  # domain column -> the Python types its values may have


@dataclass(frozen=True)
class SyncSchema:
    """The allow-list of tables and columns, read from this database's own schema."""

    tables: dict[str, TableSpec]

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> SyncSchema:
        """Read every syncable table's columns and id-valued foreign keys."""
        tables = {}
        for name in SYNC_TABLES:
            columns = dict(table_columns(conn, name))
            refs = {r[3] for r in conn.execute(f"PRAGMA foreign_key_list({name})") if r[4] == "id"}
            types = {c: _TYPES.get(declared, (str,)) + (type(None),) for c, declared in columns.items()}
            tables[name] = TableSpec(name, columns, frozenset(refs), types)
        return cls(tables)


def parse_values(schema: SyncSchema, log: Log) -> tuple[dict, dict | None, dict | None]:
    """Parse and check a record's vals, old and prev; returns them as dicts. Raises RecordError."""
    spec = schema.tables[log[TBL]]
    where = f"{log[SITE]}/{log[SEQ]}"
    vals = _object(log[VALS], where)
    check_values(spec, vals, where, log[VALS])
    op = log[OP]
    if op == "insert":
        return vals, None, None
    old, prev = _object(log[OLD], where), _object(log[PREV], where)
    check_values(spec, old, where, log[OLD])
    _check_prev(spec, prev, where)
    if log[TBL] in INSERT_ONLY:
        return vals, old, prev  # refused by the merge rule, kept in the log
    if op == "update" and (not vals or any(c not in prev for c in vals)):
        raise _error("修改记录缺少原时钟", "is an update without the clocks it replaced", where)
    if op == "delete" and (vals or "_row" not in prev):
        raise _error("删除记录格式错误", "is a malformed delete", where)
    return vals, old, prev


def check_values(spec: TableSpec, values: dict, where: str, text: str | None = None) -> None:
    """Every key a known column, every value of the column's type, bounded and clean.

    ``text`` is the JSON the values were parsed from: when it is short and shows no trace of a control
    or override character, the per-string checks are skipped (they run whenever it might).
    """
    if not values.keys() <= spec.columns.keys():
        unknown = sorted(set(values) - set(spec.columns))[0]
        raise _error(f"{spec.name} 没有字段 {unknown[:40]!r}", f"names an unknown column {unknown[:40]!r}", where)
    types = spec.types
    for column, value in values.items():
        kind = type(value)
        if kind not in types[column]:
            raise _bad_value(column, where)
        if (kind is int and not -MAX_INT <= value <= MAX_INT) or (kind is float and not math.isfinite(value)):
            raise _bad_value(column, where)
    for column in spec.uuid_columns:
        value = values.get(column)
        if value is not None and not _UUID.match(value):
            raise _bad_value(column, where)
    if text is None or len(text) > MAX_TEXT or _SUSPECT.search(text):
        for column, value in values.items():
            if type(value) is str and (len(value) > MAX_TEXT or _BAD_CHARS.search(value)):
                raise _bad_value(column, where)


def _check_prev(spec: TableSpec, prev: dict, where: str) -> None:
    for key, clock in prev.items():
        if key == "_prio":
            ok = type(clock) is int and 1 <= clock <= MAX_PRIORITY
        elif key == "_resolves":
            ok = type(clock) is list and len(clock) <= 10_000 and all(is_clock(c) for c in clock)
        else:
            ok = (key == "_row" or key in spec.columns) and is_clock(clock)
        if not ok:
            raise _error(f"时钟字段 {key[:40]!r} 无效", f"has an invalid clock {key[:40]!r}", where)


def is_clock(value: object) -> bool:
    """A clock as stored in ``prev``: [priority, hlc, site]."""
    return (
        type(value) is list
        and len(value) == 3
        and type(value[0]) is int
        and 0 <= value[0] <= MAX_PRIORITY
        and type(value[1]) is int
        and 0 <= value[1] <= MAX_INT
        and is_uuid(value[2])
    )


def _object(text: str, where: str) -> dict:
    try:
        value = json.loads(text)  # a NaN or Infinity is refused by check_values (finite floats only)
    except ValueError as error:
        raise _error("内容不是有效的 JSON", "has values that are not valid JSON", where) from error
    if type(value) is not dict:
        raise _error("内容不是 JSON 对象", "has values that are not a JSON object", where)
    return value


def _bad_value(column: str, where: str) -> RecordError:
    return _error(
        f"字段 {column} 的值类型、长度或字符不允许",
        f"has a value of {column} of a wrong type, size or with control characters",
        where,
    )


def _error(zh: str, en: str, where: str) -> RecordError:
    return RecordError(
        f"变更记录 {where} {zh}，整个数据包被拒绝。", f"Change record {where} {en}; the bundle is refused."
    )
