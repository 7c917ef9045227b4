"""The pinned Qt binding must not lose references to ``None``.

PySide6 6.12.0 drops one reference to ``None`` every time C++ hands Python an
invalid ``QVariant`` (``QModelIndex().data()``, a model's ``index.data(role)``
for a role it does not fill, …). Python 3.11's ``None`` is not immortal: after
enough such calls its count reaches zero and the interpreter aborts with
"Fatal Python error: none_dealloc" — mid-session, or at exit (which is how
``--smoke`` on the county database found it). requirements.txt pins a release
without the defect; this test fails if an upgrade brings it back. The probe
runs in a child process, as the defect can abort the interpreter.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 200
PROBE = f"""
import sys
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt

class Sparse(QAbstractTableModel):  # like every list screen: None for the roles it does not fill
    def rowCount(self, parent=QModelIndex()): return 3
    def columnCount(self, parent=QModelIndex()): return 2
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "文字" if role == Qt.ItemDataRole.DisplayRole else None

app = QCoreApplication([])
model = Sparse()
index = model.index(1, 1)
assert index.data(Qt.ItemDataRole.DisplayRole) == "文字"
for call in (lambda: QModelIndex().data(), lambda: index.data(Qt.ItemDataRole.ToolTipRole)):
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        call()
    print(before - sys.getrefcount(None))
"""


def test_invalid_variants_keep_none_alive() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    probe = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60)
    assert probe.returncode == 0, probe.stderr
    lost = [int(line) for line in probe.stdout.split()]
    assert len(lost) == 2
    assert max(lost) < CALLS // 10, f"the Qt binding lost {lost} references to None in {CALLS} calls each"
