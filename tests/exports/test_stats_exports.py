"""The statistics report exported to Excel (reopened with openpyxl) and to PDF (text extracted with pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from exports.stats_pdf import write_stats_pdf
from exports.stats_xlsx import NOTES_SHEET, SHEETS, write_stats_xlsx
from models.db import open_database
from models.registry import Registry
from models.stats_report import compute_report
from tests.models.conftest import TODAY, VILLAGE
from tests.models.poor_households import poor_household


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = open_database(tmp_path_factory.mktemp("stats") / "r.db")
    registry = Registry(db, today=TODAY)
    for code, name in (
        ("62", "甘肃省"),
        ("6211", "定西市"),
        ("621121", "通渭县"),
        ("621121103", "平襄镇"),
        (VILLAGE, "文峰村"),
    ):
        registry.add_region(code, name)
    registry.set_village_profile(VILLAGE, 2019, {"rural_population": 400})
    for seq in (1, 2, 3):
        poor_household(registry, seq)
    registry.create_measure(
        {
            "household_id": registry.conn.execute("SELECT id FROM households").fetchone()[0],
            "year": 2019,
            "type": "09",
            "status": "3",
            "fund_fiscal": 1234.5,
        }
    )
    result = compute_report(db.conn, 2019, today=TODAY)
    db.close()
    return result


def test_excel_has_one_formatted_sheet_per_table_with_chinese_headers(report: dict, tmp_path: Path) -> None:
    path = write_stats_xlsx(report, tmp_path / "统计.xlsx")
    book = openpyxl.load_workbook(path)
    assert tuple(book.sheetnames) == (*SHEETS["zh"], NOTES_SHEET["zh"])
    sheet = book["概况"]
    assert sheet["A1"].value == "2019 年概况（按乡镇、村）" and sheet["A1"].font.b
    assert sheet["A2"].value == "截至 2019-06-01；生成于 2019-06-01"  # every sheet says when it was true
    assert {"A1:G1", "A2:G2"} <= {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[3]] == [
        "乡镇/村",
        "总户数",
        "总人数",
        "贫困户",
        "贫困人口",
        "农村人口",
        "贫困发生率",
    ]
    assert all(c.font.b and c.fill.fgColor.rgb.endswith("DDE6F0") for c in sheet[3])
    total, township, village = ([c.value for c in sheet[r]] for r in (4, 5, 6))
    assert total == ["合计", 3, 12, 3, 12, 400, 0.03]  # 合计, not the county's name
    assert township[0] == "平襄镇" and village[0] == "文峰村"
    assert sheet["G4"].number_format == "0.00%" and sheet["B4"].number_format == "#,##0"
    assert sheet["A6"].alignment.indent == 4 and sheet.freeze_panes == "B4"
    notes = [r[0] for r in book["说明"].iter_rows(values_only=True)]
    assert notes[1] == "范围：通渭县 平襄镇，共 1 个乡镇、1 个村；“合计”是这些村的合计。"
    assert sheet.column_dimensions["A"].width >= 8
    funds = book["帮扶措施与资金"]
    header = [c.value for c in funds[3]]
    row = next(r for r in funds.iter_rows(min_row=4, values_only=True) if r[1] == "发展教育脱贫一批")
    assert (
        row[header.index("财政专项")] == 1234.5 and funds.cell(4, header.index("合计") + 1).number_format == "#,##0.00"
    )


def test_excel_in_english(report: dict, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_stats_xlsx(report, tmp_path / "stats.xlsx", "en"))
    assert book.sheetnames[0] == "Overview" and book["Overview"]["B3"].value == "Households"
    assert book["Overview"]["A2"].value == "As of 2019-06-01; generated on 2019-06-01"
    assert book["Overview"]["G3"].value == "Poverty rate" and book.sheetnames[-1] == "Notes"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_holds_every_table_with_embedded_chinese_font(report: dict, tmp_path: Path) -> None:
    path = write_stats_pdf(report, tmp_path / "统计.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    for expected in (
        "2019 年扶贫统计",
        "截至 2019-06-01；生成于 2019-06-01。",
        "2019 年概况（按乡镇、村）",
        "帮扶责任人覆盖",
        "文峰村",
        "贫困发生率",
        "3.00%",
        "100.00%",
        "1,234.50",
    ):
        assert expected in text, expected
    assert re.search(r"第\s*1\s*页", text)
    assert re.search(r"2019 年扶贫统计\s+截至 2019-06-01\s+生成于 2019-06-01", text)  # on the foot of each page
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert all(" yes " in line for line in fonts.splitlines()[2:])


def test_no_table_title_is_left_alone_at_the_foot_of_a_page(tmp_path: Path) -> None:
    """A section's title starts the page its table starts on (a several-page report of a demo township)."""
    from exports.stats_pdf import report_tables
    from models.demo import generate_demo

    db = open_database(tmp_path / "demo.db")
    generate_demo(db, households=400, seed=2, current_year=2019)
    big = compute_report(db.conn, 2019)
    db.close()
    for language in ("zh", "en"):
        path = write_stats_pdf(big, tmp_path / "统计.pdf", language)
        pages = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        titles = [title for title, _, _ in report_tables(big, language)]
        assert pages.count("\f") >= 3
        for page in pages.split("\f"):
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            lines = [line for line in lines if not re.match(r"(第\s*\d+\s*页|Page\s+\d+)", line)]
            assert not lines or lines[-1] not in titles, lines[-1]
