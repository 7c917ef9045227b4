"""The command line of issue 4: warnings, procedure, objection, exit-test, stats exports."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

import main
from models.db import open_database
from models.registry import Registry
from tests.models.conftest import TODAY, VILLAGE
from tests.models.poor_households import HIGH, poor_household


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    db = open_database(path)
    db.set_setting("current_year", "2019")
    registry = Registry(db, today=TODAY)
    for code, name in (
        ("62", "甘肃省"),
        ("6211", "定西市"),
        ("621121", "通渭县"),
        ("621121103", "平襄镇"),
        (VILLAGE, "文峰村"),
    ):
        registry.add_region(code, name)
    for seq in (1, 2):
        poor_household(registry, seq)
    registry.set_causes(
        registry.conn.execute("SELECT id FROM households WHERE household_no LIKE '%01'").fetchone()[0], None
    )
    db.close()
    return path


def run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    code = main.main(["--db", str(path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_warnings_as_text_and_json(capsys, db_file: Path) -> None:
    code, out, _ = run(capsys, db_file, "warnings", "--rule", "no_main_cause")
    assert code == 0 and "未填写主要致贫原因" in out and "张三户（户编号 6211211032010001）" in out
    code, out, _ = run(capsys, db_file, "warnings", "--json", "--village", VILLAGE)
    assert {w["rule_id"] for w in json.loads(out)} >= {"no_main_cause"}
    code, _, err = run(capsys, db_file, "warnings", "--rule", "nonsense")
    assert code == 1 and "nonsense" in err
    code, out, err = run(capsys, db_file, "warnings", "--village", VILLAGE[:-1] + "9")  # a mistyped village
    assert code == 1 and out == "" and "不是已登记的村" in err


def test_a_step_for_a_whole_village_then_show_and_a_refusal(capsys, db_file: Path) -> None:
    code, out, _ = run(
        capsys,
        db_file,
        "procedure",
        "step",
        "--procedure",
        "exit",
        "--step",
        "committee_review",
        "--date",
        "2019-05-06",
        "--actor",
        "村两委",
        "--village",
        VILLAGE,
        "--year",
        "2019",
        "--votes",
        "8,1,0,9",
        "--minutes",
        "会议",
    )
    assert code == 0 and "已为 2 户登记“村两委民主评议”" in out
    code, out, _ = run(capsys, db_file, "procedure", "show", "6211211032010001", "--year", "2019")
    assert "✓ 2019-05-06  村两委民主评议  村两委" in out and "下一步: 村两委和驻村工作队核实" in out
    code, _, err = run(
        capsys,
        db_file,
        "procedure",
        "step",
        "--procedure",
        "exit",
        "--step",
        "village_notice",
        "--date",
        "2019-05-07",
        "--actor",
        "村委会",
        "--household",
        "6211211032010002",
    )
    assert code == 1 and "下一步应为" in err
    code, out, _ = run(
        capsys, db_file, "procedure", "list", "--procedure", "exit", "--step", "verify", "--village", VILLAGE, "--json"
    )
    assert len(json.loads(out)) == 2


def test_objection_commands(capsys, db_file: Path) -> None:
    db = open_database(db_file)  # the family's 2019 income rose above the line: it meets the exit standard
    registry = Registry(db, today=TODAY)
    hid = db.conn.execute("SELECT id FROM households WHERE household_no = '6211211032010001'").fetchone()[0]
    registry.set_income(hid, 2019, HIGH)
    db.close()
    for step in ("committee_review", "verify", "household_sign", "village_notice"):
        votes = ["--votes", "8,1"] if step == "committee_review" else []
        code, _, err = run(
            capsys,
            db_file,
            "procedure",
            "step",
            "--procedure",
            "exit",
            "--step",
            step,
            "--date",
            "2019-05-06",
            "--actor",
            "村委会",
            "--household",
            "6211211032010001",
            *votes,
        )
        assert code == 0, err
    code, out, _ = run(
        capsys,
        db_file,
        "objection",
        "add",
        "--household",
        "6211211032010001",
        "--procedure",
        "exit",
        "--content",
        "收入未如实申报",
        "--date",
        "2019-05-08",
        "--by",
        "村民",
    )
    objection = out.split()[1].rstrip("。")
    code, out, _ = run(capsys, db_file, "objection", "list", "--open", "--json")
    assert [o["id"] for o in json.loads(out)] == [objection]
    code, out, _ = run(
        capsys,
        db_file,
        "objection",
        "resolve",
        objection,
        "--rejected",
        "--resolution",
        "不属实",
        "--date",
        "2019-05-09",
    )
    assert code == 0 and "异议不成立" in out


def test_exit_test_and_stats_exports(capsys, db_file: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, db_file, "exit-test", "6211211032010001", "--json")
    assert [i["item"] for i in json.loads(out)][0] == "income"
    code, out, _ = run(capsys, db_file, "--lang", "en", "exit-test", "6211211032010001")
    assert "Per-capita net income above the poverty line" in out
    xlsx, pdf = tmp_path / "s.xlsx", tmp_path / "s.pdf"
    code, out, _ = run(capsys, db_file, "stats", "--year", "2019", "--xlsx", str(xlsx), "--pdf", str(pdf))
    assert code == 0 and "2019 年概况" in out and pdf.read_bytes().startswith(b"%PDF")
    assert openpyxl.load_workbook(xlsx)["概况"]["B4"].value == 2  # row 2: 截至 … 生成于 …
    code, out, _ = run(capsys, db_file, "stats", "--json")
    assert json.loads(out)["report"]["total"]["poor_households"] == 2
