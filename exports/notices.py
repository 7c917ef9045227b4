"""Making a notice, start to finish: read the data, check every character has a font, draw, archive.

    request = default_request(db, "exit", "621121103201", start=datetime.date(2019, 10, 8))
    notice, rendered = generate_notice(db, request)      # archived; notice.path is the kept PDF

The GUI previews ``build_notice`` first and archives the same bytes with
``archive`` only when the notice is printed or saved.
"""

from __future__ import annotations

from dataclasses import dataclass

from exports.notice_data import NoticeContent, NoticeRequest, load_content
from exports.notice_fonts import FontSet, notice_fonts
from exports.notice_pdf import RenderedNotice, render_notice
from models.db import Database
from models.notice_archive import ArchivedNotice, archive_notice
from models.settings import get_setting


@dataclass(frozen=True)
class BuiltNotice:
    """A notice drawn but not yet archived."""

    content: NoticeContent
    rendered: RenderedNotice


def fonts_for(db: Database) -> FontSet:
    """The fonts for notices, honouring the font files chosen in the settings."""
    return notice_fonts(get_setting(db, "notice_font"), get_setting(db, "notice_fallback_font"))


def build_notice(db: Database, request: NoticeRequest, fonts: FontSet | None = None) -> BuiltNotice:
    """Read and draw the notice (not archived yet)."""
    content = load_content(db, request)
    return BuiltNotice(content, render_notice(content, fonts or fonts_for(db)))


def archive(db: Database, built: BuiltNotice, operator: str | None = None) -> ArchivedNotice:
    """Record the drawn notice in the archive and keep its PDF in the data folder."""
    request = built.content.request
    options = {
        "columns": list(request.columns),
        "two_up": request.two_up,
        "phone": request.phone,
        "office": request.office,
        "issuing_body": request.issuing_body,
        "evaluated_by": request.evaluated_by,
        "fonts": list(built.rendered.font_files),
    }
    return archive_notice(
        db,
        built.rendered.pdf,
        kind=request.kind,
        village_code=request.village_code,
        year=request.year,
        start=request.start,
        days=request.days,
        household_ids=built.content.household_ids,
        pages=built.rendered.pages,
        paper=request.paper,
        options=options,
        operator=operator,
    )


def generate_notice(
    db: Database, request: NoticeRequest, fonts: FontSet | None = None, operator: str | None = None
) -> tuple[ArchivedNotice, RenderedNotice]:
    """Draw the notice and archive it; returns the archive record and the PDF."""
    built = build_notice(db, request, fonts)
    return archive(db, built, operator), built.rendered
