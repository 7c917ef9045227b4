"""0004: sync bundles — keys, enrolled peers, imports, held records, conflicts, parked rows.

Every table here is local to one installation and never synced itself:
- ``sync_keys``: this installation's key pair (the private keys encrypted with
  a passphrase) and its role (township or village laptop);
- ``sync_peers``: enrolled peers (laptops at the township, the township on a
  laptop) with their public keys, revocation, and what they acknowledged;
- ``sync_imports``: every bundle file imported (by SHA-256) with its report;
- ``sync_exports``: every bundle written;
- ``sync_held``: change records that arrived beyond a gap in their site's
  sequence, applied when the gap is filled;
- ``sync_conflicts``: the open conflicts (a function of the change records
  held, identical on every replica that holds the same records);
- ``sync_parked``: rows whose parent row is missing or deleted (orphans);
- an index to find every change record of one row.
"""

from __future__ import annotations

from sqlite_utils import Database

from models.migrations.m0001_initial import _statements

NAME = "0004_sync"

DDL = """
CREATE INDEX change_log_row ON change_log(tbl, pk);

CREATE TABLE sync_keys (           -- this installation's keys; private keys encrypted (scrypt)
    id INTEGER PRIMARY KEY CHECK (id = 1),
    role TEXT NOT NULL,            -- township / village
    name TEXT NOT NULL,
    sign_public TEXT NOT NULL,     -- Ed25519, base64
    enc_public TEXT NOT NULL,      -- X25519, base64
    secret TEXT NOT NULL,          -- JSON: scrypt parameters, salt, nonce, ciphertext
    created TEXT NOT NULL
);

CREATE TABLE sync_peers (          -- enrolled laptops (at the township) or the township (on a laptop)
    site_id TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    sign_public TEXT NOT NULL,
    enc_public TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    enrolled TEXT NOT NULL,
    revoked TEXT,
    acks TEXT NOT NULL DEFAULT '{}',   -- JSON {site: seq} the peer acknowledged holding
    last_bundle TEXT,
    last_import TEXT,
    skew_ms INTEGER,
    exports INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE sync_imports (        -- bundle files imported, by content hash
    file_sha256 TEXT PRIMARY KEY,
    bundle_id TEXT NOT NULL,
    from_site TEXT NOT NULL,
    kind TEXT NOT NULL,
    imported TEXT NOT NULL,
    file_name TEXT NOT NULL,
    report TEXT NOT NULL           -- JSON
);
CREATE INDEX sync_imports_bundle ON sync_imports(bundle_id);

CREATE TABLE sync_exports (        -- bundle files written
    bundle_id TEXT PRIMARY KEY,
    peer TEXT NOT NULL,
    kind TEXT NOT NULL,
    created TEXT NOT NULL,
    file_name TEXT NOT NULL,
    records INTEGER NOT NULL,
    sha256 TEXT NOT NULL
);

CREATE TABLE sync_held (           -- records beyond a gap in their site's sequence
    site TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hlc INTEGER NOT NULL,
    user TEXT NOT NULL,
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    scope TEXT NOT NULL,
    op TEXT NOT NULL,
    cl INTEGER NOT NULL,
    vals TEXT NOT NULL,
    old TEXT,
    prev TEXT,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (site, seq)
) WITHOUT ROWID;

CREATE TABLE sync_conflicts (      -- open conflicts: the losing write of one field (or row)
    kind TEXT NOT NULL,            -- field / deleted / tamper
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    col TEXT NOT NULL,
    scope TEXT NOT NULL,
    loser_prio INTEGER NOT NULL,
    loser_hlc INTEGER NOT NULL,
    loser_site TEXT NOT NULL,
    loser_seq INTEGER NOT NULL,
    loser_user TEXT NOT NULL,
    loser_value TEXT,              -- JSON
    PRIMARY KEY (tbl, pk, col, kind, loser_site, loser_hlc)
) WITHOUT ROWID;
CREATE INDEX sync_conflicts_scope ON sync_conflicts(scope);

CREATE TABLE sync_parked (         -- rows waiting for (or orphaned by) a parent row
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    scope TEXT NOT NULL,
    parent_tbl TEXT NOT NULL,
    parent_key TEXT NOT NULL,
    parent_deleted INTEGER NOT NULL,
    PRIMARY KEY (tbl, pk)
) WITHOUT ROWID;
"""


def migrate(db: Database) -> None:
    """Create the sync tables and the change-log row index."""
    for statement in _statements(DDL):
        db.execute(statement)
