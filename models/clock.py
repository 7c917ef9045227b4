"""Hybrid logical clock: 48-bit milliseconds and a 16-bit counter in one integer.

The clock is persisted by the database layer, so it keeps increasing even if
the wall clock goes back. Remote clocks far in the future are not adopted.
"""

from __future__ import annotations

import time
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1
MAX_FUTURE_MS = 24 * 3600 * 1000


class ClockSkewError(ValueError):
    """A remote clock is further ahead of our wall clock than we accept."""


def wall_ms() -> int:
    """Milliseconds since the epoch, from the wall clock."""
    return time.time_ns() // 1_000_000


def pack(ms: int, counter: int) -> int:
    """Combine milliseconds and counter into one clock value."""
    return (ms << COUNTER_BITS) | counter


def unpack(value: int) -> tuple[int, int]:
    """Split a clock value into (milliseconds, counter)."""
    return value >> COUNTER_BITS, value & COUNTER_MASK


def to_seconds(value: int) -> float:
    """The wall-clock time a clock value stands for, in seconds since the epoch."""
    return unpack(value)[0] / 1000.0


class HybridClock:
    """A monotonic hybrid logical clock starting from a persisted value."""

    def __init__(self, last: int = 0, now: Callable[[], int] = wall_ms) -> None:
        self.last = last
        self._now = now

    def tick(self) -> int:
        """Next clock value for a local event; always greater than the last one."""
        self.last = self.peek()
        return self.last

    def peek(self) -> int:
        """The value ``tick`` would return now, without taking it."""
        last_ms, counter = unpack(self.last)
        now_ms = self._now()
        if now_ms > last_ms:
            return pack(now_ms, 0)
        if counter < COUNTER_MASK:
            return pack(last_ms, counter + 1)
        return pack(last_ms + 1, 0)

    def observe(self, remote: int) -> int:
        """Merge a remote clock value; refuses one more than 24 h ahead of the wall clock."""
        remote_ms, _ = unpack(remote)
        if remote_ms > self._now() + MAX_FUTURE_MS:
            raise ClockSkewError(f"remote clock {remote_ms} ms is more than 24 h ahead")
        if remote > self.last:
            self.last = remote
        return self.tick()
