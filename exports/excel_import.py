"""Importing a roster from Excel: read, guess the header, plan (validate everything), then write once.

    job = ExcelImport.open(path, registry.conn)        # read the file, guess the header
    plan = job.plan(registry)                           # nothing written yet: the per-row report
    result = apply_plan(registry, plan)                 # one transaction for the accepted households

The mapping of columns to fields can be changed between ``open`` and ``plan``
(``job.set_target(column, key)``); a plan is refused at write time when the
registry changed after it was made.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from exports.excel_cells import CellCleaner
from exports.excel_draft import Draft
from exports.excel_fields import IGNORE, TARGETS
from exports.excel_headers import HeaderGuess, best_sheet, detect_header, load_remembered
from exports.excel_household import HouseholdPlanner
from exports.excel_income import note_per_capita
from exports.excel_places import PlaceResolver
from exports.excel_plan import HouseholdPlan, ImportPlan, RowProblem
from exports.excel_read import SheetGrid, read_workbook
from exports.excel_rows import FileHousehold, group_households, layout_of, read_rows
from exports.excel_store import StoredData, db_marker
from models.errors import ERROR, Problem
from models.registry import Registry

Progress = Callable[[int, int], None]


@dataclass
class ImportOptions:
    """Choices the user makes for one import."""

    village_code: str | None = None  # the village of rows that name none
    create_places: bool = False  # create missing 村民小组 (and villages given by code and name)
    status_year: int | None = None  # year of a 贫困户状态 column without a 状态年度 column (default: this year)
    engine: str = "auto"  # reader of .xlsx files: auto (calamine if installed), calamine or openpyxl


@dataclass
class ExcelImport:
    """One import in progress: the file's sheets, the chosen sheet and its column mapping."""

    path: Path
    sheets: list[SheetGrid]
    sheet_index: int
    guess: HeaderGuess
    options: ImportOptions = field(default_factory=ImportOptions)
    remembered: dict[str, str] = field(default_factory=dict)

    @classmethod
    def open(
        cls, path: str | Path, conn: sqlite3.Connection | None = None, options: ImportOptions | None = None
    ) -> ExcelImport:
        """Read the workbook and guess its header (remembered mappings from ``conn`` first)."""
        options = options or ImportOptions()
        sheets = read_workbook(path, options.engine)
        remembered = load_remembered(conn) if conn is not None else {}
        index, guess = best_sheet(sheets, remembered)
        return cls(Path(path), sheets, index, guess, options, remembered)

    @property
    def sheet(self) -> SheetGrid:
        """The sheet being imported."""
        return self.sheets[self.sheet_index]

    def choose_sheet(self, index: int) -> None:
        """Use another sheet of the workbook (its header is guessed afresh)."""
        self.sheet_index = index
        self.guess = detect_header(self.sheets[index], self.remembered)

    def set_target(self, column: int, key: str) -> None:
        """Map a column to a field (``"ignore"`` to leave it out); the guess is replaced by the user's choice."""
        if key not in TARGETS:
            raise KeyError(key)
        for item in self.guess.columns:
            if item.index == column:
                item.target, item.source = key, "chosen"

    def mapping_problems(self) -> list[Problem]:
        """Why the mapping cannot be imported yet (empty when it can)."""
        return mapping_problems(self.guess, self.options)

    def plan(self, registry: Registry, progress: Progress | None = None) -> ImportPlan:
        """Validate every row against the registry; nothing is written."""
        found = self.mapping_problems()
        marker = db_marker(registry.conn)
        mapping = self.guess.mapping()
        if found:
            return ImportPlan(self.sheet.name, "", [], [], [], marker, self.guess.header_rows, mapping, found)
        rows, skipped = read_rows(self.sheet, self.guess.first_data_row, mapping, CellCleaner())
        layout = layout_of(set(mapping.values()))
        households = group_households(rows, layout)
        places = PlaceResolver(registry.conn, self.options.village_code, self.options.create_places)
        store = StoredData(registry.conn)
        year = self.options.status_year or roster_year(registry)
        planner = HouseholdPlanner(registry, store, places, year)
        plans = _plan_all(planner, store, households, progress)
        note_per_capita(self.sheet, self.guess, plans, registry.conn)
        return ImportPlan(
            self.sheet.name,
            layout,
            plans,
            skipped,
            list(places.created.values()),
            marker,
            self.guess.header_rows,
            mapping,
        )


def _plan_all(
    planner: HouseholdPlanner, store: StoredData, households: list[FileHousehold], progress: Progress | None
) -> list[HouseholdPlan]:
    drafts = [planner.draft(h) for h in households]
    store.find_owners(i for d in drafts for i in d.ids())
    store.find_numbers(d.shared.get("household.household_no") for d in drafts)
    for draft in drafts:
        planner.match(draft)
    store.load(d.household_id for d in drafts if d.household_id)
    _duplicate_ids(drafts)
    _same_household(drafts)
    plans = []
    for done, draft in enumerate(drafts, 1):
        plans.append(planner.finish(draft))
        if progress is not None and (done % 200 == 0 or done == len(drafts)):
            progress(done, len(drafts))
    return plans


def _duplicate_ids(drafts: list[Draft]) -> None:
    """An ID number may appear on one row of the file only."""
    seen: dict[str, int] = {}
    for draft in drafts:
        for member in draft.members:
            number = member.id_key
            if not number:
                continue
            row = member.row.number
            if number in seen:
                draft.plan.problems.append(
                    RowProblem(
                        row,
                        _problem(
                            "id_number",
                            "duplicate_in_file",
                            f"证件号码：与第 {seen[number]} 行相同，同一号码在表中只能出现一次。",
                            f"ID number: same as row {seen[number]}; a number may appear once in the file.",
                        ),
                    )
                )
            else:
                seen[number] = row


def _same_household(drafts: list[Draft]) -> None:
    """Two households of the file cannot both be the same registered household."""
    first: dict[str, int] = {}
    for draft in drafts:
        if not draft.household_id:
            continue
        row = draft.source.first_row
        if draft.household_id in first:
            draft.plan.problems.append(
                RowProblem(
                    row,
                    _problem(
                        "household_no",
                        "same_household",
                        f"与第 {first[draft.household_id]} 行的户对应同一已登记户，请核对。",
                        f"this and the household at row {first[draft.household_id]} are the same registered household.",
                    ),
                )
            )
        else:
            first[draft.household_id] = row


def _problem(column: str, code: str, zh: str, en: str) -> Problem:
    return Problem(column, code, zh, en, ERROR)


def mapping_problems(guess: HeaderGuess, options: ImportOptions) -> list[Problem]:
    """A mapping needs a name column, a village (in the sheet or chosen), and each field once."""
    targets = [c.target for c in guess.columns if c.target != IGNORE]
    found = []
    if not guess.columns:
        found.append(
            _problem(
                "",
                "no_header",
                "没有找到表头：表中应有“姓名”“户主姓名”“证件号码”等列名。",
                "No header found: the sheet should have columns such as 姓名, 户主姓名, 证件号码.",
            )
        )
    elif not {"member.name", "head_name"} & set(targets):
        found.append(_problem("name", "no_name", "请指定“姓名”或“户主姓名”列。", "Choose the name column."))
    if guess.columns and not {"village", "village_code"} & set(targets) and not options.village_code:
        found.append(
            _problem(
                "village",
                "no_village",
                "表中没有“村”列：请选择这些农户所在的村。",
                "The sheet has no village column: choose the village of these households.",
            )
        )
    for key in sorted({t for t in targets if targets.count(t) > 1}):
        found.append(
            _problem(
                key,
                "twice",
                f"“{TARGETS[key].label}”对应了多列，请只保留一列。",
                f"“{TARGETS[key].label_en}” is chosen for several columns; keep one.",
            )
        )
    return found


def roster_year(registry: Registry) -> int:
    """The year a roster's statuses are recorded for by default: the working year if one is set, else this
    calendar year (a roster being imported is this year's, whatever the newest year in the data)."""
    from models.settings import get_setting

    return int(get_setting(registry.db, "current_year") or 0) or registry.today().year
