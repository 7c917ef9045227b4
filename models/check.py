"""The data-quality report behind ``main.py check``.

Runs every validation rule over the whole database, set-based where SQL can
do it, plus file integrity, foreign keys and the audit hash chain. Each
finding is a Problem whose ``record`` is the household (or record) id.

A county database takes seconds, so ``run_check`` reports its phases to a
``progress(percent, phase)`` callback (``phase`` is set when a phase starts,
None for progress within one). The set-based file checks run on a second,
read-only connection alongside the row-by-row ones; the findings and their
order are the same as running every step in turn.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models.check_fast import audit_chain, id_numbers
from models.check_steps import (
    CODED,
    NON_NEGATIVE,
    codes,
    duplicate_ids,
    duplicate_numbers,
    empty_households,
    file_integrity,
    foreign_keys,
    household_heads,
    relation_sex,
    rule_warnings,
)
from models.check_steps import negatives as negative_amounts
from models.errors import ERROR, WARNING, Problem

__all__ = ["CODED", "NON_NEGATIVE", "CheckReport", "Phase", "Progress", "format_report", "run_check"]

Step = Callable[[sqlite3.Connection], list[Problem]]
ASIDE: tuple[Step, ...] = (file_integrity, foreign_keys, duplicate_ids, codes, negative_amounts, rule_warnings)
"""Steps SQLite does almost alone: run on a second connection while Python verifies the chain and ID numbers."""


@dataclass(frozen=True)
class Phase:
    """A phase of the check as it starts (no personal data: counts only)."""

    zh: str
    en: str

    def text(self, language: str = "zh") -> str:
        """The phase in the requested language ("zh" or "en")."""
        return self.en if language == "en" else self.zh


Progress = Callable[[int, "Phase | None"], None]
"""``progress(percent, phase)``: ``phase`` when a phase starts, None for progress within it."""


@dataclass
class CheckReport:
    """Everything ``check`` found."""

    problems: list[Problem] = field(default_factory=list)
    households: int = 0
    members: int = 0
    places: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        """Findings that must be fixed."""
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        """Findings worth a look."""
        return [p for p in self.problems if p.severity == WARNING]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for ``check --json``."""
        return {
            "households": self.households,
            "members": self.members,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [{**p.as_dict(), "place": self.places.get(p.record, "")} for p in self.problems],
        }


def run_check(conn: sqlite3.Connection, progress: Progress | None = None) -> CheckReport:
    """Check the whole database; never writes. ``progress(percent, phase)`` hears of each phase."""
    say: Progress = progress or _silent
    report = CheckReport()
    report.households = conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    report.members = conn.execute("SELECT COUNT(*) FROM members WHERE in_household = 1").fetchone()[0]
    records = conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    say(
        0,
        Phase(
            "检查文件完整性、代码和预警规则（与下列各项同时进行）…",
            "Checking the file, codes and warning rules (alongside)…",
        ),
    )
    aside = _Aside(conn, ASIDE)
    found: dict[Step, list[Problem]] = {}
    say(2, Phase(f"核对修改记录链（{records:,} 条）…", f"Verifying the change record chain ({records:,} records)…"))
    found[audit_chain] = audit_chain(conn, _ticks(say, 2, 70, records))
    say(70, Phase(f"核对身份证号码（{report.members:,} 人）…", f"Checking ID numbers ({report.members:,} people)…"))
    found[id_numbers] = id_numbers(conn)
    say(80, Phase("检查户编号、户主和与户主关系…", "Checking household numbers, heads and relations…"))
    for step in (duplicate_numbers, household_heads, empty_households, relation_sex):
        found[step] = step(conn)
    if aside.running():
        say(85, Phase("等待文件完整性、代码和预警规则检查结束…", "Waiting for the file, code and warning-rule checks…"))
    for step in ASIDE:
        found[step] = aside.result(step, conn)
    say(95, Phase("汇总结果…", "Collecting the findings…"))
    for step in ORDER:
        report.problems.extend(found[step])
    report.places = _places(conn, {p.record for p in report.problems if p.record})
    say(100, None)
    return report


ORDER: tuple[Step, ...] = (
    file_integrity,
    foreign_keys,
    audit_chain,
    id_numbers,
    duplicate_ids,
    duplicate_numbers,
    household_heads,
    empty_households,
    relation_sex,
    codes,
    negative_amounts,
    rule_warnings,
)
"""The order of the findings in the report (and of the steps before they ran side by side)."""


def _ticks(say: Progress, start: int, end: int, total: int) -> Callable[[int], None]:
    """A ``tick(done)`` that moves the percentage from ``start`` to ``end`` as ``done`` reaches ``total``."""
    shown = [start]

    def tick(done: int) -> None:
        percent = start + (end - start) * done // max(total, 1)
        if percent != shown[0]:
            shown[0] = percent
            say(percent, None)

    return tick


def _silent(percent: int, phase: Phase | None) -> None:
    """No progress wanted."""


class _Aside:
    """Steps run on a thread with its own read-only connection; any failure runs them here instead."""

    def __init__(self, conn: sqlite3.Connection, steps: tuple[Step, ...]) -> None:
        self.results: dict[Step, list[Problem]] = {}
        self.thread: threading.Thread | None = None
        path = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
        if path and not conn.in_transaction:
            self.thread = threading.Thread(target=self._run, args=(path, steps), name="check-aside", daemon=True)
            self.thread.start()

    def _run(self, path: str, steps: tuple[Step, ...]) -> None:
        try:
            other = sqlite3.connect(Path(path).as_uri() + "?mode=ro", uri=True, timeout=10)
        except (sqlite3.Error, ValueError):
            return
        try:
            for step in steps:
                self.results[step] = step(other)
        except Exception:  # noqa: BLE001 - the step runs again on the caller's connection and raises there
            return
        finally:
            other.close()

    def running(self) -> bool:
        """Whether the thread is still at work."""
        return self.thread is not None and self.thread.is_alive()

    def result(self, step: Step, conn: sqlite3.Connection) -> list[Problem]:
        """The step's findings: from the thread, or computed now on ``conn`` if the thread could not."""
        if self.thread is not None:
            self.thread.join()
        if step in self.results:
            return self.results[step]
        return step(conn)


def _places(conn: sqlite3.Connection, records: set[str]) -> dict[str, str]:
    """Village, household number and head of each household named by a finding."""
    places: dict[str, str] = {}
    ids = sorted(records)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = conn.execute(
            "SELECT h.id, COALESCE(r.name, ''), COALESCE(h.household_no, ''), COALESCE((SELECT name FROM members m "
            "WHERE m.household_id = h.id AND m.relation = '01' AND m.in_household = 1 LIMIT 1), '') "
            "FROM households h LEFT JOIN regions r ON r.code = h.village_code "
            f"WHERE h.id IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        places.update({pk: " ".join(x for x in (village, number, head) if x) for pk, village, number, head in rows})
    return places


def format_report(report: CheckReport, language: str = "zh", limit: int = 200) -> str:
    """The report as terminal text: a summary line, then one line per finding (at most ``limit``)."""
    en = language == "en"
    head = (
        f"{report.households} households, {report.members} people: {len(report.errors)} errors, "
        f"{len(report.warnings)} warnings"
        if en
        else f"共 {report.households} 户 {report.members} 人：错误 {len(report.errors)} 处，"
        f"提醒 {len(report.warnings)} 处"
    )
    lines = [head]
    ordered = report.errors + report.warnings
    for found in ordered[:limit]:
        mark = (
            ("ERROR" if found.severity == ERROR else "WARN ") if en else ("错误" if found.severity == ERROR else "提醒")
        )
        place = report.places.get(found.record, "")
        lines.append(f"{mark}  {place + '  ' if place else ''}{found.message(language)}")
    if len(ordered) > limit:
        lines.append(
            f"… {len(ordered) - limit} more (use --json)"
            if en
            else f"…… 另有 {len(ordered) - limit} 处（用 --json 查看全部）"
        )
    return "\n".join(lines)
