"""Benchmark rows for warnings, statistics and procedures (issue 4), run by ``python -m tests.bench``.

- all warning rules over the whole county (``run_rules``) and the per-household counts the household list
  shows (``warning_counts``), against the bare reads of the same columns (every row fetched, no logic);
- the township report (``compute_report``), against the bare reads of the columns it aggregates;
- the warnings of one household (the editor), against a SELECT of one household row;
- one meeting's step recorded for a whole village (``record_step``), against bare INSERTs of as many rows.
"""

from __future__ import annotations

import datetime
import statistics
from typing import Any

RULE_READS = (
    "SELECT id, village_code, main_cause, standard FROM households",
    "SELECT household_id, id, name, id_number, birth_date, relation, school_status, school_note, health, "
    "labour_skill, in_household FROM members",
    "SELECT household_id, year, status FROM status_history",
    "SELECT * FROM incomes",
    "SELECT household_id, id, year, status, planned_end FROM measures",
    "SELECT household_id, id, start_date, end_date FROM pairings",
    "SELECT * FROM loans",
)
REPORT_READS = (
    "SELECT id, village_code, attribute, main_cause, planned_exit_year, exit_year, standard FROM households",
    "SELECT household_id, in_household FROM members",
    "SELECT household_id, year, status FROM status_history",
    "SELECT * FROM incomes",
    "SELECT village_code, category, fund_fiscal, fund_sector, fund_finance, fund_social, fund_self FROM measures",
    "SELECT household_id, start_date, end_date FROM pairings",
)


def _median_ms(fn: Any, repeat: int) -> float:
    from tests.bench import timed

    return statistics.median(timed(fn, repeat))


def _reads(conn: Any, queries: tuple[str, ...]) -> None:
    for sql in queries:
        conn.execute(sql).fetchall()


def procedure_rows(db: Any, registry: Any) -> list[Any]:
    """The rows of issue 4."""
    from models.stats_report import compute_report
    from models.warnings import run_rules, warning_counts
    from tests.bench import Row

    conn = db.conn
    households = conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    run_rules(conn)  # warm the page cache, as the second look at the panel would be
    rules_ms = _median_ms(lambda: run_rules(conn), 3)
    counts_ms = _median_ms(lambda: warning_counts(conn), 3)
    rule_base = _median_ms(lambda: _reads(conn, RULE_READS), 3)
    report_ms = _median_ms(lambda: compute_report(conn), 3)
    report_base = _median_ms(lambda: _reads(conn, REPORT_READS), 3)
    found = len(run_rules(conn))
    note = f"{households} households, 15 rules, {found} warnings"
    return [
        Row("warnings: all rules (run_rules)", rules_ms, "bare reads of the same columns", rule_base, 5000.0, note),
        Row(
            "warnings: counts per household",
            counts_ms,
            "bare reads of the same columns",
            rule_base,
            3000.0,
            "the household list's column",
        ),
        Row(
            "statistics: township report",
            report_ms,
            "bare reads of the same columns",
            report_base,
            2000.0,
            "per township and village, 9 tables",
        ),
        _one_household_row(conn),
        _step_row(db, registry),
    ]


def _one_household_row(conn: Any) -> Any:
    from models.warnings import run_rules
    from tests.bench import Row, percentile, timed

    ids = [r[0] for r in conn.execute("SELECT id FROM households ORDER BY random() LIMIT 100")]
    it = iter(ids * 2)
    samples = timed(lambda: run_rules(conn, household_ids=[next(it)]), 100)
    it2 = iter(ids)
    base = timed(lambda: conn.execute("SELECT * FROM households WHERE id = ?", (next(it2),)).fetchone(), 100)
    return Row(
        "warnings of one household p50",
        percentile(samples, 50),
        "SELECT one household row p50",
        percentile(base, 50),
        50.0,
        "the household editor",
    )


def _step_row(db: Any, registry: Any) -> Any:
    from models.procedures import households_at_step, record_step
    from models.warnings import working_year
    from tests.bench import Row

    conn = db.conn
    year = working_year(conn)
    village = conn.execute(
        "SELECT village_code FROM households GROUP BY village_code ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()[0]
    ids = households_at_step(conn, "exit", "committee_review", village, year)
    day = min(datetime.date.today(), datetime.date(year, 12, 20)).isoformat()
    votes = {"present": 30, "for": 28, "against": 2}
    import models.search  # noqa: F401 - loaded once per run by any write; not what this row measures

    started = datetime.datetime.now()
    record_step(registry, ids, "exit", "committee_review", day, "村两委", votes=votes, year=year)
    step_ms = (datetime.datetime.now() - started).total_seconds() * 1000
    conn.execute("CREATE TABLE IF NOT EXISTS bench_plain_events (id INTEGER PRIMARY KEY, hid TEXT, step TEXT)")

    def plain() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO bench_plain_events(hid, step) VALUES (?, 'x')", [(i,) for i in ids])
        conn.execute("COMMIT")

    base = _median_ms(plain, 3)
    return Row(
        f"procedure step for a village ({len(ids)} households)",
        step_ms,
        "bare INSERT of as many rows",
        base,
        2000.0,
        "one transaction: checks, events, change log, search index",
    )
