"""Exporting to Excel: the national roster layout that imports back unchanged, and any list with Chinese headers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from exports.excel_apply import apply_plan
from exports.excel_export import NATIONAL_COLUMNS, export_households
from exports.excel_fields import match_header
from exports.excel_import import ExcelImport
from exports.excel_lists import export_check_report, export_search_results, export_statistics
from exports.excel_read import read_workbook
from exports.excel_write import export_rows
from models.db import Database, open_database
from models.registry import Registry
from models.stats_report import compute_report
from tests.exports.excel_helpers import pid, snapshot

DEMO_HOUSEHOLDS = 60


@pytest.fixture
def demo(tmp_path: Path) -> Database:
    from models.demo import generate_demo

    db = open_database(tmp_path / "demo.db")
    generate_demo(db, households=DEMO_HOUSEHOLDS, seed=5)
    yield db
    db.close()


def test_every_national_header_imports_as_the_field_it_was_exported_from() -> None:
    for header, key in NATIONAL_COLUMNS:
        assert match_header(header) == key, header


def test_export_then_import_into_the_same_registry_changes_nothing(demo: Database, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    members = export_households(demo.conn, path)
    assert members == demo.conn.execute("SELECT COUNT(*) FROM members WHERE in_household = 1").fetchone()[0]
    before = snapshot(demo)
    registry = Registry(demo)
    plan = ExcelImport.open(path, demo.conn).plan(registry)
    assert plan.counts()["unchanged"] == DEMO_HOUSEHOLDS and plan.counts()["errors"] == 0
    apply_plan(registry, plan)
    assert snapshot(demo) == before


def test_an_export_imported_into_an_empty_registry_exports_back_identically(demo: Database, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    export_households(demo.conn, first)
    fresh = open_database(tmp_path / "fresh.db")
    with fresh.write() as writer:  # the same villages and groups, as a township's other laptop holds them
        for table in ("regions", "village_groups"):
            cursor = demo.conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            writer.insert_many(
                table, [{k: v for k, v in zip(names, r, strict=True) if not k.startswith("_")} for r in cursor]
            )
    registry = Registry(fresh)
    result = apply_plan(registry, ExcelImport.open(first, fresh.conn).plan(registry))
    assert result.households_added == DEMO_HOUSEHOLDS and result.rejected == 0
    export_households(fresh.conn, second)
    income = [h for h, _ in NATIONAL_COLUMNS].index("年人均纯收入")  # incomes are not part of the roster
    rows = [[[v for c, v in enumerate(r) if c != income] for r in read_workbook(p)[0].rows] for p in (first, second)]
    assert rows[0] == rows[1]
    fresh.close()


def test_the_national_layout_shows_labels_text_numbers_and_a_frozen_header(demo: Database, tmp_path: Path) -> None:
    path = tmp_path / "roster.xlsx"
    export_households(demo.conn, path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.freeze_panes == "A3" and "花名册" in sheet["A1"].value
    headers = [c.value for c in sheet[2]]
    assert headers[:10] == [
        "序号",
        "乡镇",
        "行政村",
        "村代码",
        "村民小组",
        "户编号",
        "户主姓名",
        "户主证件号码",
        "家庭人口数",
        "姓名",
    ]
    first = {h: c for h, c in zip(headers, sheet[3], strict=True)}
    assert first["与户主关系"].value == "户主" and first["性别"].value in ("男", "女")
    assert first["民族"].value.endswith("族") and first["是否享受农村低保"].value in ("是", "否")
    assert isinstance(first["证件号码"].value, str) and first["证件号码"].number_format == "@"
    assert sheet.column_dimensions["H"].width >= 20  # an ID number fits


def test_export_rows_writes_chinese_headers_frozen_with_widths(tmp_path: Path) -> None:
    path = tmp_path / "list.xlsx"
    count = export_rows(path, ["姓名", "说明"], [["张三", "一段很长很长很长很长很长很长的说明文字"], ["李四", "短"]])
    sheet = openpyxl.load_workbook(path).active
    assert count == 2 and sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["姓名", "说明"] and sheet["A1"].font.b
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    assert oct(path.stat().st_mode)[-3:] != "600"  # an ordinary file, not a private temporary one


def test_search_results_export_masks_id_numbers(demo: Database, tmp_path: Path) -> None:
    surname = demo.conn.execute("SELECT substr(name, 1, 1) FROM members LIMIT 1").fetchone()[0]
    path = tmp_path / "hits.xlsx"
    count = export_search_results(demo.conn, path, surname)
    rows = read_workbook(path)[0].rows
    assert count > 0 and rows[1] == ["姓名", "与户主关系", "证件号码", "村", "户编号"]
    assert all("********" in str(r[2]) for r in rows[2:] if r[2])
    with zipfile.ZipFile(path) as archive:
        text = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8", "ignore")
    full = [r[0] for r in demo.conn.execute("SELECT id_number FROM members WHERE id_number IS NOT NULL")]
    assert not any(number in text for number in full)


def test_check_report_and_statistics_exports_have_labels(demo: Database, tmp_path: Path) -> None:
    export_check_report(demo.conn, tmp_path / "check.xlsx")
    assert read_workbook(tmp_path / "check.xlsx")[0].rows[0] == ["级别", "户", "字段", "说明"]
    export_statistics(demo.conn, tmp_path / "stats.xlsx")
    sheets = read_workbook(tmp_path / "stats.xlsx")
    assert [s.name for s in sheets] == ["按村", "按贫困户状态", "按贫困户属性", "按主要致贫原因"]
    report = compute_report(demo.conn)  # the menu passes no year: the working year, as the report uses
    assert sheets[0].rows[0][0] == f"按村（在册户；{report['year']} 年，截至 {report['as_of']}）"
    assert sheets[0].rows[-1][1] == "合计" and sheets[0].rows[-1][2] == report["total"]["households"]
    assert sum(r[2] for r in sheets[2].rows[2:]) == report["total"]["poor_households"]  # same heading, same count
    assert "因病" in [r[1] for r in sheets[3].rows]


def test_xls_and_ods_rosters_are_read_too(tmp_path: Path) -> None:
    rows = [["花名册"], ["姓名", "身份证号", "与户主关系"], ["张三", pid(1970, 3, 5, True), "户主"]]
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("花名册")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(tmp_path / "old.xls"))
    write_ods(tmp_path / "calc.ods", rows)
    for name in ("old.xls", "calc.ods"):
        job = ExcelImport.open(tmp_path / name)
        assert job.guess.header_rows == (1,) and job.sheet.rows[2][:3] == rows[2], name


def write_ods(path: Path, rows: list[list[str]]) -> None:
    """A minimal OpenDocument spreadsheet (as LibreOffice and WPS save them)."""
    cells = "".join(
        "<table:table-row>"
        + "".join(f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>' for v in row)
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        f'<office:spreadsheet><table:table table:name="花名册">{cells}</table:table></office:spreadsheet>'
        "</office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
