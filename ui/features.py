"""Feature modules contribute their menus to the main window.

Each module listed in FEATURE_MODULES has ``install(window) -> None``, which
adds actions through ``window.menu(title)`` and may use ``window.db``,
``window.registry``, ``window.lang``, ``window.refresh()`` and
``window.open_household(household_id)``. A feature is added with one line here,
so features developed side by side never edit the same lines of the main window.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QMainWindow

FEATURE_MODULES: tuple[str, ...] = ("ui.procedures_menu", "ui.notices_menu", "ui.excel_menu", "ui.sync_menu")


def install_feature_menus(window: QMainWindow) -> None:
    """Let every feature module add its actions to ``window``."""
    for name in FEATURE_MODULES:
        importlib.import_module(name).install(window)
