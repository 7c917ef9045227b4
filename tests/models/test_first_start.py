"""First start: role, township and villages, device and operator."""

from __future__ import annotations

from models.db import Database
from models.first_start import Setup, apply_setup, known_regions, needs_setup, validate_setup
from models.registry import Registry
from models.settings import get_setting


def test_a_village_team_sets_up_typed_regions(db: Database) -> None:
    database = db
    assert needs_setup(database)
    setup = Setup("village", "621121103", "平襄镇", [("621121103201", "文峰村")], "笔记本-1", "王明")
    apply_setup(Registry(database), setup)
    assert known_regions(database, 4) == [{"code": "621121103000", "name": "平襄镇"}]
    assert known_regions(database, 5, "621121103000") == [{"code": "621121103201", "name": "文峰村"}]
    assert get_setting(database, "scope") == ["621121103201"]
    assert (get_setting(database, "operator"), get_setting(database, "device_name")) == ("王明", "笔记本-1")
    assert not needs_setup(database)


def test_a_township_may_reuse_registered_regions_without_names(registry: Registry) -> None:
    setup = Setup("township", "621121103000", "", [("621121103202", "")], "乡镇电脑", "李华")
    assert validate_setup(registry.db, setup) == []
    apply_setup(registry, setup)
    assert get_setting(registry.db, "scope") == ["621121103000"]
    assert get_setting(registry.db, "role") == "township"


def test_bad_answers_are_explained(database: Database) -> None:
    setup = Setup("village", "6211", "", [("621121104201", "某村"), ("abc", "")], "", " ")
    found = {(p.field, p.message_zh) for p in validate_setup(database, setup)}
    wrong = "区划代码“{}”不对：乡镇为 9 位（或末三位为 000 的 12 位），村为 12 位。"  # as on the settings page
    assert ("township", "乡镇：" + wrong.format("6211")) in found
    assert ("villages", "村：" + wrong.format("abc")) in found
    assert {f for f, _ in found} == {"township", "villages", "operator", "device_name"}
    ok = Setup("village", "621121103", "平襄镇", [("621121104201", "某村")], "d", "o")
    assert [p.message_zh for p in validate_setup(database, ok)] == ["村：村 621121104201 不在所选乡镇内。"]
    ok.villages = [("621121103", "平襄")]
    assert [p.message_zh for p in validate_setup(database, ok)] == [
        "村：区划代码“621121103”是乡镇的代码：这里要填村的 12 位代码。"
    ]
    ok.township_code, ok.villages = "621121103201", [("621121103201", "")]
    said = validate_setup(database, ok)[0].message_zh
    assert said == "乡镇：区划代码“621121103201”是村的代码：这里要填乡镇的 9 位代码。"


def test_typed_village_lines_are_read_as_code_and_name() -> None:
    from models.first_start import parse_village_lines

    text = "621121103201 文峰村\n\n  621121103202\u3000石峰 村 \n621121103203"
    assert parse_village_lines(text) == [("621121103201", "文峰村"), ("621121103202", "石峰 村"), ("621121103203", "")]
