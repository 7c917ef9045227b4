"""Finding a code table entry from what a person types: the code, characters or pinyin.

The code tables in force are those of the database (``code_values``; the
township may adjust them).  ``entries(conn, table)`` reads one table with the
pinyin of every label; ``matches(entries, text)`` ranks the entries a typed
text may mean, best first:

1. the code itself (``01``), 2. a code starting with the text, 3. a label
starting with the text (因), 4. pinyin initials starting with it (yb),
5. full pinyin starting with it (yinbing), 6. a label containing it (病).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from models.pinyin import normalize, readings


@dataclass(frozen=True)
class CodeEntry:
    """One code with its labels and the pinyin readings of its Chinese label."""

    code: str
    label: str
    label_en: str
    initials: tuple[str, ...] = ()
    full: tuple[str, ...] = ()

    def text(self, language: str = "zh") -> str:
        """``"01 因病"``: the code and its label, as shown in a list."""
        return f"{self.code} {self.label_en if language == 'en' else self.label}"


def entries(conn: sqlite3.Connection, table: str, active_only: bool = True) -> list[CodeEntry]:
    """The entries of one code table in their standard order, with pinyin for type-ahead."""
    rows = conn.execute(
        "SELECT code, label, label_en FROM code_values WHERE tbl = ? AND (active = 1 OR ?) ORDER BY sort, code",
        (table, 0 if active_only else 1),
    ).fetchall()
    return [make_entry(code, label, label_en) for code, label, label_en in rows]


def make_entry(code: str, label: str, label_en: str) -> CodeEntry:
    """A CodeEntry with the pinyin of ``label`` worked out."""
    pairs = readings(normalize(label))
    return CodeEntry(code, label, label_en, tuple(i for _, i in pairs), tuple(f for f, _ in pairs))


def table_names(conn: sqlite3.Connection) -> list[str]:
    """The names of the code tables held in the database."""
    return [r[0] for r in conn.execute("SELECT DISTINCT tbl FROM code_values ORDER BY tbl")]


def matches(candidates: list[CodeEntry], text: str) -> list[CodeEntry]:
    """The entries ``text`` may mean, best first (see the module docstring); all of them for blank text."""
    query = normalize(text)
    if not query:
        return list(candidates)
    english = text.strip().casefold()
    ranked = []
    for position, entry in enumerate(candidates):
        rank = _rank(entry, query, english)
        if rank is not None:
            ranked.append((rank, position, entry))
    return [entry for _, _, entry in sorted(ranked, key=lambda r: (r[0], r[1]))]


def _rank(entry: CodeEntry, query: str, english: str) -> int | None:
    label = normalize(entry.label)
    checks = (
        entry.code.casefold() == query,
        entry.code.casefold().startswith(query),
        label.startswith(query),
        any(i.startswith(query) for i in entry.initials),
        any(f.startswith(query) for f in entry.full),
        query in label or (len(english) > 1 and english in entry.label_en.casefold()),
    )
    return next((rank for rank, ok in enumerate(checks) if ok), None)


def resolve(candidates: list[CodeEntry], text: str) -> str | None:
    """The code ``text`` names without doubt: a code, a whole label, ``"01 因病"``, or a single match."""
    stripped = text.strip()
    if not stripped:
        return None
    head = stripped.split(" ", 1)[0]
    for entry in candidates:
        if stripped in (entry.code, entry.label, entry.label_en, entry.text(), entry.text("en")) or head == entry.code:
            return entry.code
    found = matches(candidates, stripped)
    return found[0].code if len(found) == 1 else None
