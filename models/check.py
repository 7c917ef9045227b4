"""The data-quality report behind ``main.py check``.

Runs every validation rule over the whole database, set-based where SQL can
do it, plus file integrity, foreign keys and the audit hash chain. Each
finding is a Problem whose ``record`` is the household (or record) id.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from models import fields
from models.codes import HOUSEHOLD_REMOVED
from models.errors import ERROR, WARNING, Problem
from models.idcard import check_id_number
from models.validation import FEMALE_RELATIONS, MALE_RELATIONS

CODED = {
    "households": fields.HOUSEHOLD_CODES,
    "members": fields.MEMBER_CODES,
    "measures": fields.MEASURE_CODES,
    "helpers": fields.HELPER_CODES,
    "status_history": {"status": "household_status"},
    "other_causes": {"cause": "poverty_cause"},
}
NON_NEGATIVE = {
    "households": fields.HOUSEHOLD_AMOUNTS,
    "incomes": fields.INCOME_ITEMS,
    "measures": fields.MEASURE_AMOUNTS,
    "loans": fields.LOAN_AMOUNTS,
}


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


def run_check(conn: sqlite3.Connection) -> CheckReport:
    """Check the whole database; never writes."""
    report = CheckReport()
    report.households = conn.execute("SELECT COUNT(*) FROM households").fetchone()[0]
    report.members = conn.execute("SELECT COUNT(*) FROM members WHERE in_household = 1").fetchone()[0]
    for step in (
        _file_integrity,
        _foreign_keys,
        _audit_chain,
        _id_numbers,
        _duplicate_ids,
        _duplicate_numbers,
        _heads,
        _empty_households,
        _relation_sex,
        _codes,
        _negatives,
        _rule_warnings,
    ):
        report.problems.extend(step(conn))
    report.places = _places(conn, {p.record for p in report.problems if p.record})
    return report


def _rule_warnings(conn: sqlite3.Connection) -> list[Problem]:
    """The warning rules (预警) of ``models/warnings.py``, for the working year."""
    from models.warnings import check_problems

    return check_problems(conn)


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


def _p(column: str, code: str, zh: str, en: str, record: str, severity: str = ERROR) -> Problem:
    return Problem(column, code, zh, en, severity, record)


def _file_integrity(conn: sqlite3.Connection) -> list[Problem]:
    result = [r[0] for r in conn.execute("PRAGMA quick_check")]
    if result == ["ok"]:
        return []
    return [
        _p(
            "",
            "file_corrupt",
            f"数据库文件完整性检查失败：{result[0]}。请从备份恢复。",
            f"The database file failed its integrity check: {result[0]}. Restore a backup.",
            "",
        )
    ]


def _foreign_keys(conn: sqlite3.Connection) -> list[Problem]:
    return [
        _p(
            "",
            "orphan",
            f"{table} 中的记录引用了不存在的 {parent}。",
            f"A row of {table} refers to a missing {parent}.",
            str(rowid),
        )
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
    ]


def _audit_chain(conn: sqlite3.Connection) -> list[Problem]:
    from models.changes import chain_hash

    broken: list[Problem] = []
    previous: dict[str, str] = {}
    cursor = conn.execute(
        "SELECT site, seq, hlc, user, tbl, pk, op, cl, vals, old, prev, prev_hash, hash "
        "FROM change_log ORDER BY site, seq"
    )
    names = [d[0] for d in cursor.description]
    for values in cursor:
        row = dict(zip(names, values, strict=True))
        link = previous.get(row["site"])
        if chain_hash(row) != row["hash"] or (link is not None and row["prev_hash"] != link):
            broken.append(
                _p(
                    "",
                    "audit_altered",
                    f"修改记录第 {row['seq']} 条被改动过（哈希链不符），请联系乡镇核查。",
                    f"Change record {row['seq']} was altered (hash chain broken).",
                    row["pk"],
                )
            )
        previous[row["site"]] = row["hash"]
    return broken


def _id_numbers(conn: sqlite3.Connection) -> list[Problem]:
    found = []
    rows = conn.execute(
        "SELECT id, household_id, name, id_number, birth_date, sex FROM members "
        "WHERE in_household = 1 AND COALESCE(id_type, '01') = '01'"
    )
    for _member, household, name, number, birth, sex in rows:
        if not number:
            found.append(
                _p("id_number", "missing_id", f"{name}：缺少证件号码。", f"{name}: no ID number.", household, WARNING)
            )
            continue
        result = check_id_number(number)
        if not result.ok:
            found.append(
                _p(
                    "id_number",
                    f"id_{result.error}",
                    f"{name}：{result.message_zh}",
                    f"{name}: {result.message_en}",
                    household,
                )
            )
        elif (birth and birth != result.birth_date.isoformat()) or (sex and sex != result.sex):
            found.append(
                _p(
                    "id_number",
                    "id_mismatch",
                    f"{name}：出生日期或性别与身份证号码不符。",
                    f"{name}: birth date or sex does not match the ID number.",
                    household,
                )
            )
    return found


def _duplicate_ids(conn: sqlite3.Connection) -> list[Problem]:
    rows = conn.execute(
        "SELECT m.id_number, group_concat(m.name, '、'), group_concat(m.household_id) FROM members m "
        "WHERE m.in_household = 1 AND m.id_number IS NOT NULL GROUP BY m.id_number HAVING COUNT(*) > 1"
    )
    return [
        _p(
            "id_number",
            "duplicate_id",
            f"同一证件号码登记在多名成员上（{names}）。",
            f"One ID number is registered to several members ({names}).",
            households.split(",")[0],
        )
        for _number, names, households in rows
    ]


def _duplicate_numbers(conn: sqlite3.Connection) -> list[Problem]:
    """Households of one village sharing a 户编号 (two laptops may each have given it out): each is named."""
    rows = conn.execute(
        "SELECT h.id, h.household_no, d.n FROM (SELECT village_code, household_no, COUNT(*) AS n FROM households "
        "WHERE household_no IS NOT NULL AND household_no != '' GROUP BY village_code, household_no HAVING n > 1) d "
        "JOIN households h ON h.village_code = d.village_code AND h.household_no = d.household_no "
        "ORDER BY h.household_no, h.id"
    )
    return [
        _p(
            "household_no",
            "duplicate_household_no",
            f"户编号 {number} 登记了 {count} 户：请给录入错误的户改用新的户编号，或合并重复录入的户。",
            f"Household number {number} is used by {count} households: give the wrong one a new number, or merge "
            "the duplicates.",
            household,
        )
        for household, number, count in rows
    ]


def _heads(conn: sqlite3.Connection) -> list[Problem]:
    rows = conn.execute(
        "SELECT household_id, SUM(relation = '01') AS heads FROM members WHERE in_household = 1 "
        "GROUP BY household_id HAVING heads != 1"
    )
    return [
        _p(
            "relation",
            "no_head" if heads == 0 else "two_heads",
            "这一户没有户主。" if heads == 0 else f"这一户有 {heads} 个户主。",
            "The household has no head." if heads == 0 else f"The household has {heads} heads.",
            household,
        )
        for household, heads in rows
    ]


def _empty_households(conn: sqlite3.Connection) -> list[Problem]:
    """Households still on the register with nobody living in them (an entry saved before its members)."""
    rows = conn.execute(
        "SELECT h.id FROM households h WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id "
        "AND m.in_household = 1) AND COALESCE((SELECT s.status FROM status_history s WHERE s.household_id = h.id "
        "ORDER BY s.year DESC LIMIT 1), '') != ?",
        (HOUSEHOLD_REMOVED,),
    )
    return [
        _p(
            "members",
            "no_members",
            "这一户没有在户成员。录入错误请删除此户；全户已消亡或迁出请办理销号。",
            "Nobody lives in this household. Delete it if it was entered by mistake; remove it (销号) if the family "
            "died out or moved away.",
            household,
            WARNING,
        )
        for (household,) in rows
    ]


def _relation_sex(conn: sqlite3.Connection) -> list[Problem]:
    male = ",".join(f"'{c}'" for c in sorted(MALE_RELATIONS))
    female = ",".join(f"'{c}'" for c in sorted(FEMALE_RELATIONS))
    rows = conn.execute(
        f"SELECT household_id, name FROM members WHERE in_household = 1 AND "
        f"((relation IN ({male}) AND sex = '2') OR (relation IN ({female}) AND sex = '1'))"
    )
    return [
        _p(
            "relation",
            "relation_sex",
            f"{name}：与户主关系与性别不符。",
            f"{name}: relation does not match sex.",
            household,
        )
        for household, name in rows
    ]


def _codes(conn: sqlite3.Connection) -> list[Problem]:
    found = []
    for table, mapping in CODED.items():
        scope = "household_id" if table not in ("households", "helpers") else "id"
        for column, code_table in mapping.items():
            rows = conn.execute(
                f"SELECT {scope}, {column} FROM {table} WHERE {column} IS NOT NULL AND {column} NOT IN "
                f"(SELECT code FROM code_values WHERE tbl = ? AND active = 1)",
                (code_table,),
            )
            found += [
                _p(
                    column,
                    "unknown_code",
                    f"{fields.label(column, table=table)}：代码“{value}”不存在。",
                    f"{fields.label(column, 'en', table)}: code '{value}' does not exist.",
                    str(record),
                )
                for record, value in rows
            ]
    return found


def _negatives(conn: sqlite3.Connection) -> list[Problem]:
    found = []
    for table, columns in NON_NEGATIVE.items():
        scope = "household_id" if table != "households" else "id"
        for column in columns:
            rows = conn.execute(f"SELECT {scope} FROM {table} WHERE {column} < 0")
            found += [
                _p(
                    column,
                    "negative",
                    f"{fields.label(column, table=table)}：不能为负数。",
                    f"{fields.label(column, 'en', table)}: must not be negative.",
                    str(r[0]),
                )
                for r in rows
            ]
    return found


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
