"""The notice GUI as a township clerk uses it for several villages: defaults follow the village, the archive
reads plainly, and the preview says where the printed or saved notice went."""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from exports.notice_data import default_request
from exports.notices import build_notice
from models.db import open_database
from models.notice_archive import list_notices
from tests.exports.notice_helpers import VILLAGE, make_village
from ui import notices_menu
from ui.notice_archive import NoticeArchiveDialog
from ui.notice_dialog import NoticeDialog
from ui.notice_preview import NoticePreviewDialog

OTHER = "621121103202"


@pytest.fixture
def villages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """文峰村 with three households and 张家坡村 beside it; the issuing body set to another village's committee."""
    monkeypatch.setenv("JIANDANG_DATA_DIR", str(tmp_path / "data"))
    db = open_database(tmp_path / "gui.db")
    db.set_setting("current_year", "2019")
    ids = make_village(db, ["张三", "李四", "王五"])
    with db.write("测试员") as writer:
        writer.insert("regions", {"code": OTHER, "name": "张家坡村", "level": 5, "parent_code": "621121103000"})
    db.set_setting("issuing_body", "谢家庄村村民委员会")
    yield db, ids
    db.close()


def test_the_default_issuer_and_office_follow_the_chosen_village(qtbot, villages, tmp_path: Path) -> None:
    db, _ = villages
    dialog = NoticeDialog(db)
    qtbot.addWidget(dialog)
    dialog.choose("removal", VILLAGE)
    assert dialog.issuer.placeholderText() == "默认：文峰村村民委员会"
    assert dialog.office.placeholderText() == "默认：文峰村村民委员会或驻村工作队"
    dialog.issuer.setText("文峰村两委")
    dialog.choose("removal", OTHER)
    assert dialog.issuer.text() == "" and dialog.issuer.placeholderText() == "默认：张家坡村村民委员会"
    assert dialog.office.placeholderText() == "默认：张家坡村村民委员会或驻村工作队"
    assert dialog.request().issuing_body == "张家坡村村民委员会"
    dialog.choose("identification_announce", OTHER)
    assert dialog.issuer.placeholderText() == "默认：谢家庄村村民委员会"  # the setting names the 公告's issuer
    dialog.issuer.setText("平襄镇人民政府")
    assert dialog.request().issuing_body == "平襄镇人民政府"
    dialog.issuer.grab().save(str(tmp_path / "issuer.png"))


def test_archive_rows_show_the_year_a_period_only_for_notices_and_no_english_operator(qtbot, villages) -> None:
    db, ids = villages
    start = datetime.date(2019, 10, 8)
    card = replace(default_request(db, "card", VILLAGE, year=2019, start=start), household_ids=(ids[0],))
    removal = replace(default_request(db, "removal", VILLAGE, year=2019, start=start), household_ids=tuple(ids))
    notices_menu.archive(db, build_notice(db, card))
    notices_menu.archive(db, build_notice(db, removal), operator="李会计")
    assert {n.operator for n in list_notices(db.conn)} == {"operator", "李会计"}  # no operator set: the fallback
    archive = NoticeArchiveDialog(db)
    qtbot.addWidget(archive)
    model = archive.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = {}
    for r in range(model.rowCount()):
        values = [model.data(model.index(r, c)) for c in range(len(headers))]
        rows[values[1]] = dict(zip(headers, values, strict=True))
    card, removal = rows["帮扶明白卡"], rows["贫困户销号公示"]
    assert card["公示期"] == "—" and card["操作员"] == "未设置"
    assert removal["公示期"] == "2019-10-08 – 2019-10-14" and removal["操作员"] == "李会计"
    assert card["年度"] == removal["年度"] == "2019"


def test_saving_from_the_preview_says_where_the_file_and_the_archive_copy_are(
    qtbot, villages, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, ids = villages
    request = replace(
        default_request(db, "removal", VILLAGE, year=2019, start=datetime.date(2019, 10, 8)), household_ids=tuple(ids)
    )
    built = build_notice(db, request)
    preview = NoticePreviewDialog(
        built.rendered.pdf, "销号公示", on_output=lambda: notices_menu.archive(db, built).path
    )
    qtbot.addWidget(preview)
    assert preview.status.text() == ""
    saved = tmp_path / "out" / "销号.pdf"
    saved.parent.mkdir()
    monkeypatch.setattr(preview, "ask_save_path", lambda: str(saved))
    preview.save_notice()
    archived = list_notices(db.conn)[0].path
    text = preview.status.text()
    assert str(saved) in text and "已存档" in text and str(archived) in text
    preview.resize(700, 500)
    preview.grab().save(str(tmp_path / "preview.png"))


def test_the_village_picker_uses_ascii_brackets_in_english(qtbot, villages) -> None:
    """Review s6 #9: the English notice dialog showed "王家山村（621190101201）"."""
    db, _ = villages
    texts = {}
    for lang in ("zh", "en"):
        dialog = NoticeDialog(db, lang)
        qtbot.addWidget(dialog)
        texts[lang] = [dialog.village.itemText(i) for i in range(dialog.village.count())]
    assert f"文峰村（{VILLAGE}）" in texts["zh"]
    assert f"文峰村 ({VILLAGE})" in texts["en"] and not any("（" in t for t in texts["en"])
