"""The query of each warning rule: set-based SQL over the whole registry.

Every query returns rows ``(household_id, record_id, a, b, c)``: the household
the warning belongs to, the record it concerns (in the rule's ``record_table``)
and up to three details for the message. Parameters: ``:year`` (the working
year), ``:as_of`` (the day the rules look at), ``:ids`` (JSON list of household
ids, only when the run is limited to some households).

Markers expanded by :func:`expand`: ``{cur}`` each household's status as of the
working year (a temporary table filled once per run), ``{live}`` households
counted as poor, ``{reg}`` households on the register (not removed),
``{age}`` a member's age on ``:as_of`` (``{school_age}``: on ``:school_day``, the
start of the school year, 31 August), ``{per_capita}`` / ``{line}`` an income
row's 年人均纯收入 and its poverty line, ``{scope:column}`` the filter on the
household id column when the run is limited (else nothing).
"""

from __future__ import annotations

import re

from models.codes import HOUSEHOLD_STATUS_LIVE

LOAN_MAX, LOAN_MONTHS, BORROWER_AGES = 50000, 36, (18, 65)
CUR_TABLE = "warn_cur"
_LIVE_CODES = ", ".join(f"'{c}'" for c in HOUSEHOLD_STATUS_LIVE)

CUR_CREATE = f"""CREATE TEMP TABLE IF NOT EXISTS {CUR_TABLE}
    (household_id TEXT PRIMARY KEY, status TEXT, year INTEGER) WITHOUT ROWID"""
CUR_FILL = f"""INSERT INTO temp.{CUR_TABLE}(household_id, status, year)
    SELECT household_id, status, MAX(year) FROM status_history WHERE year <= :year GROUP BY household_id"""
CUR_FILL_SCOPED = f"""INSERT INTO temp.{CUR_TABLE}(household_id, status, year)
    SELECT s.household_id, s.status, MAX(s.year) FROM json_each(:ids) j
    CROSS JOIN status_history s ON s.household_id = j.value WHERE s.year <= :year GROUP BY s.household_id"""

_MARKERS = {
    "cur": f"cur AS (SELECT household_id, status, year FROM temp.{CUR_TABLE})",
    "live": f"""live AS (SELECT h.* FROM cur CROSS JOIN households h ON h.id = cur.household_id
        WHERE cur.status IN ({_LIVE_CODES}))""",
    "reg": "reg AS (SELECT h.* FROM cur CROSS JOIN households h ON h.id = cur.household_id WHERE cur.status != '06')",
    "live_codes": _LIVE_CODES,
    "age": """(CAST(substr(:as_of, 1, 4) AS INTEGER) - CAST(substr(m.birth_date, 1, 4) AS INTEGER)
        - (substr(:as_of, 6, 5) < substr(m.birth_date, 6, 5)))""",
    "school_age": """(CAST(substr(:school_day, 1, 4) AS INTEGER) - CAST(substr(m.birth_date, 1, 4) AS INTEGER)
        - (substr(:school_day, 6, 5) < substr(m.birth_date, 6, 5)))""",
    "per_capita": """ROUND((i.wage + i.business + i.asset_dividend + i.other_property + i.family_planning
        + i.dibao + i.tekun + i.pension + i.eco_compensation + i.other_transfer - i.business_expense) * 1.0
        / NULLIF(i.population, 0), 2)""",
    "line": """COALESCE(
        (SELECT amount FROM poverty_lines p WHERE p.year = i.year AND p.standard = COALESCE(i.standard, '1')),
        (SELECT amount FROM poverty_lines p WHERE p.year = i.year AND p.standard = '1'))""",
}

QUERIES: dict[str, str] = {
    "not_identified": """SELECT h.id, h.id, NULL, NULL, NULL FROM households h
        WHERE NOT EXISTS (SELECT 1 FROM status_history s WHERE s.household_id = h.id) {scope:h.id}""",
    "no_main_cause": """WITH {cur}, {live}
        SELECT h.id, h.id, NULL, NULL, NULL FROM live h WHERE COALESCE(h.main_cause, '') = ''""",
    "no_helper": """WITH {cur}, {live}
        SELECT h.id, h.id, NULL, NULL, NULL FROM live h
        WHERE NOT EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = h.id)""",
    "pairing_ended": """WITH {cur}, {live},
        last AS (SELECT p.household_id, p.id, p.end_date, p.helper_id, ROW_NUMBER() OVER (
            PARTITION BY p.household_id ORDER BY p.end_date DESC, p.start_date DESC) AS n
            FROM live h CROSS JOIN pairings p ON p.household_id = h.id)
        SELECT last.household_id, last.id, last.end_date, (SELECT name FROM helpers WHERE id = last.helper_id), NULL
        FROM last WHERE last.n = 1 AND NOT EXISTS (SELECT 1 FROM pairings p
            WHERE p.household_id = last.household_id AND (p.end_date IS NULL OR p.end_date > :as_of))""",
    "no_measure": """WITH {cur}, {live}
        SELECT h.id, h.id, NULL, NULL, NULL FROM live h WHERE NOT EXISTS (SELECT 1 FROM measures m
            WHERE m.household_id = h.id AND m.year = :year AND m.status != '4')""",
    "id_invalid": """WITH {cur}
        SELECT m.household_id, m.id, m.name, m.id_number, NULL FROM members m
        LEFT JOIN cur ON cur.household_id = m.household_id
        WHERE COALESCE(cur.status, '') != '06' AND m.in_household = 1 AND COALESCE(m.id_type, '01') = '01'
        AND m.id_number IS NOT NULL AND NOT id_looks_valid(m.id_number, :today_digits) {scope:m.household_id}""",
    "id_duplicate": """WITH {cur},
        dup AS (SELECT id_number FROM members WHERE id_number IS NOT NULL {numbers_in_scope}
            GROUP BY id_number HAVING COUNT(*) > 1),
        counted AS (SELECT dup.id_number, (SELECT COUNT(*) FROM members o
            LEFT JOIN cur oc ON oc.household_id = o.household_id
            WHERE o.id_number = dup.id_number AND o.in_household = 1 AND COALESCE(oc.status, '') != '06') AS n
            FROM dup)
        SELECT m.household_id, m.id, m.name, counted.n, (SELECT json_array(oh.household_no, o.name,
                o.household_id = m.household_id) FROM members o JOIN households oh ON oh.id = o.household_id
            LEFT JOIN cur oc ON oc.household_id = o.household_id WHERE o.id_number = m.id_number AND o.id != m.id
            AND o.in_household = 1 AND COALESCE(oc.status, '') != '06' ORDER BY oh.household_no, o.name LIMIT 1)
        FROM counted
        JOIN members m ON m.id_number = counted.id_number LEFT JOIN cur ON cur.household_id = m.household_id
        WHERE counted.n > 1 AND m.in_household = 1 AND COALESCE(cur.status, '') != '06' {scope:m.household_id}""",
    "head_count": """WITH {cur},
        heads AS (SELECT household_id, SUM(relation = '01') AS n FROM members
            WHERE in_household = 1 {scope:household_id} GROUP BY household_id HAVING n != 1)
        SELECT heads.household_id, heads.household_id, heads.n, NULL, NULL FROM heads
        LEFT JOIN cur ON cur.household_id = heads.household_id WHERE COALESCE(cur.status, '') != '06'""",
    "income_missing": """WITH {cur}, {reg}
        SELECT h.id, h.id, :year - 1, NULL, NULL FROM reg h
        WHERE NOT EXISTS (SELECT 1 FROM incomes i WHERE i.household_id = h.id AND i.year = :year - 1)""",
    "above_line_not_exited": """WITH {cur}, {live},
        pc AS (SELECT i.household_id, i.id, i.year, {per_capita} AS per_capita, {line} AS line
            FROM (SELECT x.*, h.standard FROM incomes x JOIN live h ON h.id = x.household_id
                  WHERE x.year IN (:year - 1, :year - 2)) i),
        both AS (SELECT a.household_id, a.id, a.per_capita AS last, a.line, b.per_capita AS before FROM pc a
            JOIN pc b ON b.household_id = a.household_id AND b.year = :year - 2
            WHERE a.year = :year - 1 AND a.per_capita > a.line AND b.per_capita > b.line)
        SELECT both.household_id, both.id, last, line, before FROM both
        JOIN cur ON cur.household_id = both.household_id AND cur.status != '02'  -- 预脱贫: the exit is under way
        WHERE (SELECT s.status FROM status_history s WHERE s.household_id = both.household_id
               AND s.year <= :year - 1 ORDER BY s.year DESC LIMIT 1) IN ({live_codes})""",
    "exited_below_line": """WITH {cur},
        latest AS (SELECT i.*, h.standard FROM cur
            JOIN incomes i ON i.household_id = cur.household_id AND i.year = (SELECT MAX(year) FROM incomes y
                WHERE y.household_id = cur.household_id AND y.year <= :year)
            JOIN households h ON h.id = cur.household_id
            WHERE cur.status = '03' AND i.year >= cur.year),
        pc AS (SELECT i.household_id, i.id, i.year, {per_capita} AS per_capita, {line} AS line FROM latest i)
        SELECT household_id, id, year, per_capita, line FROM pc WHERE per_capita < line""",
    "school_age_not_in_school": """WITH {cur}, {reg}
        SELECT m.household_id, m.id, m.name, {school_age}, NULL FROM reg h CROSS JOIN members m ON m.household_id = h.id
        WHERE m.in_household = 1 AND {school_age} BETWEEN 6 AND 15 AND COALESCE(m.school_status, '01') = '01'
        AND COALESCE(m.school_note, '') = ''""",
    "lost_labour_healthy": """WITH {cur}, {reg}
        SELECT m.household_id, m.id, m.name, {age}, NULL FROM reg h CROSS JOIN members m ON m.household_id = h.id
        WHERE m.in_household = 1 AND m.labour_skill = '03' AND m.health = '01'
        AND COALESCE(m.school_status, '01') = '01' AND {age} BETWEEN 16 AND 59""",
    "micro_credit_terms": f"""WITH {{cur}},
        terms AS (SELECT l.household_id, l.id, l.amount, l.term_months, (SELECT
                CAST(substr(COALESCE(l.loan_date, :as_of), 1, 4) AS INTEGER)
                - CAST(substr(m.birth_date, 1, 4) AS INTEGER)
                - (substr(COALESCE(l.loan_date, :as_of), 6, 5) < substr(m.birth_date, 6, 5))
                FROM members m WHERE m.id = l.borrower_id) AS age
            FROM loans l LEFT JOIN cur ON cur.household_id = l.household_id
            WHERE COALESCE(cur.status, '') != '06' AND COALESCE(l.repayment_status, '1') != '2'
            {{scope:l.household_id}})
        SELECT household_id, id, amount, term_months, age FROM terms
        WHERE amount > {LOAN_MAX} OR term_months > {LOAN_MONTHS}
        OR age < {BORROWER_AGES[0]} OR age > {BORROWER_AGES[1]}""",
    "measure_overdue": """WITH {cur}
        SELECT m.household_id, m.id, m.planned_end, m.type, NULL FROM measures m
        LEFT JOIN cur ON cur.household_id = m.household_id
        WHERE COALESCE(cur.status, '') != '06' AND m.household_id IS NOT NULL AND m.status IN ('1', '2')
        AND m.planned_end < :as_of {scope:m.household_id}""",
}
"""Rule id -> its query (``notice_overdue`` is worked out from the procedure state instead)."""

_SCOPE = "AND {column} IN (SELECT value FROM json_each(:ids))"
_NUMBERS_IN_SCOPE = (
    "AND id_number IN (SELECT id_number FROM members WHERE household_id IN (SELECT value FROM json_each(:ids)))"
)
_MARKER = re.compile(r"\{(\w+)(?::([\w.]+))?\}")


def expand(template: str, scoped: bool) -> str:
    """The query with its markers replaced (``{scope:…}`` only filters when ``scoped``)."""

    def replace(match: re.Match[str]) -> str:
        name, column = match.group(1), match.group(2)
        if name == "scope":
            return _SCOPE.format(column=column) if scoped else ""
        if name == "numbers_in_scope":
            return _NUMBERS_IN_SCOPE if scoped else ""
        return expand(_MARKERS[name], scoped)

    return _MARKER.sub(replace, template)
