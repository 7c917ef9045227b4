"""The set-based steps of the data check (``models/check.py``): file, foreign keys, duplicates, heads, codes.

Each step takes a connection and returns its findings as Problems whose
``record`` is the household (or record) id; none of them writes.
"""

from __future__ import annotations

import sqlite3

from models import fields
from models.codes import HOUSEHOLD_REMOVED
from models.errors import ERROR, WARNING, Problem
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


def problem(column: str, code: str, zh: str, en: str, record: str, severity: str = ERROR) -> Problem:
    """One finding of the check (an error unless ``severity`` says otherwise)."""
    return Problem(column, code, zh, en, severity, record)


def file_integrity(conn: sqlite3.Connection) -> list[Problem]:
    """``PRAGMA quick_check``: a damaged file is one error."""
    result = [r[0] for r in conn.execute("PRAGMA quick_check")]
    if result == ["ok"]:
        return []
    return [
        problem(
            "",
            "file_corrupt",
            f"数据库文件完整性检查失败：{result[0]}。请从备份恢复。",
            f"The database file failed its integrity check: {result[0]}. Restore a backup.",
            "",
        )
    ]


def foreign_keys(conn: sqlite3.Connection) -> list[Problem]:
    """Rows referring to a missing parent row."""
    return [
        problem(
            "",
            "orphan",
            f"{table} 中的记录引用了不存在的 {parent}。",
            f"A row of {table} refers to a missing {parent}.",
            str(rowid),
        )
        for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")
    ]


def duplicate_ids(conn: sqlite3.Connection) -> list[Problem]:
    """One ID number registered to several members living in households."""
    rows = conn.execute(
        "SELECT m.id_number, group_concat(m.name, '、'), group_concat(m.household_id) FROM members m "
        "WHERE m.in_household = 1 AND m.id_number IS NOT NULL GROUP BY m.id_number HAVING COUNT(*) > 1"
    )
    return [
        problem(
            "id_number",
            "duplicate_id",
            f"同一证件号码登记在多名成员上（{names}）。",
            f"One ID number is registered to several members ({names}).",
            households.split(",")[0],
        )
        for _number, names, households in rows
    ]


def duplicate_numbers(conn: sqlite3.Connection) -> list[Problem]:
    """Households of one village sharing a 户编号 (two laptops may each have given it out): each is named."""
    rows = conn.execute(
        "SELECT h.id, h.household_no, d.n FROM (SELECT village_code, household_no, COUNT(*) AS n FROM households "
        "WHERE household_no IS NOT NULL AND household_no != '' GROUP BY village_code, household_no HAVING n > 1) d "
        "JOIN households h ON h.village_code = d.village_code AND h.household_no = d.household_no "
        "ORDER BY h.household_no, h.id"
    )
    return [
        problem(
            "household_no",
            "duplicate_household_no",
            f"户编号 {number} 登记了 {count} 户：请给录入错误的户改用新的户编号，或合并重复录入的户。",
            f"Household number {number} is used by {count} households: give the wrong one a new number, or merge "
            "the duplicates.",
            household,
        )
        for household, number, count in rows
    ]


def household_heads(conn: sqlite3.Connection) -> list[Problem]:
    """Households without a head, or with several."""
    rows = conn.execute(
        "SELECT household_id, SUM(relation = '01') AS heads FROM members WHERE in_household = 1 "
        "GROUP BY household_id HAVING heads != 1"
    )
    return [
        problem(
            "relation",
            "no_head" if heads == 0 else "two_heads",
            "这一户没有户主。" if heads == 0 else f"这一户有 {heads} 个户主。",
            "The household has no head." if heads == 0 else f"The household has {heads} heads.",
            household,
        )
        for household, heads in rows
    ]


def empty_households(conn: sqlite3.Connection) -> list[Problem]:
    """Households still on the register with nobody living in them (an entry saved before its members)."""
    rows = conn.execute(
        "SELECT h.id FROM households h WHERE NOT EXISTS (SELECT 1 FROM members m WHERE m.household_id = h.id "
        "AND m.in_household = 1) AND COALESCE((SELECT s.status FROM status_history s WHERE s.household_id = h.id "
        "ORDER BY s.year DESC LIMIT 1), '') != ?",
        (HOUSEHOLD_REMOVED,),
    )
    return [
        problem(
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


def relation_sex(conn: sqlite3.Connection) -> list[Problem]:
    """Members whose relation to the head contradicts their sex (a son who is female …)."""
    male = ",".join(f"'{c}'" for c in sorted(MALE_RELATIONS))
    female = ",".join(f"'{c}'" for c in sorted(FEMALE_RELATIONS))
    rows = conn.execute(
        f"SELECT household_id, name FROM members WHERE in_household = 1 AND "
        f"((relation IN ({male}) AND sex = '2') OR (relation IN ({female}) AND sex = '1'))"
    )
    return [
        problem(
            "relation",
            "relation_sex",
            f"{name}：与户主关系与性别不符。",
            f"{name}: relation does not match sex.",
            household,
        )
        for household, name in rows
    ]


def codes(conn: sqlite3.Connection) -> list[Problem]:
    """Coded columns holding a code that is not in (or no longer in) its code table."""
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
                problem(
                    column,
                    "unknown_code",
                    f"{fields.label(column, table=table)}：代码“{value}”不存在。",
                    f"{fields.label(column, 'en', table)}: code '{value}' does not exist.",
                    str(record),
                )
                for record, value in rows
            ]
    return found


def negatives(conn: sqlite3.Connection) -> list[Problem]:
    """Amounts below zero."""
    found = []
    for table, columns in NON_NEGATIVE.items():
        scope = "household_id" if table != "households" else "id"
        for column in columns:
            rows = conn.execute(f"SELECT {scope} FROM {table} WHERE {column} < 0")
            found += [
                problem(
                    column,
                    "negative",
                    f"{fields.label(column, table=table)}：不能为负数。",
                    f"{fields.label(column, 'en', table)}: must not be negative.",
                    str(r[0]),
                )
                for r in rows
            ]
    return found


def rule_warnings(conn: sqlite3.Connection) -> list[Problem]:
    """The warning rules (预警) of ``models/warnings.py``, for the working year."""
    from models.warnings import check_problems

    return check_problems(conn)
