"""The demo's rows as a stream of ready-to-write messages, made here or in a worker process.

``produce`` draws the county and then every village, in the one fixed order
of the seeded ``Rand``, and turns each village into rows prepared for
``ChangeWriter.insert_prepared`` (coerced, JSON-encoded) plus its search
documents.  The writer only adds clocks, sequence numbers and the hash
chain, and runs the inserts.  (Chaining in the worker was measured: the
worker is the slower of the two processes, so the chain stays with the
writer.)

``stream`` runs ``produce`` in this process, or in one spawned worker
process while this one writes: villages come back in order through a
bounded queue, so the content is the same either way.  A worker works from
a background thread too, and in a frozen application as long as
``multiprocessing.freeze_support()`` runs first (``main.py`` does).

Search documents get their ids in the index order (village code, household
number, …: see ``models.search_index``), which is not the order villages are
drawn in: a village's documents wait until all villages with smaller codes
have been drawn, then get their final ids.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import tempfile
import traceback
from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import IO, Any

from models.bulk_rows import PreparedRow, TableSpec, prepare_rows
from models.demo_names import HUI_SURNAME_TABLE, SURNAME_TABLE
from models.demo_people import PeopleMaker
from models.demo_rand import Rand
from models.demo_regions import plan_county, region_rows
from models.demo_village import village_rows
from models.errors import JiandangError
from models.search_index import DEPARTED_BASE, DocumentBuilder, Documents

QUEUE_VILLAGES = 4  # villages the worker may run ahead of the writer (bounded memory)
POLL_SECONDS = 1.0

# Messages: ("plan", townships, villages, prepared region rows), ("village", households, members,
# [(table, prepared rows)], [documents]); a worker adds ("done",) or ("error", text).
Message = tuple[Any, ...]


def produce(
    seed: int,
    households: int,
    current_year: int,
    specs: dict[str, TableSpec],
    existing_regions: frozenset[str] = frozenset(),
) -> Iterator[Message]:
    """The demo county as messages: the plan with its regions first, then each village's rows and search documents.

    Regions whose code is in ``existing_regions`` are left out.
    """
    rand = Rand(seed, current_year)
    county = plan_county(rand, households)
    people = PeopleMaker(rand, county.code[:6])
    surnames = (lambda: rand.pick(SURNAME_TABLE), lambda: rand.pick(HUI_SURNAME_TABLE))
    regions = [r for r in region_rows(county) if r["code"] not in existing_regions]
    yield "plan", len(county.townships), len(county.villages), prepare_rows(specs["regions"], regions)
    with _IndexOrder(specs, [v.code for v in county.villages]) as index:
        for village in county.villages:
            rows = village_rows(rand, people, village, surnames)
            tables = [
                (table, prepare_rows(specs[table], table_rows))
                for table, table_rows in rows.tables.items()
                if table_rows
            ]
            prepared = dict(tables)
            documents = index.add(village.code, prepared["households"], prepared["members"])
            yield "village", village.households, len(prepared["members"]), tables, documents


class _IndexOrder:
    """Search documents of each village, released with their final ids in village-code order.

    Documents that must wait for villages with smaller codes wait in a
    temporary file, so memory stays bounded at any county size.
    """

    def __init__(self, specs: dict[str, TableSpec], village_codes: Sequence[str]) -> None:
        self.order = sorted(village_codes)
        self.waiting: dict[str, tuple[int, int]] = {}  # village code -> (offset, size) in the shelf
        self.shelf: IO[bytes] | None = None
        self.released = 0
        self.next_live, self.next_departed = 1, DEPARTED_BASE + 1
        household_columns = [name for name, _, _ in specs["households"].columns]
        member_columns = [name for name, _, _ in specs["members"].columns]
        self.household_at = [household_columns.index(c) for c in ("village_code", "household_no", "phone")]
        self.member_at = [
            member_columns.index(c) for c in ("household_id", "name", "id_number", "phone", "in_household", "sort")
        ]

    def add(self, code: str, households: list[PreparedRow], members: list[PreparedRow]) -> list[Documents]:
        """Take one village's rows; returns the documents now ready, in index order."""
        builder = DocumentBuilder(0, DEPARTED_BASE)  # ids local to the village until released
        for _, group in groupby(self._joined(households, members), key=lambda r: r[0]):
            builder.add_household(list(group))
        if code != self.order[self.released]:
            self._shelve(code, builder.take())
            return []
        ready = [self._number(builder.take())]
        self.released += 1
        while self.released < len(self.order) and self.order[self.released] in self.waiting:
            ready.append(self._number(self._unshelve(self.order[self.released])))
            self.released += 1
        return ready

    def _shelve(self, code: str, documents: Documents) -> None:
        if self.shelf is None:
            self.shelf = tempfile.TemporaryFile()  # noqa: SIM115 - closed by __exit__
        start = self.shelf.seek(0, os.SEEK_END)
        pickle.dump(documents, self.shelf, protocol=pickle.HIGHEST_PROTOCOL)
        self.waiting[code] = (start, self.shelf.tell() - start)

    def _unshelve(self, code: str) -> Documents:
        start, size = self.waiting.pop(code)
        assert self.shelf is not None
        self.shelf.seek(start)
        return pickle.loads(self.shelf.read(size))

    def __enter__(self) -> _IndexOrder:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shelf is not None:
            self.shelf.close()

    def _joined(self, households: list[PreparedRow], members: list[PreparedRow]) -> list[tuple]:
        """The rows ``search_index._ROWS_SQL`` reads for these households, in its order."""
        village, number, phone = self.household_at
        owner, name, id_number, member_phone, live, sort = self.member_at
        by_household: dict[str, list[tuple]] = {}
        for pk, values, _, _ in members:
            by_household.setdefault(values[owner], []).append(
                (_key(values[sort]), pk, values[name], values[id_number], values[member_phone], values[live])
            )
        rows = []
        for pk, values, _, _ in households:
            head = (pk, values[village], values[number], values[phone])
            people = sorted(by_household.get(pk, []), key=lambda m: (m[0], m[1]))
            key = (_key(values[village]), _key(values[number]), pk)
            rows += [(key, *head, *m[1:]) for m in people] or [(key, *head, None, None, None, None, None)]
        rows.sort(key=lambda r: r[0])
        return [r[1:] for r in rows]

    def _number(self, documents: Documents) -> Documents:
        """Give a village's documents their final ids and advance the counters."""
        docs, terms, digits = documents
        live = sum(1 for d in docs if d[0] < DEPARTED_BASE)
        shift_live, shift_departed = self.next_live, self.next_departed - DEPARTED_BASE
        self.next_live += live
        self.next_departed += len(docs) - live

        def final(doc: int) -> int:
            return doc + (shift_live if doc < DEPARTED_BASE else shift_departed)

        return (
            [(final(d), h, m) for d, h, m in docs],
            [(final(d), t) for d, t in terms],
            [(final(d), g) for d, g in digits],
        )


def _key(value: Any) -> tuple[int, Any]:
    """SQLite's ORDER BY puts NULL first."""
    return (0, 0) if value is None else (1, value)


def stream(parameters: dict[str, Any], in_worker: bool) -> Iterator[Message]:
    """``produce(**parameters)`` here, or in a spawned worker process (stopped if the caller stops early)."""
    if not in_worker:
        yield from produce(**parameters)
        return
    context = multiprocessing.get_context("spawn")
    messages = context.Queue(maxsize=QUEUE_VILLAGES)
    worker = context.Process(target=_work, args=(messages, parameters), name="jiandang-demo", daemon=True)
    worker.start()
    try:
        while (message := _next(messages, worker))[0] != "done":
            yield message
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join()
        messages.close()


class DemoWorkerError(JiandangError):
    """The worker process drawing the demo failed or stopped."""


def _next(messages: Any, worker: Any) -> Message:
    while True:
        try:
            message = messages.get(timeout=POLL_SECONDS)
        except queue.Empty:
            if not worker.is_alive():
                raise _gone(worker.exitcode) from None
            continue
        if message[0] == "error":
            trace = message[1].strip()
            last = trace.splitlines()[-1]
            raise DemoWorkerError(f"演示数据生成进程出错：{last}", f"The demo worker process failed: {last}\n{trace}")
        return message


def _gone(code: int | None) -> DemoWorkerError:
    return DemoWorkerError(
        f"演示数据生成进程意外退出（代码 {code}）。若从脚本调用 generate_demo，请把调用放在 "
        'if __name__ == "__main__": 之下，或传入 worker=False。',
        f"The demo worker process stopped unexpectedly (exit code {code}). A script calling generate_demo must "
        'call it under if __name__ == "__main__": (the worker imports the main module), or pass worker=False.',
    )


def _work(messages: Any, parameters: dict[str, Any]) -> None:
    """The worker process: put every message on the queue, then ("done",) or ("error", traceback)."""
    try:
        for message in produce(**parameters):
            _put(messages, message)
        _put(messages, ("done",))
    except _WriterGone:
        return
    except BaseException:  # reported to the writer, which raises it
        _put(messages, ("error", traceback.format_exc()))


class _WriterGone(Exception):
    """The writing process ended without stopping this worker."""


def _put(messages: Any, message: Message) -> None:
    """Put a message, waiting while the queue is full, unless the writing process has gone."""
    parent = multiprocessing.parent_process()
    while True:
        try:
            messages.put(message, timeout=POLL_SECONDS)
            return
        except queue.Full:
            if parent is not None and not parent.is_alive():
                raise _WriterGone from None
