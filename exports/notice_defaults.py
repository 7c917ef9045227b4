"""Who signs a notice and where objections go, by default; and why a notice has nothing to list.

A village 公示 is issued by that village's own committee and objections go to
that village (its committee or the resident work team), whatever the settings
say: one township clerk prints notices for many villages. The ``issuing_body``
setting names the issuer of 公告 (announcements) only, ``objection_office``
the office named on them; the hotline (``objection_phone``, e.g. 12317) is the
same everywhere. The dialog can still override both for one print.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from models.errors import JiandangError

if TYPE_CHECKING:
    from exports.notice_kinds import NoticeKind


class PlaceNames(Protocol):
    """The names a default is made from (``notice_data.Place``)."""

    county: str
    township: str
    village: str


def default_issuer(place: PlaceNames, kind: NoticeKind) -> str:
    """The village committee for a 公示 (and the card), the township government for a 公告."""
    return f"{place.village}村民委员会" if kind.is_notice else f"{place.township}人民政府"


def default_office(place: PlaceNames) -> str:
    """Where objections go when nobody is named: the village's committee or the work team stationed there."""
    return f"{place.village}村民委员会或驻村工作队"


def notice_defaults(place: PlaceNames, kind: NoticeKind, issuing_body: str, office: str) -> tuple[str, str]:
    """(issuer, objection office) printed unless the clerk types others.

    ``issuing_body`` and ``office`` are the settings: they apply to 公告 only; a 公示 always
    defaults to the village's own committee, so one village's notice is never signed by another.
    """
    if kind.is_notice:
        return default_issuer(place, kind), default_office(place)
    return issuing_body or default_issuer(place, kind), office or default_office(place)


def nothing_to_list(village: str, year: int, kind: NoticeKind) -> JiandangError:
    """The error for a notice with no household or project: which step nobody has reached, what to do."""
    noun_zh, noun_en = ("明白卡", "card") if kind.layout == "card" else ("公示", "notice")
    head_zh = f"{village}{year}年没有可列入“{kind.title}”的户或项目，未生成{noun_zh}。"
    head_en = f"Nothing to list on the {kind.title_en.lower()} of {village} for {year}; no {noun_en} was made."
    reached = _step_before(kind.key)
    if reached is not None:
        procedure, before, notice = reached
        return JiandangError(
            f"{head_zh}还没有户办完“{procedure[0]}”程序的“{before[0]}”这一步（办完后才轮到“{notice[0]}”）。"
            f"请先登记该步骤（程序 → 登记程序步骤（批量）…），或手工指定要列入的户（命令行用 --household）。",
            f"{head_en} No household has completed the step “{before[1]}” of the {procedure[1].lower()} "
            f"procedure yet (“{notice[1]}” comes after it). Record that step first (Procedures → Record a "
            "procedure step (batch)…), or choose the households by hand (on the command line: --household).",
        )
    if kind.layout == "funds":
        return JiandangError(
            f"{head_zh}请先为该村{year}年登记帮扶措施或项目（资金为本年度、未取消的）。",
            f"{head_en} Record this year's measures or projects of the village first (not cancelled).",
        )
    return JiandangError(
        f"{head_zh}没有户的状态符合；请手工指定要列入的户（命令行用 --household 或 --status）。",
        f"{head_en} No household has a matching status; choose the households by hand "
        "(on the command line: --household or --status).",
    )


def _step_before(kind: str) -> tuple[tuple[str, str], tuple[str, str], tuple[str, str]] | None:
    """(procedure, the step before the notice, the notice step), each as (Chinese, English), or None."""
    from models.procedure_steps import PROCEDURES, STEPS

    for index, step in enumerate(STEPS):
        if step.notice_kind == kind and index and STEPS[index - 1].procedure == step.procedure:
            before = STEPS[index - 1]
            return (
                PROCEDURES[step.procedure],
                (before.title_zh, before.title_en),
                (step.title_zh, step.title_en),
            )
    return None
