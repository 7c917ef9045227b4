"""A bundle this installation wrote itself, chosen for import by mistake (an easy slip on a shared stick)."""

from __future__ import annotations

from pathlib import Path

from exports.bundle_keys import TOWNSHIP, find_peer, peers
from models.db import Database
from models.errors import JiandangError


class OwnBundleError(JiandangError):
    """The bundle was written here: it belongs on the addressee's computer."""


def own_bundle(db: Database, digest: str | None, path: Path) -> None:
    """Refuse a bundle this installation wrote itself (by its hash, or else by its name), saying where it goes."""
    written = _written_for(db, digest, path)
    if written is None:
        return
    found = find_peer(db, written) if written else None
    if found is not None and found.role == TOWNSHIP:
        raise _own(
            f"这是本机导出的数据包（发给乡镇“{found.name}”），请拿到乡镇导入",
            f"this is a bundle this computer wrote (for the township '{found.name}'): import it at the township",
        )
    where_zh, where_en = (f"“{found.name}”", f"'{found.name}'") if found else ("收件的电脑", "the addressee")
    raise _own(
        f"这是本机导出的数据包（发给{where_zh}），请拿到{where_zh}上导入",
        f"this is a bundle this computer wrote (for {where_en}): import it on {where_en}",
    )


def _written_for(db: Database, digest: str | None, path: Path) -> str | None:
    """The addressee's site id ('' when unknown) if this installation wrote the file, else None."""
    if digest is not None:
        row = db.conn.execute("SELECT peer FROM sync_exports WHERE sha256 = ?", (digest,)).fetchone()
        return row[0] if row else None
    short = db.site_id[:8] + "-"
    if not path.name.startswith(short):  # our names: <us>-0003.jdb, <us>-to-<them>-0003.jdb (bundle_write)
        return None
    rest = path.name[len(short) :]
    if rest.startswith("to-"):
        peer = find_peer(db, rest[3:11])
    else:
        peer = next((p for p in peers(db) if p.role == TOWNSHIP and p.revoked is None), None)
    return peer.site_id if peer is not None else ""


def _own(zh: str, en: str) -> OwnBundleError:
    return OwnBundleError(f"数据包没有导入：{zh}。", f"The bundle was not imported: {en}.")
