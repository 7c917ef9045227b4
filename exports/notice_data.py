"""What goes on a notice: the request (kind, village, period, households, columns, paper) and its content.

Which households a notice lists comes from the procedure state
(``models.procedures.households_at_step``) when that module knows the kind's
step; otherwise from the households' current status. Either way the list can
be changed by hand: pass ``household_ids`` explicitly.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from dataclasses import dataclass, field, replace
from typing import Any

from exports.notice_defaults import nothing_to_list, notice_defaults
from exports.notice_kinds import CARD, FUNDS, KINDS, PAPERS, NoticeKind, check_columns, get_kind
from exports.notice_rows import card_record, fund_rows, household_cells, household_records, total_row
from models.db import Database
from models.errors import JiandangError
from models.regions import require_village
from models.settings import MIN_NOTICE_DAYS, get_setting
from models.warnings import working_year


@dataclass(frozen=True)
class NoticeRequest:
    """Everything the clerk chooses for one notice."""

    kind: str
    village_code: str
    year: int
    start: datetime.date
    days: int = 7
    household_ids: tuple[str, ...] | None = None
    columns: tuple[str, ...] = ()
    paper: str = "A4"
    two_up: bool = False
    phone: str = "12317"
    office: str = ""
    issuing_body: str = ""
    evaluated_by: str = ""

    @property
    def end(self) -> datetime.date:
        """The last day of the notice period."""
        return self.start + datetime.timedelta(days=self.days - 1)


@dataclass
class Place:
    """Names of the county, township and village a notice is posted in."""

    county: str
    township: str
    village: str


@dataclass
class NoticeContent:
    """A request with everything read from the database, ready to lay out."""

    request: NoticeRequest
    kind: NoticeKind
    place: Place
    rows: list[dict[str, str]] = field(default_factory=list)
    household_ids: list[str] = field(default_factory=list)
    people: int = 0
    amount: float = 0.0
    cards: list[dict[str, Any]] = field(default_factory=list)

    def texts(self) -> list[tuple[str, str]]:
        """(where, text) of everything printed from the data, for finding characters no font has."""
        found = [(self.place.village, f"{self.place.county}{self.place.township}{self.place.village}")]
        for row in self.rows:
            found += [(row.get("head") or row.get("project") or "", text) for text in row.values()]
        for card in self.cards:
            values = [card[k] for k in ("head", "place", "helper", "helper_unit", "causes")]
            values += [v for m in card["measures"] for v in m.values()] + card["policies"]
            found += [(card["head"], text) for text in values]
        request = self.request
        found += [("", text) for text in (request.office, request.issuing_body, request.evaluated_by, request.phone)]
        return found


def default_request(db: Database, kind: str, village_code: str, **chosen: Any) -> NoticeRequest:
    """A request with the defaults: the hotline and days from the settings, the issuer and objection office
    of the village (a 公示 is its own committee's; the settings name them for 公告 only, see
    ``notice_defaults``), today's date and the working year (the setting, else the newest year with data)."""
    notice_kind = get_kind(kind)
    start = chosen.pop("start", None) or datetime.date.today()
    year = chosen.pop("year", None) or working_year(db.conn)
    issuer, office = village_defaults(db, notice_kind, village_code)
    base = NoticeRequest(
        kind=kind,
        village_code=village_code,
        year=int(year),
        start=start,
        days=int(get_setting(db, "notice_days")),
        columns=notice_kind.columns,
        phone=get_setting(db, "objection_phone"),
        office=office,
        issuing_body=issuer,
        evaluated_by=notice_kind.evaluated_by,
    )
    return replace(base, **{k: v for k, v in chosen.items() if v is not None})


def village_defaults(db: Database, kind: NoticeKind, village_code: str) -> tuple[str, str]:
    """(issuer, objection office) of this kind of notice in this village; ("", "") for an unknown village
    (the request is refused later with a clear message)."""
    try:
        place = village_place(db.conn, village_code)
    except JiandangError:
        return "", ""
    return notice_defaults(place, kind, get_setting(db, "issuing_body"), get_setting(db, "objection_office"))


def check_request(conn: sqlite3.Connection, request: NoticeRequest) -> Place:
    """Refuse a request that cannot be printed (unknown village, kind, paper, columns, period); the place names."""
    kind = get_kind(request.kind)
    if request.paper not in PAPERS:
        raise JiandangError(
            f"纸张“{request.paper}”不可用；可选：{'、'.join(PAPERS)}。",
            f"Paper '{request.paper}' is not available; one of: {', '.join(PAPERS)}.",
        )
    if kind.layout != CARD and request.days < MIN_NOTICE_DAYS:
        raise JiandangError(
            f"公示期不能少于 {MIN_NOTICE_DAYS} 天（现为 {request.days} 天）。",
            f"A notice runs for at least {MIN_NOTICE_DAYS} days (this one: {request.days}).",
        )
    if kind.layout != CARD:
        check_columns(kind, request.columns)
    return village_place(conn, request.village_code)


def village_place(conn: sqlite3.Connection, village_code: str) -> Place:
    """County, township and village names of a registered village; JiandangError when it is not one."""
    code = require_village(conn, village_code)
    row = conn.execute("SELECT name, parent_code FROM regions WHERE code = ?", (code,)).fetchone()

    def name(region: str) -> str:
        found = conn.execute("SELECT name FROM regions WHERE code = ?", (region,)).fetchone()
        return found[0] if found else ""

    return Place(county=name(code[:6] + "0" * 6), township=name(row[1] or code[:9] + "000"), village=row[0])


def select_households(conn: sqlite3.Connection, kind: str, village_code: str, year: int) -> list[str]:
    """The households a notice of this kind lists by default.

    For a notice printed at a procedure step: the households whose next step is
    that notice (``models.procedures.households_at_step``). Otherwise (帮扶明白卡)
    the households whose status as of ``year`` is one of the kind's statuses.
    """
    notice_kind = get_kind(kind)
    steps = notice_steps(notice_kind.key)
    if steps:
        from models.procedures import households_at_step

        found = [
            hid for step in steps for hid in households_at_step(conn, step.procedure, step.step_id, village_code, year)
        ]
        return list(dict.fromkeys(found))
    return households_by_status(conn, village_code, notice_kind.statuses, year, notice_kind.year_column)


def notice_steps(kind: str) -> list[Any]:
    """The procedure steps (``models.procedure_steps.Step``) at which this kind of notice is posted."""
    from models.procedure_steps import STEPS

    return [step for step in STEPS if step.notice_kind == kind]


def households_by_status(
    conn: sqlite3.Connection, village_code: str, statuses: tuple[str, ...], year: int, year_column: str | None = None
) -> list[str]:
    """Households of the village whose status as of ``year`` is one of ``statuses`` (and, if given,
    whose ``year_column`` equals ``year``)."""
    if not statuses:
        return []
    extra = f" AND h.{year_column} = :year" if year_column in ("identified_year", "exit_year") else ""
    sql = (
        "SELECT h.id FROM households h WHERE h.village_code = :village AND (SELECT status FROM status_history s "
        "WHERE s.household_id = h.id AND s.year <= :year ORDER BY s.year DESC LIMIT 1) IN "
        f"(SELECT value FROM json_each(:statuses)){extra}"
    )
    params = {"village": village_code, "year": year, "statuses": json.dumps(list(statuses))}
    return [r[0] for r in conn.execute(sql, params)]


def resolve_households(conn: sqlite3.Connection, village_code: str, references: list[str]) -> list[str]:
    """Household ids for ids or household numbers typed by hand; each must belong to the village."""
    found = []
    for ref in references:
        rows = conn.execute(
            "SELECT id, village_code FROM households WHERE id = ? OR household_no = ?", (ref, ref)
        ).fetchall()
        if not rows:
            raise JiandangError(f"找不到户“{ref}”（户编号或编码）。", f"No household '{ref}' (number or id).")
        if all(r[1] != village_code for r in rows):
            raise JiandangError(f"户“{ref}”不在该村，不能列入本村公示。", f"Household '{ref}' is not in this village.")
        found += [r[0] for r in rows if r[1] == village_code]
    return list(dict.fromkeys(found))


def load_content(db: Database, request: NoticeRequest) -> NoticeContent:
    """Read everything the notice prints; JiandangError when the request cannot be printed."""
    place = check_request(db.conn, request)
    kind = KINDS[request.kind]
    content = NoticeContent(request, kind, place)
    if kind.layout == FUNDS:
        content.rows, content.household_ids, content.amount = fund_rows(db.conn, request.village_code, request.year)
        if content.rows:
            content.rows.append(total_row(request.columns, content.amount))
        return _require_rows(content, bool(content.rows))
    ids = (
        list(request.household_ids)
        if request.household_ids is not None
        else select_households(db.conn, request.kind, request.village_code, request.year)
    )
    records = household_records(db.conn, ids, request.year)
    _check_village(records, ids, request.village_code)
    content.household_ids = [r["id"] for r in records]
    content.people = sum(int(r["population"]) for r in records)
    if kind.layout == CARD:
        from models.registry import Registry

        registry = Registry(db)
        content.cards = [card_record(registry, r["id"], request.year) for r in records]
    else:
        content.rows = [household_cells(r, seq) for seq, r in enumerate(records, 1)]
        if kind.key.startswith("exit"):  # on an exit notice the exit year is the notice's year until recorded
            for row in content.rows:
                row["exit_year"] = row["exit_year"] or str(request.year)
    return _require_rows(content, bool(records))


def _check_village(records: list[dict[str, Any]], ids: list[str], village_code: str) -> None:
    if len(records) != len(set(ids)):
        raise JiandangError("所选的户中有已删除或不存在的户，请重新选择。", "Some chosen households no longer exist.")
    if any(r["village_code"] != village_code for r in records):
        raise JiandangError(
            "所选的户中有不在该村的户，不能列入本村公示。", "Some chosen households are not in this village."
        )


def _require_rows(content: NoticeContent, has_rows: bool) -> NoticeContent:
    if not has_rows:
        raise nothing_to_list(content.place.village, content.request.year, content.kind)
    return content


def village_choices(conn: sqlite3.Connection, scope: list[str] | None = None) -> list[tuple[str, str]]:
    """(code, name) of the registered villages, within ``scope`` (region code prefixes) when given."""
    rows = conn.execute("SELECT code, name FROM regions WHERE level = 5 ORDER BY code").fetchall()
    prefixes = [str(code).rstrip("0") for code in scope or []]
    return [(code, name) for code, name in rows if not prefixes or any(code.startswith(p) for p in prefixes)]


def household_choices(conn: sqlite3.Connection, village_code: str, year: int) -> list[dict[str, str]]:
    """Every household of the village in notice order, with what a clerk needs to pick the ones to list."""
    ids = [r[0] for r in conn.execute("SELECT id FROM households WHERE village_code = ?", (village_code,))]
    return [
        {
            "id": r["id"],
            "group": r["group_name"] or "",
            "head": r["head"] or "",
            "household_no": r["household_no"] or "",
            "population": str(r["population"]),
            "status": r["status"] or "",
        }
        for r in household_records(conn, ids, year)
    ]
