"""Excel → 导出数据检查: the data check runs off the GUI thread and its progress bar moves phase by phase."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.exports.excel_helpers import VILLAGE, make_registry
from tests.exports.test_excel_import import ZHANG
from tests.ui.app_fixtures import Answers
from ui import excel_menu, messages


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Message boxes recorded instead of shown."""
    recorded = Answers()
    monkeypatch.setattr(messages, "show_error", lambda parent, text: recorded.record("error", text))
    monkeypatch.setattr(messages, "show_info", lambda parent, text: recorded.record("info", text))
    return recorded


def test_the_check_export_moves_its_progress_bar_and_writes_the_findings(
    qtbot, answers: Answers, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from ui.main_window import MainWindow

    db, registry = make_registry(tmp_path / "w.db")
    hid = registry.create_household({"village_code": VILLAGE}, [{"name": "张三", "relation": "01", "id_number": ZHANG}])
    db.conn.execute("UPDATE households SET land_area = -2 WHERE id = ?", (hid,))
    window = MainWindow(db)
    qtbot.addWidget(window)
    out = tmp_path / "check.xlsx"
    monkeypatch.setattr(excel_menu, "choose_save_path", lambda parent, title, suggested: str(out))
    moves: list[tuple[int, int]] = []
    real = excel_menu.run_with_progress

    def watched(parent, title, path, fn):  # noqa: ANN001, ANN202 - the real call, with the worker's progress recorded
        return real(
            parent, title, path, lambda db, progress: fn(db, lambda d, t: (moves.append((d, t)), progress(d, t)))
        )

    monkeypatch.setattr(excel_menu, "run_with_progress", watched)
    assert excel_menu.export_check(window) == str(out)
    assert answers.kinds() == ["info"]
    done = [d for d, _total in moves]
    assert len(set(done)) >= 5 and done == sorted(done) and {t for _d, t in moves} == {100}
    assert 0 < done[-1] <= 100
    sheet = openpyxl.load_workbook(out).active
    messages_column = [row[3] for row in sheet.iter_rows(values_only=True)]
    assert any("不能为负数" in (text or "") for text in messages_column)
    window.close()
    db.close()
