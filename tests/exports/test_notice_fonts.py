"""Fonts for notices: the search order, the error naming what to install, rare characters never dropped."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from exports import notice_fonts
from exports.notice_data import default_request, load_content
from exports.notice_fonts import PROBE, FontNotFoundError, FontSet, find_cjk_font, load_font
from exports.notice_pdf import MissingCharactersError, render_notice
from models import paths
from models.db import open_database
from tests.exports.notice_helpers import VILLAGE, make_font, make_village, pdf_fonts, pdf_pages

RARE = "𠮷"  # U+20BB7, CJK extension B


@pytest.fixture(scope="module")
def system_font() -> notice_fonts.LoadedFont:
    return notice_fonts.notice_fonts().main


@pytest.fixture
def rare_names(tmp_path: Path):
    db = open_database(tmp_path / "rare.db")
    ids = make_village(db, ["王" + RARE, "李䶮", "张三"])
    request = default_request(
        db, "exit", VILLAGE, year=2019, start=datetime.date(2019, 10, 8), household_ids=tuple(ids)
    )
    yield load_content(db, request)
    db.close()


def test_candidates_come_in_the_issue_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    resources = tmp_path / "resources"
    (resources / "fonts").mkdir(parents=True)
    for name in ("b.ttc", "a.ttf", "notes.txt"):
        (resources / "fonts" / name).write_bytes(b"x")
    monkeypatch.setattr(paths, "resource_path", lambda relative: resources / relative)
    system = [Path("/sys/simsun.ttc"), Path("/sys/other.ttf")]
    monkeypatch.setattr(notice_fonts, "system_fonts", lambda platform: iter(system))
    found = list(notice_fonts.candidate_fonts("~/chosen.ttf", "linux"))
    assert found == [
        Path("~/chosen.ttf").expanduser(),
        resources / "fonts" / "a.ttf",
        resources / "fonts" / "b.ttc",
        *system,
    ]
    assert list(notice_fonts.candidate_fonts("", "linux"))[0] == resources / "fonts" / "a.ttf"


def test_windows_fonts_in_the_order_fangsong_song_hei_yahei(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WINDIR", str(tmp_path))
    found = [p.name for p in notice_fonts.system_fonts("win32")][:4]
    assert found == ["simfang.ttf", "simsun.ttc", "simhei.ttf", "msyh.ttc"]
    assert [p.name for p in notice_fonts.extension_fonts("win32")][0] == "simsunb.ttf"


def test_linux_prefers_wenquanyi_then_ar_pl_then_any_other(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("zz/other.ttf", "arphic/uming.ttc", "wqy/wqy-zenhei.ttc", "small/tiny.ttf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x" * (10 if "tiny" in name else 2000))
    monkeypatch.setattr(notice_fonts, "LINUX_DIRS", (str(tmp_path),))
    monkeypatch.setattr(notice_fonts, "MIN_SCANNED_SIZE", 1000)
    found = [p.name for p in notice_fonts.system_fonts("linux")]
    assert found[:3] == ["wqy-zenhei.ttc", "uming.ttc", "other.ttf"]
    assert "tiny.ttf" not in found


def test_the_first_usable_chinese_font_wins(tmp_path: Path) -> None:
    not_a_font = tmp_path / "broken.ttf"
    not_a_font.write_text("not a font", encoding="utf-8")
    latin = make_font(tmp_path / "latin.ttf", "abcdef", "Latin")
    chinese = make_font(tmp_path / "chinese.ttf", PROBE + "的", "Chinese")
    later = make_font(tmp_path / "later.ttf", PROBE, "Later")
    found = find_cjk_font([tmp_path / "missing.ttf", not_a_font, latin, chinese, later])
    assert found.path == chinese and ord("的") in found.chars


def test_without_a_chinese_font_the_error_names_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(FontNotFoundError) as raised:
        find_cjk_font([Path("/nowhere/simsun.ttc")])
    assert "fonts-wqy-zenhei" in raised.value.message_zh and "resources/fonts" in raised.value.message_zh
    assert "宋体" in raised.value.message_zh
    assert raised.value.message_en.startswith("No Chinese font") and "fonts-wqy-zenhei" in raised.value.message_en
    monkeypatch.setattr(notice_fonts, "candidate_fonts", lambda setting, platform: iter(()))
    with pytest.raises(FontNotFoundError):
        notice_fonts.notice_fonts()


def test_a_rare_character_no_font_has_is_reported_not_dropped(rare_names, system_font) -> None:
    fonts = FontSet(system_font, fallback_candidates=[])
    with pytest.raises(MissingCharactersError) as raised:
        render_notice(rare_names, fonts)
    assert [c for c, _ in raised.value.missing] == [RARE] + ([] if ord("䶮") in system_font.chars else ["䶮"])
    assert f"{RARE}（U+20BB7，王{RARE}）" in raised.value.message_zh
    assert "U+20BB7" in raised.value.message_en


def test_a_rare_character_is_drawn_by_a_fallback_font_and_can_be_copied(
    rare_names, system_font, tmp_path: Path
) -> None:
    fallback = make_font(tmp_path / "extb.ttf", RARE + "䶮", "ExtB")
    fonts = FontSet(system_font, fallback_candidates=iter([tmp_path / "none.ttf", fallback]))
    rendered = render_notice(rare_names, fonts)
    text = "".join(pdf_pages(rendered.pdf))
    assert "王" + RARE in text and "李䶮" in text
    embedded = pdf_fonts(rendered.pdf)
    assert len({r["name"].split("+", 1)[1] for r in embedded}) == 2
    assert all(r["emb"] == "yes" and r["sub"] == "yes" for r in embedded)
    assert str(fallback) in rendered.font_files


def test_fallback_font_from_the_settings_is_tried_first(tmp_path: Path) -> None:
    fallback = make_font(tmp_path / "chosen-fallback.ttf", RARE, "Chosen")
    fonts = notice_fonts.notice_fonts(fallback_setting=str(fallback))
    assert fonts.missing("王" + RARE) == []
    assert [f.path for f in fonts.fallbacks] == [fallback]


def test_fallbacks_are_only_loaded_when_a_character_needs_one(system_font) -> None:
    fonts = FontSet(system_font, fallback_candidates=iter([Path("/must/not/be/read.ttf")]))
    assert fonts.missing("张三李四 12317（盖章）") == []
    assert fonts.fallbacks == [] and load_font(Path("/must/not/be/read.ttf")) is None
