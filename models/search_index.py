"""Building the search index: ``search_docs``, ``search_terms`` and ``search_digits``.

One document per member (``member_id`` set) and one per household that has a
household number or a phone of its own (``member_id`` NULL).  The document
id doubles as the order of results within a match tier: live members and
households get ids from 1 upwards, departed members (``in_household = 0``)
from ``DEPARTED_BASE`` upwards, so they come last.

``search_terms`` (unicode61; a run of Chinese characters is one token) holds
- whole tokens: the name, its full pinyin and initials (with surname readings);
- part tokens, prefixed with ``PART``: each suffix of the name and the pinyin
  and initials of each suffix, so 三 / san find 张三 as a substring match;
- one village token, ``VILLAGE`` + village code, used to filter by village.
``PART`` and ``VILLAGE`` are letters that a normalised query never contains.

``search_digits`` (trigram) holds the ID number, phones and household number
as `` n1 n2 `` with a space before and after each, so `` q `` finds exact
numbers, `` q`` prefixes and ``q`` any fragment.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby

from models.pinyin import normalize, readings, syllables

PART = "ω"
VILLAGE = "ψ"
DEPARTED_BASE = 1 << 40
FTS_TABLES = ("search_terms", "search_digits")
_BATCH = 20000
_ROWS_SQL = """
SELECT h.id, h.village_code, h.household_no, h.phone, m.id, m.name, m.id_number, m.phone, m.in_household
FROM households h LEFT JOIN members m ON m.household_id = h.id
{where}
ORDER BY h.village_code, h.household_no, h.id, m.sort, m.id
"""


def search_terms_for(name: str) -> list[str]:
    """The name's search tokens: name, pinyin and initials (whole), then suffixes and their pinyin (parts)."""
    whole, parts = name_tokens(name)
    return whole + [p for p in parts if p not in whole]


def name_tokens(name: str) -> tuple[list[str], list[str]]:
    """(whole tokens, part tokens) of a name; part tokens are stored with the PART marker."""
    text = normalize(name)
    if not text:
        return [], []
    whole = _unique([text, *(t for pair in readings(text) for t in pair)])
    sounds = syllables(text)
    parts: list[str] = []
    for start in range(1, len(text)):
        parts += [text[start:], "".join(sounds[start:])]
        if start < len(text) - 1:  # a last character's initial is a prefix of its pinyin anyway
            parts.append("".join(s[0] for s in sounds[start:]))
    return whole, _unique(parts)


@lru_cache(maxsize=131072)
def name_text(name: str) -> str:
    """The ``search_terms`` text of a name: whole tokens, then part tokens with their marker."""
    whole, parts = name_tokens(name)
    return " ".join([*whole, *(PART + p for p in parts)])


def index_households(conn: sqlite3.Connection, household_ids: Iterable[str]) -> None:
    """Re-index these households from their current rows (delete their docs, add fresh ones).

    A household that no longer exists just loses its documents; a member
    that moved in from another household loses its old document.  Call it in
    the same transaction as the write, for every household whose households
    row or members rows changed.  The caller holds the transaction.
    """
    ids = json.dumps(sorted(set(household_ids)))
    _delete_docs(conn, ids)
    rows = conn.execute(_ROWS_SQL.format(where="WHERE h.id IN (SELECT value FROM json_each(?))"), (ids,))
    live = conn.execute("SELECT coalesce(max(doc), 0) FROM search_docs WHERE doc < ?", (DEPARTED_BASE,))
    departed = conn.execute("SELECT coalesce(max(doc), ?) FROM search_docs WHERE doc >= ?", (DEPARTED_BASE,) * 2)
    _write_docs(conn, rows, live.fetchone()[0] + 1, departed.fetchone()[0] + 1)


def rebuild_index(conn: sqlite3.Connection) -> None:
    """Drop and rebuild the whole index from the households and members tables.

    The FTS tables are recreated from their own stored definitions (so the
    schema stays the migration's), filled without merging, then optimised.
    The caller holds the transaction.
    """
    dropped = begin_bulk_index(conn, drop_doc_indexes=True)
    _write_docs(conn, conn.execute(_ROWS_SQL.format(where="")), 1, DEPARTED_BASE + 1)
    end_bulk_index(conn, dropped)


def begin_bulk_index(conn: sqlite3.Connection, drop_doc_indexes: bool = False) -> list[str]:
    """Empty the index for a bulk load; returns the ``search_docs`` indexes dropped, for ``end_bulk_index``.

    The FTS tables are recreated from their stored definitions with merging
    off.  Documents are then added (``write_documents``) with ids from 1 and
    ``DEPARTED_BASE + 1`` upwards, in the order of the households' village
    code, household number and id, and the members' sort and id (what
    ``rebuild_index`` does); ``end_bulk_index`` finishes.  The caller holds
    the transaction (the load may span several).
    """
    for table in FTS_TABLES:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        conn.execute(f"DROP TABLE {table}")
        conn.execute(sql)
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 0)")
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'search_docs' "
                           "AND sql IS NOT NULL").fetchall() if drop_doc_indexes else []
    for name, _ in indexes:
        conn.execute(f"DROP INDEX {name}")
    conn.execute("DELETE FROM search_docs")
    return [sql for _, sql in indexes]


def end_bulk_index(conn: sqlite3.Connection, dropped: Iterable[str] = ()) -> None:
    """Finish a bulk load: recreate the dropped ``search_docs`` indexes, optimise, merge automatically again."""
    for sql in dropped:
        conn.execute(sql)
    for table in FTS_TABLES:
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
        conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 4)")


def _delete_docs(conn: sqlite3.Connection, ids_json: str) -> None:
    docs = conn.execute(
        "SELECT doc FROM search_docs WHERE household_id IN (SELECT value FROM json_each(?1)) "
        "UNION SELECT d.doc FROM members m JOIN search_docs d ON d.member_id = m.id "
        "WHERE m.household_id IN (SELECT value FROM json_each(?1))",
        (ids_json,),
    ).fetchall()
    conn.executemany("DELETE FROM search_docs WHERE doc = ?", docs)
    for table in FTS_TABLES:
        conn.executemany(f"DELETE FROM {table} WHERE rowid = ?", docs)


def _write_docs(conn: sqlite3.Connection, rows: Iterable[tuple], next_live: int, next_departed: int) -> None:
    """Turn (household, member) rows ordered by household into documents and insert them in batches."""
    builder = DocumentBuilder(next_live, next_departed)
    for _, group in groupby(rows, key=lambda r: r[0]):
        builder.add_household(list(group))
        if len(builder.docs) >= _BATCH:
            builder.flush(conn)
    builder.flush(conn)


Documents = tuple[list[tuple[int, str, str | None]], list[tuple[int, str]], list[tuple[int, str]]]


class DocumentBuilder:
    """Accumulates documents with their ids, then writes them with executemany.

    Needs no connection until ``flush``: ``take`` hands the documents over
    (for ``write_documents``), e.g. from another process.
    """

    def __init__(self, next_live: int = 1, next_departed: int = DEPARTED_BASE + 1) -> None:
        self.next_live = next_live
        self.next_departed = next_departed
        self.docs: list[tuple[int, str, str | None]] = []
        self.terms: list[tuple[int, str]] = []
        self.digits: list[tuple[int, str]] = []

    def add_household(self, rows: list[tuple]) -> None:
        """Add the documents of one household from its rows.

        Rows as ``_ROWS_SQL`` gives them: (household id, village code,
        household number, phone, member id, name, ID number, member phone,
        in_household), members in sort order; one row with member id None
        for a household without members.
        """
        household_id, village, household_no, phone = rows[0][:4]
        village_token = VILLAGE + normalize(village)
        members = [r[4:] for r in rows if r[4] is not None]
        member_phones = {normalize(m[3]) for m in members}
        own_phone = normalize(phone)
        numbers = _numbers(household_no, "" if own_phone in member_phones else own_phone)
        if numbers:
            self._add(household_id, None, True, village_token, numbers)
        for member_id, name, id_number, member_phone, in_household in members:
            self._add(household_id, member_id, bool(in_household), name_text(name or "") + " " + village_token,
                      _numbers(id_number, member_phone))

    def _add(self, household_id: str, member_id: str | None, live: bool, terms: str, numbers: str) -> None:
        if live:
            doc, self.next_live = self.next_live, self.next_live + 1
        else:
            doc, self.next_departed = self.next_departed, self.next_departed + 1
        self.docs.append((doc, household_id, member_id))
        self.terms.append((doc, terms))
        if numbers:
            self.digits.append((doc, numbers))

    def take(self) -> Documents:
        """The accumulated (docs, terms, digits) rows; the builder starts empty again (ids keep counting)."""
        taken = self.docs, self.terms, self.digits
        self.docs, self.terms, self.digits = [], [], []
        return taken

    def flush(self, conn: sqlite3.Connection) -> None:
        """Write the accumulated documents."""
        write_documents(conn, self.take())


def write_documents(conn: sqlite3.Connection, documents: Documents) -> None:
    """Insert (docs, terms, digits) rows made by a ``DocumentBuilder``; the caller holds the transaction."""
    docs, terms, digits = documents
    conn.executemany("INSERT INTO search_docs(doc, household_id, member_id) VALUES (?, ?, ?)", docs)
    conn.executemany("INSERT INTO search_terms(rowid, terms) VALUES (?, ?)", terms)
    conn.executemany("INSERT INTO search_digits(rowid, digits) VALUES (?, ?)", digits)


def _numbers(*values: str | None) -> str:
    """The ``search_digits`` text: each non-empty number with a space before and after, or ''."""
    numbers = [n for n in map(normalize, values) if n]
    return f" {' '.join(numbers)} " if numbers else ""


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def iter_index(conn: sqlite3.Connection) -> Iterator[tuple]:
    """Every document as (household_id, member_id, terms, digits), ordered; for comparing indexes in tests."""
    yield from conn.execute(
        "SELECT d.household_id, d.member_id, t.terms, g.digits FROM search_docs d "
        "LEFT JOIN search_terms t ON t.rowid = d.doc LEFT JOIN search_digits g ON g.rowid = d.doc "
        "ORDER BY d.household_id, d.member_id"
    )
