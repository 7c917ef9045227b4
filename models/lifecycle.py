"""What happens to a household over the years: member changes, yearly income, yearly status."""

from __future__ import annotations

from typing import Any

from models.changes import stable_id
from models.codes import MEMBER_CHANGE_INCOMING
from models.errors import JiandangError, Problem
from models.households import HouseholdOps
from models.incomes import amounts_changed, population_in_year
from models.validation import HEAD, check_codes, check_dates, problem, validate_income


class LifecycleOps(HouseholdOps):
    """Member changes, incomes and status history."""

    # -- member changes -------------------------------------------------------

    def record_member_change(
        self,
        household_id: str,
        change: str,
        change_date: str,
        *,
        member_id: str | None = None,
        new_member: dict[str, Any] | None = None,
        new_head_id: str | None = None,
        note: str | None = None,
    ) -> str:
        """Record a birth, death, marriage in/out or a move, with its date; returns the member id.

        Incoming changes (嫁入, 新生儿, 其他转入) add ``new_member``; outgoing ones mark ``member_id``
        as no longer living in the household. When the head leaves, ``new_head_id`` becomes head.
        Household size and head follow, and the change is kept in the history.
        """
        self.require("households", household_id)
        self.raise_if_errors(self._check_change(change, change_date))
        if change in MEMBER_CHANGE_INCOMING:
            return self._member_arrives(household_id, change, change_date, new_member, note)
        return self._member_leaves(household_id, change, change_date, member_id, new_head_id, note)

    def _check_change(self, change: str, change_date: str) -> list[Problem]:
        values = {"change": change, "change_date": change_date}
        found = check_codes(values, {"change": "member_change"}, self.codes) + check_dates(values, ["change_date"])
        if not change_date:
            found.append(problem("change_date", "required", "不能为空。", "is required."))
        return found

    def _member_arrives(
        self, household_id: str, change: str, change_date: str, new_member: dict[str, Any] | None, note: str | None
    ) -> str:
        if not new_member:
            raise JiandangError("请填写新成员的信息。", "Enter the new member's details.")
        with self.writing([household_id]) as writer:
            member_id = self.insert_member(writer, household_id, new_member)
            writer.insert(
                "member_changes",
                {
                    "household_id": household_id,
                    "member_id": member_id,
                    "change": change,
                    "change_date": change_date,
                    "note": note,
                },
            )
        return member_id

    def _member_leaves(
        self,
        household_id: str,
        change: str,
        change_date: str,
        member_id: str | None,
        new_head_id: str | None,
        note: str | None,
    ) -> str:
        member = self.require("members", member_id or "")
        if member["household_id"] != household_id or member["in_household"] != 1:
            raise JiandangError("该成员不在本户，无法登记离户。", "This member does not live in this household.")
        others = [m for m in self._live_members(household_id) if m["id"] != member_id]
        if member["relation"] == HEAD and others and new_head_id not in {m["id"] for m in others}:
            raise JiandangError(
                "户主离户时，请指定一名在户成员为新户主。",
                "When the head leaves, choose a member who stays as the new head.",
            )
        with self.writing([household_id]) as writer:
            writer.update("members", member["id"], {"in_household": 0, "left_date": change_date, "left_reason": change})
            if member["relation"] == HEAD and new_head_id:
                writer.update("members", new_head_id, {"relation": HEAD})
            writer.insert(
                "member_changes",
                {
                    "household_id": household_id,
                    "member_id": member["id"],
                    "change": change,
                    "change_date": change_date,
                    "note": note,
                },
            )
        return member["id"]

    # -- incomes -----------------------------------------------------------

    def set_income(self, household_id: str, year: int, items: dict[str, Any]) -> str:
        """Store one year's income items (created or updated); the household size is counted, not typed.

        A new or changed year is stored with ``population_in_year`` (the members living in the household
        on 31 December of that year); a year whose amounts are unchanged keeps its recorded size.
        """
        self.require("households", household_id)
        values = {k: v for k, v in items.items() if k not in ("id", "household_id", "year", "population")}
        self.raise_if_errors(validate_income({**values, "year": year}))
        pk = stable_id("income", household_id, year)
        stored = self.one("SELECT * FROM incomes WHERE id = ?", (pk,))
        if stored is not None and not amounts_changed(values, stored):
            return pk
        population = population_in_year(self.conn, household_id, year, today=self.today())
        with self.writing() as writer:
            if stored is not None:
                writer.update("incomes", pk, {**values, "population": population})
            else:
                writer.insert(
                    "incomes",
                    {**values, "id": pk, "household_id": household_id, "year": year, "population": population},
                )
        return pk

    def delete_income(self, household_id: str, year: int) -> None:
        """Remove one year's income record."""
        pk = stable_id("income", household_id, year)
        self.require("incomes", pk)
        with self.writing() as writer:
            writer.delete("incomes", pk)

    # -- status ------------------------------------------------------------

    def set_status(
        self, household_id: str, year: int, status: str, reason: str | None = None, decided_date: str | None = None
    ) -> str:
        """Record the household's status for a year (未脱贫, 已脱贫, 返贫, 新识别, 销号 …)."""
        self.require("households", household_id)
        values = {"status": status, "reason": reason, "decided_date": decided_date, "year": year}
        found = check_codes(values, {"status": "household_status"}, self.codes) + check_dates(values, ["decided_date"])
        self.raise_if_errors(found)
        pk = stable_id("status", household_id, year)
        with self.writing() as writer:
            if self.one("SELECT 1 FROM status_history WHERE id = ?", (pk,)):
                writer.update("status_history", pk, {"status": status, "reason": reason, "decided_date": decided_date})
            else:
                writer.insert("status_history", {**values, "id": pk, "household_id": household_id})
        return pk

    def current_status(self, household_id: str) -> dict[str, Any] | None:
        """The status row with the highest year, or None."""
        return self.one(
            "SELECT year, status, reason FROM status_history WHERE household_id = ? ORDER BY year DESC LIMIT 1",
            (household_id,),
        )
