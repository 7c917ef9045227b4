"""Warnings (预警): rules that point at a likely mistake before it is made official.

    for warning in run_rules(conn, year=2019):
        print(warning.rule_id, warning.household_id, warning.message_zh, warning.hint_zh)

Each rule (``RULES``, in ``models/warning_rules.py``) is one set-based query
over the whole registry (or over the households asked for), so all rules run
in seconds at county scale. ``warning_counts`` gives the number of warnings
per household for the household list. Nothing here writes.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from models.codes import label, label_en
from models.errors import Problem
from models.id_fast import looks_valid
from models.idcard import check_id_number
from models.procedure_state import PASS, states
from models.procedure_steps import PROCEDURES, STEPS
from models.procedure_text import notice_days
from models.warning_rules import RULES, RULES_BY_ID, Rule
from models.warning_sql import CUR_CREATE, CUR_FILL, CUR_FILL_SCOPED, CUR_TABLE, QUERIES, expand

__all__ = ["RULES", "Rule", "Warning", "as_of_date", "check_problems", "run_rules", "warning_counts", "working_year"]


@dataclass(frozen=True)
class Warning:  # noqa: A001 - the name the rest of the application uses
    """One warning about one record of one household."""

    rule_id: str
    severity: str
    household_id: str
    record_table: str
    record_id: str
    message_zh: str
    message_en: str
    hint_zh: str
    hint_en: str

    def message(self, language: str = "zh") -> str:
        """The message in the requested language."""
        return self.message_en if language == "en" else self.message_zh

    def hint(self, language: str = "zh") -> str:
        """How to fix it, in the requested language."""
        return self.hint_en if language == "en" else self.hint_zh


def working_year(conn: sqlite3.Connection) -> int:
    """The year the rules look at: setting ``current_year``, else the newest status year, else this year."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'current_year'").fetchone()
    if row and str(row[0]).strip().isdigit() and int(row[0]) > 0:
        return int(row[0])
    return _newest_status_year(conn) or datetime.date.today().year


# id(conn) -> (conn, version, newest year). The connection itself is kept so that its id cannot be reused by
# another connection (a short-lived one, as ``check`` opens) while the entry lasts; a few entries at most.
_NEWEST: dict[int, tuple[sqlite3.Connection, tuple[int, int], int | None]] = {}
_NEWEST_MAX = 16


def _newest_status_year(conn: sqlite3.Connection) -> int | None:
    """MAX(year) of status_history (a full scan), remembered until a change is logged here or elsewhere."""
    seq = conn.execute("SELECT seq FROM sync_state WHERE id = 1").fetchone()
    version = (seq[0] if seq else 0, conn.execute("PRAGMA data_version").fetchone()[0])
    cached = _NEWEST.get(id(conn))
    if cached is None or cached[0] is not conn or cached[1] != version:
        newest = conn.execute("SELECT MAX(year) FROM status_history").fetchone()[0]
        if len(_NEWEST) >= _NEWEST_MAX:
            _NEWEST.clear()
        cached = (conn, version, int(newest) if newest else None)
        _NEWEST[id(conn)] = cached
    return cached[2]


def as_of_date(year: int, today: datetime.date | None = None) -> datetime.date:
    """The day the rules look at for ``year``: today, or 31 December of a past year."""
    today = today or datetime.date.today()
    return min(today, datetime.date(year, 12, 31))


def school_day(day: datetime.date) -> datetime.date:
    """31 August on or before ``day``: compulsory-school age (6–15) is counted on that day."""
    start = datetime.date(day.year, 8, 31)
    return start if day >= start else datetime.date(day.year - 1, 8, 31)


def run_rules(
    conn: sqlite3.Connection,
    year: int | None = None,
    household_ids: Iterable[str] | None = None,
    *,
    rules: Iterable[str] | None = None,
    today: datetime.date | None = None,
) -> list[Warning]:
    """Every warning for ``year`` (default: the working year), for all households or only ``household_ids``.

    ``rules`` limits the run to some rule ids. Warnings are ordered by rule
    (the order of ``RULES``), then household and record.
    """
    found: list[Warning] = []
    for rule, rows in _rows(conn, year, household_ids, rules, today):
        for row in rows:
            zh, en = _message(rule.id, row)
            found.append(
                Warning(rule.id, rule.severity, row[0], rule.record_table, row[1], zh, en, rule.hint_zh, rule.hint_en)
            )
    return found


def warning_counts(
    conn: sqlite3.Connection, year: int | None = None, *, today: datetime.date | None = None
) -> dict[str, int]:
    """Household id -> number of warnings (households without warnings are left out)."""
    counts: Counter[str] = Counter()
    for _rule, rows in _rows(conn, year, None, None, today):
        counts.update(row[0] for row in rows if row[0])
    return dict(counts)


def _rows(
    conn: sqlite3.Connection,
    year: int | None,
    household_ids: Iterable[str] | None,
    rules: Iterable[str] | None,
    today: datetime.date | None,
) -> Iterator[tuple[Rule, list[tuple]]]:
    """(rule, result rows) for each selected rule."""
    year = year or working_year(conn)
    real_today = today or datetime.date.today()
    as_of = as_of_date(year, real_today)
    ids = None if household_ids is None else list(dict.fromkeys(household_ids))
    params = {
        "year": year,
        "as_of": as_of.isoformat(),
        "school_day": school_day(as_of).isoformat(),
        "today_digits": real_today.strftime("%Y%m%d"),
        "ids": json.dumps(ids) if ids is not None else None,
    }
    wanted = set(rules) if rules is not None else None
    _prepare(conn, params, ids is not None)
    for rule in RULES:
        if wanted is not None and rule.id not in wanted:
            continue
        if rule.id == "notice_overdue":
            yield rule, _notice_overdue(conn, year, as_of, ids)
            continue
        rows = conn.execute(expand(QUERIES[rule.id], ids is not None), params).fetchall()
        if rule.id == "id_invalid":
            rows = [r for r in rows if not check_id_number(r[3], real_today).ok]
        yield rule, rows


def _prepare(conn: sqlite3.Connection, params: dict[str, Any], scoped: bool) -> None:
    """Fill this connection's temporary status table once per run; make the ID pre-check available to SQL."""
    conn.create_function("id_looks_valid", 2, looks_valid, deterministic=True)
    conn.execute(CUR_CREATE)
    conn.execute(f"DELETE FROM temp.{CUR_TABLE}")
    conn.execute(CUR_FILL_SCOPED if scoped else CUR_FILL, params)


def _notice_overdue(conn: sqlite3.Connection, year: int, as_of: datetime.date, ids: list[str] | None) -> list[tuple]:
    """Households whose last done step is a notice whose period ended before ``as_of``."""
    days = notice_days(conn)
    latest = (as_of - datetime.timedelta(days=days)).isoformat()
    rows = []
    wanted = None if ids is None else set(ids)
    for procedure in PROCEDURES:
        notice_steps = [s.step_id for s in STEPS if s.procedure == procedure and s.kind == "notice"]
        candidates = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT household_id FROM workflow_events WHERE procedure = ? AND year = ? AND outcome = ? "
                "AND step IN (SELECT value FROM json_each(?)) AND event_date < ?",
                (procedure, year, PASS, json.dumps(notice_steps), latest),
            )
            if wanted is None or r[0] in wanted
        ]
        for hid, current in states(conn, candidates, procedure, year).items():
            last = current.done[-1] if current.done else None
            if current.is_open and current.last_step.kind == "notice" and last.event_date < latest:
                rows.append(
                    (hid, last.id, procedure, current.last_step.title_zh, last.event_date, current.last_step.title_en)
                )
    return sorted(rows)


def _message(rule_id: str, row: tuple) -> tuple[str, str]:
    """(zh, en) message of one result row."""
    return _MESSAGES[rule_id](*row[2:])


def _money(value: Any) -> str:
    return f"{float(value):,.2f}" if value is not None else "—"


def _id_problem(name: str, number: str) -> tuple[str, str]:
    result = check_id_number(number)
    return f"{name}：{result.message_zh}", f"{name}: {result.message_en}"


def _duplicate_message(name: str, count: int, other: str | None) -> tuple[str, str]:
    """Where the other holder of the ID number is: this household, or another one by its number."""
    number, other_name, same = json.loads(other) if other else ("", "", 0)
    if same:
        where_zh, where_en = f"本户的{other_name}", f"{other_name} of this household"
    elif number:
        where_zh, where_en = f"户编号 {number} 的{other_name}", f"{other_name} of household {number}"
    else:  # a household without its number yet
        where_zh, where_en = f"另一户（尚无户编号）的{other_name}", f"{other_name} of another household (no number yet)"
    return (
        f"{name}：证件号码与{where_zh}相同（共登记 {count} 次），请核对后改正或合并。",
        f"{name} has the same ID number as {where_en} ({count} registrations); check, then correct or merge.",
    )


def _notice_message(procedure: str, title_zh: str, date: str, title_en: str) -> tuple[str, str]:
    zh, en = PROCEDURES[procedure]
    return (
        f"{zh}“{title_zh}”已于 {date} 张贴，公示期已满，程序未推进。",
        f"{en}: '{title_en}' posted on {date}; the notice period is over but nothing followed.",
    )


_MESSAGES: dict[str, Any] = {
    "not_identified": lambda *_: (
        "这一户已登记，但还没有办理识别，没有贫困户状态。",
        "The household is registered but has not been identified: it has no status.",
    ),
    "no_main_cause": lambda *_: ("在册贫困户未填写主要致贫原因。", "A poor household has no main cause recorded."),
    "no_helper": lambda *_: ("在册贫困户没有帮扶责任人。", "A poor household has no responsible helper."),
    "pairing_ended": lambda end, helper, _: (
        f"帮扶责任人{helper or ''}的结对已于 {end} 结束，没有接替人。",
        f"The pairing with helper {helper or ''} ended on {end}; nobody took over.",
    ),
    "no_measure": lambda *_: ("本年度没有登记帮扶措施。", "No assistance measure recorded this year."),
    "id_invalid": lambda name, number, _: _id_problem(name, number),
    "id_duplicate": lambda name, count, other: _duplicate_message(name, count, other),
    "head_count": lambda heads, *_: (
        ("这一户没有户主。", "The household has no head.")
        if not heads
        else (f"这一户有 {heads} 个户主。", f"The household has {heads} heads.")
    ),
    "income_missing": lambda year, *_: (f"缺少 {year} 年度收入记录。", f"No income recorded for {year}."),
    "above_line_not_exited": lambda last, line, before: (
        f"上年度人均纯收入 {_money(last)} 元（贫困线 {_money(line)} 元），前年 {_money(before)} 元，均高于贫困线，"
        "仍未脱贫。",
        f"Per-capita income {_money(last)} (line {_money(line)}) last year and {_money(before)} the year before, "
        "both above the line; still not exited.",
    ),
    "exited_below_line": lambda year, pc, line: (
        f"已脱贫，但 {year} 年人均纯收入 {_money(pc)} 元低于贫困线 {_money(line)} 元。",
        f"Exited, but the {year} per-capita income {_money(pc)} is below the line {_money(line)}.",
    ),
    "school_age_not_in_school": lambda name, age, _: (
        f"{name}（{age} 岁）在义务教育年龄，登记为非在校生且未写明原因。",
        f"{name} (aged {age}) is of compulsory-school age, not in school, and no reason is recorded.",
    ),
    "lost_labour_healthy": lambda name, age, _: (
        f"{name}（{age} 岁，健康，非在校生）被标为丧失劳动力。",
        f"{name} (aged {age}, healthy, not a student) is marked as unable to work.",
    ),
    "micro_credit_terms": lambda amount, months, age: _loan_message(amount, months, age),
    "measure_overdue": lambda end, kind, _: (
        f"“{label('measure_type', kind)}”计划于 {end} 完成，至今未完成。",
        f"'{label_en('measure_type', kind)}' was planned to end on {end} and is not completed.",
    ),
    "notice_overdue": _notice_message,
}


def _loan_message(amount: float, months: int | None, age: int | None) -> tuple[str, str]:
    zh, en = [], []
    if amount is not None and amount > 50000:
        zh.append(f"金额 {_money(amount)} 元超过 5 万元")
        en.append(f"amount {_money(amount)} over 50,000")
    if months is not None and months > 36:
        zh.append(f"期限 {months} 个月超过 3 年")
        en.append(f"term of {months} months over 3 years")
    if age is not None and not 18 <= age <= 65:
        zh.append(f"借款人 {age} 岁，不在 18–65 岁之间")
        en.append(f"borrower aged {age}, not 18–65")
    return "小额信贷：" + "；".join(zh) + "。", "Micro-credit: " + "; ".join(en) + "."


assert set(QUERIES) | {"notice_overdue"} == set(RULES_BY_ID), "every rule needs a query"


CHECK_COVERS = frozenset({"id_invalid", "id_duplicate", "head_count"})
"""Rules ``check`` already reports with its own wording; left out of :func:`check_problems`."""


def check_problems(conn: sqlite3.Connection, year: int | None = None) -> list[Problem]:
    """The warnings as ``check`` findings (record = household id), without the rules check runs itself."""
    rules = [r.id for r in RULES if r.id not in CHECK_COVERS]
    return [
        Problem(
            w.record_table,
            w.rule_id,
            f"{w.message_zh}（{w.hint_zh}）",
            f"{w.message_en} ({w.hint_en})",
            w.severity,
            w.household_id,
        )
        for w in run_rules(conn, year, rules=rules)
    ]
