"""The Qt user interface (PySide6); it reaches the data only through models/ and exports/."""

from __future__ import annotations

import ctypes
import sys

_SPARE_REFERENCES = 1 << 40

if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    # PySide6 6.12 drops a reference each time it turns an invalid QVariant into None (also when a model's
    # data() returns None) and each time a Signal(bool) declared in Python is emitted.  Before Python 3.12
    # None, True and False are reference counted, so after enough repaints or emits one of them would be
    # freed and the interpreter abort ("deallocating None" / "deallocating True or False").  Give them
    # references enough for any session, as Python 3.12 does by making them immortal.
    for _singleton in (None, True, False):
        _before = sys.getrefcount(_singleton)
        ctypes.c_ssize_t.from_address(id(_singleton)).value += _SPARE_REFERENCES
        if sys.getrefcount(_singleton) != _before + _SPARE_REFERENCES:  # unusual object layout: undo
            ctypes.c_ssize_t.from_address(id(_singleton)).value -= _SPARE_REFERENCES
