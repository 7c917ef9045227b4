"""The demo generator's source of randomness: one seeded ``random.Random`` and cheap helpers.

Every random value of a demo database comes from one ``Rand`` in a fixed
order, so the same seed and size always give the same content.  Row ids are
a seed-derived UUID prefix plus a counter: unique, reproducible, and
inserted in key order (cheap for SQLite's indexes).
"""

from __future__ import annotations

import datetime
import hashlib
import random
import uuid
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TypeVar

T = TypeVar("T")


class Rand:
    """Seeded random picks, ids and dates for one demo run."""

    def __init__(self, seed: int, current_year: int) -> None:
        self.rng = random.Random(seed)
        self.random = self.rng.random
        text = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        self._prefix = text[:24]  # "xxxxxxxx-xxxx-4xxx-yxxx-"; the last 12 hex digits count rows
        self._counter = 0
        self.current_year = current_year
        # The demo describes the registry at the end of its current year, the day the warning rules look at
        # for a past year; ages are counted on 31 August, the day school age is counted on.
        self.today = datetime.date(current_year, 12, 31)
        self.today_ord = self.today.toordinal()

    def new_id(self) -> str:
        """The next row id of this run."""
        self._counter += 1
        return f"{self._prefix}{self._counter:012x}"

    def pick(self, items: Sequence[T]) -> T:
        """One item, uniformly."""
        return items[int(self.random() * len(items))]

    def chance(self, probability: float) -> bool:
        """True with the given probability."""
        return self.random() < probability

    def between(self, low: int, high: int) -> int:
        """An integer in ``low..high`` inclusive."""
        return low + int(self.random() * (high - low + 1))

    def uniform(self, low: float, high: float) -> float:
        """A float in ``[low, high)``."""
        return low + (high - low) * self.random()

    def digits(self, count: int) -> str:
        """A string of ``count`` random decimal digits."""
        return f"{self.rng.getrandbits(4 * count) % 10**count:0{count}d}"

    def day(self, year: int, first_month: int = 1, last_month: int = 12) -> int:
        """The ordinal of a random day of ``year`` between the two months (inclusive)."""
        start = _month_start(year, first_month)
        end = _month_start(year + 1, 1) if last_month == 12 else _month_start(year, last_month + 1)
        return start + int(self.random() * (end - start))

    def birth(self, age: int) -> int:
        """The ordinal of a birth date giving exactly ``age`` years on 31 August of the current year."""
        start, span = _birth_span(self.current_year, age)
        return start + int(self.random() * span)

    def phone(self) -> str:
        """An 11-digit mobile number of a common prefix (random, fictitious)."""
        return self.pick(_MOBILE_PREFIXES) + self.digits(8)


_MOBILE_PREFIXES = ("130", "131", "132", "133", "135", "136", "138", "139", "150", "151", "152", "153", "155",
                    "157", "158", "159", "177", "180", "181", "182", "183", "187", "189", "199")


_NAMESPACE = uuid.NAMESPACE_URL.bytes
_VARIANT = {f"{n:x}": f"{(n & 0x3) | 0x8:x}" for n in range(16)}  # RFC 4122 variant bits of the 9th byte


def stable_id(*parts: object) -> str:
    """The same value as ``models.changes.stable_id`` (uuid5 of the joined keys), computed faster."""
    name = "jiandang:" + "/".join(map(str, parts))
    h = hashlib.sha1(_NAMESPACE + name.encode()).hexdigest()
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:32]}"


@cache
def _month_start(year: int, month: int) -> int:
    return datetime.date(year, month, 1).toordinal()


@cache
def _birth_span(current_year: int, age: int) -> tuple[int, int]:
    """First ordinal and number of days of births aged ``age`` on 31 August of ``current_year`` (school age)."""
    first = datetime.date(current_year - age - 1, 9, 1).toordinal()
    last = datetime.date(current_year - age, 8, 31).toordinal()
    return first, last - first + 1


@lru_cache(maxsize=65536)
def iso(ordinal: int) -> str:
    """A date ordinal as 'YYYY-MM-DD'."""
    return datetime.date.fromordinal(ordinal).isoformat()


def age_on(birth_ordinal: int, day_ordinal: int) -> int:
    """Whole years between a birth and a day (both ordinals)."""
    born, day = datetime.date.fromordinal(birth_ordinal), datetime.date.fromordinal(day_ordinal)
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def year_of(ordinal: int) -> int:
    """The calendar year of a date ordinal."""
    return datetime.date.fromordinal(ordinal).year
