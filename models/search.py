"""Searching households and members by name, pinyin, initials, ID number, phone or household number.

Results come in tiers, each in index order (live members before departed
ones):
- exact: the whole name, full pinyin or initials, or a whole ID number,
  phone or household number equals the query;
- prefix: one of those starts with the query (numbers: 2+ digits);
- substring: a later part of the name or of its pinyin starts with the
  query (三 / san find 张三), or a number contains it (3+ characters).
A page is read tier by tier with LIMIT, never by sorting the whole match
set, so a one-letter query costs about as much as a rare one.  The user's
text is normalised to letters and digits (spaces and punctuation dropped)
and always quoted as an FTS string.

Keep the index current: after every write that touches a household or its
members call ``index_households(conn, [household_id, ...])`` in the same
transaction; ``rebuild_index(conn)`` rebuilds everything (after sync or
import).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from models.idcard import mask_id_number
from models.pinyin import normalize
from models.search_index import PART, VILLAGE, index_households, rebuild_index, search_terms_for

__all__ = ["SearchHit", "SearchPage", "index_households", "rebuild_index", "search", "search_terms_for"]

EXACT, PREFIX, SUBSTRING = "exact", "prefix", "substring"
TIERS = (EXACT, PREFIX, SUBSTRING)
MIN_FRAGMENT = 3  # the trigram index cannot find shorter fragments
LONG_NUMBER = 7  # numbers this long are looked up by their tail and sorted into tiers here
TAIL = 6
CLASSIFY_CAP = 500

Fetch = Callable[[int], list[int]]


@dataclass(frozen=True)
class SearchHit:
    """One found member, or a household found by its number or phone (``member_id`` None)."""

    household_id: str
    member_id: str | None
    name: str
    relation: str | None
    id_masked: str
    village_code: str
    household_no: str | None
    match: str
    left_reason: str | None = None  # member_change code when the member no longer lives in the household
    left_date: str | None = None

    def display_name(self, lang: str = "zh") -> str:
        """The name, with how and when the member left when they no longer live in the household."""
        if self.member_id is None or self.left_reason is None:
            return self.name
        from models.codes import label, label_en

        reason = (label_en if lang == "en" else label)("member_change", self.left_reason) or (
            "left" if lang == "en" else "已不在户"
        )
        when = f" {self.left_date}" if self.left_date else ""
        return f"{self.name} ({reason}{when})" if lang == "en" else f"{self.name}（{reason}{when}）"


@dataclass(frozen=True)
class SearchPage:
    """One page of hits; ``has_more`` tells whether a further page exists."""

    hits: list[SearchHit]
    has_more: bool


def search(conn: sqlite3.Connection, query: str, limit: int = 50, offset: int = 0,
           village_codes: Sequence[str] | None = None) -> SearchPage:
    """Find members and households matching ``query``, best matches first.

    ``village_codes`` restricts the result to households of those villages
    (an empty sequence finds nothing).  Never raises on odd user input: a
    query without letters or digits finds nothing.
    """
    text = normalize_query(query)
    if not text or limit <= 0 or (village_codes is not None and not village_codes):
        return SearchPage([], False)
    tiers = _tiers(conn, text, village_codes)
    picked = _collect(tiers, max(offset, 0), limit + 1)
    return SearchPage(_hits(conn, picked[:limit]), len(picked) > limit)


def normalize_query(query: str) -> str:
    """Strip, full-width to half-width, lower-case latin, drop punctuation; an ID's trailing x upper-cased."""
    text = normalize(query)
    return text[:-1] + "X" if re.fullmatch(r"\d+x", text) else text


def fts_string(text: str) -> str:
    """``text`` as an FTS5 string literal, so it is never read as query syntax."""
    return '"' + text.replace('"', '""') + '"'


def _tiers(conn: sqlite3.Connection, text: str, villages: Sequence[str] | None) -> list[tuple[str, Fetch, bool]]:
    """(match, fetch(limit) -> doc ids, needs de-duplication) for each tier, best first."""
    names, numbers = not re.fullmatch(r"\d+X?", text), any(c.isdigit() for c in text)
    tiers: list[tuple[str, Fetch]] = []
    if names:
        tiers += _name_tiers(conn, text, villages)
    if numbers:
        tiers += _number_tiers(conn, text, villages)
    tiers.sort(key=lambda t: TIERS.index(t[0]))
    mixed = names and numbers
    return [(match, fetch, mixed) for match, fetch in tiers]


def _name_tiers(conn: sqlite3.Connection, text: str, villages: Sequence[str] | None) -> list[tuple[str, Fetch]]:
    """Whole name / pinyin / initials equal to the text, starting with it, or a suffix starting with it."""
    word = fts_string(text)
    where = f" AND ({' OR '.join(fts_string(VILLAGE + normalize(v)) for v in villages)})" if villages else ""
    sql = "SELECT rowid FROM search_terms WHERE search_terms MATCH ? ORDER BY rowid LIMIT ?"
    return [
        (EXACT, _fetcher(conn, sql, word + where)),
        (PREFIX, _fetcher(conn, sql, f"({word}* NOT {word}){where}")),
        (SUBSTRING, _fetcher(conn, sql, f"({fts_string(PART + text)}* NOT {word}*){where}")),
    ]


def _number_tiers(conn: sqlite3.Connection, text: str, villages: Sequence[str] | None) -> list[tuple[str, Fetch]]:
    """A whole number equal to the text, starting with it (2+ characters), or containing it (3+).

    A trigram phrase costs a seek per trigram for each candidate, and the
    leading digits of IDs and household numbers (the region code) are in
    nearly every document, while the last few digits are not: so a long
    number is first looked up by its tail and sorted into tiers here.
    """
    sql, extra = _digits_sql(villages)
    exact, start, anywhere = fts_string(f" {text} "), fts_string(f" {text}"), fts_string(text)
    exact_fetch = _fetcher(conn, sql.format(""), exact, *extra)
    if len(text) >= LONG_NUMBER:
        found = _classify_numbers(conn, sql.format(", digits"), text, extra)
        if found is not None:
            return [(match, lambda limit, docs=docs: docs[:limit]) for match, docs in found.items()]
        exact_fetch = _exact_by_tail(conn, sql.format(", digits"), text, extra)
    tiers = [(EXACT, exact_fetch)]
    if len(text) >= 2:
        tiers.append((PREFIX, _fetcher(conn, sql.format(""), f"{start} NOT {exact}", *extra)))
    if len(text) >= MIN_FRAGMENT:
        tiers.append((SUBSTRING, _fetcher(conn, sql.format(""), f"{anywhere} NOT {start}", *extra)))
    return tiers


def _digits_sql(villages: Sequence[str] | None) -> tuple[str, tuple]:
    """The query of one digits tier ({} for extra columns) and its parameters besides MATCH and LIMIT."""
    if villages is None:
        return "SELECT rowid{} FROM search_digits WHERE search_digits MATCH ? ORDER BY rowid LIMIT ?", ()
    sql = (
        "SELECT s.rowid{} FROM search_digits s JOIN search_docs d ON d.doc = s.rowid "
        "JOIN households h ON h.id = d.household_id WHERE s.digits MATCH ? "
        "AND h.village_code IN (SELECT value FROM json_each(?)) ORDER BY s.rowid LIMIT ?"
    )
    return sql, (json.dumps(list(villages)),)


def _classify_numbers(conn: sqlite3.Connection, sql: str, text: str, extra: tuple) -> dict[str, list[int]] | None:
    """All matches of a long number by tier, found through its tail; None if the tail is too common."""
    rows = conn.execute(sql, (fts_string(text[-TAIL:]), *extra, CLASSIFY_CAP + 1)).fetchall()
    return None if len(rows) > CLASSIFY_CAP else _verified(rows, text)


def _exact_by_tail(conn: sqlite3.Connection, sql: str, text: str, extra: tuple) -> Fetch:
    """fetch(limit) of the exact tier through the numbers ending with the text's tail, verified."""
    tail = fts_string(text[-TAIL:] + " ")
    return lambda limit: _verified(conn.execute(sql, (tail, *extra, -1)), text)[EXACT][:limit]


def _verified(rows: Iterable[tuple[int, str]], text: str) -> dict[str, list[int]]:
    """Sort (doc, digits) candidates into tiers by what really matches; the rest is dropped."""
    found: dict[str, list[int]] = {EXACT: [], PREFIX: [], SUBSTRING: []}
    text = text.lower()  # the index holds a trailing X as x
    for doc, digits in rows:
        numbers = digits.split()
        if text in numbers:
            found[EXACT].append(doc)
        elif any(n.startswith(text) for n in numbers):
            found[PREFIX].append(doc)
        elif text in digits:
            found[SUBSTRING].append(doc)
    return found


def _fetcher(conn: sqlite3.Connection, sql: str, *params: object) -> Fetch:
    """fetch(limit): the first ``limit`` doc ids of one tier."""
    return lambda limit: [r[0] for r in conn.execute(sql, (*params, limit))]


def _collect(tiers: list[tuple[str, Fetch, bool]], skip: int, want: int) -> list[tuple[int, str]]:
    """Walk the tiers, skipping ``skip`` results and taking ``want``; earlier tiers' docs are dropped later."""
    seen: set[int] = set()
    picked: list[tuple[int, str]] = []
    for match, fetch, dedupe in tiers:
        docs = fetch(skip + want + (len(seen) if dedupe else 0))
        if dedupe:
            docs = [d for d in docs if d not in seen][: skip + want]
        taken = docs[skip:]
        picked += [(d, match) for d in taken]
        want -= len(taken)
        if want <= 0:
            break
        skip = max(0, skip - len(docs))
        seen.update(docs)
    return picked


def _hits(conn: sqlite3.Connection, picked: list[tuple[int, str]]) -> list[SearchHit]:
    """Load the rows of the picked documents, keeping the order; stale documents are skipped."""
    if not picked:
        return []
    rows = conn.execute(
        "SELECT d.doc, d.household_id, d.member_id, m.name, m.relation, m.id_number, h.village_code, "
        "h.household_no, m.in_household, m.left_reason, m.left_date "
        "FROM search_docs d JOIN households h ON h.id = d.household_id LEFT JOIN members m ON m.id = d.member_id "
        "WHERE d.doc IN (SELECT value FROM json_each(?))",
        (json.dumps([doc for doc, _ in picked]),),
    ).fetchall()
    by_doc = {r[0]: r[1:] for r in rows}
    hits = []
    for doc, match in picked:
        row = by_doc.get(doc)
        if row is None or (row[1] is not None and row[2] is None):
            continue
        hits.append(_hit(conn, row, match))
    return hits


def _hit(conn: sqlite3.Connection, row: tuple, match: str) -> SearchHit:
    household_id, member_id, name, relation, id_number, village_code, household_no, living, reason, left = row
    if member_id is None:
        name, id_number, relation = _head(conn, household_id)
    gone = member_id is not None and living == 0
    return SearchHit(household_id, member_id, name or "", relation, mask_id_number(id_number or ""),
                     village_code, household_no, match, (reason or "") if gone else None, left if gone else None)


def _head(conn: sqlite3.Connection, household_id: str) -> tuple[str, str | None, str | None]:
    """Name, ID number and relation of the household's head (or its first member when it has none)."""
    row = conn.execute(
        "SELECT name, id_number, relation FROM members WHERE household_id = ? "
        "ORDER BY in_household DESC, relation = '01' DESC, sort, id LIMIT 1",
        (household_id,),
    ).fetchone()
    return (row[0], row[1], row[2]) if row else ("", None, None)
