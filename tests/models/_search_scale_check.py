"""Scale check of the search index (not collected by pytest).

Fills a registry with ~100,000 households / ~420,000 members of random
Chinese names with raw executemany inserts (bypassing ChangeWriter: this is
only a timing check), rebuilds the index and prints p50/p95 per query.

    .venv/bin/python tests/models/_search_scale_check.py [households] [db path]
"""

from __future__ import annotations

import datetime
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from models.db import open_database  # noqa: E402
from models.idcard import make_id_number  # noqa: E402
from models.search import index_households, rebuild_index, search  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈单解"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉兰凤梅春海云峰文华德成福贵生荣"
SYNC = "1, 0, 'site'"
QUERIES = ["张", "z", "zs", "zhang", "张伟", "zhangwei", "伟", "1234", "0101", "1990", "138", "单丽", "sl",
           "HOUSEHOLD_NO", "ID_LAST4", "qqq", "5201"]


def fill(conn, households: int, rng: random.Random) -> tuple[list[str], list[str]]:
    """Insert regions, households and members; returns (village codes, household numbers)."""
    villages = [f"5201020{t:02d}{v:03d}" for t in range(1, 11) for v in range(1, 31)]
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO regions(id, code, name, level, _cl, _hlc, _site) "
                     f"VALUES (?, ?, ?, 5, {SYNC})", [(str(uuid.uuid4()), c, f"村{c[-3:]}") for c in villages])
    house_rows, member_rows, numbers = [], [], []
    for n in range(households):
        hid, village = str(uuid.uuid4()), villages[n % len(villages)]
        number = f"{village}{n:05d}"
        numbers.append(number)
        house_rows.append((hid, village, number, f"139{rng.randrange(10**8):08d}"))
        member_rows += _members(hid, rng)
    conn.executemany(f"INSERT INTO households(id, village_code, household_no, phone, _cl, _hlc, _site) "
                     f"VALUES (?, ?, ?, ?, {SYNC})", house_rows)
    conn.executemany(f"INSERT INTO members(id, household_id, name, id_number, phone, relation, in_household, sort, "
                     f"_cl, _hlc, _site) VALUES (?, ?, ?, ?, ?, ?, ?, ?, {SYNC})", member_rows)
    conn.execute("COMMIT")
    return villages, numbers


def _members(hid: str, rng: random.Random) -> list[tuple]:
    rows = []
    surname = rng.choice(SURNAMES)
    for k in range(rng.choice((2, 3, 4, 5, 6))):
        name = surname + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=rng.randrange(30000))
        id_number = make_id_number("520102", birth, rng.randrange(1000))
        phone = f"13{rng.randrange(10**9):09d}" if rng.random() < 0.5 else None
        rows.append((str(uuid.uuid4()), hid, name, id_number, phone, "01" if k == 0 else "03",
                     0 if rng.random() < 0.05 else 1, k))
    return rows


def timings(conn, query: str, runs: int, **kwargs) -> tuple[float, float, int]:
    times, count = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        page = search(conn, query, **kwargs)
        times.append((time.perf_counter() - start) * 1000)
        count = len(page.hits)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], count


def main() -> None:
    """Fill (or reuse, when the given db path exists) a registry, rebuild the index, print timings."""
    households = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    path = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp()) / "scale.db"
    rng = random.Random(7)
    db = open_database(path)
    conn = db.conn
    start = time.perf_counter()
    villages, numbers = fill(conn, households, rng)
    members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    print(f"filled {households} households / {members} members in {time.perf_counter() - start:.1f}s")
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    rebuild_index(conn)
    conn.execute("COMMIT")
    print(f"rebuild_index: {time.perf_counter() - start:.2f}s")
    some_id = conn.execute("SELECT id_number FROM members LIMIT 1 OFFSET 1000").fetchone()[0]
    some_hids = [r[0] for r in conn.execute("SELECT id FROM households LIMIT 20 OFFSET 500")]
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    index_households(conn, some_hids)
    conn.execute("COMMIT")
    print(f"index_households (20 households): {(time.perf_counter() - start) * 1000:.1f} ms")
    _report(conn, numbers, some_id, villages)


def _report(conn, numbers: list[str], some_id: str, villages: list[str]) -> None:
    print(f"{'query':<22}{'p50 ms':>8}{'p95 ms':>8}{'hits':>6}")
    worst = 0.0
    cases = [(q.replace("HOUSEHOLD_NO", numbers[4321]).replace("ID_LAST4", some_id[-4:]), {}) for q in QUERIES]
    cases += [("z", {"village_codes": villages[:3]}), ("张", {"village_codes": villages[:1]}),
              ("1234", {"village_codes": villages[:1]}), ("z", {"offset": 1000}), (some_id[6:14], {}),
              (some_id, {}), (some_id[:-1] + some_id[-1].lower(), {}), (some_id[:10], {}), (numbers[77][:12], {}),
              (numbers[77][:12], {"village_codes": villages[:1]}), (some_id, {"village_codes": villages[:2]})]
    for query, kwargs in cases:
        p50, p95, count = timings(conn, query, 40, **kwargs)
        worst = max(worst, p95)
        label = query + (" " + ",".join(kwargs) if kwargs else "")
        print(f"{label:<22}{p50:8.2f}{p95:8.2f}{count:6d}")
    print(f"worst p95 of the named queries: {worst:.2f} ms")
    _sweep(conn, villages, random.Random(11))


def _sweep(conn, villages: list[str], rng: random.Random) -> None:
    """Random queries of every kind, one run each: overall p50 / p95 / max."""
    letters = "abcdefghjklmnopqrstwxyz"
    makers = [
        lambda: rng.choice(SURNAMES), lambda: rng.choice(GIVEN), lambda: rng.choice(letters),
        lambda: rng.choice(letters) + rng.choice(letters), lambda: rng.choice(SURNAMES) + rng.choice(GIVEN),
        lambda: "".join(rng.choice("0123456789") for _ in range(rng.randrange(1, 19))),
        lambda: rng.choice(["zhang", "wang", "li", "liu", "chen", "wei", "xiu", "jian", "guo"]),
    ]
    times = []
    for n in range(600):
        query = rng.choice(makers)()
        kwargs = {"village_codes": rng.sample(villages, rng.randrange(1, 4))} if n % 3 == 0 else {}
        kwargs["offset"] = rng.choice((0, 0, 0, 50, 100, 500))
        start = time.perf_counter()
        search(conn, query, **kwargs)
        times.append(((time.perf_counter() - start) * 1000, query, kwargs.get("offset"), "village_codes" in kwargs))
    times.sort()
    p50, p95 = times[len(times) // 2][0], times[int(len(times) * 0.95) - 1][0]
    print(f"random sweep of {len(times)} queries: p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {times[-1][0]:.2f} ms")
    print("slowest:", ", ".join(f"{q!r} off={o} v={v}: {t:.1f}" for t, q, o, v in times[-5:]))


if __name__ == "__main__":
    main()
