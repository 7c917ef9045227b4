"""Page 1 of every kind of notice, from a fictitious demo village, as small grey PNGs (pdftoppm, 72 dpi, no
anti-aliasing).

    .venv/bin/python -m tests.exports.reference_images docs/notices

The committed images in ``docs/notices/`` were made this way; regenerate them when the layout changes
and look at them. Nothing is archived (the notices are drawn, not generated for posting).
"""

from __future__ import annotations

import datetime
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

START = datetime.date(2019, 10, 8)


def main(argv: list[str] | None = None) -> int:
    """Write ``<kind>.png`` for every kind into the folder given (default ``docs/notices``)."""
    from exports.notice_data import default_request
    from exports.notice_kinds import CARD, KINDS, TABLE
    from exports.notices import build_notice
    from models.db import open_database
    from models.demo import generate_demo

    out = Path((argv or sys.argv[1:] or ["docs/notices"])[0])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "demo.db")
        generate_demo(db, households=300, seed=3, current_year=2019)
        village = db.conn.execute("SELECT village_code FROM households ORDER BY village_code LIMIT 1").fetchone()[0]
        ids = [
            r[0]
            for r in db.conn.execute(
                "SELECT id FROM households WHERE village_code = ? ORDER BY household_no LIMIT 12", (village,)
            )
        ]
        for key, kind in KINDS.items():
            request = default_request(db, key, village, year=2019, start=START)
            if kind.layout == TABLE:
                request = replace(
                    request,
                    household_ids=tuple(ids),
                    two_up=key == "identification_2",
                    paper="A4L" if key == "exit_announce" else "A4",
                )
            if key == "identification_2":  # the classic two-up board list: 序号, 村民小组, 户主姓名, 家庭人口
                request = replace(request, columns=("seq", "group", "head", "population"))
            elif kind.layout == CARD:
                request = replace(request, household_ids=(ids[3],))
            pdf = Path(folder) / f"{key}.pdf"
            pdf.write_bytes(build_notice(db, request).rendered.pdf)
            command = ["pdftoppm", "-png", "-gray", "-r", "72", "-aa", "no", "-aaVector", "no", "-f", "1", "-l", "1"]
            subprocess.run([*command, "-singlefile", str(pdf), str(out / key)], check=True, timeout=60)
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
