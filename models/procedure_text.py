"""Messages of the procedures: why a step was refused, naming the household."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from models.codes import label, label_en
from models.errors import JiandangError
from models.procedure_steps import Step, procedure_title

DEFAULT_NOTICE_DAYS = 7


class ProcedureError(JiandangError):
    """A step refused for one or more households; ``problems`` lists (household id, zh, en)."""

    def __init__(self, problems: list[tuple[str, str, str]], names: dict[str, tuple[str, str]]) -> None:
        self.problems = problems
        lines_zh = [f"{names.get(hid, (hid, hid))[0]}：{zh}" for hid, zh, _ in problems]
        lines_en = [f"{names.get(hid, (hid, hid))[1]}: {en}" for hid, _, en in problems]
        more_zh = f"\n……另有 {len(problems) - 5} 户" if len(problems) > 5 else ""
        more_en = f"\n… and {len(problems) - 5} more" if len(problems) > 5 else ""
        super().__init__(
            f"没有记录（{len(problems)} 户不符合）：\n" + "\n".join(lines_zh[:5]) + more_zh,
            f"Nothing recorded ({len(problems)} households refused):\n" + "\n".join(lines_en[:5]) + more_en,
        )


def household_names(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """How a household is named in a message: village, head and household number (zh, en)."""
    wanted = sorted(set(ids))
    rows = conn.execute(
        "SELECT h.id, COALESCE(r.name, ''), COALESCE(h.household_no, ''), COALESCE((SELECT name FROM members m "
        "WHERE m.household_id = h.id AND m.relation = '01' AND m.in_household = 1 LIMIT 1), '') "
        "FROM households h LEFT JOIN regions r ON r.code = h.village_code "
        "WHERE h.id IN (SELECT value FROM json_each(?))",
        (json.dumps(wanted),),
    )
    names = {}
    for hid, village, number, head in rows:
        suffix = f"（户编号 {number}）" if number else ""
        names[hid] = (
            f"{village}{head or '无户主'}户{suffix}",
            f"{head or 'no head'} household, {village}" + (f" (no. {number})" if number else ""),
        )
    return names


def notice_days(conn: sqlite3.Connection) -> int:
    """The notice period in days (local setting ``notice_days``, 7 when not set)."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'notice_days'").fetchone()
    try:
        return int(row[0]) if row and str(row[0]).strip() else DEFAULT_NOTICE_DAYS
    except ValueError:
        return DEFAULT_NOTICE_DAYS


def refusal(key: str, **values: object) -> tuple[str, str]:
    """(zh, en) message for a refused step."""
    if key == "order":
        expected: Step | None = values["expected"]  # type: ignore[assignment]
        if expected is None:
            return (
                "该户不在此程序中（已结束或尚未开始），不能办理这一步。",
                "the household is not in this procedure (finished or not started).",
            )
        return (
            f"不能办理“{values['step']}”：下一步应为“{expected.title_zh}”，不能跳过或提前。",
            f"cannot record '{values['step_en']}': the next step is '{expected.title_en}'; steps cannot be "
            "skipped or done out of order.",
        )
    if key == "not_eligible":
        status = values["status"]
        zh = label("household_status", status) if status else "未在册"  # type: ignore[arg-type]
        en = label_en("household_status", status) if status else "not on the register"  # type: ignore[arg-type]
        title = procedure_title(str(values["procedure"]))
        return (f"当前状态为“{zh}”，不能办理{title}。", f"its status is '{en}'; it cannot start {values['procedure']}.")
    messages = {
        "date_before": (
            f"日期 {values.get('date')} 早于该户上一步的日期 {values.get('last')}。",
            f"the date {values.get('date')} is before its previous step ({values.get('last')}).",
        ),
        "completed": (f"{values.get('procedure')}程序已经完成。", "the procedure is already completed."),
        "revert_completed": (
            "程序已经完成，不能退回；如需更正，请办理返贫或销号。",
            "the procedure is completed and cannot go back; use return or removal instead.",
        ),
        "revert_not_last": (
            f"只能退回最后完成的一步，而“{values.get('step')}”不是。",
            f"only the last done step can be undone, not '{values.get('step_en')}'.",
        ),
        "other_open": (
            f"该户的{values.get('procedure')}程序尚未结束。",
            f"its {values.get('procedure_en')} procedure is still open.",
        ),
        "objection": (
            f"有 {values.get('count')} 条异议尚未处理，处理后才能继续。",
            f"{values.get('count')} objection(s) still open; resolve them first.",
        ),
        "date_year": (
            f"日期 {values.get('date')} 不在 {values.get('year')} 年度程序的时间内"
            f"（应在 {values.get('year')} 年或次年）。",
            f"the date {values.get('date')} is outside the {values.get('year')} procedure (that year or the next).",
        ),
        "exit_test": (
            f"未达到脱贫标准（{values.get('failed')}），不能通过核实。请帮扶到位后再核实，或记录为“不通过”。",
            f"it does not meet the exit standard ({values.get('failed_en')}), so it cannot pass verification. "
            "Verify again once the assistance has worked, or record it as rejected.",
        ),
        "notice_running": (
            f"公示期为 {values.get('start')} 至 {values.get('end')}，{values.get('next')} 起才能办理下一步。",
            f"the notice runs from {values.get('start')} to {values.get('end')}; the next step can "
            f"be recorded from {values.get('next')}.",
        ),
    }
    return messages[key]
