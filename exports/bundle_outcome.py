"""What one import (or its preview) did: the report, its one-sentence outcome, the sender's clock skew."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from models.sync_merge import MergeReport

DAY_MS = 86_400_000


def count_en(count: int, noun: str) -> str:
    """An English count with the noun in the right number: "1 record", "0 records", "2 conflicts"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


@dataclass
class ImportReport:
    """The outcome of importing one file."""

    file: str
    status: str  # imported / dry-run / already / refused / held (clock far ahead: the clerk may accept it)
    message_zh: str = ""
    message_en: str = ""
    sha256: str = ""
    bundle_id: str = ""
    kind: str = ""
    from_site: str = ""
    from_name: str = ""
    created_ms: int = 0
    skew_ms: int = 0
    merge: MergeReport | None = None
    counts: dict[str, int] = field(default_factory=dict)

    def message(self, lang: str = "zh") -> str:
        """The outcome in one sentence."""
        return self.message_en if lang == "en" else self.message_zh

    def to_dict(self) -> dict[str, Any]:
        """Plain data (stored with the import, printed by ``--json``)."""
        data = {k: v for k, v in self.__dict__.items() if k != "merge"}
        data["merge"] = self.merge.to_dict() if self.merge else None
        return data


def outcome(report: ImportReport, dry_run: bool) -> None:
    """Set the status and the one-sentence outcome of a merged file (``dry_run``: what it would do)."""
    merge = report.merge
    assert merge is not None
    report.status = "dry-run" if dry_run else "imported"
    verb_zh, verb_en = ("将导入", "would import") if dry_run else ("已导入", "imported")
    held_zh = f"（其中 {merge.duplicates} 条记录本机已有）" if merge.duplicates else ""
    were = "was" if merge.duplicates == 1 else "were"
    held_en = f" ({count_en(merge.duplicates, 'record')} {were} already here)" if merge.duplicates else ""
    report.message_zh = (
        f"{verb_zh}：新增 {merge.rows_new}、修改 {merge.rows_updated}、删除 {merge.rows_deleted} 行数据，"
        f"冲突 {merge.conflicts_new}，拒收 {merge.rejected} 条记录{held_zh}。"
    )
    report.message_en = (
        f"{verb_en}: {merge.rows_new} new, {merge.rows_updated} updated, {merge.rows_deleted} deleted rows, "
        f"{count_en(merge.conflicts_new, 'conflict')}, {count_en(merge.rejected, 'record')} rejected{held_en}."
    )
    for zh, en in merge.warnings:  # e.g. accepted records dated ahead: they win until real time catches up
        report.message_zh += zh
        report.message_en += " " + en


def skew_warning(skew_ms: int) -> tuple[str, str] | None:
    """A warning when the sender's clock was more than a day off when it wrote the bundle (slow or fast)."""
    if skew_ms > DAY_MS:
        days = skew_ms / DAY_MS
        return (f"发送方电脑的时钟快了约 {days:.0f} 天。", f"The sender's clock was about {days:.0f} days fast.")
    if skew_ms < -365 * DAY_MS:
        years = -skew_ms / (365 * DAY_MS)
        return (
            f"数据包的生成时间早了约 {years:.0f} 年：发送方电脑的时钟可能被重置了。",
            f"The bundle is dated about {years:.0f} years ago: the sender's clock was probably reset.",
        )
    return None
