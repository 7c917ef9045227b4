"""Search by name, pinyin, initials, ID number, phone and household number."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

import pytest

from models import search as search_module
from models.db import Database, open_database
from models.idcard import make_id_number
from models.search import SearchHit, index_households, rebuild_index, search, search_terms_for
from models.search_index import iter_index

VILLAGE_1 = "520102001001"
VILLAGE_2 = "520102001002"
FULL_ID = re.compile(r"\d{17}[\dXx]")


def _id(year: int, month: int, day: int, sequence: int) -> str:
    return make_id_number("520102", datetime.date(year, month, day), sequence)


ZHANG_SAN_ID = _id(1980, 5, 17, 123)
ZHANG_SAN_FENG_ID = _id(1975, 11, 2, 35)
SHAN_LI_ID = _id(1982, 3, 9, 246)
DEPARTED_ZHANG_SAN_ID = _id(1990, 1, 1, 11)
WANG_WU_ID = next(n for n in (_id(1960, 2, 29, s) for s in range(1000)) if n.endswith("X"))


@pytest.fixture
def db(tmp_path) -> Iterator[Database]:
    database = open_database(tmp_path / "t.db")
    yield database
    database.close()


@pytest.fixture
def registry(db: Database) -> dict[str, str]:
    """Two villages, three households, a departed member; returns names -> ids."""
    ids: dict[str, str] = {}
    with db.write("test") as w:
        for code in (VILLAGE_1, VILLAGE_2):
            w.insert("regions", {"code": code, "name": f"村{code[-1]}", "level": 5})
        ids["house_a"] = w.insert("households", {"village_code": VILLAGE_1, "household_no": "5201020010010001",
                                                 "phone": "0851-8888 1234"})
        ids["house_b"] = w.insert("households", {"village_code": VILLAGE_2, "household_no": "5201020010020007"})
        ids["house_c"] = w.insert("households", {"village_code": VILLAGE_2, "household_no": "5201020010020008"})
        ids["张三"] = _member(w, ids["house_a"], "张三", ZHANG_SAN_ID, "01", phone="13812345678")
        ids["李四"] = _member(w, ids["house_a"], "李四", _id(1981, 7, 7, 222), "02")
        ids["张三丰"] = _member(w, ids["house_b"], "张三丰", ZHANG_SAN_FENG_ID, "01")
        ids["单丽"] = _member(w, ids["house_b"], "单丽", SHAN_LI_ID, "02", phone="13900000042")
        ids["departed"] = _member(w, ids["house_c"], "张三", DEPARTED_ZHANG_SAN_ID, "03", in_household=0)
        ids["王五"] = _member(w, ids["house_c"], "王五", WANG_WU_ID, "01")
        index_households(w.conn, [ids["house_a"], ids["house_b"], ids["house_c"]])
    return ids


def _member(w, household_id: str, name: str, id_number: str, relation: str, phone: str | None = None,
            in_household: int = 1) -> str:
    return w.insert("members", {"household_id": household_id, "name": name, "id_number": id_number,
                                "relation": relation, "phone": phone, "in_household": in_household})


def _members(db: Database, query: str, **kwargs) -> list[str | None]:
    return [h.member_id for h in search(db.conn, query, **kwargs).hits]


def _first(db: Database, query: str) -> SearchHit:
    hits = search(db.conn, query).hits
    assert hits, f"nothing found for {query!r}"
    return hits[0]


# -- names ---------------------------------------------------------------


def test_initials_find_the_member(db, registry):
    hit = _first(db, "zs")
    assert (hit.member_id, hit.name, hit.match) == (registry["张三"], "张三", "exact")


def test_full_pinyin_and_its_prefix_find_the_member(db, registry):
    assert _first(db, "zhangsan").member_id == registry["张三"]
    found = search(db.conn, "zhang").hits
    assert {registry["张三"], registry["张三丰"]} <= {h.member_id for h in found}
    assert all(h.match == "prefix" for h in found)


def test_given_name_alone_finds_the_member_as_substring(db, registry):
    for query in ("三", "san", "三丰", "sanfeng", "丰"):
        hits = search(db.conn, query).hits
        assert registry["张三丰"] in {h.member_id for h in hits}, query
    assert {(h.member_id, h.match) for h in search(db.conn, "三").hits} >= {(registry["张三"], "substring")}


def test_polyphonic_surname_is_found_by_its_surname_reading(db, registry):
    for query in ("shanli", "sl", "shan", "danli", "dl"):
        assert _members(db, query)[:1] == [registry["单丽"]], query
    assert {"shanli", "sl", "danli", "dl"} <= set(search_terms_for("单丽"))
    assert {"zengguofan", "zgf"} <= set(search_terms_for("曾国藩"))


def test_exact_name_ranks_before_longer_names(db, registry):
    hits = search(db.conn, "张三").hits
    assert [h.member_id for h in hits] == [registry["张三"], registry["departed"], registry["张三丰"]]
    assert [h.match for h in hits] == ["exact", "exact", "prefix"]


def test_departed_members_are_found_after_live_ones(db, registry):
    hits = search(db.conn, "zhangsan").hits
    assert [(h.member_id, h.match) for h in hits] == [
        (registry["张三"], "exact"), (registry["departed"], "exact"), (registry["张三丰"], "prefix")]


def test_a_member_who_left_is_shown_with_how_and_when(db, registry):
    with db.write("test") as w:
        w.update("members", registry["departed"], {"left_reason": "01", "left_date": "2019-05-02"})
    hits = {h.member_id: h for h in search(db.conn, "张三").hits}
    assert hits[registry["departed"]].display_name() == "张三（死亡 2019-05-02）"
    assert hits[registry["departed"]].display_name("en") == "张三 (Death 2019-05-02)"
    assert hits[registry["张三"]].display_name() == "张三" and hits[registry["张三"]].left_reason is None


def test_input_is_normalised(db, registry):
    for query in ("ＺＳ", " Zhang San ", "张 三", "zhang-san", "张三\t"):
        assert _first(db, query).member_id == registry["张三"], query


def test_search_terms_for_lists_name_suffixes_pinyin_and_initials():
    terms = search_terms_for("张三丰")
    assert terms[:3] == ["张三丰", "zhangsanfeng", "zsf"]
    assert {"三丰", "丰", "sanfeng", "feng", "sf"} <= set(terms)
    assert search_terms_for("  ") == []


# -- numbers -------------------------------------------------------------


@pytest.fixture(params=["by tail", "by trigram tiers"])
def number_path(request, monkeypatch):
    """Long numbers are looked up by their tail, or (when too common) tier by tier: both must agree."""
    if request.param == "by trigram tiers":
        monkeypatch.setattr(search_module, "CLASSIFY_CAP", 0)


def test_id_number_fragments_find_the_member(db, registry, number_path):
    for query in (ZHANG_SAN_ID[-4:], ZHANG_SAN_ID[6:14], ZHANG_SAN_ID[10:16], ZHANG_SAN_ID[8:11]):
        hits = search(db.conn, query).hits
        assert registry["张三"] in [h.member_id for h in hits], query
    hit = _first(db, ZHANG_SAN_ID)
    assert (hit.member_id, hit.match) == (registry["张三"], "exact")


def test_id_prefix_ranks_before_other_fragments(db, registry, number_path):
    hits = search(db.conn, ZHANG_SAN_ID[:10]).hits
    assert (hits[0].member_id, hits[0].match) == (registry["张三"], "prefix")


def test_trailing_x_of_an_id_matches_either_case(db, registry, number_path):
    for query in (WANG_WU_ID, WANG_WU_ID.lower(), WANG_WU_ID[-5:].lower(), WANG_WU_ID[:-1] + "ｘ"):
        assert _members(db, query)[:1] == [registry["王五"]], query


def test_household_number_finds_the_household(db, registry, number_path):
    hit = _first(db, "5201020010010001")
    assert (hit.household_id, hit.member_id, hit.match) == (registry["house_a"], None, "exact")
    assert (hit.name, hit.relation, hit.village_code) == ("张三", "01", VILLAGE_1)  # the head, shown as such
    assert hit.id_masked == ZHANG_SAN_ID[:6] + "********" + ZHANG_SAN_ID[-4:]
    fragment = search(db.conn, "0020007").hits
    assert [(h.household_id, h.member_id) for h in fragment] == [(registry["house_b"], None)]


def test_phone_fragments_find_member_and_household(db, registry, number_path):
    assert _members(db, "12345678") == [registry["张三"]]
    assert _members(db, "138") == [registry["张三"]]
    assert _members(db, "0042") == [registry["单丽"]]
    household = search(db.conn, "8888-1234").hits
    assert [(h.household_id, h.member_id) for h in household] == [(registry["house_a"], None)]


def test_short_digit_queries_find_exact_and_prefix_only(db, registry):
    assert _members(db, "1") == []
    assert registry["张三"] in _members(db, "13")


# -- paging, filters, safety -----------------------------------------------


def test_pages_cover_every_hit_once(db, registry):
    with db.write("test") as w:
        house = w.insert("households", {"village_code": VILLAGE_1})
        names = [f"王{g}" for g in "伟芳娜秀英敏静丽强磊军洋勇艳杰"] + ["汪洋", "王", "王伟明"]
        w.insert_many("members", [{"household_id": house, "name": n} for n in names])
        index_households(w.conn, [house])
    everything = search(db.conn, "w", limit=1000)
    assert not everything.has_more
    paged: list[str | None] = []
    for offset in range(0, 40, 4):
        page = search(db.conn, "w", limit=4, offset=offset)
        paged += [h.member_id for h in page.hits]
        assert page.has_more == (offset + 4 < len(everything.hits))
    assert paged == [h.member_id for h in everything.hits]
    assert len(set(paged)) == len(paged) == len(names) + 1  # + 王五
    assert [h.match for h in everything.hits][:2] == ["exact", "prefix"]  # 王 reads "w" as initials


def test_village_filter(db, registry, number_path):
    assert _members(db, "张三", village_codes=[VILLAGE_2]) == [registry["departed"], registry["张三丰"]]
    assert _members(db, "张三", village_codes=[]) == []
    assert _members(db, ZHANG_SAN_ID[-4:], village_codes=[VILLAGE_2]) == []
    assert _members(db, ZHANG_SAN_ID[-4:], village_codes=[VILLAGE_1, VILLAGE_2]) == [registry["张三"]]
    assert _members(db, ZHANG_SAN_ID, village_codes=[VILLAGE_2]) == []
    assert _members(db, ZHANG_SAN_ID[4:], village_codes=[VILLAGE_1]) == [registry["张三"]]


@pytest.mark.parametrize("query", ['"', "*", "AND", "'", "()", '"张三', "张*", "zs OR", "NEAR(a b)", "^z", "-",
                                   "", "   ", "\x00", "\"\"''", "a:b", "{zs}", "ψ520102001001", "ω三", "\\",
                                   "张3", "x1", "123x", "１２３Ｘ", "a" * 300, "9" * 300])
def test_odd_input_never_raises(db, registry, query):
    page = search(db.conn, query)
    assert isinstance(page.hits, list)


def test_punctuation_only_finds_nothing(db, registry):
    for query in ('"', "*", "'", "()", "-·-", "   ", "ω", "ψ"):
        assert search(db.conn, query).hits == [], query


def test_results_never_show_a_full_id_number(db, registry):
    for query in ("z", "张", "w", "0", "1980", ZHANG_SAN_ID, "5201", "s", "l"):
        for hit in search(db.conn, query, limit=100).hits:
            assert not FULL_ID.search(repr(hit)), hit


def test_limit_zero_and_negative_offset(db, registry):
    assert search(db.conn, "zs", limit=0) == search_module.SearchPage([], False)
    assert search(db.conn, "zs", offset=-5).hits == search(db.conn, "zs").hits


# -- keeping the index current -----------------------------------------------


def test_index_follows_a_renamed_member(db, registry):
    with db.write("test") as w:
        w.update("members", registry["张三"], {"name": "赵六"})
        index_households(w.conn, [registry["house_a"]])
    assert registry["张三"] not in _members(db, "张三")
    assert registry["张三"] not in _members(db, "zs")
    assert _first(db, "zhaoliu").member_id == registry["张三"]


def test_index_follows_deletes_and_moves(db, registry):
    with db.write("test") as w:
        w.update("members", registry["单丽"], {"household_id": registry["house_a"]})
        index_households(w.conn, [registry["house_a"]])
    hit = _first(db, "单丽")
    assert (hit.household_id, hit.household_no) == (registry["house_a"], "5201020010010001")
    with db.write("test") as w:
        w.delete("members", registry["单丽"])
        index_households(w.conn, [registry["house_a"]])
    assert _members(db, "单丽") == []
    with db.write("test") as w:
        w.delete("members", registry["张三丰"])
        w.delete("households", registry["house_b"])
        index_households(w.conn, [registry["house_b"]])
    assert search(db.conn, "5201020010020007").hits == []
    assert db.conn.execute("SELECT count(*) FROM search_docs WHERE household_id = ?",
                           (registry["house_b"],)).fetchone()[0] == 0


def test_rebuild_equals_incremental_indexing(db, registry):
    with db.write("test") as w:
        w.update("members", registry["李四"], {"name": "李四娃", "phone": "15900001111"})
        w.update("households", registry["house_c"], {"phone": "0851-7777"})
        index_households(w.conn, [registry["house_a"], registry["house_c"]])
    incremental = sorted(iter_index(db.conn), key=repr)
    queries = ("z", "三", "7777", "ls", "5201", "lisiwa", "0851")
    results = {q: _found(db, q) for q in queries}
    with db.write("test") as w:
        rebuild_index(w.conn)
    assert sorted(iter_index(db.conn), key=repr) == incremental
    assert {q: _found(db, q) for q in queries} == results  # the order within a tier may differ
    assert db.conn.execute("SELECT count(*) FROM search_docs").fetchone()[0] == 9  # 6 members, 3 households


def _found(db: Database, query: str) -> set[tuple[str | None, str]]:
    return {(h.member_id, h.match) for h in search(db.conn, query, limit=1000).hits}


def test_index_households_is_idempotent(db, registry):
    before = sorted(iter_index(db.conn), key=repr)
    with db.write("test") as w:
        index_households(w.conn, [registry["house_a"], registry["house_a"], "no-such-household"])
    assert sorted(iter_index(db.conn), key=repr) == before
