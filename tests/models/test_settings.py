"""Declared local settings."""

from __future__ import annotations

import pytest

from models.db import Database
from models.errors import JiandangError
from models.settings import TOWNSHIP, get_setting, set_setting


def test_settings_have_defaults_and_keep_their_types(database: Database) -> None:
    assert get_setting(database, "role") == "village"
    assert get_setting(database, "notice_days") == 7
    set_setting(database, "role", TOWNSHIP)
    set_setting(database, "scope", ["621121103000"])
    set_setting(database, "notice_days", "10")
    assert get_setting(database, "role") == TOWNSHIP
    assert get_setting(database, "scope") == ["621121103000"]
    assert get_setting(database, "notice_days") == 10


def test_bad_setting_values_are_refused(database: Database) -> None:
    with pytest.raises(JiandangError, match="使用角色"):
        set_setting(database, "role", "county")
    with pytest.raises(JiandangError):
        set_setting(database, "notice_days", "seven")
    with pytest.raises(KeyError):
        get_setting(database, "colour")
