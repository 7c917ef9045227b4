"""Reading: one household with all its parts, and the audit history of records."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from typing import Any

from models import codes, fields
from models.change_chain import chain_hash
from models.clock import to_seconds
from models.incomes import poverty_line, with_totals
from models.registry_base import RegistryBase, public

CODED_COLUMNS = {
    **fields.HOUSEHOLD_CODES,
    **fields.MEMBER_CODES,
    **fields.MEASURE_CODES,
    "cause": "poverty_cause",
    "change": "member_change",
    "affiliation": "helper_affiliation",
    "repayment_status": "repayment_status",
}
STATUS_CODES = {"status_history": "household_status"}


@dataclass(frozen=True)
class FieldChange:
    """One column of one history entry, with labels for display."""

    column: str
    label: str
    old: Any
    new: Any
    old_text: str
    new_text: str


@dataclass(frozen=True)
class HistoryEntry:
    """Who changed which record, when, and what (old → new)."""

    site: str
    seq: int
    when: datetime.datetime
    user: str
    table: str
    record_id: str
    action: str
    changes: list[FieldChange]


class RecordReads(RegistryBase):
    """Read-only views used by the GUI, the CLI and the exports."""

    def get_household(self, household_id: str) -> dict[str, Any]:
        """One household with every part: members, causes, incomes (with totals), status, helpers, measures."""
        household = self.require("households", household_id)
        household.update(self._place(household))
        members = [
            public(m) for m in self.all("SELECT * FROM members WHERE household_id = ? ORDER BY sort", (household_id,))
        ]
        live = [m for m in members if m["in_household"] == 1]
        head = next((m for m in live if m["relation"] == "01"), None)
        return {
            "household": {**household, "head_name": head["name"] if head else None, "population": len(live)},
            "members": members,
            "other_causes": [
                r["cause"]
                for r in self.all(
                    "SELECT cause FROM other_causes WHERE household_id = ? ORDER BY cause", (household_id,)
                )
            ],
            "incomes": self._incomes(household_id, household.get("standard")),
            "status_history": self.all(
                "SELECT id, year, status, reason, decided_date FROM status_history "
                "WHERE household_id = ? ORDER BY year",
                (household_id,),
            ),
            "pairings": self.all(
                "SELECT p.id, p.helper_id, h.name AS helper_name, h.phone AS helper_phone, "
                "h.unit AS helper_unit, p.start_date, p.end_date FROM pairings p "
                "JOIN helpers h ON h.id = p.helper_id WHERE p.household_id = ? "
                "ORDER BY p.start_date",
                (household_id,),
            ),
            "measures": self._measures(household_id),
            "member_changes": self.all(
                "SELECT id, member_id, change, change_date, note FROM member_changes "
                "WHERE household_id = ? ORDER BY change_date",
                (household_id,),
            ),
        }

    def _place(self, household: dict[str, Any]) -> dict[str, Any]:
        village = self.one("SELECT name FROM regions WHERE code = ?", (household["village_code"],))
        group = self.one("SELECT name FROM village_groups WHERE id = ?", (household.get("group_id"),))
        return {"village_name": village["name"] if village else None, "group_name": group["name"] if group else None}

    def _incomes(self, household_id: str, standard: str | None) -> list[dict[str, Any]]:
        rows = self.all("SELECT * FROM incomes WHERE household_id = ? ORDER BY year", (household_id,))
        result = []
        for row in rows:
            totals = with_totals(public(row))
            line = poverty_line(self.conn, row["year"], standard)
            totals["poverty_line"] = line
            totals["above_line"] = None if line is None or totals["per_capita"] is None else totals["per_capita"] > line
            result.append(totals)
        return result

    def _measures(self, household_id: str) -> list[dict[str, Any]]:
        measures = [
            public(m)
            for m in self.all(
                "SELECT * FROM measures WHERE household_id = ? ORDER BY year, planned_start", (household_id,)
            )
        ]
        loans = {
            r["measure_id"]: public(r) for r in self.all("SELECT * FROM loans WHERE household_id = ?", (household_id,))
        }
        return [{**m, "loan": loans.get(m["id"])} for m in measures]

    # -- history -------------------------------------------------------------

    def history(self, scope_id: str, record_id: str | None = None) -> list[HistoryEntry]:
        """The audit trail of a household (all its parts) or of any other record, newest first."""
        rows = self.all(
            "SELECT site, seq, hlc, user, tbl, pk, op, vals, old FROM change_log WHERE scope = ? "
            "ORDER BY hlc DESC, site, seq DESC",
            (scope_id,),
        )
        return [_entry(r) for r in rows if record_id is None or r["pk"] == record_id]

    def verify_audit_chain(self) -> list[tuple[str, int]]:
        """(site, seq) of every change record whose hash or link does not match: an altered audit trail."""
        broken: list[tuple[str, int]] = []
        previous: dict[str, str] = {}
        for row in self.all(
            "SELECT site, seq, hlc, user, tbl, pk, op, cl, vals, old, prev, prev_hash, hash "
            "FROM change_log ORDER BY site, seq"
        ):
            expected_link = previous.get(row["site"], row["prev_hash"] if row["seq"] == 1 else None)
            if chain_hash(row) != row["hash"] or (expected_link is not None and row["prev_hash"] != expected_link):
                broken.append((row["site"], row["seq"]))
            previous[row["site"]] = row["hash"]
        return broken


def _entry(row: dict[str, Any]) -> HistoryEntry:
    new = json.loads(row["vals"]) if row["vals"] else {}
    old = json.loads(row["old"]) if row["old"] else {}
    columns = sorted(set(new) | set(old), key=lambda c: list(fields.LABELS).index(c) if c in fields.LABELS else 999)
    changes = [
        FieldChange(
            c,
            fields.label(c, table=row["tbl"]),
            old.get(c),
            new.get(c),
            display(row["tbl"], c, old.get(c)),
            display(row["tbl"], c, new.get(c)),
        )
        for c in columns
        if c not in ("household_id", "sort")
    ]
    when = datetime.datetime.fromtimestamp(to_seconds(row["hlc"]))
    return HistoryEntry(row["site"], row["seq"], when, row["user"], row["tbl"], row["pk"], row["op"], changes)


def display(table: str, column: str, value: Any, lang: str = "zh") -> str:
    """A stored value as a person reads it (in Chinese, or English with ``lang="en"``): code labels, 是/否,
    blanks."""
    if value is None or value == "":
        return ""
    en = lang == "en"
    name = codes.label_en if en else codes.label
    code_table = STATUS_CODES.get(table) if column == "status" else CODED_COLUMNS.get(column)
    if code_table:
        return name(code_table, str(value))
    if (table == "households" and column in fields.HOUSEHOLD_FLAGS) or (
        table == "members" and column in fields.MEMBER_FLAGS
    ):
        yes = value in (1, "1")
        return ("Yes" if yes else "No") if en else ("是" if yes else "否")
    if column == "health":
        return (", " if en else "、").join(name("health", c) for c in str(value).split(","))
    return str(value)
