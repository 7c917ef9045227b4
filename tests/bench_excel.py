"""Benchmark rows of issue 8 (Excel in and out), measured by ``python -m tests.bench``.

About 10,000 households of the county database are exported in the national
layout; the workbook is then validated and imported into a fresh registry that
holds the same villages and groups, next to openpyxl merely reading the same file.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.bench import CACHE, Row

HOUSEHOLDS = 10_000
TARGET_MS = 20_000.0


def _villages(conn, households: int) -> list[str]:
    """Villages, largest first, until they hold about ``households`` households."""
    picked, total = [], 0
    for code, count in conn.execute("SELECT village_code, COUNT(*) FROM households GROUP BY village_code ORDER BY 1"):
        if total >= households:
            break
        picked.append(code)
        total += count
    return picked


def _fresh_registry(source, path: Path):
    """An empty registry with the regions and groups of ``source`` (as a township would have)."""
    from models.db import open_database
    from models.registry import Registry

    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    db = open_database(path)
    with db.write("bench") as writer:
        for table in ("regions", "village_groups"):
            cursor = source.conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            writer.insert_many(
                table, [{k: v for k, v in zip(names, r, strict=True) if not k.startswith("_")} for r in cursor]
            )
    return db, Registry(db)


def _openpyxl_read(path: Path) -> int:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for _ in book.worksheets[0].iter_rows(values_only=True))
    book.close()
    return count


def excel_rows(db, registry) -> list[Row]:
    """Export ~10,000 households, then import them into a fresh registry; baseline: openpyxl reading the file."""
    from exports.excel_apply import apply_plan
    from exports.excel_export import export_households
    from exports.excel_import import ExcelImport

    villages = _villages(db.conn, HOUSEHOLDS)
    ids = [
        r[0] for code in villages for r in db.conn.execute("SELECT id FROM households WHERE village_code = ?", (code,))
    ]
    workbook = CACHE / "excel-10k.xlsx"
    start = time.perf_counter()
    members = export_households(db.conn, workbook, household_ids=ids)
    export_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    _openpyxl_read(workbook)
    read_ms = (time.perf_counter() - start) * 1000
    target_db, target = _fresh_registry(db, CACHE / "excel-import.db")
    try:
        start = time.perf_counter()
        plan = ExcelImport.open(workbook, target.conn).plan(target)
        result = apply_plan(target, plan)
        import_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        again = ExcelImport.open(workbook, target.conn).plan(target)
        recheck_ms = (time.perf_counter() - start) * 1000
    finally:
        target_db.close()
        for stale in CACHE.glob("excel-import.db*"):
            stale.unlink()
    note = f"{len(ids)} households, {members} rows; {result.households_added} added, {result.rejected} refused"
    return [
        Row("import Excel, ~10k households (s)", import_ms, "openpyxl read-only, same file", read_ms, TARGET_MS, note),
        Row(
            "re-check same Excel, nothing to change (s)",
            recheck_ms,
            "openpyxl read-only, same file",
            read_ms,
            None,
            f"{again.counts()['unchanged']} unchanged",
        ),
        Row("export Excel, national layout (s)", export_ms, "", 0.0, None, f"{members} member rows"),
    ]
