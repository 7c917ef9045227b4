"""The procedures as data: which steps, in which order, of which kind.

The code in ``models/procedures.py`` knows nothing about particular steps: it
reads ``STEPS`` and follows the ``kind`` of each step. A province whose
procedure differs adjusts this table (and only this table):

- add, remove, rename or reorder the ``Step`` rows of a procedure (the order of
  the rows is the order of the steps);
- ``kind`` decides what the step needs: ``vote`` steps keep the vote counts and
  the minutes of the meeting; ``notice`` steps start a notice period
  (公示, ``notice_days`` in the settings, 7 by default) during which objections
  are recorded and after which the next step may be done; ``notice`` and
  ``announce`` steps name the ``notice_kind`` printed by the notices feature;
- ``RESULT_STATUS`` is the household status written when the last step passes;
  ``ELIGIBLE_STATUS`` the statuses a household must have to start.

Every site (village laptops and the township) must run the same table: the
events recorded elsewhere are replayed against it. Events for a step that no
longer exists are ignored when the state is worked out, so keep old step ids
for a year in which a procedure is still open.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.errors import JiandangError

KINDS = ("apply", "vote", "verify", "sign", "notice", "review", "announce")
NOT_ON_REGISTER = None  # the status of a household that has no status row yet


@dataclass(frozen=True)
class Step:
    """One step of one procedure."""

    procedure: str
    step_id: str
    title_zh: str
    title_en: str
    kind: str
    notice_kind: str | None = None

    def title(self, language: str = "zh") -> str:
        """The step's name in the requested language."""
        return self.title_en if language == "en" else self.title_zh


PROCEDURES: dict[str, tuple[str, str]] = {
    "identification": ("贫困户识别", "Identification"),
    "exit": ("脱贫退出", "Exit from poverty"),
    "return": ("返贫认定", "Return to poverty"),
    "removal": ("销号", "Removal from the register"),
}
"""Procedure id -> (Chinese title, English title)."""


def _identification_like(procedure: str, notice: str) -> tuple[Step, ...]:
    """一核二看三比四评议五公示 and 两公示一公告, also used for 返贫 (DOMAIN.md)."""
    return (
        Step(procedure, "apply", "农户申请", "Household applies", "apply"),
        Step(procedure, "group_review", "小组初评", "Village group's first review", "vote"),
        Step(procedure, "committee_review", "村两委审议", "Village committees' review", "vote"),
        Step(procedure, "representatives_vote", "村民代表大会民主评议", "Villagers' representatives decide", "vote"),
        Step(procedure, "verify", "村委会和驻村工作队入户核实", "Home visit by committee and work team", "verify"),
        Step(procedure, "village_notice", "第一次公示（村）", "First notice (village)", "notice", f"{notice}_1"),
        Step(procedure, "township_review", "乡镇审核", "Township review", "review"),
        Step(procedure, "second_notice", "第二次公示（村）", "Second notice (village)", "notice", f"{notice}_2"),
        Step(procedure, "county_review", "县扶贫办复审", "County poverty office review", "review"),
        Step(procedure, "announce", "公告", "Announcement", "announce", f"{notice}_announce"),
    )


STEPS: tuple[Step, ...] = (
    *_identification_like("identification", "identification"),
    Step("exit", "committee_review", "村两委民主评议", "Village committees' evaluation", "vote"),
    Step("exit", "verify", "村两委和驻村工作队核实", "Verification by committees and work team", "verify"),
    Step("exit", "household_sign", "贫困户签字确认", "Household confirms and signs", "sign"),
    Step("exit", "village_notice", "村内公示", "Notice in the village", "notice", "exit"),
    Step("exit", "township_review", "乡镇审核", "Township review", "review"),
    Step("exit", "announce", "县级审批公告", "County approval and announcement", "announce", "exit_announce"),
    *_identification_like("return", "return"),
    Step("removal", "apply", "提出销号", "Removal proposed", "apply"),
    Step("removal", "committee_review", "村两委审议", "Village committees' review", "vote"),
    Step("removal", "verify", "入户核实", "Home visit", "verify"),
    Step("removal", "village_notice", "村内公示", "Notice in the village", "notice", "removal"),
    Step("removal", "township_review", "乡镇审核", "Township review", "review"),
    Step("removal", "county_review", "县扶贫办审批", "County approval", "review"),
)
"""Every step of every procedure, in order within each procedure."""

RESULT_STATUS: dict[str, str] = {"identification": "05", "exit": "03", "return": "04", "removal": "06"}
"""Procedure -> ``household_status`` written when its last step passes (新识别, 已脱贫, 返贫, 销号)."""

ELIGIBLE_STATUS: dict[str, tuple[str | None, ...]] = {
    "identification": (NOT_ON_REGISTER,),
    "exit": ("01", "02", "04", "05"),
    "return": ("03",),
    "removal": ("01", "02", "03", "04", "05"),
}
"""Procedure -> the current statuses from which a household may start it."""


def steps(procedure: str) -> tuple[Step, ...]:
    """The steps of ``procedure`` in order; JiandangError for an unknown procedure."""
    found = tuple(s for s in STEPS if s.procedure == procedure)
    if not found:
        known = "、".join(PROCEDURES)
        raise JiandangError(f"没有名为“{procedure}”的程序（可选：{known}）。", f"No procedure '{procedure}' ({known}).")
    return found


def step(procedure: str, step_id: str) -> Step:
    """One step by id; JiandangError naming the valid steps when it does not exist."""
    for candidate in steps(procedure):
        if candidate.step_id == step_id:
            return candidate
    valid = "、".join(s.step_id for s in steps(procedure))
    raise JiandangError(
        f"“{procedure_title(procedure)}”没有“{step_id}”这一步（可选：{valid}）。",
        f"The procedure '{procedure}' has no step '{step_id}' (valid: {valid}).",
    )


def procedure_title(procedure: str, language: str = "zh") -> str:
    """The procedure's name in the requested language."""
    zh, en = PROCEDURES.get(procedure, (procedure, procedure))
    return en if language == "en" else zh


def check_table() -> None:
    """Refuse an inconsistent table (unknown kind or procedure, duplicate step ids)."""
    for procedure in PROCEDURES:
        ids = [s.step_id for s in steps(procedure)]
        if len(ids) != len(set(ids)):
            raise ValueError(f"duplicate step id in {procedure}")
    for entry in STEPS:
        if entry.kind not in KINDS or entry.procedure not in PROCEDURES:
            raise ValueError(f"bad step {entry}")
        if entry.kind in ("notice", "announce") and not entry.notice_kind:
            raise ValueError(f"notice step without notice_kind: {entry}")


check_table()
