"""The statistics report as a PDF (A4 landscape): the notes, then each table with its title.

The header row repeats on every page, and each page's foot carries the day the
figures are as of and the day they were generated, so a single page passed on
still says when it was true.

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
from reportlab.platypus import CondPageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from models.stats_format import report_tables
from models.stats_notes import report_notes

MARGIN = 12 * mm
KEEP_WITH_TITLE = 32 * mm  # the title, the header row and a few rows


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
    heading = ParagraphStyle("h", fontName=font, fontSize=12, leading=16, spaceBefore=6, spaceAfter=4)
    note = ParagraphStyle("n", fontName=font, fontSize=8.5, leading=12)
    story: list[Any] = [Paragraph(title, ParagraphStyle("t", fontName=font, fontSize=16, leading=22))]
    story += [Paragraph(_escape(line), note) for line in report_notes(report, language)]
    for table_title, header, rows in report_tables(report, language):
        # a title never ends a page; a long table goes on over the next page rather than leaving this one empty
        story += [CondPageBreak(KEEP_WITH_TITLE), Paragraph(table_title, heading), _table(font, header, rows)]
        story.append(Spacer(1, 4 * mm))
    footer = _footer(font, language, report)
    document.build(
        story,
        onFirstPage=footer,
        onLaterPages=footer,
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _footer(font: str, language: str, report: dict[str, Any]) -> Any:
    if language == "en":
        dates = f"Poverty statistics {report['year']}, as of {report['as_of']}, generated on {report['generated']}"
    else:
        dates = f"{report['year']} 年扶贫统计　截至 {report['as_of']}　生成于 {report['generated']}"

    def draw(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8)
        text = f"第 {document.page} 页" if language != "en" else f"Page {document.page}"
        canvas.drawRightString(document.pagesize[0] - MARGIN, MARGIN / 2, text)
        canvas.drawString(MARGIN, MARGIN / 2, dates)
        canvas.restoreState()

    return draw
