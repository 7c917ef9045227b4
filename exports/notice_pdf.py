"""Lay out and draw a notice as PDF bytes (reportlab canvas; no Qt).

Table notices: the place and title, the body (who evaluated, the period, how
to object), the table with its header row on every page (two column groups
side by side if asked), and on the last page the note, the issuing body,
(盖章), the date and signature lines. Every page says 第 x 页 共 y 页.
Assistance cards: one page per household (``notice_card``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from exports import notice_table
from exports.notice_data import NoticeContent
from exports.notice_defaults import default_issuer, default_office
from exports.notice_flow import (
    Block,
    Frame,
    chinese_date,
    lines_block,
    page_number,
    right_block,
    signature_block,
    spacer,
)
from exports.notice_fonts import FontSet
from exports.notice_kinds import CARD, FUNDS, OBJECTION, OBJECTION_AFTER, PAPERS, PERIOD
from exports.notice_text import Pen
from models.errors import JiandangError

PLACE_SIZE = 14.0
TITLE_SIZE = 20.0
BODY_SIZE = 12.0
TABLE_SIZE = 10.5
CONTINUED_SIZE = 10.0
COPIES_NOTE = "本公示一式三份，县、乡（镇）、村各存档一份。"
SIGNATURES = ["村党支部书记（签字）：", "村委会主任（签字）：", "驻村工作队队长（签字）："]
ANNOUNCEMENT_SIGNATURES = ["负责人（签字）：", "经办人（签字）："]
PRIVATE_NOTE = "其中{types}涉及个人隐私，按类公示户数和资金合计，不列户名。"


class MissingCharactersError(JiandangError):
    """Some characters of the notice are in no available font; nothing was printed."""

    def __init__(self, missing: list[tuple[str, str]]) -> None:
        listed = "、".join(f"{c}（U+{ord(c):04X}{'，' + where if where else ''}）" for c, where in missing)
        listed_en = ", ".join(f"{c} (U+{ord(c):04X}{', ' + where if where else ''})" for c, where in missing)
        super().__init__(
            f"以下字符在已安装的字体中都没有，打印出来会是空白，因此没有生成公示：{listed}。请安装含生僻字的字体"
            "（Windows 的 SimSun-ExtB，即 simsunb.ttf；Linux 的 fonts-hanazono），或在设置中指定补充字体文件。",
            f"These characters are in no installed font and would print blank, so no notice was made: {listed_en}. "
            "Install a font with rare characters (SimSun-ExtB simsunb.ttf on Windows, fonts-hanazono on Linux) "
            "or choose a fallback font file in the settings.",
        )
        self.missing = missing


@dataclass(frozen=True)
class RenderedNotice:
    """The PDF and what is known about it."""

    pdf: bytes
    pages: int
    font_files: tuple[str, ...]


def missing_characters(content: NoticeContent, fonts: FontSet) -> list[tuple[str, str]]:
    """(character, where it occurs) for each character of the notice that no font has; empty when all print."""
    texts = [*content.texts(), ("", _template_text(content))]
    lacking = fonts.missing("".join(text for _, text in texts))
    return [(c, next((where for where, text in texts if c in text), "")) for c in lacking]


def _template_text(content: NoticeContent) -> str:
    request, kind = content.request, content.kind
    catalog = kind.column_catalog()
    return (
        kind.title
        + kind.body
        + PERIOD
        + OBJECTION
        + COPIES_NOTE
        + PRIVATE_NOTE
        + "".join(SIGNATURES + ANNOUNCEMENT_SIGNATURES)
        + "".join(catalog[c].label for c in request.columns if c in catalog)
        + "第页共（盖章）0123456789年月日续合计全村—"
        + (_card_text() if kind.layout == CARD else "")
    )


def _card_text() -> str:
    from exports.notice_card import STATIC_TEXT

    return STATIC_TEXT


def render_notice(content: NoticeContent, fonts: FontSet) -> RenderedNotice:
    """The notice as PDF bytes; MissingCharactersError (naming each character) instead of a blank glyph."""
    missing = missing_characters(content, fonts)
    if missing:
        raise MissingCharactersError(missing)
    request = content.request
    frame = Frame(*PAPERS[request.paper][0])
    if content.kind.layout == CARD:
        from exports.notice_card import card_pages

        pages = card_pages(content, fonts, frame)
    else:
        pages = table_pages(content, fonts, frame)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(frame.width, frame.height), initialFontName=fonts.main.name, pageCompression=1)
    canvas.setTitle(f"{content.place.village}{request.year}年{content.kind.title}")
    canvas.setCreator("建档 Jiandang")
    for number, page in enumerate(pages, 1):
        pen = Pen(canvas, fonts)
        y = frame.top
        for block in page:
            block.paint(pen, frame.left, y)
            y -= block.height
        page_number(pen, frame, number, len(pages))
        pen.flush()
        canvas.showPage()
    canvas.save()
    used = (fonts.main, *fonts.fallbacks)
    return RenderedNotice(buffer.getvalue(), len(pages), tuple(str(f.path) for f in used))


def body_text(content: NoticeContent) -> str:
    """The paragraph under the title: who evaluated, how many, the period and how to object."""
    request, kind = content.request, content.kind
    place = content.place
    count = len(content.rows) - 1 if kind.layout == FUNDS else len(content.household_ids)
    text = kind.body.format(
        evaluated_by=request.evaluated_by or kind.evaluated_by,
        count=count,
        people=content.people,
        year=request.year,
        village=place.village,
        amount=f"{content.amount:,.2f}",
    )
    private = [row["private"] for row in content.rows if row.get("private")]
    if private:
        text += PRIVATE_NOTE.format(types="、".join(private))
    office = request.office or default_office(place)
    if kind.is_notice:
        period = PERIOD.format(start=chinese_date(request.start), end=chinese_date(request.end), days=request.days)
        return text + period + OBJECTION.format(office=office, phone=request.phone)
    return text + OBJECTION_AFTER.format(office=office, phone=request.phone)


def issuer(content: NoticeContent) -> str:
    """The issuing body: from the request (settings), else the village committee or the township government."""
    request, place = content.request, content.place
    return request.issuing_body or default_issuer(place, content.kind)


def table_pages(content: NoticeContent, fonts: FontSet, frame: Frame) -> list[list[Block]]:
    """The pages of a table notice: intro on page 1, the table across pages, the closing at the end."""
    request, kind, place = content.request, content.kind, content.place
    width = frame.content_width
    title = f"{request.year}年{kind.title}"
    intro = [
        lines_block(fonts, f"{place.county}{place.township}{place.village}", width, PLACE_SIZE, "center", 1.6),
        lines_block(fonts, title, width, TITLE_SIZE, "center", 1.5),
        lines_block(fonts, body_text(content), width, BODY_SIZE, leading=1.65, indent=True),
        spacer(BODY_SIZE * 0.6),
    ]
    catalog = kind.column_catalog()
    table = notice_table.lay_out(
        fonts, [catalog[c] for c in request.columns], content.rows, width, TABLE_SIZE, request.two_up
    )
    continued = lines_block(fonts, f"{place.village}{title}（续）", width, CONTINUED_SIZE, leading=2.0)
    return _paginate(frame, intro, table, continued, _closing(content, fonts, width))


def _closing(content: NoticeContent, fonts: FontSet, width: float) -> list[Block]:
    request, kind = content.request, content.kind
    blocks = [spacer(BODY_SIZE * 0.8)]
    if kind.is_notice:
        blocks.append(lines_block(fonts, COPIES_NOTE, width, BODY_SIZE - 1, leading=1.6))
    blocks.append(right_block(fonts, [issuer(content), "（盖章）", chinese_date(request.start)], width, BODY_SIZE))
    signatures = SIGNATURES if kind.is_notice else ANNOUNCEMENT_SIGNATURES
    blocks.append(signature_block(fonts, signatures, width, BODY_SIZE - 1))
    return blocks


def _paginate(
    frame: Frame, intro: list[Block], table: notice_table.LaidTable, continued: Block, closing: list[Block]
) -> list[list[Block]]:
    """Pages of rows; the closing (note, issuer, seal, date, signatures) always shares a page with rows:
    when it does not fit under the last rows, some of them move to the sealed page."""
    pages: list[list[Block]] = [list(intro)]
    room = frame.content_height - sum(b.height for b in intro)
    closing_height = sum(b.height for b in closing)
    start, total = 0, len(table.heights)
    while start < total:
        part = notice_table.fit(table, start, room)
        if part is None and len(pages[-1]) <= 1:  # a single row taller than a page: print it anyway
            part = notice_table.Slice(range(start, start + 1), height=room)
        held = part is not None and _last(part, total) and part.height + closing_height > room
        if held:
            part = _hold_back(table, start, room, closing_height, total) or (None if len(pages) == 1 else part)
        if part is None:
            pages.append([continued])
            room = frame.content_height - continued.height
            continue
        pages[-1].append(_table_block(table, part))
        room -= part.height
        start = max(part.left.stop, part.right.stop)
        if held and start < total:  # the rows held back open the sealed page
            pages.append([continued])
            room = frame.content_height - continued.height
    if closing_height > room:
        pages.append([continued])
    pages[-1] += closing
    return pages


def _last(part: notice_table.Slice, total: int) -> bool:
    return max(part.left.stop, part.right.stop) >= total


def _hold_back(
    table: notice_table.LaidTable, start: int, room: float, closing_height: float, total: int
) -> notice_table.Slice | None:
    """The rows to print on this page so that the rest fill the sealed page with the closing; None when
    every row must move there (or none can)."""
    part = notice_table.fit(table, start, room - closing_height)  # may reach the end when two-up rows balance
    return part or notice_table.fit(table, start, room, stop=total - 1)


def _table_block(table: notice_table.LaidTable, part: notice_table.Slice) -> Block:
    return Block(part.height, lambda pen, x, y: notice_table.draw(pen, table, part, x, y))
