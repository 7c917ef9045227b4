"""A database restored from an older backup (or copied) that is about to reuse its own sequence numbers.

Every site numbers its change records 1, 2, 3 … . A database put back to an
older state numbers its next edits again from where the backup stopped, so
the peer that already holds the lost records takes its acknowledgement of
the old records as covering the new ones (nothing is sent), or refuses every
later bundle as a "site fork". This is caught on the restored side, before
anything is lost:

- the peer acknowledges more of our records than this database holds, or
- the peer acknowledges more of our records than this database ever sent
  (``SENT_KEY``, a local setting noted by every export and restored together
  with the database, so a restored or copied file still remembers what *it*
  sent).

Then importing and exporting stop with ``RestoredDatabaseError``, which says
what is missing, which of our edits were never sent, and the way out (see
the help, 从备份恢复).
"""

from __future__ import annotations

import json

from models.db import Database
from models.errors import JiandangError
from models.sync_refusals import RESTORED, refusals

SENT_KEY = "sync_sent_own_seq"  # the highest of our own records any bundle of this database carried
_LIST = 8  # households named in the message


class RestoredDatabaseError(JiandangError):
    """This database went back to an older state: the peer holds our records it does not (or holds others)."""


def own_top(db: Database) -> int:
    """The highest sequence number of this site's own change records (they are dense from 1)."""
    return db.conn.execute("SELECT coalesce(max(seq), 0) FROM change_log WHERE site = ?", (db.site_id,)).fetchone()[0]


def sent_mark(db: Database) -> int | None:
    """The highest own record this database ever exported, or None when not noted (before this check existed)."""
    value = db.setting(SENT_KEY)
    return int(value) if value.isdigit() else None


def guard_export(db: Database) -> None:
    """Before an export: refuse when a peer already holds own records this database lacks; else note the export.

    The note is written before the bundle, so a failed export only makes it larger than what was sent (the
    check is then less strict, never wrong).
    """
    own = _own(db)
    if own is None:
        return
    _found_at_import(db)
    for name, role, acked in _stored_acks(db):
        _check(db, acked, name, role, own, "export")
    top = own_top(db)
    if (sent_mark(db) or 0) < top:
        db.set_setting(SENT_KEY, str(top))


def guard_import(db: Database, sender: str, acks: dict[str, int]) -> None:
    """Before an import: refuse when the sender acknowledges own records this database lacks or never sent."""
    own = _own(db)
    if own is None:
        return
    row = db.conn.execute("SELECT name, role FROM sync_peers WHERE site_id = ?", (sender,)).fetchone()
    if row is not None:
        _check(db, acks.get(db.site_id, 0), row[0], row[1], own, "import")


def unsent_households(db: Database, after: int, lang: str = "zh") -> list[str]:
    """The households touched by own records after ``after`` (never sent from this database), as people know them."""
    from models.sync_resolve import describe_record

    scopes = db.conn.execute(
        "SELECT scope FROM change_log WHERE site = ? AND seq > ? AND scope IN (SELECT pk FROM change_log "
        "INDEXED BY change_log_row WHERE tbl = 'households') GROUP BY scope ORDER BY min(seq)",
        (db.site_id, after),
    ).fetchall()
    return [describe_record(db, "households", s, s, lang) for (s,) in scopes]


def _found_at_import(db: Database) -> None:
    """An import already found this database restored: exporting stays stopped until that is resolved."""
    for refusal in refusals(db).values():
        if refusal.kind == RESTORED:
            raise RestoredDatabaseError(
                f"没有写出数据包：{refusal.when} 导入“{refusal.file}”时已发现——{refusal.message_zh}",
                f"No bundle was written: importing '{refusal.file}' on {refusal.when} found: {refusal.message_en}",
            )


def _own(db: Database) -> tuple[str, str] | None:
    row = db.conn.execute("SELECT role, name FROM sync_keys WHERE id = 1").fetchone()
    return (row[0], row[1]) if row else None


def _stored_acks(db: Database) -> list[tuple[str, str, int]]:
    rows = db.conn.execute("SELECT name, role, acks FROM sync_peers WHERE revoked IS NULL ORDER BY name").fetchall()
    return [(name, role, json.loads(acks).get(db.site_id, 0)) for name, role, acks in rows]


def _check(db: Database, acked: int, peer_name: str, peer_role: str, own: tuple[str, str], action: str) -> None:
    top, sent = own_top(db), sent_mark(db)
    base = top if sent is None else min(top, sent)
    if acked <= base:
        return
    raise RestoredDatabaseError(*_explain(db, acked, base, top, peer_name, peer_role, own, action))


def _explain(
    db: Database, acked: int, base: int, top: int, peer: str, peer_role: str, own: tuple[str, str], action: str
) -> tuple[str, str]:
    role, name = own
    stopped_zh = "导入已停止，没有导入任何内容" if action == "import" else "导出已停止，没有写出数据包"
    stopped_en = "Nothing was imported" if action == "import" else "No bundle was written"
    peer_zh = f"乡镇“{peer}”" if peer_role == "township" else f"村里的电脑“{peer}”"
    peer_en = f"the township '{peer}'" if peer_role == "township" else f"the laptop '{peer}'"
    lacking = f"第 {base + 1} 条" if acked == base + 1 else f"第 {base + 1}–{acked} 条"
    lacking_en = f"record {base + 1}" if acked == base + 1 else f"records {base + 1}–{acked}"
    zh = (
        f"本数据库是从旧备份恢复的，或是从别处复制来的：{peer_zh}已有本机（{name}）的修改记录 1–{acked}，"
        f"其中{lacking}（共 {acked - base} 条）本数据库没有，或本数据库里同一编号的是另一条修改。"
        f"继续同步会让这些记录对不上、数据丢失，所以{stopped_zh}。"
    )
    en = (
        f"This database was restored from an older backup or copied from elsewhere: {peer_en} holds this "
        f"installation's ({name}) change records 1–{acked}, and {lacking_en} ({acked - base}) are not in this "
        f"database, or this database has other edits under the same numbers. Syncing on would lose data. {stopped_en}."
    )
    if top > base:
        places = unsent_households(db, base)
        listed = "、".join(places[:_LIST]) + ("等" if len(places) > _LIST else "")
        listed_en = "; ".join(unsent_households(db, base, "en")[:_LIST])
        zh += f"本数据库另有 {top - base} 条修改从未送出" + (f"（涉及：{listed}）" if listed else "") + "。"
        en += f" {top - base} edits of this database were never sent" + (f" ({listed_en})" if listed_en else "") + "."
    if role == "township":
        return zh + _TOWNSHIP_ZH, en + _TOWNSHIP_EN
    keep_zh, keep_en = (_KEEP_ZH, _KEEP_EN) if top > base else ("", "")
    return zh + _LAPTOP_ZH.format(name=name, keep=keep_zh), en + _LAPTOP_EN.format(name=name, keep=keep_en)


_KEEP_ZH = "保留现在这个数据库文件，照着它重新录入从未送出的修改。"
_KEEP_EN = "Keep this database file to re-enter the edits that were never sent. "


_LAPTOP_ZH = (
    "\n请这样做：① 如果还有更新的数据库（例如恢复时自动另存的“…-before-restore.db”），用“文件 → 从备份恢复”换回它，再"
    "重新导入或导出。② 否则把本机作为新设备重新登记：“文件 → 打开数据库”新建一个数据库，在“同步 → 同步密钥与设备登记”"
    "中创建密钥，把密钥文件交给乡镇；乡镇登记新设备、吊销原来的“{name}”，再给新设备导出数据包；新设备导入后就有乡镇的"
    "全部数据（包括本机以前送到乡镇的修改）。{keep}详见帮助（F1）中的“从备份恢复”。"
)
_LAPTOP_EN = (
    "\nWhat to do: (1) if a newer copy of the database exists (e.g. the '…-before-restore.db' saved by the restore),"
    " put it back with File → Restore from a backup… and import or export again. (2) Otherwise enroll this computer"
    " as a new device: File → Open database…, create a new database, create keys under Sync → Sync keys and device"
    " enrollment… and give the key file to the township; the township enrolls the new device, revokes '{name}' and"
    " exports a bundle for the new device, which then holds all of the township's data (including what this computer"
    " sent before). {keep}See 'Restoring from a backup' in the help (F1)."
)
_TOWNSHIP_ZH = (
    "\n这是乡镇的数据库退回了旧状态：乡镇在备份之后做的修改已发到村里，但乡镇这里没有了；乡镇之后的新修改会与村里电脑"
    "上的记录编号重复（“分叉”），村里电脑将拒收乡镇的数据包。请这样做：如果还有更新的数据库（恢复时自动另存的“…-befor"
    "e-restore.db”或更新的备份），用“文件 → 从备份恢复”换回它，再导入、导出。没有更新的副本时，请不要继续导出、不要重"
    "新创建密钥，请联系技术支持。详见帮助（F1）中的“从备份恢复”。"
)
_TOWNSHIP_EN = (
    "\nThe township's own database went back to an older state: edits the township made after the backup reached the"
    " laptops but are gone here, and its next edits would reuse their numbers (a 'site fork'), so the laptops would"
    " refuse its bundles. What to do: if a newer copy exists (the '…-before-restore.db' saved by the restore, or a"
    " newer backup), put it back with File → Restore from a backup… and import and export again. If there is none,"
    " do not export and do not create new keys: contact technical support. See 'Restoring from a backup' in the help"
    " (F1)."
)
