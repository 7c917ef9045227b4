"""The main window: the region tree, the household list, menus, and the household editors it opens (EditorWindows).

Feature modules add their menus through ``menu(title)`` (see ui/features.py)
and use ``db``, ``registry``, ``lang``, ``refresh()`` and ``open_household(id)``.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QWidget

from models.db import Database
from models.first_start import needs_setup
from models.region_admin import has_village
from models.region_tree import RegionNode, region_tree
from models.registry import Registry
from models.settings import get_setting
from ui import file_actions, prefs
from ui.about_dialog import AboutDialog
from ui.background import Background
from ui.code_labels import CodeLabels
from ui.editor_windows import EditorWindows
from ui.features import install_feature_menus
from ui.help_dialog import HelpDialog
from ui.household_delete import delete_selected_household
from ui.household_list import HouseholdListPanel
from ui.region_tree import RegionTreeView

SPLITTER_KEY = "main_window/splitter"
GEOMETRY_KEY = "main_window/geometry"


class MainWindow(EditorWindows, QMainWindow):
    """Browse and edit the households of the open registry."""

    DEMO_HOUSEHOLDS = 3000
    DEMO_SEED = 1

    def __init__(self, db: Database, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.started_at = time.perf_counter()
        self.db, self.lang = db, lang
        self.registry = Registry(db)
        self.labels = CodeLabels(db.conn, lang)
        self.background = Background(db.path, self)  # tree, list and search: short queries, newest first
        self.slow_background = Background(db.path, self)  # warning counts: may take seconds at county scale
        self.editors = {}  # household id -> its open editor (ui/editor_windows.py)
        self.owns_db = True
        self.total = 0
        self.setup_offered = False  # the first-start setup is offered once per window (工具 → 初始设置… again)
        self.no_village = False
        self.setWindowTitle(self.tr("建档 — {name}").format(name=Path(db.path).name))
        self.tree = RegionTreeView()
        self.list_panel = HouseholdListPanel(db, self.labels, self.background, self.slow_background, lang=lang)
        self.search_box = self.list_panel.search_box
        self.model = self.list_panel.model
        self._layout()
        self._menus()
        install_feature_menus(self)
        self._help_menu()
        self.tree.regionChosen.connect(self.list_panel.set_region)
        self.list_panel.householdActivated.connect(self._open_from_list)
        self.list_panel.listChanged.connect(self._list_changed)
        self.refresh()

    # -- building ------------------------------------------------------------

    def _layout(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.list_panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([230, 1000])
        saved = prefs.load_bytes(SPLITTER_KEY)
        if saved is not None:
            self.splitter.restoreState(saved)
        self.setCentralWidget(self.splitter)
        self.count_label = QLabel()
        self.path_label = QLabel(self.tr("数据库：{path}").format(path=self.db.path))
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.path_label)
        geometry = prefs.load_bytes(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1240, 760)

    def _menus(self) -> None:
        files = self.menu(self.tr("文件(&F)"))
        file_actions.add_file_actions(self, files)
        households = self.menu(self.tr("登记(&R)"))
        self._action(households, self.tr("新建户…(&N)"), self.new_household, QKeySequence.StandardKey.New)
        self._action(households, self.tr("打开所选户(&O)"), self._open_current, "Ctrl+E")
        self._action(households, self.tr("删除所选户（录入错误）…(&D)"), lambda: delete_selected_household(self))
        self._action(households, self.tr("查找(&F)"), self._focus_search, QKeySequence.StandardKey.Find)
        self._action(households, self.tr("刷新(&R)"), self.refresh, QKeySequence.StandardKey.Refresh)
        tools = self.menu(self.tr("工具(&T)"))
        self._action(tools, self.tr("设置…(&S)"), self.open_settings, "Ctrl+,")
        self._action(tools, self.tr("初始设置…(&I)"), self.run_setup)
        self._action(tools, self.tr("列表显示的列…(&C)"), self._column_menu)

    def _help_menu(self) -> None:
        help_menu = self.menuBar().addMenu(self.tr("帮助(&H)"))
        self._help = help_menu.menuAction()
        self._action(
            help_menu,
            self.tr("使用帮助(&H)"),
            lambda: HelpDialog.ask(self, self.lang),
            QKeySequence.StandardKey.HelpContents,
        )
        help_menu.addSeparator()
        self._action(help_menu, self.tr("关于建档(&A)"), lambda: AboutDialog.ask(self, self.db.path, self.lang))

    def _action(self, menu: QMenu, text: str, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        return action

    def menu(self, title: str) -> QMenu:
        """The menu-bar menu called ``title`` (mnemonics ignored), created before 帮助 on first use."""
        for action in self.menuBar().actions():
            if action.menu() is not None and _plain(action.text()) == _plain(title):
                return action.menu()
        menu = QMenu(title, self)
        help_action = getattr(self, "_help", None)
        if help_action is not None:
            self.menuBar().insertMenu(help_action, menu)
        else:
            self.menuBar().addMenu(menu)
        return menu

    # -- content ---------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again: the region tree with its counts, the list, warnings and years."""
        self.model.invalidate()
        self.no_village = not has_village(self.db)
        scope = get_setting(self.db, "scope")
        self.background.submit(lambda db: region_tree(db.conn, scope), self._tree_loaded, key="tree")
        self.list_panel.load_warnings()

    def _tree_loaded(self, nodes: list[RegionNode]) -> None:
        self.total = sum(n.households for n in nodes)
        blocked = self.tree.blockSignals(True)
        self.tree.load(nodes, self.tr("全部"))
        self.tree.blockSignals(blocked)
        self.list_panel.set_region(*self.tree.chosen())
        self.list_panel.load_years()  # after the list, in the same queue

    def _list_changed(self, shown: int, truncated: int) -> None:
        if shown == 1:  # English says "1 household shown"; the disambiguation gives the singular its own entry
            template = self.tr("显示 {shown} 户（共 {total} 户）", "one household shown")
        else:
            template = self.tr("显示 {shown} 户（共 {total} 户）")
        text = template.format(shown=shown, total=self.total)
        if truncated:
            text += self.tr("；只显示最先找到的匹配，请输入更多字符缩小范围")
        if self.no_village:
            text += self.tr("。还没有登记村：请用“工具 → 初始设置…”说明负责的乡镇和村")
        self.count_label.setText(text)

    # -- list and settings -----------------------------------------------------

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _column_menu(self) -> None:
        self.list_panel.column_menu().exec(self.mapToGlobal(self.list_panel.pos()))

    def open_settings(self, page: str | None = None) -> None:
        """The settings dialog (on the tab ``page`` of it, e.g. "regions"); a new language rebuilds the window."""
        from ui.settings_dialog import SettingsDialog

        result = SettingsDialog.ask(self, self.registry, self.lang, page)
        if result is None:
            return
        if result != self.lang:
            self.reopen(lang=result)
        else:
            self.refresh()

    # -- first start -------------------------------------------------------------

    def offer_demo_if_empty(self) -> bool:
        """On a fresh registry show the first-start setup, once per window; True when the demo was opened."""
        if self.setup_offered or not needs_setup(self.db):
            return False
        return self.run_setup()

    def run_setup(self) -> bool:
        """工具 → 初始设置…: the first-start setup while no village is registered, else the settings' 乡镇和村
        page (where villages are added and names corrected); True when the demo township was opened."""
        self.setup_offered = True
        if has_village(self.db) and not needs_setup(self.db):
            self.open_settings("regions")
            return False
        from ui.first_start import FirstStartDialog

        choice = FirstStartDialog.ask(self, self.registry, self.lang)
        if choice == "demo":
            return file_actions.open_demo(self) is not None
        if choice == "setup":
            self.refresh()
        return False

    # -- replacing and closing ---------------------------------------------------

    def reopen(self, path: str | None = None, lang: str | None = None) -> MainWindow | None:
        """Replace this window by one on another database and/or in another language."""
        from ui.app import install_translations

        if not self.close_editors():
            return None
        same = path is None or Path(path).resolve() == Path(self.db.path).resolve()
        db = self.db if same else file_actions.open_or_explain(self, path)
        if db is None:
            return None
        if lang is not None and lang != self.lang:
            install_translations(lang)
        window = MainWindow(db, lang or self.lang)
        window.setGeometry(self.geometry())
        window.show()
        self.owns_db = not same
        self.close()
        prefs.add_recent(db.path)
        if not same:
            window.offer_demo_if_empty()  # 最近打开 an empty registry: the same setup as 打开数据库… and the start
        return window

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask the editors about unsaved work, remember the layout, stop the worker, close the database."""
        if not self.close_editors():
            event.ignore()
            return
        self.list_panel.save_layout()
        prefs.save_bytes(SPLITTER_KEY, self.splitter.saveState())
        prefs.save_bytes(GEOMETRY_KEY, self.saveGeometry())
        self.background.close()
        self.slow_background.close()
        if self.owns_db:
            self.db.close()
        event.accept()


def _plain(title: str) -> str:
    """A menu title without its mnemonic: "文件(&F)" -> "文件"."""
    return re.sub(r"\(&\w\)$", "", title).replace("&", "").strip()
