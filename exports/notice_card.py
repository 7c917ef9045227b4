"""帮扶明白卡: one page per household, posted in the home: who helps, what was done this year, which
policies the family receives, and where to complain.
"""

from __future__ import annotations

from typing import Any

from exports import notice_table
from exports.notice_data import NoticeContent
from exports.notice_flow import Block, Frame, lines_block, signature_block, spacer
from exports.notice_fonts import FontSet
from exports.notice_kinds import Column

TITLE_SIZE = 26.0
HEADING_SIZE = 15.0
TEXT_SIZE = 13.0
INFO_COLUMNS = [
    Column("k1", "", "", 1.0),
    Column("v1", "", "", 2.0, "left"),
    Column("k2", "", "", 1.0),
    Column("v2", "", "", 2.0, "left"),
]
MEASURE_COLUMNS = [
    Column("seq", "序号", "No.", 0.6),
    Column("project", "帮扶项目", "Measure", 1.6),
    Column("content", "帮扶内容", "Content", 3.2, "left"),
    Column("amount", "金额（元）", "Amount (yuan)", 1.2, "right"),
    Column("status", "进展", "Progress", 0.9),
]
CARD_SIGNATURES = ["户主（签字）：", "帮扶责任人（签字）：", "日期："]
STATIC_TEXT = (
    "年帮扶明白卡户主姓名家庭人口所在村组贫困户属性致贫原因贫困户状态帮扶责任人联系电话帮扶单位帮扶措施享受政策暂无"
    "如对帮扶工作有意见或建议，请联系帮扶责任人也可拨打监督举报电话或向反映。本年度暂无帮扶措施记录另有项措施未能列出，"
    "详见扶贫手册（元）人" + "".join(c.label for c in MEASURE_COLUMNS) + "".join(CARD_SIGNATURES)
)
"""Every fixed character a card prints, checked against the fonts before drawing."""


def card_pages(content: NoticeContent, fonts: FontSet, frame: Frame) -> list[list[Block]]:
    """One page of blocks per household card."""
    return [_card(content, card, fonts, frame) for card in content.cards]


def _card(content: NoticeContent, card: dict[str, Any], fonts: FontSet, frame: Frame) -> list[Block]:
    request, place = content.request, content.place
    width = frame.content_width
    top = [
        lines_block(fonts, f"{request.year}年帮扶明白卡", width, TITLE_SIZE, "center", 1.5),
        lines_block(fonts, f"{place.county}{place.township}{place.village}", width, TEXT_SIZE, "center", 1.8),
        spacer(6),
        _info(card, fonts, width),
        spacer(10),
        lines_block(fonts, f"{request.year}年帮扶措施", width, HEADING_SIZE, leading=1.8),
    ]
    policies = "、".join(card["policies"]) or "暂无"
    office = f"，或向{request.office}反映" if request.office else ""
    contact = f"请联系帮扶责任人{card['helper']}，也可" if card["paired"] else "可"
    bottom = [
        spacer(10),
        lines_block(fonts, "享受政策", width, HEADING_SIZE, leading=1.8),
        lines_block(fonts, policies + "。", width, TEXT_SIZE, leading=1.6, indent=True),
        spacer(6),
        lines_block(
            fonts,
            f"如对帮扶工作有意见或建议，{contact}拨打监督举报电话{request.phone}{office}。",
            width,
            TEXT_SIZE,
            leading=1.6,
            indent=True,
        ),
        signature_block(fonts, CARD_SIGNATURES, width, TEXT_SIZE),
    ]
    room = frame.content_height - sum(b.height for b in top + bottom)
    return [*top, _measures(card, fonts, width, room), *bottom]


def _info(card: dict[str, Any], fonts: FontSet, width: float) -> Block:
    rows = [
        ("户主姓名", card["head"], "家庭人口", f"{card['population']} 人"),
        ("所在村组", card["place"], "贫困户属性", card["attribute"]),
        ("致贫原因", card["causes"], "贫困户状态", card["status"]),
        ("帮扶责任人", card["helper"], "联系电话", card["helper_phone"]),
        ("帮扶单位", card["helper_unit"], "", ""),
    ]
    cells = [dict(zip(("k1", "v1", "k2", "v2"), row, strict=True)) for row in rows]
    table = notice_table.lay_out(fonts, INFO_COLUMNS, cells, width, TEXT_SIZE, header=False, shaded=(0, 2))
    part = notice_table.Slice(range(len(cells)), height=sum(table.heights))
    return Block(part.height, lambda pen, x, y: notice_table.draw(pen, table, part, x, y))


def _measures(card: dict[str, Any], fonts: FontSet, width: float, room: float) -> Block:
    """This year's measures, cut to the room on the page with a line saying how many were left out."""
    measures = card["measures"]
    if not measures:
        return lines_block(fonts, "本年度暂无帮扶措施记录。", width, TEXT_SIZE, leading=1.6, indent=True)
    rows = [{**m, "seq": str(i)} for i, m in enumerate(measures, 1)]
    table = notice_table.lay_out(fonts, MEASURE_COLUMNS, rows, width, TEXT_SIZE)
    part = notice_table.fit(table, 0, room)
    if part is not None and part.left.stop == len(rows):
        return Block(part.height, lambda pen, x, y: notice_table.draw(pen, table, part, x, y))
    note = f"另有 {len(rows)} 项措施未能列出，详见扶贫手册。"
    more = lines_block(fonts, note, width, TEXT_SIZE, leading=1.6)
    part = notice_table.fit(table, 0, room - more.height)
    shown = part.left.stop if part else 0
    note = f"另有 {len(rows) - shown} 项措施未能列出，详见扶贫手册。"
    more = lines_block(fonts, note, width, TEXT_SIZE, leading=1.6)

    def paint(pen: Any, x: float, y: float) -> None:
        if part is not None:
            y = notice_table.draw(pen, table, part, x, y)
        more.paint(pen, x, y)

    return Block((part.height if part else 0) + more.height, paint)
