"""From sheet rows to the households of the file.

Two layouts: one row per member (the national 花名册; household fields repeated
on every row, on the head's row only, or merged over the household's rows) and
one row per household (the head's details with the household's). Members are
grouped into households by 户编号, else by the head's ID number, else by
position: a household starts at each 户主 row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from exports.excel_cells import CellCleaner, issue
from exports.excel_fields import TARGETS, Target
from exports.excel_headers import cell
from exports.excel_read import SheetGrid
from models.errors import ERROR, Problem
from models.idcard import mask_id_number

MEMBER_LAYOUT, HOUSEHOLD_LAYOUT = "member", "household"
HEAD = "01"
IDENTITY = ("member.name", "head_name", "member.id_number", "head_id_number", "household.household_no")


@dataclass
class SourceRow:
    """One data row: its cleaned values by target key and the problems of its cells."""

    number: int  # the sheet's row number, as Excel shows it
    values: dict[str, Any]  # target key → value, filled cells only
    problems: list[Problem] = field(default_factory=list)
    parts: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)  # "member"/"household" → columns

    def part(self, prefix: str) -> dict[str, Any]:
        """The values of one table ("household." or "member.") by column name (a fresh copy)."""
        name = prefix.rstrip(".")
        if name not in self.parts:
            self.parts[name] = {k[len(prefix) :]: v for k, v in self.values.items() if k.startswith(prefix)}
        return dict(self.parts[name])


@dataclass
class FileHousehold:
    """The rows of one household of the file, with its merged household-level values."""

    rows: list[SourceRow]
    shared: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[int, Problem]] = field(default_factory=list)

    @property
    def first_row(self) -> int:
        return self.rows[0].number


def layout_of(targets: set[str]) -> str:
    """One row per member when rows carry the relation to the head (or both a member's and the head's name)."""
    if "member.relation" in targets or {"member.name", "head_name"} <= targets:
        return MEMBER_LAYOUT
    return HOUSEHOLD_LAYOUT


def read_rows(
    sheet: SheetGrid, first: int, mapping: dict[int, str], cleaner: CellCleaner
) -> tuple[list[SourceRow], list[tuple[int, str]]]:
    """Clean every data row; returns the rows and the skipped ones (row number, first text) such as 合计 rows."""
    columns = [(c, TARGETS[t]) for c, t in sorted(mapping.items())]
    identity = [c for c, target in columns if target.key in IDENTITY]
    rows: list[SourceRow] = []
    skipped: list[tuple[int, str]] = []
    for r in range(first, len(sheet.rows)):
        raw = sheet.rows[r]
        filled = [(c, target, raw[c]) for c, target in columns if c < len(raw) and raw[c] is not None]
        if not filled:
            continue
        if not any(cell(sheet.rows, r, c) is not None for c in identity):
            skipped.append((r + 1, next((str(v) for v in raw if v is not None), "")))
            continue
        rows.append(_convert(r + 1, filled, cleaner))
    return rows, skipped


def _convert(number: int, filled: list[tuple[int, Target, Any]], cleaner: CellCleaner) -> SourceRow:
    values: dict[str, Any] = {}
    parts: dict[str, dict[str, Any]] = {"member": {}, "household": {}}
    problems: list[Problem] = []
    for _, target, raw in filled:
        value, found = cleaner.convert(target, raw)
        if value is not None:
            values[target.key] = value
            if target.column:
                parts["member" if target.key[0] == "m" else "household"][target.column] = value
        if found:
            problems.extend(found)
    return SourceRow(number, values, problems, parts)


def group_households(rows: list[SourceRow], layout: str) -> list[FileHousehold]:
    """The households of the file, in the order of their first rows."""
    if layout == HOUSEHOLD_LAYOUT:
        households = [FileHousehold([_as_head(row)]) for row in rows]
    else:
        households = _group_members(rows)
    for household in households:
        _share(household)
    return households


def _as_head(row: SourceRow) -> SourceRow:
    """In the one-row-per-household layout the row's person is the head."""
    values = dict(row.values)
    values["member.name"] = values.get("member.name") or values.get("head_name")
    values["member.id_number"] = values.get("member.id_number") or values.get("head_id_number")
    values["member.relation"] = HEAD
    return SourceRow(row.number, {k: v for k, v in values.items() if v is not None}, row.problems)


def _group_members(rows: list[SourceRow]) -> list[FileHousehold]:
    keyed: dict[str, FileHousehold] = {}
    ordered: list[FileHousehold] = []
    current: FileHousehold | None = None
    for row in rows:
        key = _key(row)
        if key is not None:
            if key not in keyed:
                keyed[key] = FileHousehold([])
                ordered.append(keyed[key])
            keyed[key].rows.append(row)
            continue
        head_name = row.values.get("head_name")
        if (
            current is None
            or row.values.get("member.relation") == HEAD
            or (head_name and head_name != current.rows[-1].values.get("head_name"))
        ):
            current = FileHousehold([])
            ordered.append(current)
        current.rows.append(row)
    return ordered


def _key(row: SourceRow) -> str | None:
    number = row.values.get("household.household_no")
    if number:
        return f"no:{number}"
    head_id = row.values.get("head_id_number")
    return f"head:{str(head_id).upper()}" if head_id else None


SHARED_PREFIXES = ("household.",)
SHARED_KEYS = (
    "village",
    "village_code",
    "group",
    "township",
    "other_causes",
    "status",
    "status_year",
    "head_name",
    "head_id_number",
)


def _share(household: FileHousehold) -> None:
    """Merge the household-level values of the rows: the first filled value, conflicting ones reported."""
    for row in household.rows:
        for key, value in row.values.items():
            if value is None or not (key.startswith(SHARED_PREFIXES) or key in SHARED_KEYS):
                continue
            known = household.shared.get(key)
            if known is None:
                household.shared[key] = value
            elif known != value:
                a, b = shown(known), shown(value)
                household.problems.append(
                    (
                        row.number,
                        issue(
                            TARGETS[key],
                            "household_conflict",
                            f"同一户各行不一致（“{a}”与“{b}”）。",
                            f"differs between the rows of one household (“{a}” and “{b}”).",
                            ERROR,
                        ),
                    )
                )


def shown(value: Any) -> str:
    """A value as a message may show it: long numbers (ID, bank account) masked."""
    text = str(value)
    return mask_id_number(text) if sum(ch.isdigit() for ch in text) >= 10 else text
