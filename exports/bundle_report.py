"""Import reports and per-laptop status as text (for the command line, the GUI and printing)."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from exports.bundle_keys import Peer, identity, peers
from exports.bundle_read import ImportReport, skew_warning
from models.db import Database
from models.sync_refusals import Refusal, last_refusal
from models.sync_restored import own_top
from models.sync_state import format_ranges, site_ranges

_T = {
    "zh": {
        "file": "文件",
        "from": "来自",
        "created": "生成时间",
        "records": "记录",
        "counts": "收到 {received} 条：已有 {duplicates}，应用 {applied}，暂存（等待缺失部分）{held}，拒收 {rejected}",
        "rows": "数据行：新增 {rows_new}，修改 {rows_updated}，删除 {rows_deleted}，核对后未变 {rows_unchanged}",
        "conflicts": "冲突：新增 {conflicts_new}，待处理共 {conflicts}",
        "parked": "等待上级记录（孤立）：{parked}",
        "dups": "可能重复登记（同一证件号码在两户）：{possible_duplicates}",
        "missing": "缺少设备 {site} 的记录：{ranges}",
        "peer": "{name}（{role}，{site}）",
        "fp": "  指纹 {fp}",
        "revoked": "  已吊销：{when}",
        "last": "  最近导入：{when}，发送方时钟：{skew}",
        "never": "  还没有导入过数据包",
        "range": "  已收到记录 1–{top}",
        "range0": "  还没有收到记录",
        "gaps": "  缺少：{ranges}",
        "held": "  暂存（缺失部分之后）：{ranges}",
        "self": "本机：{name}（{role}），编号 {site}，指纹 {fp}",
        "nokeys": "本机还没有同步密钥。",
        "pending": "乡镇已确认收到本机记录 1–{acked}，本机共 {own} 条，待导出 {left} 条",
        "pending_none": "乡镇尚未确认收到本机记录，本机共 {own} 条，待导出 {own} 条",
        "pending_all": "乡镇已确认收到本机全部 {own} 条记录，没有待导出的",
        "pending_empty": "本机尚无修改记录，没有待导出的",
        "pending_restored": "乡镇已确认收到本机记录 1–{acked}，但本数据库只有 {own} 条：本数据库可能是从旧备份"
        "恢复或复制来的，请先看帮助（F1）中的“从备份恢复”，不要导出",
        "refused": "  最近被拒收：{when}，{file}：{why}",
        "township": "乡镇",
        "village": "村",
        "nopeers": "还没有登记任何设备。",
    },
    "en": {
        "file": "File",
        "from": "From",
        "created": "Written",
        "records": "Records",
        "counts": "received {received}: already held {duplicates}, applied {applied}, held back (gap) {held}, "
        "rejected {rejected}",
        "rows": "rows: {rows_new} new, {rows_updated} updated, {rows_deleted} deleted, "
        "{rows_unchanged} checked and unchanged",
        "conflicts": "conflicts: {conflicts_new} new, {conflicts} open",
        "parked": "waiting for a parent: {parked}",
        "dups": "possible duplicates (one ID number in two households): {possible_duplicates}",
        "missing": "missing records of device {site}: {ranges}",
        "peer": "{name} ({role}, {site})",
        "fp": "  fingerprint {fp}",
        "revoked": "  revoked: {when}",
        "last": "  last import: {when}, sender's clock: {skew}",
        "never": "  no bundle imported yet",
        "range": "  records 1–{top} received",
        "range0": "  no records received yet",
        "gaps": "  missing: {ranges}",
        "held": "  held back (after a gap): {ranges}",
        "self": "This installation: {name} ({role}), id {site}, fingerprint {fp}",
        "nokeys": "This installation has no sync keys yet.",
        "pending": "the township acknowledged records 1–{acked} of {own}; {left} to export",
        "pending_none": "the township has not acknowledged any of this computer's records yet ({own}); {own} to export",
        "pending_all": "the township acknowledged all of this computer's records ({own}); nothing to export",
        "pending_empty": "this computer has no records yet; nothing to export",
        "pending_restored": "the township acknowledged records 1–{acked}, but this database holds only {own}: it was "
        "probably restored from an older backup or copied; see 'Restoring from a backup' in the help (F1) before "
        "exporting",
        "refused": "  last refused: {when}, {file}: {why}",
        "township": "township",
        "village": "village",
        "nopeers": "No device is enrolled yet.",
    },
}


def format_import(report: ImportReport, lang: str = "zh") -> list[str]:
    """The import report as lines of text."""
    t = _T["en" if lang == "en" else "zh"]
    colon = ": " if lang == "en" else "："
    lines = [f"{t['file']}{colon}{report.file}", report.message(lang)]
    if report.from_name:
        when = datetime.datetime.fromtimestamp(report.created_ms / 1000).strftime("%Y-%m-%d %H:%M")
        site = f" ({report.from_site[:8]}), " if lang == "en" else f"（{report.from_site[:8]}），"
        lines.append(f"{t['from']}{colon}{report.from_name}{site}{t['created']} {when}")
    merge = report.merge
    if merge is not None:
        values = merge.to_dict()
        lines += [t["counts"].format(**values), t["rows"].format(**values), t["conflicts"].format(**values)]
        if merge.parked:
            lines.append(t["parked"].format(**values))
        if merge.possible_duplicates:
            lines.append(t["dups"].format(**values))
        for site, ranges in merge.missing.items():
            lines.append(t["missing"].format(site=site[:8], ranges=format_ranges([tuple(r) for r in ranges])))
    warning = skew_warning(report.skew_ms) if report.from_name else None
    if warning:
        lines.append(warning[1] if lang == "en" else warning[0])
    return lines


@dataclass(frozen=True)
class PeerStatus:
    """What the status screen shows for one enrolled device."""

    peer: Peer
    last_import: str | None
    skew_ms: int | None
    contiguous: int
    missing: list[tuple[int, int]]
    held: list[tuple[int, int]]
    acked_own: int  # (on a laptop, for the township) our records the township acknowledged
    refused: Refusal | None = None  # its last bundle, when it was refused as a fork or a restored database


def peer_status(db: Database) -> list[PeerStatus]:
    """Every enrolled device with what has arrived from it, gaps, held records and clock skew."""
    found = peers(db)
    ranges = site_ranges(db.conn, [p.site_id for p in found])
    result = []
    for peer in found:
        row = db.conn.execute(
            "SELECT last_import, skew_ms, acks FROM sync_peers WHERE site_id = ?", (peer.site_id,)
        ).fetchone()
        span = ranges[peer.site_id]
        acks = json.loads(row[2])
        result.append(
            PeerStatus(
                peer,
                row[0],
                row[1],
                span.contiguous,
                span.missing,
                span.held,
                acks.get(db.site_id, 0),
                last_refusal(db, peer.site_id),
            )
        )
    return result


def format_status(db: Database, lang: str = "zh") -> list[str]:
    """The status of this installation and every enrolled device, as lines of text."""
    t = _T["en" if lang == "en" else "zh"]
    own = identity(db)
    if own is None:
        return [t["nokeys"]]
    lines = [t["self"].format(name=own.name, role=t[own.role], site=own.site_id, fp=own.fingerprint)]
    statuses = peer_status(db)
    if not statuses:
        lines.append(t["nopeers"])
    for s in statuses:
        lines.append(t["peer"].format(name=s.peer.name, role=t[s.peer.role], site=s.peer.site_id[:8]))
        lines.append(t["fp"].format(fp=s.peer.fingerprint))
        if s.peer.revoked:
            lines.append(t["revoked"].format(when=s.peer.revoked))
        if s.last_import:
            lines.append(t["last"].format(when=s.last_import, skew=format_skew(s.skew_ms or 0, lang)))
        else:
            lines.append(t["never"])
        lines.append(t["range"].format(top=s.contiguous) if s.contiguous else t["range0"])
        if s.missing:
            lines.append(t["gaps"].format(ranges=format_ranges(s.missing)))
        if s.held:
            lines.append(t["held"].format(ranges=format_ranges(s.held)))
        if s.refused is not None:
            why = s.refused.message(lang).split("\n")[0]
            lines.append(t["refused"].format(when=s.refused.when, file=s.refused.file, why=why))
        if s.peer.role == "township" and s.peer.revoked is None:
            lines.append("  " + pending_text(db, s.acked_own, lang))
    return lines


def pending_text(db: Database, acked: int, lang: str = "zh") -> str:
    """What of this computer's own records the township acknowledged and what is left to export, in words.

    Never a negative count: an acknowledgement beyond what this database holds means it was restored or copied.
    """
    t = _T["en" if lang == "en" else "zh"]
    own = own_top(db)
    if acked > own:
        return t["pending_restored"].format(acked=acked, own=own)
    if own == 0:
        return t["pending_empty"]
    if acked == 0:
        return t["pending_none"].format(own=own)
    if acked == own:
        return t["pending_all"].format(own=own)
    return t["pending"].format(acked=acked, own=own, left=own - acked)


def format_skew(skew_ms: int, lang: str = "zh") -> str:
    """What a bundle's date says about its sender's clock.

    ``skew_ms`` is the bundle's creation time minus the time it was imported. A bundle dated after its
    import shows the sender's clock is ahead by at least that much; one dated before shows nothing about
    the clock (the stick takes hours or days to travel), only how old the bundle was.
    """
    amount = _duration(abs(skew_ms), lang)
    if skew_ms > 60_000:
        return f"at least {amount} ahead" if lang == "en" else f"快了至少 {amount}"
    if lang == "en":
        return f"not ahead (the bundle was {amount} old)"
    return f"未见偏快（数据包写出{' ' if amount[0].isdigit() else ''}{amount}后导入）"


def _duration(ms: int, lang: str) -> str:
    seconds = ms / 1000
    if seconds < 60:
        return "< 1 min" if lang == "en" else "不到 1 分钟"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min" if lang == "en" else f"{seconds / 60:.0f} 分钟"
    if seconds < 86400 * 2:
        return f"{seconds / 3600:.0f} h" if lang == "en" else f"{seconds / 3600:.0f} 小时"
    return f"{seconds / 86400:.0f} days" if lang == "en" else f"{seconds / 86400:.0f} 天"
