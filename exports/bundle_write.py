"""Writing a bundle: a laptop's changes for the township, or the township's return bundle for a laptop.

A laptop's bundle holds every change of its own made since the township last
acknowledged (cumulative, so a lost stick is healed by the next export) and
acknowledges what it has received from each site. A return bundle holds
every change the laptop has not acknowledged yet from every other site —
the township's corrections and decisions, code tables, poverty lines, other
laptops' changes — and acknowledges the laptop's own.

The file reaches the stick safely (``bundle_io.safe_write``): a temporary
name, fsync, rename, fsync of the folder, then a read-back whose SHA-256 must
match before the user is told the stick can be removed.
"""

from __future__ import annotations

import hashlib
import json
import queue
import sqlite3
import tempfile
import threading
import uuid
import zlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from exports.bundle_format import key_id, new_header, payload_cipher, seal_chunks
from exports.bundle_io import free_path, kept_beside, kept_note, safe_write
from exports.bundle_keys import TOWNSHIP, VILLAGE, Peer, PrivateKeys, SyncKeyError, find_peer, peers
from exports.bundle_manifest import CHANGES, RETURN, manifest_bytes, payload_prefix
from models import migrations
from models.clock import wall_ms
from models.db import Database
from models.sync_records import LINE_SQL
from models.sync_state import contiguous

SPOOL = 64 * 2**20
FETCH = 20_000
READERS = 2  # threads reading blocks of records (SQLite releases the GIL while it formats them)
AHEAD = 4  # blocks read ahead of the packer
SUFFIX = ".jdb"


@dataclass(frozen=True)
class ExportResult:
    """A bundle written and checked."""

    path: Path
    bundle_id: str
    kind: str
    peer: str
    records: int
    size: int
    sha256: str

    @property
    def kept(self) -> str | None:
        """An older bundle of the same name left untouched on the stick, this one saved beside it (or None)."""
        return kept_beside(self.path)

    def note(self, lang: str = "zh") -> str:
        """What to tell the user about ``kept`` ("" when no file was in the way)."""
        return kept_note(self.path, lang)


def export_bundle(db: Database, keys: PrivateKeys, to: Path, peer_id: str | None = None) -> ExportResult:
    """Write the next bundle for the township (on a laptop) or for ``peer_id`` (at the township) to ``to``.

    ``to`` is a file name or a folder (the name is then chosen: no person or village names in it).
    """
    from models.sync_restored import guard_export

    guard_export(db)  # a database restored from an older backup must not reuse its record numbers
    peer = _addressee(db, keys, peer_id)
    held = contiguous(db.conn)
    acks = json.loads(db.conn.execute("SELECT acks FROM sync_peers WHERE site_id = ?", (peer.site_id,)).fetchone()[0])
    if keys.identity.role == VILLAGE:
        kind, wanted = CHANGES, {db.site_id: acks.get(db.site_id, 0)}
        acknowledge = {s: n for s, n in held.items() if s != db.site_id}
    else:
        kind, wanted = RETURN, {s: acks.get(s, 0) for s in held if s != peer.site_id}
        acknowledge = {peer.site_id: held.get(peer.site_id, 0)}
    counter = db.conn.execute("SELECT exports FROM sync_peers WHERE site_id = ?", (peer.site_id,)).fetchone()[0] + 1
    target = _target(Path(to), db.site_id, peer.site_id, kind, counter)
    with tempfile.SpooledTemporaryFile(max_size=SPOOL) as spool:
        part, counts, ranges = _write_part(db, wanted, spool)
        body = {
            "format": 1,
            "bundle_id": str(uuid.uuid4()),
            "kind": kind,
            "from_site": db.site_id,
            "from_key": keys.identity.fingerprint,
            "to_site": peer.site_id,
            "to_key": key_id(peer.enc_public),
            "created_ms": _wall(db),
            "clock": db.clock.last,
            "schema": migrations.SCHEMA_VERSION,
            "acks": acknowledge,
            "ranges": ranges,
            "counts": counts,
            "parts": [part],
            "records": part["records"],
        }
        raw = manifest_bytes(body)
        header, file_key = new_header([peer.enc_public])
        spool.seek(0)
        plain = _payload(payload_prefix(raw, keys.sign.sign(raw)), spool)
        digest, size = safe_write(target, [header.raw, *seal_chunks(header, payload_cipher(header, file_key), plain)])
    _record(db, body, peer, target, digest, counter)
    return ExportResult(target, body["bundle_id"], kind, peer.site_id, part["records"], size, digest)


def _wall(db: Database) -> int:
    """This computer's wall clock as the database's clock reads it (tests give the clock a fake one)."""
    return getattr(db.clock, "_now", wall_ms)()


def _addressee(db: Database, keys: PrivateKeys, peer_id: str | None) -> Peer:
    if keys.identity.role == VILLAGE:
        found = [p for p in peers(db) if p.role == TOWNSHIP and p.revoked is None]
        if not found:
            raise SyncKeyError(
                "本机还没有登记乡镇：请先导入乡镇的密钥文件（bundle enroll）。",
                "No township is enrolled yet: import the township's key file first (bundle enroll).",
            )
        return found[0]
    if peer_id is None:
        laptops = [p for p in peers(db) if p.role == VILLAGE and p.revoked is None]
        if len(laptops) != 1:
            raise SyncKeyError(
                "请指定要导出给哪台电脑（--peer，见 bundle status）。",
                "Say which laptop the return bundle is for (--peer, see bundle status).",
            )
        return laptops[0]
    peer = find_peer(db, peer_id)
    if peer is None or peer.revoked is not None:
        raise SyncKeyError(f"没有已登记且未吊销的设备 {peer_id}。", f"No enrolled, unrevoked device {peer_id}.")
    return peer


def _target(to: Path, site: str, peer: str, kind: str, counter: int) -> Path:
    """``to`` itself when it names a file; in a folder the next name, never one already there (``free_path``)."""
    if to.is_dir():
        name = f"{site[:8]}-{counter:04d}" if kind == CHANGES else f"{site[:8]}-to-{peer[:8]}-{counter:04d}"
        return free_path(to, name, SUFFIX)
    return to


def _write_part(db: Database, wanted: dict[str, int], spool) -> tuple[dict, dict, dict]:  # noqa: ANN001
    """Compress the NDJSON records into ``spool``; returns the part description, counts and ranges.

    Reading and formatting run here while a second thread hashes and compresses (both release the GIL).
    """
    packer = _Packer(spool)
    packer.start()
    records = 0
    counts: dict[str, int] = {}
    ranges: dict[str, list[int]] = {}
    db.conn.execute("BEGIN")  # one snapshot: the counts and the records agree even if someone edits meanwhile
    try:
        for site, after in sorted(wanted.items()):
            for table, count, first, last in db.conn.execute(
                # the (tbl, pk) index holds site and seq too: scanning it is cheaper than the records themselves
                "SELECT tbl, count(*), min(seq), max(seq) FROM change_log INDEXED BY change_log_row "
                "WHERE site = ? AND seq > ? GROUP BY tbl",
                (site, after),
            ):
                counts[table] = counts.get(table, 0) + count
                span = ranges.setdefault(site, [first, last])
                span[0], span[1] = min(span[0], first), max(span[1], last)
            records += _read_lines(db, site, after, ranges.get(site, [0, after])[1], packer)
    finally:
        db.conn.execute("COMMIT")
        packer.close()
    part = {
        "name": "changes",
        "encoding": "deflate",
        "length": packer.length,
        "raw_length": packer.raw_length,
        "sha256": packer.digest.hexdigest(),
        "records": records,
    }
    return part, counts, ranges


def _read_lines(db: Database, site: str, after: int, last: int, packer: _Packer) -> int:
    """Queue one site's records ``after`` < seq <= ``last`` as NDJSON blocks, in order; returns how many.

    SQLite formats and joins each block itself (``group_concat``, handed over as bytes), so the GIL is
    free while it works: two reader threads, each with its own connection, read alternate blocks while
    the packer thread compresses. A site's sequence numbers are dense, and records up to ``last`` never
    change, so every connection reads the same records as the snapshot that counted them.
    """
    spans = [(low, min(low + FETCH, last)) for low in range(after, last, FETCH)]
    records = 0
    with _Readers(db, site) as readers:
        for count, block in readers.blocks(spans):
            if count:
                packer.put(block)
                records += count
    return records


class _Readers:
    """Reader threads with a connection each, fetching blocks of NDJSON lines ahead in order."""

    SQL = (
        "SELECT count(*), CAST(group_concat(line, char(10)) || char(10) AS BLOB) FROM "
        f"(SELECT {LINE_SQL} AS line FROM change_log WHERE site = ? AND seq > ? AND seq <= ? ORDER BY seq)"
    )

    def __init__(self, db: Database, site: str) -> None:
        self.path, self.site = db.path, site
        self.local = threading.local()
        self.connections: list[sqlite3.Connection] = []
        self.lock = threading.Lock()
        self.pool = ThreadPoolExecutor(max_workers=READERS, thread_name_prefix="bundle-read")

    def __enter__(self) -> _Readers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        for conn in self.connections:
            conn.close()

    def blocks(self, spans: list[tuple[int, int]]) -> Iterator[tuple[int, bytes]]:
        """(record count, NDJSON bytes) of each span, in order, at most ``AHEAD`` blocks read ahead."""
        pending: deque[Future] = deque()
        for span in spans:
            pending.append(self.pool.submit(self._fetch, span))
            if len(pending) >= AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def _fetch(self, span: tuple[int, int]) -> tuple[int, bytes]:
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = sqlite3.connect(self.path, check_same_thread=False)
            with self.lock:
                self.connections.append(conn)
        return conn.execute(self.SQL, (self.site, *span)).fetchone()


class _Packer(threading.Thread):
    """Hashes and deflates blocks of NDJSON into the spool file, off the main thread."""

    def __init__(self, spool) -> None:  # noqa: ANN001
        super().__init__(daemon=True)
        self.spool = spool
        self.queue: queue.Queue[bytes | None] = queue.Queue(maxsize=4)
        self.digest = hashlib.sha256()
        self.length = self.raw_length = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        deflate = zlib.compressobj(1)
        while (data := self.queue.get()) is not None:
            if self.error is not None:
                continue  # keep draining so that the producer never blocks
            try:
                self.digest.update(data)
                self.raw_length += len(data)
                packed = deflate.compress(data)
                self.spool.write(packed)
                self.length += len(packed)
            except BaseException as error:  # noqa: BLE001 - handed to the producer in close()
                self.error = error
        if self.error is None:
            tail = deflate.flush()
            self.spool.write(tail)
            self.length += len(tail)

    def put(self, data: bytes) -> None:
        """Queue one block."""
        self.queue.put(data)

    def close(self) -> None:
        """Finish; raises what went wrong in the thread."""
        self.queue.put(None)
        self.join()
        if self.error is not None:
            raise self.error


def _payload(prefix: bytes, spool) -> Iterator[bytes]:  # noqa: ANN001
    yield prefix
    while piece := spool.read(1 << 20):
        yield piece


def _record(db: Database, body: dict, peer: Peer, target: Path, digest: str, counter: int) -> None:
    with db._plain_transaction():  # noqa: SLF001 - local bookkeeping
        db.conn.execute("UPDATE sync_peers SET exports = ? WHERE site_id = ?", (counter, peer.site_id))
        db.conn.execute(
            "INSERT INTO sync_exports(bundle_id, peer, kind, created, file_name, records, sha256) "
            "VALUES (?, ?, ?, datetime('now', 'localtime'), ?, ?, ?)",
            (body["bundle_id"], peer.site_id, body["kind"], target.name, body["records"], digest),
        )
