"""The change-helper dialog: a refused save (the date, the name) never leaves a helper behind."""

from __future__ import annotations

import datetime

import pytest

from models.helper_list import list_helpers
from models.registry import Registry
from tests.ui.app_fixtures import VILLAGE, Answers, id_number
from ui.code_labels import CodeLabels
from ui.helpers_page import ChangeHelperDialog


@pytest.fixture
def household(village_registry: Registry) -> str:
    household_id = village_registry.create_household(
        {"village_code": VILLAGE},
        [{"name": "张德福", "relation": "01", "id_number": id_number(datetime.date(1970, 3, 5), True)}],
    )
    old = village_registry.create_helper({"name": "王帮扶"})
    village_registry.pair_helper(household_id, old, "2019-03-01")
    return household_id


def dialog_for(qtbot, registry: Registry, household: str, lang: str = "zh") -> ChangeHelperDialog:
    dialog = ChangeHelperDialog(registry, CodeLabels(registry.conn, lang), lang, household)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.create.setChecked(True)
    dialog.form.editor("name").insert("赵新")
    return dialog


def helper_names(registry: Registry) -> list[str]:
    return sorted(h["name"] for h in list_helpers(registry.conn))


def test_refused_saves_then_a_good_date_register_the_new_helper_once(
    qtbot, village_registry: Registry, household: str, answers: Answers
) -> None:
    dialog = dialog_for(qtbot, village_registry, household)
    dialog.start.setText("2018-01-01")  # before the current pairing (2019-03-01)
    dialog.accept()
    assert dialog.isVisible() and "2019-03-01" in dialog.start_box.message.text()
    dialog.accept()  # OK again, unchanged
    assert helper_names(village_registry) == ["王帮扶"]
    dialog.start.setText("2020-01-01")
    dialog.accept()
    assert not dialog.isVisible()
    assert helper_names(village_registry) == ["王帮扶", "赵新"]
    pairings = village_registry.get_household(household)["pairings"]
    assert [(p["helper_name"], p["start_date"], p["end_date"]) for p in pairings] == [
        ("王帮扶", "2019-03-01", "2020-01-01"),
        ("赵新", "2020-01-01", None),
    ]
    assert answers.shown == []


def test_a_refused_helper_name_is_shown_at_its_field_and_cleared_once_fixed(
    qtbot, village_registry: Registry, household: str
) -> None:
    dialog = dialog_for(qtbot, village_registry, household, "en")
    dialog.form.editor("name").clear()
    dialog.start.setText("2020-01-01")
    dialog.accept()
    assert dialog.isVisible() and "required" in dialog.form.boxes["name"].message.text()
    dialog.form.editor("name").insert("赵新")
    dialog.start.setText("2018-01-01")
    dialog.accept()  # now the date is what is wrong: the name's old message goes
    assert dialog.form.boxes["name"].message.text() == ""
    assert "cannot start before" in dialog.start_box.message.text()
    assert helper_names(village_registry) == ["王帮扶"]


def test_choosing_a_registered_helper_still_pairs_without_registering_one(
    qtbot, village_registry: Registry, household: str
) -> None:
    other = village_registry.create_helper({"name": "钱帮扶"})
    dialog = dialog_for(qtbot, village_registry, household)
    dialog.existing.setChecked(True)
    dialog.helper.set_value(other)
    dialog.start.setText("2019-05-01")
    dialog.accept()
    assert not dialog.isVisible() and helper_names(village_registry) == ["王帮扶", "钱帮扶"]
    assert village_registry.current_pairing(household)["helper_id"] == other
