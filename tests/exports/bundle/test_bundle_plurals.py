"""English import and export texts count in the right number: "1 conflict", "1 record" (review s6 #9)."""

from __future__ import annotations

from exports.bundle_outcome import ImportReport, count_en, outcome
from models.sync_merge import MergeReport


def test_counts_are_singular_for_one_only() -> None:
    assert [count_en(n, "record") for n in (0, 1, 2)] == ["0 records", "1 record", "2 records"]


def test_the_import_outcome_says_1_conflict_and_1_record() -> None:
    report = ImportReport("a.jdb", "", merge=MergeReport(rows_updated=1, conflicts_new=1, rejected=1, duplicates=1))
    outcome(report, dry_run=False)
    assert report.message_en == (
        "imported: 0 new, 1 updated, 0 deleted rows, 1 conflict, 1 record rejected (1 record was already here)."
    )
    assert (
        report.message_zh == "已导入：新增 0、修改 1、删除 0 行数据，冲突 1，拒收 1 条记录（其中 1 条记录本机已有）。"
    )
    report.merge = MergeReport(conflicts_new=2, duplicates=3)
    outcome(report, dry_run=True)
    assert "2 conflicts, 0 records rejected (3 records were already here)" in report.message_en
