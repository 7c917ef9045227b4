"""The last bundle of each device that was refused for good reason (a site fork, a restored database).

A refused import changes nothing, so without a note the status screen would
keep showing the device as fine, with the last *accepted* bundle. The note is
a local setting per device (no schema change), written when such a refusal
happens (also in a preview) and removed when a later bundle of that device
is imported.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from models.db import Database
from models.errors import JiandangError

PREFIX = "sync_refused:"
FORK, RESTORED = "fork", "restored"  # a peer's records forked / this database went back (exports stop too)


@dataclass(frozen=True)
class Refusal:
    """When a device's bundle was refused, which file, and why (both languages)."""

    when: str
    file: str
    message_zh: str
    message_en: str
    kind: str = FORK

    def message(self, lang: str = "zh") -> str:
        """The reason in the requested language."""
        return self.message_en if lang == "en" else self.message_zh


def note_refusal(db: Database, site: str, file: str, error: JiandangError, kind: str = FORK) -> None:
    """Remember that a bundle of ``site`` was refused (outside any import transaction)."""
    now = datetime.datetime.now().replace(microsecond=0).isoformat(sep=" ")
    value = {"when": now, "file": Path(file).name, "zh": error.message_zh, "en": error.message_en, "kind": kind}
    db.set_setting(PREFIX + site, json.dumps(value, ensure_ascii=False))


def last_refusal(db: Database, site: str) -> Refusal | None:
    """The note of ``site``'s refused bundle, or None when its last bundle was fine."""
    value = db.setting(PREFIX + site)
    if not value:
        return None
    data = json.loads(value)
    return Refusal(data["when"], data["file"], data["zh"], data["en"], data.get("kind", FORK))


def refusals(db: Database) -> dict[str, Refusal]:
    """Every remembered refusal, by site."""
    keys = db.conn.execute("SELECT key FROM settings WHERE key LIKE ? ORDER BY key", (PREFIX + "%",)).fetchall()
    found = {key[len(PREFIX) :]: last_refusal(db, key[len(PREFIX) :]) for (key,) in keys}
    return {site: refusal for site, refusal in found.items() if refusal is not None}


def clear_refusal(conn: sqlite3.Connection, site: str) -> None:
    """Forget ``site``'s refusal (inside the import that accepted its next bundle)."""
    conn.execute("DELETE FROM settings WHERE key = ?", (PREFIX + site,))
