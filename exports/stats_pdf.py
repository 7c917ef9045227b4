"""The statistics report as a PDF (A4 landscape): each table with its title, the header repeated on every page.

The Chinese font is found the same way as for the notices
(``exports/notice_fonts.py``) and embedded as a subset.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from models.stats_format import report_tables

MARGIN = 12 * mm


def write_stats_pdf(report: dict[str, Any], path: str | Path, language: str = "zh", font_setting: str = "") -> Path:
    """Write the report to ``path`` (.pdf); FontNotFoundError when no Chinese font can be embedded."""
    from exports.notice_fonts import notice_fonts

    font = notice_fonts(font_setting).main.name
    target = Path(path)
    title = f"{report['year']} 年扶贫统计" if language != "en" else f"Poverty statistics {report['year']}"
    document = SimpleDocTemplate(
        str(target),
        pagesize=landscape(A4),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
    )
    heading = ParagraphStyle("h", fontName=font, fontSize=12, leading=16, spaceBefore=6, spaceAfter=4, keepWithNext=1)
    story: list[Any] = [Paragraph(title, ParagraphStyle("t", fontName=font, fontSize=16, leading=22))]
    for table_title, header, rows in report_tables(report, language):
        story += [Paragraph(table_title, heading), _table(font, header, rows), Spacer(1, 4 * mm)]
    document.build(
        story,
        onFirstPage=_footer(font, language),
        onLaterPages=_footer(font, language),
        canvasmaker=lambda *args, **kwargs: Canvas(*args, **{**kwargs, "initialFontName": font}),
    )
    return target


def _table(font: str, header: list[str], rows: list[list[Any]]) -> Table:
    cell = ParagraphStyle("c", fontName=font, fontSize=8, leading=10)
    body = [[Paragraph(str(h), cell) for h in header]]
    body += [[_text(v) for v in row] for row in rows]
    table = Table(body, repeatRows=1, hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), font),
        ("FONTSIZE", (0, 0), (-1, -1), 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE6F0")),
        ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    style += [
        ("BACKGROUND", (0, i), (-1, i), colors.HexColor("#F3F3F3"))
        for i, row in enumerate(rows, start=1)
        if isinstance(row[0], str) and not row[0].startswith("    ")
    ]
    table.setStyle(TableStyle(style))
    return table


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float) and type(value) is float:
        return f"{value:,.2f}"
    return str(value).replace("  ", "\u3000")


def _footer(font: str, language: str) -> Any:
    def draw(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        text = f"第 {document.page} 页" if language != "en" else f"Page {document.page}"
        canvas.drawRightString(document.pagesize[0] - MARGIN, MARGIN / 2, text)
        canvas.restoreState()

    return draw
