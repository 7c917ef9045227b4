"""The clock check of an import: a sending device's own new records dated far ahead hold the bundle.

A record dated more than 24 h after this computer's clock would win every merge of its fields until real
time catches up, so the bundle is held (``ClockAheadError``, naming the device) for the receiving user to
accept or not. Only the sending device's own new records are judged: records of other devices that the
township passes on were judged, and accepted if need be, where they first arrived.

A device's clock is persisted and never goes back, so setting the sender's clock right does not lower the
dates of its next records. Once records of a device were accepted here, its later records are therefore
compared with the newest accepted one (while that is still more than 24 h ahead) instead of this
computer's clock: a device whose clock was set right is held once, not over and over, while one whose
clock keeps running ahead is held again when it gets 24 h beyond what was accepted. Records applied with
dates ahead are reported (``warnings``): until real time catches up, they win over later edits.
"""

from __future__ import annotations

import datetime
import sqlite3

from models.clock import MAX_FUTURE_MS, unpack
from models.errors import JiandangError
from models.sync_records import HLC, SITE, Log

DAY_MS = 86_400_000


class ClockAheadError(JiandangError):
    """A sending device's records are dated more than 24 hours after this computer's clock."""


class ClockCheck:
    """Judges the new records of one import against this computer's clock and what was accepted before."""

    def __init__(self, conn: sqlite3.Connection, local_site: str, township: str | None, now_ms: int) -> None:
        self.conn, self.now_ms = conn, now_ms
        # the sender: at the township every record is the sending laptop's own (checked when parsed); on a
        # laptop the sender is its township, and records of other sites are ones the township passed on
        self.sender = None if township is None or township == local_site else township
        self.accepted: dict[str, int] = {}
        self.ahead: dict[str, int] = {}  # site -> newest applied clock (ms) more than 24 h ahead

    def judge(self, new: list[Log], accept: bool) -> None:
        """Raise ClockAheadError when the sender's own ``new`` records are too far ahead (unless ``accept``)."""
        newest: dict[str, int] = {}
        for log in new:
            if self.sender is None or log[SITE] == self.sender:
                newest[log[SITE]] = max(newest.get(log[SITE], 0), unpack(log[HLC])[0])
        for site, stamp in sorted(newest.items()):
            if stamp > self.now_ms + MAX_FUTURE_MS and stamp > self._accepted(site) + MAX_FUTURE_MS and not accept:
                raise self._held(site, stamp)

    def note(self, applied: list[Log]) -> None:
        """Remember applied records dated more than 24 h ahead, for ``warnings``."""
        limit = self.now_ms + MAX_FUTURE_MS
        for log in applied:
            stamp = unpack(log[HLC])[0]
            if stamp > limit and stamp > self.ahead.get(log[SITE], 0):
                self.ahead[log[SITE]] = stamp

    def warnings(self) -> list[list[str]]:
        """[zh, en] per device whose records applied now are dated ahead: they win until real time catches up."""
        found = []
        for site, stamp in sorted(self.ahead.items()):
            zh, en = self._name(site)
            until = _when(stamp)
            found.append(
                [
                    f"注意：{zh} 的修改时间比本机时钟超前（最晚到 {until}）。在 {until} 之前，这些值会胜过之后"
                    "对同一项的修改（被压下的值进入“冲突处理”，可以在那里改用）。",
                    f"Note: the changes of {en} are dated ahead of this computer's clock (up to {until}). Until then "
                    "they win over later edits of the same fields (the values they beat go to the conflict desk, "
                    "where they can be chosen instead).",
                ]
            )
        return found

    def _accepted(self, site: str) -> int:
        """The newest clock (ms) of ``site`` already here, when it is still more than 24 h ahead (else 0)."""
        if site not in self.accepted:
            row = self.conn.execute("SELECT max(hlc) FROM change_log WHERE site = ?", (site,)).fetchone()
            stamp = unpack(row[0])[0] if row and row[0] else 0
            self.accepted[site] = stamp if stamp > self.now_ms + MAX_FUTURE_MS else 0
        return self.accepted[site]

    def _name(self, site: str) -> tuple[str, str]:
        row = self.conn.execute("SELECT name, role FROM sync_peers WHERE site_id = ?", (site,)).fetchone()
        if row is None:
            return f"另一台电脑 {site[:8]}", f"another computer (device id {site[:8]})"  # passed on
        if row[1] == "township":
            return f"乡镇 {row[0]}", f"the township {row[0]}"
        return row[0], row[0]

    def _held(self, site: str, stamp: int) -> ClockAheadError:
        zh, en = self._name(site)
        days = (stamp - self.now_ms) / DAY_MS
        until, today = _when(stamp), _when(self.now_ms)
        return ClockAheadError(
            f"{zh} 的电脑时钟快了约 {days:.0f} 天：数据包里它的修改时间到了 {until}，本机时间是 {today}。"
            f"数据包已保留，没有导入。请把 {zh} 的日期时间调正；但它已经记下的修改时间不会倒退，所以调正之后它的数据包"
            f"仍会被暂缓，直到在本机确认导入一次（导入时勾选“确认导入时钟超前的数据包”，命令行加 --accept-clock），"
            f"或真实时间到了 {until}。确认导入后，在 {until} 之前，它的这些修改会胜过之后对同一项的修改"
            "（被压下的值进入“冲突处理”）。",
            f"The clock of {en} is about {days:.0f} days ahead: its changes in the bundle are dated up to {until}, "
            f"while this computer's time is {today}. The bundle was kept but not imported. Set the date and time "
            f"of {en} right; its clock never goes back, though, so its bundles stay held even then until they are "
            f"accepted once on this computer (tick “Import this bundle even though its clock is ahead”, or "
            f"--accept-clock), or real time reaches {until}. Once accepted, these changes win over later edits of "
            f"the same fields until {until} (the values they beat go to the conflict desk).",
        )


def _when(ms: int) -> str:
    return datetime.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M")
