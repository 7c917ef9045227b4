"""A damaged bundle file is explained in one plain sentence with what to do about it."""

from __future__ import annotations

import pytest

from models.errors import JiandangError
from tests.exports.bundle.sites import Site
from tests.models.conftest import VILLAGE, family


@pytest.mark.parametrize("damage", ["cut", "flip"])
def test_a_truncated_or_altered_file_says_to_copy_it_again_or_export_again(
    township: Site, laptop: Site, damage: str
) -> None:
    laptop.registry.create_household({"village_code": VILLAGE}, family(1))
    bundle = laptop.export().path
    data = bytearray(bundle.read_bytes())
    if damage == "cut":
        del data[-20:]
    else:
        data[-30] ^= 1
    bundle.write_bytes(bytes(data))
    with pytest.raises(JiandangError) as refused:
        township.load(bundle)
    zh, en = refused.value.message("zh"), refused.value.message("en")
    assert "（" not in zh.split("（", 1)[1]  # no brackets inside brackets
    assert "请从原来的电脑重新复制，或重新导出" in zh and "没有导入任何内容" in zh
    assert "copy it again from the computer that wrote it, or export it again" in en
