"""The 历史 page: the household's audit trail, who changed what and when, old → new."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from models import fields
from models.idcard import mask_id_number
from models.records import FieldChange, HistoryEntry, display
from models.registry import Registry
from models.registry_base import TABLE_NAMES
from ui.column_fit import fit_columns
from ui.record_table import RecordTableModel, record_view

INSERT_SUMMARY = 6
TABLES = {
    **TABLE_NAMES,
    "status_history": ("贫困户状态", "status"),
    "other_causes": ("其他致贫原因", "other cause"),
    "member_changes": ("成员变动", "member change"),
}
EXTRA_LABELS = {"decided_date": ("决定日期", "Date decided"), "cause": ("致贫原因", "Cause")}
REFERENCES = frozenset(
    {"id", "household_id", "member_id", "group_id", "helper_id", "measure_id", "borrower_id", "village_code", "team_id"}
)


class HistoryTableModel(RecordTableModel):
    """One row per changed field of an update; one row per inserted or deleted record."""

    CONTEXT = "HistoryTableModel"
    COLUMNS = (
        ("when", QT_TRANSLATE_NOOP("HistoryTableModel", "时间")),
        ("user", QT_TRANSLATE_NOOP("HistoryTableModel", "操作员")),
        ("record", QT_TRANSLATE_NOOP("HistoryTableModel", "记录")),
        ("action", QT_TRANSLATE_NOOP("HistoryTableModel", "操作")),
        ("field", QT_TRANSLATE_NOOP("HistoryTableModel", "字段")),
        ("old", QT_TRANSLATE_NOOP("HistoryTableModel", "原值")),
        ("new", QT_TRANSLATE_NOOP("HistoryTableModel", "新值")),
    )


def history_rows(entries: list[HistoryEntry], names: dict[str, str], lang: str) -> list[dict[str, Any]]:
    """Flatten history entries into table rows (names: record id -> a person's name, for members)."""
    actions = {
        "insert": QCoreApplication.translate("HistoryTableModel", "新增"),
        "update": QCoreApplication.translate("HistoryTableModel", "修改"),
        "delete": QCoreApplication.translate("HistoryTableModel", "删除"),
    }
    rows = []
    for entry in entries:
        zh, en = TABLES.get(entry.table, (entry.table, entry.table))
        name = names.get(entry.record_id) or next(
            (str(c.new or c.old) for c in entry.changes if c.column == "name"), ""
        )
        base = {
            "when": entry.when.strftime("%Y-%m-%d %H:%M"),
            "user": entry.user,
            "record": (en if lang == "en" else zh) + (f" {name}" if name else ""),
            "action": actions.get(entry.action, entry.action),
        }
        if entry.action == "update":
            rows += [_update_row(base, c, entry.table, lang) for c in entry.changes]
        else:
            rows.append(_record_row(base, entry, lang))
    return rows


def _update_row(base: dict[str, Any], change: FieldChange, table: str, lang: str) -> dict[str, Any]:
    """One changed field: label, old → new."""
    return {
        **base,
        "field": _label(change, table, lang),
        "old": _shown(change, "old", table, lang),
        "new": _shown(change, "new", table, lang),
    }


def _record_row(base: dict[str, Any], entry: HistoryEntry, lang: str) -> dict[str, Any]:
    """An inserted or deleted record: its first few filled fields (references to other records left out)."""
    inserted = entry.action == "insert"
    texts = [
        f"{_label(c, entry.table, lang)}{': ' if lang == 'en' else '：'}"
        f"{_shown(c, 'new' if inserted else 'old', entry.table, lang)}"
        for c in entry.changes
        if (c.new_text if inserted else c.old_text) and c.column not in REFERENCES
    ]
    joiner = "; " if lang == "en" else "；"
    summary = joiner.join(texts[:INSERT_SUMMARY]) + ("…" if len(texts) > INSERT_SUMMARY else "")
    return {**base, "field": "", "old": "" if inserted else summary, "new": summary if inserted else ""}


def _label(change: FieldChange, table: str, lang: str) -> str:
    if change.column in EXTRA_LABELS:
        return EXTRA_LABELS[change.column][1 if lang == "en" else 0]
    return fields.label(change.column, lang, table) if lang == "en" else change.label


def _shown(change: FieldChange, which: str, table: str = "", lang: str = "zh") -> str:
    """The old or new value as the history shows it: ID numbers and bank accounts masked, amounts as numbers."""
    value, text = (change.new, change.new_text) if which == "new" else (change.old, change.old_text)
    if lang == "en":
        text = display(table, change.column, value, lang)
    if table == "incomes" or isinstance(value, float):  # 低保金 is an amount here, not the member's 是/否 flag
        return "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
    if change.column == "id_number" and text:
        return mask_id_number(text)
    if change.column == "bank_account" and text:
        return "*" * max(0, len(text) - 4) + text[-4:]
    return text


class HistoryPage(QWidget):
    """Read-only history of a saved household."""

    def __init__(self, registry: Registry, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.registry, self.lang = registry, lang
        self.model = HistoryTableModel(self)
        self.table = record_view(self.model)
        keys = [key for key, _ in HistoryTableModel.COLUMNS]
        fit_columns(self.table, stretch=[keys.index("new")], limits={keys.index("old"): 240})
        self.note = QLabel(self.tr("每次保存都记入变更记录，不能修改或删除。"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)

    def load(self, household_id: str | None, names: dict[str, str]) -> None:
        """Show the audit trail of a household, newest first."""
        entries = self.registry.history(household_id) if household_id else []
        self.model.set_rows(history_rows(entries, names, self.lang))
