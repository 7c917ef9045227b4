"""Helpers (帮扶责任人), their pairings with households, and assistance measures with micro-credit."""

from __future__ import annotations

from typing import Any

from models.changes import ChangeWriter
from models.codes import MEASURE_TYPE_CATEGORY, MICRO_CREDIT
from models.errors import JiandangError
from models.fields import MEASURE_AMOUNTS
from models.lifecycle import LifecycleOps
from models.validation import check_dates, problem, validate_helper, validate_loan, validate_measure


class AssistanceOps(LifecycleOps):
    """Helpers, pairings, measures and loans."""

    # -- helpers -----------------------------------------------------------

    def create_helper(self, values: dict[str, Any]) -> str:
        """Register a responsible helper; returns the helper id."""
        self.raise_if_errors(validate_helper(values, self.codes))
        with self.writing() as writer:
            return writer.insert("helpers", values)

    def update_helper(self, helper_id: str, values: dict[str, Any]) -> dict[str, tuple]:
        """Change a helper's details."""
        merged = {**self.require("helpers", helper_id), **values}
        self.raise_if_errors(validate_helper(merged, self.codes))
        with self.writing() as writer:
            return writer.update("helpers", helper_id, values)

    # -- pairings ----------------------------------------------------------

    def pair_helper(self, household_id: str, helper_id: str, start_date: str) -> str:
        """Make ``helper_id`` the household's helper from ``start_date``; the current pairing ends that day."""
        with self.writing() as writer:
            current = self._pairing_allowed(household_id, helper_id, start_date)
            return self._write_pairing(writer, household_id, helper_id, start_date, current)

    def pair_new_helper(self, household_id: str, helper: dict[str, Any], start_date: str) -> tuple[str, str]:
        """Register a new helper and pair them with the household from ``start_date``, in one transaction.

        The helper's details and the pairing are both checked before anything is written:
        a refused pairing (a date before the current pairing's start, say) registers no helper.
        Returns (helper id, pairing id).
        """
        self.raise_if_errors(validate_helper(helper, self.codes))
        with self.writing() as writer:
            current = self._pairing_allowed(household_id, None, start_date)
            helper_id = writer.insert("helpers", helper)
            return helper_id, self._write_pairing(writer, household_id, helper_id, start_date, current)

    def _pairing_allowed(self, household_id: str, helper_id: str | None, start_date: str) -> dict[str, Any] | None:
        """The current pairing, after checking a new one may start on ``start_date``; raises when it may not."""
        self.require("households", household_id)
        self.raise_if_errors(_required_date("start_date", start_date))
        if helper_id is not None:
            self.require("helpers", helper_id)
        current = self.current_pairing(household_id)
        if current and helper_id is not None and current["helper_id"] == helper_id:
            raise JiandangError("该帮扶责任人已经在帮扶这一户。", "This helper is already paired with the household.")
        if current and start_date < current["start_date"]:
            raise JiandangError(
                f"新结对的开始时间不能早于当前结对的开始时间（{current['start_date']}）。",
                f"The new pairing cannot start before the current one ({current['start_date']}).",
            )
        return current

    @staticmethod
    def _write_pairing(
        writer: ChangeWriter, household_id: str, helper_id: str, start_date: str, current: dict[str, Any] | None
    ) -> str:
        if current:
            writer.update("pairings", current["id"], {"end_date": start_date})
        values = {"household_id": household_id, "helper_id": helper_id, "start_date": start_date}
        return writer.insert("pairings", values)

    def end_pairing(self, pairing_id: str, end_date: str) -> None:
        """End a pairing without a successor (the warnings will point that out)."""
        pairing = self.require("pairings", pairing_id)
        self.raise_if_errors(_required_date("end_date", end_date))
        if end_date < pairing["start_date"]:
            raise JiandangError("结束时间不能早于开始时间。", "The end date cannot be before the start date.")
        with self.writing() as writer:
            writer.update("pairings", pairing_id, {"end_date": end_date})

    def current_pairing(self, household_id: str) -> dict[str, Any] | None:
        """The open pairing of a household (no end date), or None."""
        return self.one(
            "SELECT id, helper_id, start_date FROM pairings WHERE household_id = ? AND end_date IS NULL "
            "ORDER BY start_date DESC LIMIT 1",
            (household_id,),
        )

    # -- measures ----------------------------------------------------------

    def create_measure(self, values: dict[str, Any], loan: dict[str, Any] | None = None) -> str:
        """Record an assistance measure (and its micro-credit loan); returns the measure id."""
        values, loan = self._measure_defaults(values), _loan_defaults(loan)
        self._validate_measure(values, loan)
        with self.writing() as writer:
            measure_id = writer.insert("measures", values)
            if loan is not None:
                writer.insert("loans", {**loan, "measure_id": measure_id, "household_id": values["household_id"]})
            return measure_id

    def update_measure(self, measure_id: str, values: dict[str, Any], loan: dict[str, Any] | None = None) -> None:
        """Change a measure and, for micro-credit, its loan."""
        merged = self._measure_defaults({**self.require("measures", measure_id), **values})
        loan = _loan_defaults(loan)
        self._validate_measure(merged, loan)
        existing = self.one("SELECT id FROM loans WHERE measure_id = ?", (measure_id,))
        changes = {k: merged[k] for k in merged if k in values or k == "category"}
        with self.writing() as writer:
            writer.update("measures", measure_id, {k: v for k, v in changes.items() if k != "id"})
            if loan is not None and existing:
                writer.update("loans", existing["id"], loan)
            elif loan is not None:
                writer.insert("loans", {**loan, "measure_id": measure_id, "household_id": merged["household_id"]})

    def delete_measure(self, measure_id: str) -> None:
        """Delete a measure recorded by mistake (and its loan)."""
        self.require("measures", measure_id)
        with self.writing() as writer:
            for loan in self.all("SELECT id FROM loans WHERE measure_id = ?", (measure_id,)):
                writer.delete("loans", loan["id"])
            writer.delete("measures", measure_id)

    def _measure_defaults(self, values: dict[str, Any]) -> dict[str, Any]:
        """Category from the type, village from the household; a fund left blank is 0 (the columns are NOT NULL)."""
        out = {**values, **_blank_as_zero(values, MEASURE_AMOUNTS)}
        if out.get("type") and not out.get("category"):
            out["category"] = MEASURE_TYPE_CATEGORY.get(str(out["type"]))
        if out.get("household_id") and not out.get("village_code"):
            out["village_code"] = self.require("households", out["household_id"])["village_code"]
        return out

    def _validate_measure(self, values: dict[str, Any], loan: dict[str, Any] | None) -> None:
        found = validate_measure(values, self.codes)
        if not values.get("household_id") and not values.get("village_code"):
            found.append(problem("village_code", "required", "请选择受益户或村。", "choose a household or village."))
        if loan is not None:
            if values.get("type") != MICRO_CREDIT or not values.get("household_id"):
                found.append(
                    problem(
                        "type",
                        "loan_not_credit",
                        "只有扶贫小额信贷措施才能填写贷款信息。",
                        "only a micro-credit measure carries a loan.",
                    )
                )
            borrower = self.one("SELECT birth_date FROM members WHERE id = ?", (loan.get("borrower_id"),))
            found += validate_loan(loan, borrower["birth_date"] if borrower else None, self.codes)
        self.raise_if_errors(found)


def _blank_as_zero(values: dict[str, Any], columns: tuple[str, ...]) -> dict[str, Any]:
    """0 for each of ``columns`` that ``values`` holds blank: an amount nobody filled in is none."""
    return {c: 0 for c in columns if c in values and (values[c] is None or not str(values[c]).strip())}


def _loan_defaults(loan: dict[str, Any] | None) -> dict[str, Any] | None:
    """A loan's interest subsidy left blank is 0 (NOT NULL); a blank amount stays blank for validation to report."""
    return None if loan is None else {**loan, **_blank_as_zero(loan, ("interest_subsidy",))}


def _required_date(column: str, value: str | None) -> list:
    if not value:
        return [problem(column, "required", "不能为空。", "is required.")]
    return check_dates({column: value}, [column])
