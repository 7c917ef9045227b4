"""Previewing an import (dry run): what importing these files, in this order, would do — then nothing is kept.

Files are imported one after the other, so what a file does depends on the
files before it: two laptops' edits of one field conflict only once both are
in, a family typed on both is a possible duplicate only then, and a
cumulative bundle leaves nothing new for the older one that it contains.
The preview therefore runs every file through the real import
(``bundle_read``), in the same order, inside ONE transaction that is always
rolled back: each file merges in a savepoint of it (``merge_transaction``)
and is remembered as imported, so the next file is judged as it will be; a
refused or held file's savepoint is rolled back, so the files after it are
judged as if it were not imported, as the real import would do. No backup is
taken, but a file the import would refuse for want of room for its backup
is refused. The files are copied off the stick before the transaction
begins, so saves elsewhere are not held up by a slow stick. Afterwards the
database holds exactly what it held before — no rows,
settings, clocks, audit entries or "already imported" marks — with one
exception: a device whose bundle is refused as a site fork or a restored
database is noted for the status screen (``sync_refusals``), as the real
import would, because a refused file is never imported after its preview.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from exports.bundle_format import read_header
from exports.bundle_io import quarantine_copy
from exports.bundle_keys import PrivateKeys
from exports.bundle_outcome import ImportReport
from models.db import Database
from models.errors import JiandangError
from models.sync_refusals import note_refusal


@dataclass
class Preview:
    """What a preview learnt along the way that must outlive its rolled-back transaction."""

    seen: set[str] = field(default_factory=set)  # SHA-256 of the files previewed as imported
    notes: dict[str, tuple[str, JiandangError, str]] = field(default_factory=dict)  # site -> (file, error, kind)
    copies: dict[Path, tuple[Path, str]] = field(default_factory=dict)  # file -> (quarantine copy, SHA-256)

    def copied(self, path: Path) -> tuple[Path, str] | None:
        """The quarantine copy of ``path`` made before the preview's transaction began, if there is one."""
        return self.copies.get(path)

    def imported(self, site: str, digest: str) -> None:
        """A file of ``site`` would be imported: a refusal of the site noted earlier would be cleared."""
        self.seen.add(digest)
        self.notes.pop(site, None)

    def refused(self, site: str, file: str, error: JiandangError, kind: str) -> None:
        """A file of ``site`` would be refused as a site fork or a restored database."""
        self.notes[site] = (file, error, kind)

    def already(self, report: ImportReport) -> None:
        """Say so when the file is the same as one earlier in this preview (it will be imported only once)."""
        if report.sha256 in self.seen:
            report.message_zh = "这个数据包与前面选择的一个文件相同，只会导入一次，这个文件不会再有改动。"
            report.message_en = "The same bundle as a file before it: it is imported once; this one changes nothing."


def copy_first(paths: list[Path]) -> dict[Path, tuple[Path, str]]:
    """Copy the files into the quarantine folder before a preview locks the database (a stick is slow).

    A file that cannot be read or copied is left out: the preview then meets the problem itself, in its
    place among the files, and reports it as the import would.
    """
    copies = {}
    for path in paths:
        try:
            with open(path, "rb") as handle:
                read_header(handle)
            copies[path] = quarantine_copy(path)
        except (JiandangError, OSError):
            continue
    return copies


@contextmanager
def preview_transaction(db: Database, copies: dict[Path, tuple[Path, str]] | None = None) -> Iterator[Preview]:
    """One transaction around a whole preview, always rolled back; then the refusal notes are written."""
    conn = db.conn
    if conn.in_transaction:
        raise RuntimeError("a preview needs a connection without an open transaction")
    preview = Preview(copies=copies or {})
    saved = db.clock.last
    conn.execute("PRAGMA foreign_keys = OFF")  # as in merge_transaction: it cannot change inside a transaction
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield preview
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            db.clock.last = saved
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
        for site, (file, error, kind) in preview.notes.items():
            note_refusal(db, site, file, error, kind)


def preview_bundles(
    db: Database, keys: PrivateKeys, paths: list[Path], accept_skew: bool = False, backup: bool = True
) -> list[ImportReport]:
    """Each file's report as importing ``paths`` in this order would give it; the database is left unchanged.

    ``backup``: the import will back up first, so a file it would refuse for want of disk space is refused here.
    """
    from exports.bundle_read import import_or_refuse

    with preview_transaction(db, copy_first(paths)) as preview:
        return [import_or_refuse(db, keys, path, accept_skew, backup=backup, preview=preview) for path in paths]
