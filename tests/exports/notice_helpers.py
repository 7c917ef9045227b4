"""Helpers for the notice tests: PDF text per page (poppler's pdftotext), test fonts, a quick village."""

from __future__ import annotations

import datetime
import re
import subprocess
import tempfile
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from models.db import Database
from models.idcard import make_id_number

VILLAGE = "621121103201"
PLACE = (
    ("620000000000", "甘肃省", 1),
    ("621100000000", "定西市", 2),
    ("621121000000", "通渭县", 3),
    ("621121103000", "平襄镇", 4),
    (VILLAGE, "文峰村", 5),
)


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page, as poppler's pdftotext extracts it (what a reader can copy)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notice.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
        ).stdout.decode("utf-8")
    return text.split("\f")[:-1]


def pdf_page_size(pdf: bytes) -> tuple[int, int]:
    """The first page's size in points (rounded), as pdfinfo reports it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notice.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, timeout=60).stdout.decode()
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", out).groups()
    return round(float(width)), round(float(height))


def pdf_fonts(pdf: bytes) -> list[dict[str, str]]:
    """pdffonts' table: name, type, embedded (yes/no), subset (yes/no), unicode map (yes/no)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "notice.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, timeout=60).stdout.decode()
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        rows.append({"name": parts[0], "type": parts[1], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def _box() -> object:
    pen = TTGlyphPen(None)
    for x0, y0, x1, y1, clockwise in ((100, -100, 900, 800, True), (300, 100, 700, 600, False)):
        points = [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]
        pen.moveTo(points[0] if clockwise else points[-1])
        for point in points[1:] if clockwise else reversed(points[:-1]):
            pen.lineTo(point)
        pen.closePath()
    return pen.glyph()


def make_font(path: Path, chars: str, family: str = "JiandangTest") -> Path:
    """A small TrueType font whose only glyphs (boxes) are ``chars`` — e.g. a rare-character fallback."""
    chars = "".join(dict.fromkeys(chars))
    names = [".notdef"] + [f"u{ord(c):05X}" for c in chars]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): n for c, n in zip(chars, names[1:], strict=True)})
    builder.setupGlyf({n: _box() for n in names})
    builder.setupHorizontalMetrics({n: (1000, 100) for n in names})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2(sTypoAscender=880, usWinAscent=880, usWinDescent=120, fsType=0)
    builder.setupPost()
    builder.save(str(path))
    return path


def make_village(db: Database, heads: list[str], groups: int = 3, status: str = "02") -> list[str]:
    """A village whose households have the given heads (with an ID number, phone and bank account each);
    returns the household ids. Written through the ChangeWriter like any other data."""
    born = datetime.date(1970, 1, 1)
    with db.write("测试员") as writer:
        for code, name, level in PLACE:
            parent = None if level == 1 else PLACE[level - 2][0]
            writer.insert("regions", {"code": code, "name": name, "level": level, "parent_code": parent})
        group_ids = writer.insert_many(
            "village_groups",
            [{"village_code": VILLAGE, "name": f"{'一二三四五六七八九'[n]}组", "sort": n} for n in range(groups)],
        )
        ids = writer.insert_many(
            "households",
            [
                {
                    "village_code": VILLAGE,
                    "group_id": group_ids[i % groups],
                    "household_no": f"62112110320100{i:04d}",
                    "attribute": "1",
                    "main_cause": "01",
                    "phone": f"1390000{i:04d}",
                    "bank_account": f"622700000000{i:06d}",
                    "identified_year": 2015,
                }
                for i in range(len(heads))
            ],
        )
        writer.insert_many(
            "members",
            [
                {
                    "household_id": hid,
                    "name": name,
                    "relation": "01",
                    "in_household": 1,
                    "sex": "1",
                    "id_number": make_id_number("621121", born + datetime.timedelta(days=i), 11),
                }
                for i, (hid, name) in enumerate(zip(ids, heads, strict=True))
            ],
        )
        writer.insert_many("status_history", [{"household_id": hid, "year": 2019, "status": status} for hid in ids])
    return ids
