"""The duplicates desk's merge: compare two registrations side by side, choose per field, preview, merge.

The PNGs go to ``screenshots/merge-*.png`` to be looked at.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from models.registry import Registry
from models.sync_duplicates import duplicate_groups
from tests.conftest import PROJECT_ROOT
from tests.models.conftest import VILLAGE, family, person
from tests.models.merge_helpers import member_ids, typed_again
from tests.ui.app_fixtures import Answers, script_dialog
from ui.duplicates_desk import DuplicatesDesk
from ui.member_merge_dialog import MemberMergeDialog
from ui.merge_dialog import MergeDialog

SHOTS = PROJECT_ROOT / "screenshots"
NIECE = person("张小芳", "10", datetime.date(2000, 4, 4), False, 8)


def shoot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(exist_ok=True)
    widget.show()
    widget.grab().save(str(SHOTS / f"merge-{name}.png"))


@pytest.fixture
def pair(village_registry: Registry) -> tuple[str, str]:
    """A family registered on one laptop (A) and typed again, with a niece and another phone, on another (B)."""
    registry = village_registry
    keep = registry.create_household(
        {"village_code": VILLAGE, "household_no": "101", "phone": "13900000001", "main_cause": "01"}, family(1)
    )
    registry.set_income(keep, 2018, {"wage": 2000})
    other = typed_again(registry, [*family(1), NIECE], household_no="202", phone="13900000002", main_cause="02")
    with registry.db.write("laptop2") as writer:
        head = member_ids(registry, other)[family(1)[0]["id_number"]]
        writer.update("members", head, {"phone": "13700000000", "education": "03"})
    registry.set_income(other, 2019, {"wage": 3000})
    return keep, other


def row_of(model: Any, column: str) -> int:
    return [r.column for r in model._rows].index(column)


def test_the_desk_compares_previews_and_merges_two_registrations(
    qtbot: Any,
    qtmodeltester: Any,
    village_registry: Registry,
    pair: tuple[str, str],
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    registry, (keep, other) = village_registry, pair
    refreshed: list[bool] = []
    desk = DuplicatesDesk(None, registry.db, registry, merged=lambda: refreshed.append(True))
    qtbot.addWidget(desk)
    assert desk.model.rowCount() == 8  # four people, each in both households
    shoot(desk, "desk")

    def compare(dialog: MergeDialog) -> bool:
        for model in (dialog.household_model, dialog.pairs_model, dialog.member_model):
            qtmodeltester.check(model)
        assert "101" in dialog.title_a.text() and "202" in dialog.title_b.text()
        phone = dialog.household_model.index(row_of(dialog.household_model, "phone"), 2)
        assert phone.data(Qt.ItemDataRole.BackgroundRole) is not None  # differs: highlighted
        assert dialog.household_model.setData(phone, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        head_row = [a and a["relation"] for a, _, _ in dialog.pairs_model.entries].index("01")
        dialog.pairs_view.selectRow(head_row)
        qtmodeltester.check(dialog.member_model)
        dialog.member_model.choose(row_of(dialog.member_model, "phone"), "B")
        dialog.tabs.setCurrentIndex(1)
        shoot(dialog, "compare-members")
        dialog.tabs.setCurrentIndex(0)
        shoot(dialog, "compare")
        dialog.tabs.setCurrentIndex(2)
        shoot(dialog, "preview")
        preview = dialog.preview.toPlainText()
        assert "张小芳" in preview and "2019 年从 B 补入" in preview and "联系电话" in preview
        assert not dialog.merge()  # no reason yet
        assert answers.kinds()[-1] == "error"
        dialog.reason.setText("同一户在两台电脑上重复录入")
        assert dialog.merge()
        return False

    seen = script_dialog(monkeypatch, MergeDialog, [compare])
    desk.table.selectRow([p.household_no for p in desk.model.people].index("202"))
    assert desk.merge_selected()
    assert len(seen) == 1 and refreshed == [True]
    assert desk.model.rowCount() == 0 and duplicate_groups(registry.conn) == []
    assert registry.one("SELECT 1 FROM households WHERE id = ?", (other,)) is None
    household = registry.get_household(keep)
    assert household["household"]["phone"] == "13900000002" and len(household["members"]) == 5
    head = [m for m in household["members"] if m["relation"] == "01"][0]
    assert head["phone"] == "13700000000" and head["education"] != "03"
    assert "confirm" in answers.kinds()


def test_a_refused_merge_shows_why_and_cannot_be_pressed(
    qtbot: Any, village_registry: Registry, answers: Answers
) -> None:
    registry = village_registry
    keep = registry.create_household({"village_code": VILLAGE}, family(1))
    stranger = person("王五", "01", datetime.date(1960, 1, 1), True, 9)
    other = typed_again(registry, [stranger, {**family(1)[2], "relation": "99"}])
    dialog = MergeDialog(None, registry, keep, other)
    qtbot.addWidget(dialog)
    assert not dialog.merge_button.isEnabled() and "户主不是同一人" in dialog.problem.text()
    assert not dialog.merge()
    shoot(dialog, "refused")


def test_the_english_desk_speaks_english(qtbot: Any, village_registry: Registry, pair: tuple[str, str]) -> None:
    dialog = MergeDialog(None, village_registry, *pair, lang="en")
    qtbot.addWidget(dialog)
    assert "Keep A" in dialog.preview.toPlainText() and "copied from B" in dialog.preview.toPlainText()


def test_one_person_in_two_households_merged_field_by_field(
    qtbot: Any, qtmodeltester: Any, village_registry: Registry, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = village_registry
    registry.create_household({"village_code": VILLAGE, "household_no": "101"}, family(1))
    daughter = family(1)[3]
    husband = person("刘强", "01", datetime.date(1995, 1, 1), True, 3)
    married = typed_again(registry, [husband, {**daughter, "relation": "02", "education": "04"}], household_no="303")
    kept = member_ids(registry, married)[daughter["id_number"]]
    desk = DuplicatesDesk(None, registry.db, registry)
    qtbot.addWidget(desk)

    def compare(dialog: MemberMergeDialog) -> bool:
        qtmodeltester.check(dialog.model)
        assert dialog.model.setData(
            dialog.model.index(row_of(dialog.model, "relation"), 1),
            Qt.CheckState.Unchecked.value,
            Qt.ItemDataRole.CheckStateRole,
        )  # unticking A's relation takes B's (之女)
        assert "relation" in dialog.model.taken()
        dialog.model.choose(row_of(dialog.model, "relation"), "A")  # and back: she is 刘强's wife
        shoot(dialog, "member")
        dialog.reason.setText("已嫁出，原户未办理离户")
        assert dialog.merge()
        return False

    script_dialog(monkeypatch, MemberMergeDialog, [compare])
    desk.table.selectRow([p.household_no for p in desk.model.people].index("101"))
    assert desk.merge_selected(members=True)
    assert duplicate_groups(registry.conn) == []
    assert registry.require("members", kept)["relation"] == "02"
