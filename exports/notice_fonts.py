"""CJK TrueType fonts for printed notices: found in a fixed order, embedded as subsets, with per-character fallback.

Search order (issue 5): the font file chosen in settings; ``resources/fonts/``;
the system's fonts (Windows: 仿宋, 宋体, 黑体, 微软雅黑; Linux: WenQuanYi,
AR PL UMing/UKai, then any other TrueType font that has Chinese; macOS: the
system's Chinese fonts). A font is usable when reportlab can embed it (TrueType
outlines, embedding allowed) and it has the common characters of a notice.

Characters the main font lacks (rare name characters such as 𠮷 or 䶮) are
looked up in further fonts, extension-B fonts first. What no font has is
reported by :meth:`FontSet.missing`; the renderer refuses to print it rather
than leave a blank.
"""

from __future__ import annotations

import itertools
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts

from models.errors import JiandangError

PROBE = "贫困户公示村民小组户主姓名家庭人口盖章第页共"
FONT_SUFFIXES = (".ttf", ".ttc")
WINDOWS_FONTS = ("simfang.ttf", "simsun.ttc", "simhei.ttf", "msyh.ttc", "msyh.ttf", "simkai.ttf")
WINDOWS_EXTENSION_FONTS = ("simsunb.ttf", "mingliub.ttc")
LINUX_FONTS = ("wqy-zenhei.ttc", "wqy-microhei.ttc", "uming.ttc", "ukai.ttc")
LINUX_EXTENSION_FONTS = ("HanaMinB.ttf", "HanaMinA.ttf")
MAC_FONTS = (
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/Library/Fonts/Songti.ttc",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)
LINUX_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
MIN_SCANNED_SIZE = 1_000_000  # a font found by scanning a folder needs ~1 MB to hold thousands of hanzi
INSTALL_HINT_ZH = (
    "请安装中文 TrueType 字体后重试：Windows 一般自带宋体/黑体（C:\\Windows\\Fonts 中的 simsun.ttc、simhei.ttf）；"
    "Linux 运行 sudo apt install fonts-wqy-zenhei；也可以把 .ttf/.ttc 字体文件放入程序的 resources/fonts/ 文件夹，"
    "或在设置中指定字体文件。"
)
INSTALL_HINT_EN = (
    "Install a Chinese TrueType font and retry: Windows normally has SimSun/SimHei (simsun.ttc, simhei.ttf in "
    "C:\\Windows\\Fonts); on Linux run sudo apt install fonts-wqy-zenhei; or put a .ttf/.ttc file in the program's "
    "resources/fonts/ folder, or choose a font file in the settings."
)


class FontNotFoundError(JiandangError):
    """No usable Chinese TrueType font was found: a notice cannot be printed."""


@dataclass(frozen=True)
class LoadedFont:
    """A registered reportlab font and the characters it has."""

    name: str
    path: Path
    chars: frozenset[int]


def _fix_to_unicode() -> None:
    """Make reportlab's ToUnicode maps right for characters beyond U+FFFF (𠮷), so their text can be copied.

    reportlab writes such a code point as five hex digits; PDF wants its UTF-16 form.
    """
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_jiandang", False):
        return

    def fixed(fontname: str, subset: list[int]) -> str:
        text = original(fontname, [min(code, 0xFFFF) for code in subset])
        lines = text.split("\n")
        start = lines.index(f"{len(subset)} beginbfchar") + 1
        for i, code in enumerate(subset):
            lines[start + i] = f"<{i:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
        return "\n".join(lines)

    fixed._jiandang = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = fixed


_fix_to_unicode()


def candidate_fonts(setting: str = "", platform: str = sys.platform) -> Iterator[Path]:
    """Font files to try, in the issue's order; system folders are scanned only when reached."""
    from models.paths import resource_path

    if setting:
        yield Path(setting).expanduser()
    yield from _font_files([resource_path("fonts")])
    yield from system_fonts(platform)


def system_fonts(platform: str = sys.platform) -> Iterator[Path]:
    """The operating system's Chinese fonts, preferred ones first, then any other TrueType font."""
    if platform.startswith("win"):
        folder = Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts"
        yield from (folder / name for name in WINDOWS_FONTS)
        yield from _font_files([folder], MIN_SCANNED_SIZE)
    elif platform == "darwin":
        yield from map(Path, MAC_FONTS)
        folders = [Path("/System/Library/Fonts"), Path("/Library/Fonts"), Path("~/Library/Fonts")]
        yield from _font_files(folders, MIN_SCANNED_SIZE)
    else:
        files = list(_font_files((Path(d) for d in LINUX_DIRS), MIN_SCANNED_SIZE))
        by_name = {p.name: p for p in files}
        preferred = [by_name[name] for name in LINUX_FONTS if name in by_name]
        yield from preferred
        yield from (p for p in files if p not in preferred)


def extension_fonts(platform: str = sys.platform) -> Iterator[Path]:
    """Fonts known to hold the rare characters of CJK extension B and beyond (tried first as fallbacks)."""
    if platform.startswith("win"):
        folder = Path(os.environ.get("WINDIR", "C:\\Windows")) / "Fonts"
        yield from (folder / name for name in WINDOWS_EXTENSION_FONTS)
    elif platform != "darwin":
        wanted = set(LINUX_EXTENSION_FONTS)
        yield from (p for p in _font_files(Path(d) for d in LINUX_DIRS) if p.name in wanted)


def _font_files(folders: Iterable[Path], min_size: int = 0) -> Iterator[Path]:
    for folder in folders:
        folder = folder.expanduser()
        if folder.is_dir():
            found = (p for p in folder.rglob("*") if p.suffix.lower() in FONT_SUFFIXES and p.is_file())
            yield from sorted(p for p in found if p.stat().st_size >= min_size)


_LOADED: dict[Path, LoadedFont | None] = {}


def load_font(path: Path) -> LoadedFont | None:
    """Register the font file with reportlab (once); None when it cannot be embedded or read."""
    path = Path(path)
    if path in _LOADED:
        return _LOADED[path]
    loaded = None
    if path.is_file():
        name = "JD-" + re.sub(r"[^A-Za-z0-9]+", "-", path.stem)[:40] + f"-{len(_LOADED)}"
        try:
            font = ttfonts.TTFont(name, str(path), subfontIndex=0)
        except Exception:  # not TrueType outlines, embedding forbidden, damaged: try the next one
            font = None
        if font is not None:
            pdfmetrics.registerFont(font)
            loaded = LoadedFont(name, path, frozenset(font.face.charToGlyph))
    _LOADED[path] = loaded
    return loaded


def find_cjk_font(candidates: Iterable[Path]) -> LoadedFont:
    """The first candidate that can be embedded and has Chinese; FontNotFoundError naming what to install."""
    probe = {ord(c) for c in PROBE}
    tried = []
    for path in candidates:
        tried.append(str(path))
        loaded = load_font(path)
        if loaded is not None and probe <= loaded.chars:
            return loaded
    raise FontNotFoundError(
        "找不到可以嵌入 PDF 的中文字体，无法生成公示。" + INSTALL_HINT_ZH,
        "No Chinese font that can be embedded in a PDF was found, so the notice cannot be made. " + INSTALL_HINT_EN,
    )


@dataclass
class FontSet:
    """The main font and the fallbacks found so far; answers which font draws each character."""

    main: LoadedFont
    fallbacks: list[LoadedFont] = field(default_factory=list)
    fallback_candidates: Iterable[Path] = ()
    _tried: set[Path] = field(default_factory=set)
    _widths: dict[tuple[str, float], float] = field(default_factory=dict)

    def font_for(self, char: str) -> str | None:
        """The registered name of the first font that has ``char``, or None."""
        code = ord(char)
        if code in self.main.chars or char in "\n\r\t":
            return self.main.name
        for font in self.fallbacks:
            if code in font.chars:
                return font.name
        return None

    def missing(self, text: str) -> list[str]:
        """Characters of ``text`` that no font can draw, after looking for fallbacks (in order, no repeats)."""
        lacking = [c for c in dict.fromkeys(text) if self.font_for(c) is None]
        if lacking:
            self._add_fallbacks({ord(c) for c in lacking})
            lacking = [c for c in lacking if self.font_for(c) is None]
        return lacking

    def _add_fallbacks(self, needed: set[int]) -> None:
        """Load further candidates (each tried once) until every needed character has a font."""
        self.fallback_candidates = iter(self.fallback_candidates)
        self._tried |= {self.main.path, *(f.path for f in self.fallbacks)}
        while needed:
            path = next(self.fallback_candidates, None)
            if path is None:
                return
            if path in self._tried:
                continue
            self._tried.add(path)
            loaded = load_font(path)
            if loaded is not None and needed & loaded.chars:
                self.fallbacks.append(loaded)
                self._widths.clear()
                needed -= loaded.chars

    def runs(self, text: str) -> list[tuple[str, str]]:
        """``text`` cut into (font name, piece) runs; characters no font has are drawn by the main font."""
        if self.main.chars.issuperset(map(ord, text)):
            return [(self.main.name, text)]
        result: list[tuple[str, str]] = []
        for char in text:
            name = self.font_for(char) or self.main.name
            if result and result[-1][0] == name:
                result[-1] = (name, result[-1][1] + char)
            else:
                result.append((name, char))
        return result

    def width(self, text: str, size: float) -> float:
        """Width of ``text`` in points at ``size``, each run measured in its own font (remembered)."""
        key = (text, size)
        found = self._widths.get(key)
        if found is None:
            if len(self._widths) > 100_000:
                self._widths.clear()
            found = self._widths[key] = sum(pdfmetrics.stringWidth(p, name, size) for name, p in self.runs(text))
        return found


def notice_fonts(setting: str = "", fallback_setting: str = "", platform: str = sys.platform) -> FontSet:
    """The fonts for a notice: main font by the search order, fallbacks (extension-B fonts first) on demand."""
    main = find_cjk_font(candidate_fonts(setting, platform))
    extra = [Path(fallback_setting).expanduser()] if fallback_setting else []
    later = itertools.chain(extra, extension_fonts(platform), candidate_fonts(setting, platform))
    return FontSet(main, fallback_candidates=later)
