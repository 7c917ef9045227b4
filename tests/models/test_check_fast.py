"""The fast data check reports exactly what checking record by record reports: same findings, same order.

The reference functions below are the per-record checks ``check`` used
before (every change record through ``chain_hash``, every ID number through
``check_id_number``), run in sequence on one connection.
"""

from __future__ import annotations

import datetime
import io
import sqlite3
import threading

import pytest

import models.check as check
import models.check_fast as check_fast
from models.change_chain import chain_hash
from models.check import Phase, run_check
from models.check_cli import check_with_phases
from models.check_steps import problem
from models.errors import WARNING, Problem
from models.idcard import check_id_number, make_id_number
from models.registry import Registry
from tests.models.conftest import VILLAGE, family


def reference_chain(conn: sqlite3.Connection) -> list[Problem]:
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
                problem(
                    "",
                    "audit_altered",
                    f"修改记录第 {row['seq']} 条被改动过（哈希链不符），请联系乡镇核查。",
                    f"Change record {row['seq']} was altered (hash chain broken).",
                    row["pk"],
                )
            )
        previous[row["site"]] = row["hash"]
    return broken


def reference_ids(conn: sqlite3.Connection) -> list[Problem]:
    found = []
    rows = conn.execute(
        "SELECT id, household_id, name, id_number, birth_date, sex FROM members "
        "WHERE in_household = 1 AND COALESCE(id_type, '01') = '01'"
    )
    for _member, household, name, number, birth, sex in rows:
        if not number:
            found.append(
                problem(
                    "id_number", "missing_id", f"{name}：缺少证件号码。", f"{name}: no ID number.", household, WARNING
                )
            )
            continue
        result = check_id_number(number)
        if not result.ok:
            found.append(
                problem(
                    "id_number",
                    f"id_{result.error}",
                    f"{name}：{result.message_zh}",
                    f"{name}: {result.message_en}",
                    household,
                )
            )
        elif (birth and birth != result.birth_date.isoformat()) or (sex and sex != result.sex):
            found.append(
                problem(
                    "id_number",
                    "id_mismatch",
                    f"{name}：出生日期或性别与身份证号码不符。",
                    f"{name}: birth date or sex does not match the ID number.",
                    household,
                )
            )
    return found


def reference_report(conn: sqlite3.Connection) -> list[Problem]:
    """Every step in turn on one connection, as ``run_check`` ran them before."""
    steps = [
        reference_chain if s is check_fast.audit_chain else reference_ids if s is check_fast.id_numbers else s
        for s in check.ORDER
    ]
    return [p for step in steps for p in step(conn)]


def tomorrow_digits() -> str:
    return (datetime.date.today() + datetime.timedelta(days=1)).strftime("%Y%m%d")


BAD_NUMBERS = {  # name -> the ID number written over that member's (raw, as an old import could leave it)
    "check digit": lambda n: n[:17] + ("0" if n[17] != "0" else "1"),
    "fifteen": lambda n: n[:6] + n[8:17],  # legacy 15-digit form: valid, 19YY
    "fifteen bad date": lambda n: n[:6] + "991302" + n[14:17],
    "future": lambda n: n[:6] + tomorrow_digits() + n[14:17] + "0",
    "early": lambda n: n[:6] + "18491231" + n[14:],
    "lower x": lambda n: make_id_number("621121", datetime.date(1980, 1, 1), 13)[:17] + "x",
    "full width": lambda n: n.translate({ord(c): chr(0xFF10 + int(c)) for c in "0123456789"}),
    "spaces": lambda n: f" {n} ",
    "inner space": lambda n: n[:9] + " " + n[9:],
    "letters": lambda n: n[:5] + "A" + n[6:],
    "short": lambda n: n[:16],
    "feb 29 non-leap": lambda n: n[:6] + "19810229" + n[14:],
    "feb 29 leap": lambda n: make_id_number("621121", datetime.date(1980, 2, 29), 7),
    "april 31": lambda n: n[:6] + "19800431" + n[14:],
    "x inside": lambda n: n[:10] + "X" + n[11:],
    "arabic-indic": lambda n: n[:3] + "\u0663" + n[4:],
    "blank": lambda n: "   ",
}


@pytest.fixture
def troubled(registry: Registry) -> sqlite3.Connection:
    """A registry with one of every kind of ID number problem, a mismatch or two and an altered audit trail."""
    conn = registry.conn
    people = []
    for seq in range(1, 7):
        hid = registry.create_household({"village_code": VILLAGE}, family(seq))
        people += [r[0] for r in conn.execute("SELECT id FROM members WHERE household_id = ? ORDER BY name", (hid,))]
    for member, (_kind, bad) in zip(people, BAD_NUMBERS.items(), strict=False):
        number = conn.execute("SELECT id_number FROM members WHERE id = ?", (member,)).fetchone()[0]
        conn.execute("UPDATE members SET id_number = ? WHERE id = ?", (bad(number), member))
    rest = people[len(BAD_NUMBERS) :]
    conn.execute("UPDATE members SET birth_date = '1971-01-01' WHERE id = ?", (rest[0],))  # birth mismatch
    conn.execute("UPDATE members SET sex = CASE sex WHEN '1' THEN '2' ELSE '1' END WHERE id = ?", (rest[1],))
    conn.execute("UPDATE members SET id_number = NULL WHERE id = ?", (rest[2],))  # missing
    conn.execute("UPDATE members SET id_type = '02', id_number = 'P123' WHERE id = ?", (rest[3],))  # passport
    conn.execute("UPDATE members SET in_household = 0, id_number = '1' WHERE id = ?", (rest[4],))  # moved out
    conn.execute("UPDATE change_log SET user = 'intruder' WHERE seq = 3")  # altered record
    conn.execute("UPDATE change_log SET prev_hash = ? WHERE seq = 9", ("0" * 64,))  # broken link (and hash)
    seq, digest = conn.execute("SELECT seq, hash FROM change_log WHERE seq = 20").fetchone()
    row = dict(
        zip(
            ("site", "seq", "hlc", "user", "tbl", "pk", "op", "cl", "vals", "old", "prev", "prev_hash"),
            conn.execute(
                "SELECT site, seq, hlc, user, tbl, pk, op, cl, vals, old, prev, prev_hash "
                "FROM change_log WHERE seq = 21"
            ).fetchone(),
            strict=True,
        )
    )
    row["prev_hash"] = "f" * 64  # link 21 broken but its hash recomputed (so 22's link breaks too)
    conn.execute("UPDATE change_log SET prev_hash = ?, hash = ? WHERE seq = 21", (row["prev_hash"], chain_hash(row)))
    return conn


def test_the_fast_steps_find_exactly_what_the_per_record_checks_find(troubled: sqlite3.Connection) -> None:
    chain = check_fast.audit_chain(troubled)
    assert chain == reference_chain(troubled)
    assert [p.message_zh for p in chain] == [
        f"修改记录第 {n} 条被改动过（哈希链不符），请联系乡镇核查。" for n in (3, 9, 21, 22)
    ]
    ids = check_fast.id_numbers(troubled)
    assert ids == reference_ids(troubled)
    codes = {p.code for p in ids}
    assert {"id_check", "id_date", "id_chars", "id_length", "id_empty", "id_mismatch", "missing_id"} <= codes
    assert len([p for p in ids if p.code == "id_mismatch"]) >= 2


def test_the_whole_report_is_unchanged_in_content_and_order(troubled: sqlite3.Connection) -> None:
    troubled.execute("UPDATE households SET land_area = -3 WHERE rowid = 2")
    report = run_check(troubled)
    assert report.problems == reference_report(troubled)
    assert len(report.errors) > 15


def test_the_report_is_the_same_when_the_side_connection_cannot_open(
    troubled: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[str] = []
    real = check._Aside._run
    monkeypatch.setattr(check._Aside, "_run", lambda self, path, steps: (threads.append(path), real(self, "", steps)))
    assert run_check(troubled).problems == reference_report(troubled)
    assert threads, "the file checks were not run alongside"


def test_the_set_based_steps_run_alongside_on_a_second_connection(
    troubled: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = reference_report(troubled)
    seen: list[tuple[str, str]] = []

    def watched(step: check.Step) -> check.Step:
        def run(conn: sqlite3.Connection) -> list[Problem]:
            assert conn is not troubled
            seen.append((step.__name__, threading.current_thread().name))
            return step(conn)

        return run

    aside = {step: watched(step) for step in check.ASIDE}
    monkeypatch.setattr(check, "ASIDE", tuple(aside.values()))
    monkeypatch.setattr(check, "ORDER", tuple(aside.get(step, step) for step in check.ORDER))
    assert run_check(troubled).problems == expected
    assert seen == [(step.__name__, "check-aside") for step in aside]  # none had to run again on this connection


def test_progress_names_each_phase_and_moves_to_100(
    troubled: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(check_fast, "BATCH", 3)
    heard: list[tuple[int, Phase | None]] = []
    run_check(troubled, lambda percent, phase: heard.append((percent, phase)))
    percents = [p for p, _ in heard]
    assert percents == sorted(percents) and percents[0] == 0 and percents[-1] == 100
    phases = [phase.zh for _, phase in heard if phase is not None]
    records = troubled.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    assert phases[0] == "检查文件完整性、代码和预警规则（与下列各项同时进行）…"
    assert phases[1:4] == [
        f"核对修改记录链（{records:,} 条）…",
        "核对身份证号码（23 人）…",
        "检查户编号、户主和与户主关系…",
    ]
    assert phases[-1] == "汇总结果…"
    ticks = [p for p, phase in heard if phase is None and p <= 70]
    assert len(ticks) >= records // 3 and len(set(ticks)) > 5  # the bar moves within the long chain phase


def test_the_command_line_prints_phases_and_time_without_personal_data(
    troubled: sqlite3.Connection, registry: Registry
) -> None:
    err = io.StringIO()
    check_with_phases(registry.db, "zh", err)
    lines = err.getvalue().splitlines()
    assert lines[0].startswith("检查文件完整性") and lines[1].startswith("核对修改记录链（")
    assert lines[-1].startswith("检查完成，用时 ") and lines[-1].endswith(" 秒。")
    people = [
        value
        for row in troubled.execute("SELECT name, id_number FROM members")
        for value in row
        if value and value.strip()
    ]
    assert not [value for value in people if value.strip() in err.getvalue()]
    english = io.StringIO()
    check_with_phases(registry.db, "en", english)
    assert english.getvalue().splitlines()[0].startswith("Checking the file")
    assert english.getvalue().splitlines()[-1].startswith("Check finished in ")
