"""The region tree of the main window: township → villages → 村民小组, each with its household count.

The tree starts where the registry branches: a single township's database
starts at the township, a county's at the county.  When the settings name a
scope (a township or villages), the tree starts at those regions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class RegionNode:
    """A region (``group_id`` None) or a village group, with the households under it."""

    code: str
    name: str
    level: int
    households: int = 0
    group_id: str | None = None
    children: list[RegionNode] = field(default_factory=list)


def region_tree(conn: sqlite3.Connection, scope: Sequence[str] = ()) -> list[RegionNode]:
    """The top nodes of the tree, with counts rolled up from the households table."""
    regions = conn.execute("SELECT code, name, level, parent_code FROM regions ORDER BY code").fetchall()
    counts = conn.execute(
        "SELECT village_code, group_id, COUNT(*) FROM households GROUP BY village_code, group_id"
    ).fetchall()
    nodes = {code: RegionNode(code, name, level) for code, name, level, _ in regions}
    _attach_groups(conn, nodes)
    for village, group, count in counts:
        _count(nodes, village, group, count)
    roots = []
    for code, _, _, parent in regions:
        if parent in nodes:
            nodes[parent].children.append(nodes[code])
        else:
            roots.append(nodes[code])
    _roll_up(roots)
    return _start(roots, nodes, scope)


def _attach_groups(conn: sqlite3.Connection, nodes: dict[str, RegionNode]) -> None:
    rows = conn.execute("SELECT id, village_code, name FROM village_groups ORDER BY village_code, sort, name")
    for group_id, village, name in rows:
        if village in nodes:
            nodes[village].children.append(RegionNode(village, name, 6, group_id=group_id))


def _count(nodes: dict[str, RegionNode], village: str, group: str | None, count: int) -> None:
    node = nodes.get(village)
    if node is None:
        return
    target = next((c for c in node.children if group is not None and c.group_id == group), None)
    if target is not None:
        target.households += count
    else:
        node.households += count  # households without a group count for the village itself


def _roll_up(nodes: list[RegionNode]) -> int:
    total = 0
    for node in nodes:
        below = _roll_up(node.children)
        node.households += below if node.group_id is None else 0
        total += node.households
    return total


def _start(roots: list[RegionNode], nodes: dict[str, RegionNode], scope: Sequence[str]) -> list[RegionNode]:
    """The scope's regions when set, else the first level where the tree branches."""
    chosen = [nodes[c] for c in scope if c in nodes]
    if chosen:
        return chosen
    top = roots
    while len(top) == 1 and len([c for c in top[0].children if c.group_id is None]) == 1 and top[0].level < 4:
        top = [c for c in top[0].children if c.group_id is None]
    return top
