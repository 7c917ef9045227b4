"""Issue 4's screens: warnings panel, statistics page, batch step dialog, objections, timeline, the menus."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMenu

from models.db import Database, open_database
from models.objections import record_objection
from models.procedure_state import state
from models.registry import Registry
from tests.models.conftest import VILLAGE
from tests.models.poor_households import poor_household, walk
from tests.ui.app_fixtures import script_dialog
from ui import procedures_menu, stats_page
from ui.objection_dialog import ObjectionDialog, ResolveObjectionDialog
from ui.procedure_dialog import ProcedureStepDialog
from ui.procedure_timeline import ProcedureTimeline, TimelineDialog

TODAY = datetime.date(2019, 6, 1)


class Window(QMainWindow):
    """The part of the main window feature modules rely on."""

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db, self.registry, self.lang = db, Registry(db, today=TODAY), "zh"
        self.opened: list[str] = []
        self.refreshed = 0
        self.selected: str | None = None

    def menu(self, title: str) -> QMenu:
        for action in self.menuBar().actions():
            if action.menu() is not None and action.text() == title:
                return action.menu()
        return self.menuBar().addMenu(title)

    def refresh(self) -> None:
        self.refreshed += 1

    def open_household(self, household_id: str) -> None:
        self.opened.append(household_id)

    def current_household(self) -> str | None:
        return self.selected


@pytest.fixture
def window(qtbot, tmp_path: Path) -> Window:
    db = open_database(tmp_path / "ui.db")
    db.set_setting("current_year", "2019")
    registry = Registry(db, today=TODAY)
    for code, name in (
        ("62", "甘肃省"),
        ("6211", "定西市"),
        ("621121", "通渭县"),
        ("621121103", "平襄镇"),
        (VILLAGE, "文峰村"),
    ):
        registry.add_region(code, name)
    registry.add_group(VILLAGE, "第一村民小组")
    main = Window(db)
    qtbot.addWidget(main)
    procedures_menu.install(main)
    yield main
    db.close()


def households(window: Window, count: int = 3) -> list[str]:
    return [poor_household(window.registry, seq) for seq in range(1, count + 1)]


def test_install_adds_the_procedure_and_statistics_menus(window: Window) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert "程序(&P)" in titles and "统计(&S)" in titles
    procedure_items = [a.text() for a in window.menu("程序(&P)").actions() if a.text()]
    assert procedure_items[0] == "登记程序步骤（批量）…" and "登记异议…" in procedure_items


def test_warnings_panel_filters_and_opens_the_household(qtbot, qtmodeltester, window: Window) -> None:
    first, second, _ = households(window)
    window.registry.set_causes(first, None)
    window.registry.delete_income(second, 2018)
    panel = window.procedure_features.show_warnings()
    qtmodeltester.check(panel.model)
    rules = {panel.model.warning(r).rule_id for r in range(panel.model.rowCount())}
    assert {"no_main_cause", "income_missing"} <= rules
    panel.rule.setCurrentIndex(panel.rule.findData("no_main_cause"))
    assert panel.model.rowCount() == 1 and panel.model.warning(0).household_id == first
    assert "张三" in panel.model.data(panel.model.index(0, 1))
    panel.open_row(0)
    assert window.opened == [first]
    panel.rule.setCurrentIndex(0)
    panel.text.setText("不存在的户")
    assert panel.model.rowCount() == 0


def test_statistics_page_shows_units_charts_tables_and_exports_excel(
    qtbot, qtmodeltester, window: Window, tmp_path: Path, monkeypatch
) -> None:
    households(window)
    page = window.procedure_features.show_stats()
    assert page.units.topLevelItemCount() == 1
    county = page.units.topLevelItem(0)
    assert county.child(0).child(0).text(0) == "文峰村"
    assert ("未脱贫", 3.0) in page.charts[0].bars()
    assert page.tabs.count() == 9
    qtmodeltester.check(page.tabs.widget(0).model())
    assert "3" in page.figures.text() and "贫困户" in page.figures.text()
    target = tmp_path / "stats.xlsx"
    monkeypatch.setattr(stats_page, "save_path", lambda *args: str(target))
    assert page.export("xlsx") == str(target) and target.stat().st_size > 0


def test_batch_step_dialog_records_the_ticked_households_only(
    qtbot, qtmodeltester, window: Window, monkeypatch, answers
) -> None:
    ids = households(window)

    def fill(dialog: ProcedureStepDialog) -> bool:
        qtmodeltester.check(dialog.model)
        dialog.choose("exit", "committee_review")
        assert dialog.model.rowCount() == 3 and dialog.vote_box.isEnabled()
        dialog.model.setData(dialog.model.index(2, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
        dialog.date.setDate(datetime.date(2019, 5, 6))
        dialog.actor.setText("村两委")
        for key, value in (("present", 9), ("for", 8), ("against", 1)):
            dialog.votes[key].setValue(value)
        dialog.minutes.setPlainText("村两委会议：审议 2019 年脱贫名单")
        return True

    script_dialog(monkeypatch, ProcedureStepDialog, [fill])
    request = window.procedure_features.record_step()
    assert request is not None and request.household_ids == tuple(ids[:2])
    done = [state(window.db.conn, hid, "exit", 2019).done for hid in ids]
    assert [len(d) for d in done] == [1, 1, 0]
    assert done[0][0].votes == {"present": 9, "for": 8, "against": 1, "abstain": 0}
    assert window.refreshed == 1


def test_a_refused_step_keeps_the_dialog_open_with_the_reason(qtbot, window: Window, monkeypatch, answers) -> None:
    households(window, 1)

    def without_votes(dialog: ProcedureStepDialog) -> bool:
        dialog.choose("exit", "committee_review")
        dialog.date.setDate(datetime.date(2019, 5, 6))
        dialog.actor.setText("村两委")
        return True

    seen = script_dialog(monkeypatch, ProcedureStepDialog, [without_votes])
    assert window.procedure_features.record_step() is None
    assert answers.kinds() == ["error"] and "票数" in answers.shown[0][1]
    assert seen[0].result() == 0


def test_rejecting_a_batch_asks_first_and_needs_a_reason(qtbot, window: Window, monkeypatch, answers) -> None:
    households(window, 3)

    def reject_all(dialog: ProcedureStepDialog) -> bool:
        assert dialog.year.value() <= dialog.date.date().year() <= dialog.year.value() + 1  # in the year's span
        dialog.choose("exit", "committee_review")
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("reject"))
        dialog.date.setDate(datetime.date(2019, 5, 6))
        dialog.actor.setText("村两委")
        return True

    answers.yes = False
    script_dialog(monkeypatch, ProcedureStepDialog, [reject_all])
    assert window.procedure_features.record_step() is None
    assert answers.kinds() == ["confirm"] and "3 户" in answers.shown[0][1]
    answers.yes = True
    script_dialog(monkeypatch, ProcedureStepDialog, [reject_all])
    assert window.procedure_features.record_step() is None  # no reason given: refused, nothing written
    assert answers.kinds()[-1] == "error" and "原因" in answers.shown[-1][1]
    assert window.db.conn.execute("SELECT COUNT(*) FROM workflow_events").fetchone()[0] == 0


def test_objection_recorded_then_rejected_through_the_dialogs(qtbot, window: Window, monkeypatch, answers) -> None:
    hid = households(window, 1)[0]
    walk(window.registry, [hid], "exit", until="village_notice", start="2019-04-01")

    def raise_it(dialog: ObjectionDialog) -> bool:
        dialog.procedure.setCurrentIndex(dialog.procedure.findData("exit"))
        assert dialog.household.count() == 1 and dialog.household.currentData() == hid
        dialog.content.setPlainText("收入未如实申报")
        dialog.raised_by.setText("村民")
        dialog.date.setDate(datetime.date(2019, 4, 25))
        return True

    def reject_it(dialog: ResolveObjectionDialog) -> bool:
        dialog.rejected.setChecked(True)
        dialog.resolution.setPlainText("经入户核实，异议不属实")
        dialog.date.setDate(datetime.date(2019, 4, 27))
        return True

    script_dialog(monkeypatch, ObjectionDialog, [raise_it])
    script_dialog(monkeypatch, ResolveObjectionDialog, [reject_it])
    assert window.procedure_features.record_objection() is not None
    assert len(state(window.db.conn, hid, "exit", 2019).open_objections) == 1
    assert window.procedure_features.resolve_objection().upheld is False
    assert state(window.db.conn, hid, "exit", 2019).open_objections == ()
    assert window.procedure_features.resolve_objection() is None and answers.kinds() == ["info"]


def test_timeline_shows_done_steps_the_next_one_and_the_exit_test(qtbot, window: Window) -> None:
    hid = households(window, 1)[0]
    walk(window.registry, [hid], "exit", until="village_notice", start="2019-04-01")
    record_objection(window.registry, hid, "exit", "有异议", "村民", "2019-04-24")
    timeline = ProcedureTimeline()
    qtbot.addWidget(timeline)
    timeline.set_household(window.db.conn, hid, 2019)
    top = timeline.steps.topLevelItem(0)
    texts = [top.child(i).text(0) for i in range(top.childCount())]
    assert texts[:4] == ["✓ 村两委民主评议", "✓ 村两委和驻村工作队核实", "✓ 贫困户签字确认", "✓ 村内公示"]
    assert texts[4] == "➜ 乡镇审核" and texts[5].startswith("○") and "异议" in texts[6]
    assert top.child(0).text(3) == "27 : 2 : 1"
    assert timeline.exit_items.topLevelItemCount() == 6


def test_timeline_of_the_selected_household_from_the_menu(qtbot, window: Window, monkeypatch, answers) -> None:
    shown: list[str] = []
    monkeypatch.setattr(TimelineDialog, "ask", classmethod(lambda cls, parent, conn, hid, *a: shown.append(hid)))
    window.procedure_features.show_timeline()
    assert answers.kinds() == ["error"]
    window.selected = households(window, 1)[0]
    window.procedure_features.show_timeline()
    assert shown == [window.selected]


def test_warnings_panel_in_english_has_no_chinese_punctuation(qtbot, window: Window) -> None:
    from ui.app import install_translations

    first, _, _ = households(window)
    window.registry.set_causes(first, None)
    window.lang = "en"
    install_translations("en")
    try:
        panel = window.procedure_features.show_warnings()
        items = [panel.rule.itemText(i) for i in range(panel.rule.count())]
    finally:
        install_translations("zh")
    assert "No main cause of poverty (1)" in items
    assert not [text for text in items if "（" in text or "）" in text]


def test_timeline_title_in_english_has_no_chinese_words_or_brackets(qtbot, window: Window, monkeypatch) -> None:
    """Review s6 #5: the English title read "…张涛鹏户（户编号 …）"; names stay as they are."""
    titles: list[str] = []
    record = classmethod(lambda cls, parent, conn, hid, title, *a: titles.append(title))
    monkeypatch.setattr(TimelineDialog, "ask", record)
    window.selected = households(window, 1)[0]
    window.procedure_features.show_timeline()
    window.lang = "en"
    window.procedure_features.show_timeline()
    assert titles[0].startswith("文峰村") and "户（户编号 " in titles[0]
    assert "household, 文峰村 (no. " in titles[1] and not any(c in titles[1] for c in "户（）")
