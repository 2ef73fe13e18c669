"""A guard against a reference-count defect of the installed Qt binding, checked for, not assumed.

PySide6 6.12.0 on CPython 3.11 returns ``None`` from every void method, and ``True`` from
``Signal.emit``, without taking a reference (6.11.3 does not). Each such call drains one
reference from the singleton; the app makes tens of them per click and repaint, so after a few
thousand clicks CPython aborts with "Fatal Python error: none_dealloc" (or "bool_dealloc").

CPython 3.12 made these singletons immortal (PEP 683), which makes the defect harmless there.
On older versions, when the defect is seen, ``guard()`` does the same by hand: it gives the
singletons a reference count so large that no session can drain it. They are never freed in any
case, so the only effect is that the lost references no longer matter.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_PROBE_CALLS = 64
_RESERVE = 1 << 40


class _Probe(QObject):
    fired = Signal()


def _drained(singleton: object, call) -> bool:
    before = sys.getrefcount(singleton)
    for _ in range(_PROBE_CALLS):
        call()
    return before - sys.getrefcount(singleton) >= _PROBE_CALLS


def binding_drains_singletons() -> bool:
    """Whether void calls or signal emits of the running binding lose references to None/True."""
    probe = _Probe()
    return (_drained(None, lambda: probe.setObjectName("probe"))
            or _drained(True, probe.fired.emit))


def guard() -> bool:
    """Make None, True and False undrainable when the binding leaks them; True when applied."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if not binding_drains_singletons():
        return False
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _RESERVE
    return True


GUARDED = guard()
