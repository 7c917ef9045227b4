"""Benchmark rows for printed notices (issue 5), run by ``python -m tests.bench``.

- a 1,000-household notice: read the rows, lay out (column widths, wrapping, pages, repeated header) and
  draw, against a bare reportlab ``Table`` of the same cells in the same font (platypus, header repeated);
- the largest village's exit notice the way the GUI and CLI make it (``build_notice``), against the same
  kind of bare table.
"""

from __future__ import annotations

import datetime
import io
import statistics
from typing import Any

START = datetime.date(2019, 10, 8)


def bare_table(rows: list[dict[str, str]], columns: tuple[str, ...], font: str) -> bytes:
    """The same cells in a plain reportlab platypus table: no wrapping, widths and page breaks by reportlab."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from exports.notice_kinds import COLUMNS

    data = [[COLUMNS[c].label for c in columns]] + [[row[c] for c in columns] for row in rows]
    table = Table(data, repeatRows=1)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), font, 10.5), ("GRID", (0, 0), (-1, -1), 0.4, "black")]))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, initialFontName=font).build([table])
    return buffer.getvalue()


def _median_ms(fn: Any, repeat: int = 3) -> float:
    from tests.bench import timed

    return statistics.median(timed(fn, repeat))


def notice_rows(db: Any, registry: Any) -> list[Any]:
    """The two notice rows of the benchmark table."""
    from dataclasses import replace

    from exports.notice_data import NoticeContent, default_request, village_place
    from exports.notice_fonts import notice_fonts
    from exports.notice_kinds import KINDS
    from exports.notice_pdf import render_notice
    from exports.notice_rows import household_cells, household_records
    from exports.notices import build_notice
    from tests.bench import Row

    fonts = notice_fonts()
    conn = db.conn
    village, size = conn.execute(
        "SELECT village_code, COUNT(*) FROM households GROUP BY village_code ORDER BY COUNT(*) DESC LIMIT 1"
    ).fetchone()
    request = default_request(db, "exit", village, year=2019, start=START)
    ids = [r[0] for r in conn.execute("SELECT id FROM households ORDER BY village_code, id LIMIT 1000")]

    def thousand() -> bytes:
        records = household_records(conn, ids, 2019)
        rows = [household_cells(r, seq) for seq, r in enumerate(records, 1)]
        content = NoticeContent(
            replace(request, household_ids=tuple(ids)),
            KINDS["exit"],
            village_place(conn, village),
            rows,
            [r["id"] for r in records],
        )
        return render_notice(content, fonts).pdf

    cells = [household_cells(r, seq) for seq, r in enumerate(household_records(conn, ids, 2019), 1)]
    value = _median_ms(thousand)
    base = _median_ms(lambda: bare_table(cells, request.columns, fonts.main.name))
    village_ids = tuple(r[0] for r in conn.execute("SELECT id FROM households WHERE village_code = ?", (village,)))
    village_request = replace(request, household_ids=village_ids)
    built = build_notice(db, village_request, fonts)
    village_value = _median_ms(lambda: build_notice(db, village_request, fonts))
    village_base = _median_ms(lambda: bare_table(built.content.rows, request.columns, fonts.main.name))
    return [
        Row(
            "notice PDF, 1,000 households",
            value,
            "bare reportlab Table, same cells",
            base,
            2000.0,
            f"read + lay out + draw; ratio target ≤ 1.5; {len(cells)} rows",
        ),
        Row(
            f"village exit notice PDF ({size} households)",
            village_value,
            "bare reportlab Table, same cells",
            village_base,
            2000.0,
            f"build_notice as GUI/CLI; {built.rendered.pages} pages",
        ),
    ]
