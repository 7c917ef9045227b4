"""Issue 4 in the main window: procedures, objections, the timeline, warnings and statistics.

``install(window)`` adds a 程序 menu (record a step for many households,
record or resolve an objection, one household's timeline and exit test) and
a 统计 menu (the warnings panel, docked at the bottom; the statistics page).
Slow work (all rules, the report) runs through ``window.background`` when the
window has one, else directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow, QVBoxLayout

from models.procedure_views import open_objections, villages
from models.warnings import working_year
from ui import messages
from ui.objection_dialog import ObjectionDialog, ObjectionRequest, ResolveObjectionDialog, ResolveRequest
from ui.procedure_dialog import ProcedureStepDialog, StepRequest
from ui.procedure_timeline import TimelineDialog
from ui.stats_page import StatsPage
from ui.warnings_panel import WarningsPanel


def tr(text: str) -> str:
    """Translate a menu text (lupdate files module-level tr() calls under the empty context)."""
    return QCoreApplication.translate("", text)


def install(window: QMainWindow) -> None:
    """Add the 程序 and 统计 menus to the main window."""
    features = ProcedureFeatures(window)
    window.procedure_features = features  # type: ignore[attr-defined] - keeps the object alive
    menu = window.menu(tr("程序(&P)"))
    menu.addAction(tr("登记程序步骤（批量）…"), features.record_step)
    menu.addAction(tr("登记异议…"), features.record_objection)
    menu.addAction(tr("处理异议…"), features.resolve_objection)
    menu.addSeparator()
    menu.addAction(tr("选中户的程序进度和脱贫标准…"), features.show_timeline)
    stats = window.menu(tr("统计(&S)"))
    stats.addAction(tr("预警"), features.show_warnings)
    stats.addAction(tr("统计报表"), features.show_stats)


class ProcedureFeatures(QObject):
    """The actions of the two menus, bound to one main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dock: QDockWidget | None = None
        self.panel: WarningsPanel | None = None
        self.stats_dialog: QDialog | None = None

    # -- plumbing --------------------------------------------------------------

    def run(self, fn: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        """``done(fn(db))``: on the window's worker for slow jobs when there is one (never in front of a search)."""
        background = getattr(self.window, "slow_background", None) or getattr(self.window, "background", None)
        if background is not None:
            background.submit(fn, done, failed=lambda error: messages.show_error(self.window, str(error)))
        else:
            done(fn(self.window.db))

    def _year(self) -> int:
        return working_year(self.window.db.conn)

    def _changed(self) -> None:
        self.window.refresh()
        if self.dock is not None and self.dock.isVisible():
            self.load_warnings()

    # -- procedures ------------------------------------------------------------

    def record_step(self, procedure: str | None = None, step: str | None = None) -> StepRequest | None:
        """The batch step dialog; the step is recorded when the user confirms."""
        from models.procedures import record_step

        def submit(r: StepRequest) -> None:
            record_step(
                self.window.registry,
                list(r.household_ids),
                r.procedure,
                r.step,
                r.event_date,
                r.actor,
                r.outcome,
                r.votes,
                r.minutes,
                r.note,
                year=r.year,
            )

        conn = self.window.db.conn
        request = ProcedureStepDialog.ask(
            self.window, conn, villages(conn), self._year(), self.window.lang, submit, procedure, step
        )
        if request is not None:
            self._changed()
        return request

    def record_objection(self) -> ObjectionRequest | None:
        """The objection dialog."""
        from models.objections import record_objection

        def submit(r: ObjectionRequest) -> None:
            record_objection(
                self.window.registry,
                r.household_id,
                r.procedure,
                r.content,
                r.raised_by,
                r.raised_date,
                year=r.year,
                notice_id=r.notice_id,
            )

        conn = self.window.db.conn
        request = ObjectionDialog.ask(self.window, conn, villages(conn), self._year(), self.window.lang, submit)
        if request is not None:
            self._changed()
        return request

    def resolve_objection(self) -> ResolveRequest | None:
        """Resolve one of the open objections."""
        from models.objections import resolve_objection
        from models.procedure_text import household_names

        conn = self.window.db.conn
        found = open_objections(conn)
        if not found:
            messages.show_info(self.window, tr("没有未处理的异议。"))
            return None
        names = household_names(conn, [o.household_id for o in found])
        en = 1 if self.window.lang == "en" else 0
        choices = [(o, names.get(o.household_id, ("", ""))[en]) for o in found]

        def submit(r: ResolveRequest) -> None:
            resolve_objection(
                self.window.registry, r.objection_id, r.upheld, r.resolution, r.date, resolved_by=r.resolved_by
            )

        request = ResolveObjectionDialog.ask(self.window, choices, self.window.lang, submit)
        if request is not None:
            self._changed()
        return request

    def show_timeline(self, household_id: str | None = None) -> None:
        """The selected household's procedures and exit test."""
        from models.procedure_text import household_names

        current = getattr(self.window, "current_household", None) or getattr(
            getattr(self.window, "list_panel", None), "current_household", None
        )
        household_id = household_id or (current() if callable(current) else None)
        if not household_id and self.panel is not None and self.panel.table.currentIndex().isValid():
            household_id = self.panel.model.warning(self.panel.table.currentIndex().row()).household_id
        if not household_id:
            messages.show_error(self.window, tr("请先选中一户（在户列表或预警列表中）。"))
            return
        conn = self.window.db.conn
        title = household_names(conn, [household_id]).get(household_id, ("", ""))[1 if self.window.lang == "en" else 0]
        TimelineDialog.ask(self.window, conn, household_id, title, self._year(), self.window.lang)

    # -- warnings and statistics -------------------------------------------------

    def show_warnings(self) -> WarningsPanel:
        """Show the warnings panel (docked at the bottom) and run the rules."""
        if self.dock is None:
            self.panel = WarningsPanel(self.window.open_household, self.load_warnings, self.window.lang)
            self.dock = QDockWidget(tr("预警"), self.window)
            self.dock.setObjectName("warnings_dock")
            self.dock.setWidget(self.panel)
            self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.show()
        self.load_warnings()
        return self.panel

    def load_warnings(self) -> None:
        """Run every rule for the working year and show the result."""

        def work(db: Any) -> tuple[list, dict[str, str]]:
            from models.procedure_text import household_names
            from models.warnings import run_rules

            found = run_rules(db.conn)
            names = household_names(db.conn, {w.household_id for w in found})
            return found, {hid: pair[1 if self.window.lang == "en" else 0] for hid, pair in names.items()}

        self.run(work, lambda result: self.panel.set_warnings(*result) if self.panel is not None else None)

    def show_stats(self) -> StatsPage:
        """The statistics page in its own window."""
        if self.stats_dialog is None:
            self.stats_dialog = QDialog(self.window)
            self.stats_dialog.setWindowTitle(tr("统计报表"))
            page = StatsPage(self.run, self._year(), self.window.lang, self.stats_dialog)
            QVBoxLayout(self.stats_dialog).addWidget(page)
            self.stats_dialog.resize(1180, 780)
            self.stats_page = page
        self.stats_dialog.show()
        self.stats_page.load()
        return self.stats_page
