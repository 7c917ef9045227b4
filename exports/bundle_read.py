"""Importing bundles: every check before any record is applied, then one transaction.

For each file: the header is read strictly straight from the stick (so a
random or absurd file is refused at once), the file is copied into the local
quarantine while hashing (a known hash is "already imported on …"), the
payload is decrypted with our key, the manifest's signature is verified with
the sender's enrolled, unrevoked key, and the addressee, kind and schema
version are checked. Then a backup is taken (no room for it: the file is refused) and, in ONE ``BEGIN IMMEDIATE``
transaction, the records are parsed, validated and merged batch by batch;
part lengths, hashes and counts and the manifest's counts are compared at
the end. Any failure — a bad record, a crash, a full disk — rolls the whole
import back; retrying is safe.

A preview (dry run) runs the very same steps but the backup (it checks the room for it), all files in
one transaction that is rolled back at the end (``bundle_preview``).
"""

from __future__ import annotations

import datetime
import json
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from exports.bundle_format import BundleFormatError, key_id, open_chunks, open_payload, raw_public, read_header
from exports.bundle_io import quarantine_copy, reading_error
from exports.bundle_keys import TOWNSHIP, PrivateKeys, find_peer
from exports.bundle_manifest import CHANGES, RETURN, Manifest, PlainStream, read_manifest
from exports.bundle_outcome import ImportReport as ImportReport  # re-exported: callers import it here
from exports.bundle_outcome import outcome
from exports.bundle_outcome import skew_warning as skew_warning
from exports.bundle_own import own_bundle
from exports.bundle_parts import record_batches
from models import migrations
from models.clock import wall_ms
from models.db import Database
from models.errors import JiandangError
from models.sync_merge import ClockAheadError, Merger, MergeReport, merge_transaction
from models.sync_records import SyncSchema
from models.sync_refusals import FORK, RESTORED, clear_refusal, note_refusal
from models.sync_restored import RestoredDatabaseError, guard_import
from models.sync_sequence import SiteForkError

if TYPE_CHECKING:
    from exports.bundle_preview import Preview


class BundleRefused(JiandangError):
    """The bundle is authentic-looking but may not be imported here (sender, addressee, kind, version)."""


def import_bundles(
    db: Database,
    keys: PrivateKeys,
    paths: list[Path],
    dry_run: bool = False,
    accept_skew: bool = False,
    backup: bool = True,
) -> list[ImportReport]:
    """Import several files, each on its own (one refused file does not stop the others).

    With ``dry_run`` nothing is imported: the files are previewed together, in this order, each as it would be
    imported after the ones before it (``bundle_preview``), and the database is left exactly as it was.
    """
    if dry_run:
        from exports.bundle_preview import preview_bundles

        return preview_bundles(db, keys, paths, accept_skew, backup)
    return [import_or_refuse(db, keys, path, accept_skew=accept_skew, backup=backup) for path in paths]


def import_or_refuse(
    db: Database,
    keys: PrivateKeys,
    path: Path,
    accept_skew: bool = False,
    backup: bool = True,
    preview: Preview | None = None,
) -> ImportReport:
    """Import (or, inside a ``preview``, try out) one file; a refusal becomes a report instead of an exception."""
    try:
        return _import(db, keys, path, accept_skew, backup, preview)
    except JiandangError as error:
        status = "held" if isinstance(error, ClockAheadError) else "refused"
        return ImportReport(str(path), status, error.message_zh, error.message_en)


def import_bundle(
    db: Database, keys: PrivateKeys, path: Path, dry_run: bool = False, accept_skew: bool = False, backup: bool = True
) -> ImportReport:
    """Import one bundle file; raises JiandangError with the reason when it is refused.

    With ``dry_run`` it is only tried out, in a transaction that is rolled back (``bundle_preview``).
    """
    if dry_run:
        from exports.bundle_preview import preview_transaction

        with preview_transaction(db) as preview:
            return _import(db, keys, path, accept_skew, False, preview)
    return _import(db, keys, path, accept_skew, backup, None)


def _import(
    db: Database, keys: PrivateKeys, path: Path, accept_skew: bool, backup: bool, preview: Preview | None
) -> ImportReport:
    try:
        with open(path, "rb") as handle:
            read_header(handle)  # cheap refusal of anything that is not a bundle, before copying it
    except OSError as error:
        raise reading_error(error, path) from error
    copied = preview.copied(path) if preview is not None else None
    copy, digest = copied if copied is not None else quarantine_copy(path)
    report = ImportReport(str(path), "imported", sha256=digest)
    done = db.conn.execute("SELECT imported FROM sync_imports WHERE file_sha256 = ?", (digest,)).fetchone()
    if done is not None:
        report.status = "already"
        report.message_zh = f"这个数据包已在 {done[0]} 导入过，没有任何改动。"
        report.message_en = f"This bundle was already imported on {done[0]}; nothing changed."
        if preview is not None:
            preview.already(report)
        return report
    own_bundle(db, digest, path)
    with open(copy, "rb") as handle:
        header = read_header(handle)
        try:
            cipher = open_payload(header, keys.enc)
        except BundleFormatError:
            own_bundle(db, None, path)  # a restored database may not remember writing it: its name tells
            raise
        stream = PlainStream(open_chunks(handle, header, cipher))
        manifest, signature = read_manifest(stream)
        _verify(db, keys, manifest, signature, report)
        site = manifest.body["from_site"]
        try:
            guard_import(db, site, manifest.body["acks"])
            if backup:
                _backup_first(db, check_only=preview is not None)
            _apply(db, manifest, stream, report, preview is not None, accept_skew)
        except (SiteForkError, RestoredDatabaseError) as error:
            kind = RESTORED if isinstance(error, RestoredDatabaseError) else FORK
            if preview is None:
                note_refusal(db, site, report.file, error, kind)  # the status screen shows it
            else:
                preview.refused(site, report.file, error, kind)
            raise
    if preview is not None:
        preview.imported(site, digest)
    return report


def _backup_first(db: Database, check_only: bool) -> None:
    """The backup SYNC.md takes before an import (a preview only checks there is room for it)."""
    from models.backup import automatic_backup
    from models.backup_space import RESERVE, BackupSpaceError, format_size

    try:
        automatic_backup(db.path, check_only=check_only)
    except BackupSpaceError as error:
        need, keep, free = format_size(error.needed), format_size(RESERVE), format_size(error.free)
        raise _refused(
            f"导入前要先自动备份数据库（约 {need}，备份后还要留出 {keep}），但磁盘只剩 {free}。请清理磁盘后再导入"
            "（命令行：已另外备份时可加 --no-backup）",
            f"an import first backs the database up (about {need}, leaving {keep} free), but only {free} is free. "
            "Free some disk space and import again (command line: --no-backup if you made a backup elsewhere)",
        ) from error


def _verify(db: Database, keys: PrivateKeys, manifest: Manifest, signature: bytes, report: ImportReport) -> None:
    """Sender enrolled and not revoked, signature valid, addressed to us, the right kind, a schema we know."""
    body = manifest.body
    sender = find_peer(db, body["from_site"])
    if sender is None or sender.site_id != body["from_site"]:
        raise _refused("数据包的发送方没有在本机登记，不能导入", "its sender is not enrolled here")
    try:
        Ed25519PublicKey.from_public_bytes(sender.sign_public).verify(signature, manifest.raw)
    except (InvalidSignature, ValueError) as error:
        raise _refused(
            "签名无效（不是登记的设备签发的，或被改动过）", "its signature is invalid (forged or altered)"
        ) from error
    if sender.revoked is not None:
        raise _refused(f"发送方 {sender.name} 已在 {sender.revoked} 被吊销", f"its sender {sender.name} was revoked")
    if body["to_site"] != db.site_id or body["to_key"] != key_id(raw_public(keys.enc.public_key())):
        raise _refused("数据包是发给另一台设备的", "it is addressed to another installation")
    expected = CHANGES if keys.identity.role == TOWNSHIP else RETURN
    if body["kind"] != expected:
        raise _refused(
            "数据包类型不对（乡镇只导入村里的数据包，村里只导入乡镇的回执包）",
            "it is the wrong kind (a township imports laptops' bundles, a laptop the township's)",
        )
    if body["schema"] > migrations.SCHEMA_VERSION:
        raise _refused(
            "数据包由更新版本的建档程序生成，请先升级本机程序", "it was written by a newer Jiandang: upgrade first"
        )
    report.bundle_id, report.kind, report.from_site, report.from_name = (
        body["bundle_id"],
        body["kind"],
        body["from_site"],
        sender.name,
    )
    report.created_ms = body["created_ms"]
    report.skew_ms = body["created_ms"] - wall_ms()


def _apply(
    db: Database, manifest: Manifest, stream: PlainStream, report: ImportReport, dry_run: bool, accept_skew: bool
) -> None:
    """Merge the file in its own transaction (in a preview: a savepoint of the preview's transaction)."""
    if dry_run and not db.conn.in_transaction:  # the preview's transaction ended (e.g. a full disk): never commit
        raise JiandangError(
            "预览已中断（前面出错），没有检查这个文件。", "The preview was interrupted by an error; not checked."
        )
    started = time.perf_counter()
    try:
        with merge_transaction(db):
            merger = Merger(db, accept_skew)
            schema = SyncSchema.load(db.conn)
            ranges: dict[str, list[int]] = {}
            for part in manifest.parts:
                _merge_part(merger, schema, stream, part, manifest, ranges)
            stream.expect_end()
            _compare_counts(manifest, merger.report, ranges)
            read = time.perf_counter() - started - merger.report.seconds.get("merge", 0.0)
            report.merge = merger.finish()
            report.merge.seconds["read"] = round(read, 3)  # decrypt, inflate, parse and check
            report.counts = dict(manifest.body["counts"])
            outcome(report, dry_run)
            _remember(db, manifest, report)  # in a preview too: the files after it see it imported
            committing = time.perf_counter()
        report.merge.seconds["commit"] = round(time.perf_counter() - committing, 3)
    except sqlite3.OperationalError as error:
        if "full" not in str(error):
            raise
        raise JiandangError(
            "磁盘已满，导入已撤销，数据库保持原样。请腾出空间后重新导入。",
            "The disk is full: the import was rolled back and the database is unchanged. Free some space and "
            "import again.",
        ) from error


def _merge_part(
    merger: Merger, schema: SyncSchema, stream: PlainStream, part: Any, manifest: Manifest, ranges: dict[str, list[int]]
) -> None:
    sender = manifest.body["from_site"] if manifest.body["kind"] == CHANGES else None  # a laptop speaks for itself
    for batch, parsed in record_batches(stream, part, schema, sender, ranges):
        merger.add(batch, parsed)


def _compare_counts(manifest: Manifest, merged: MergeReport, ranges: dict[str, list[int]]) -> None:
    body = manifest.body
    if merged.received != body["records"] or merged.per_table != body["counts"] or ranges != body["ranges"]:
        raise _refused("记录数或序号范围与清单不符", "the record counts or sequence ranges differ from the manifest")


def _remember(db: Database, manifest: Manifest, report: ImportReport) -> None:
    """The sender's acknowledgements, last bundle and clock skew; the import itself (same transaction)."""
    body = manifest.body
    row = db.conn.execute("SELECT acks FROM sync_peers WHERE site_id = ?", (body["from_site"],)).fetchone()
    acks = json.loads(row[0])
    if body["clock"] >= acks.get("_clock", 0):  # the newest bundle's view wins, even if it went back (a restore)
        acks = {**body["acks"], "_clock": body["clock"]}
    now = datetime.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    db.conn.execute(
        "UPDATE sync_peers SET acks = ?, last_bundle = ?, last_import = ?, skew_ms = ? WHERE site_id = ?",
        (json.dumps(acks, sort_keys=True), body["bundle_id"], now, report.skew_ms, body["from_site"]),
    )
    clear_refusal(db.conn, body["from_site"])
    db.conn.execute(
        "INSERT INTO sync_imports(file_sha256, bundle_id, from_site, kind, imported, file_name, report) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            report.sha256,
            body["bundle_id"],
            body["from_site"],
            body["kind"],
            now,
            Path(report.file).name,
            json.dumps(report.to_dict(), ensure_ascii=False),
        ),
    )


def _refused(zh: str, en: str) -> BundleRefused:
    return BundleRefused(
        f"数据包被拒收：{zh}。没有导入任何内容。", f"The bundle was refused: {en}. Nothing was imported."
    )
