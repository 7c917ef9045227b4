"""Township-owned tables and their seed rows, as the merge sees them.

Code tables and poverty lines belong to the township: every replica starts
with the same seed rows (``models.seed``: hlc 0, the baseline site, no change
record) and only the township's change records may alter them. A laptop's
record for these tables is kept in the log (the hash chain stays whole) but
never applied, on any replica.
"""

from __future__ import annotations

from models.codes import CODE_TABLES, DEFAULT_POVERTY_LINES
from models.seed import code_value_id, poverty_line_id

OWNED_TABLES = frozenset({"code_values", "poverty_lines"})


def baseline_rows() -> dict[str, dict[str, dict]]:
    """The seed values of every township-owned row: {table: {id: values}}."""
    codes = {
        code_value_id(table, entry.code): {
            "tbl": table,
            "code": entry.code,
            "label": entry.label,
            "label_en": entry.label_en,
            "sort": sort,
            "active": 1,
        }
        for table, entries in CODE_TABLES.items()
        for sort, entry in enumerate(entries)
    }
    lines = {
        poverty_line_id(year, standard): {"year": year, "standard": standard, "amount": float(amount)}
        for year, standard, amount in DEFAULT_POVERTY_LINES
    }
    return {"code_values": codes, "poverty_lines": lines}
