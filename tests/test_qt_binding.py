"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6-Essentials 6.12.0 on CPython 3.11 drops one reference to None/True/False each time Qt
calls into Python (a signal emit, a timer callback); the process aborts once a count reaches
zero. pyproject.toml excludes that release; this test fails loudly if one like it comes back.
"""

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class _Emitter(QObject):
    fired = Signal()


def test_signal_emits_keep_none_and_bool_refcounts(qapp):
    emitter = _Emitter()
    calls = []
    emitter.fired.connect(lambda: calls.append(1))
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(200):
        emitter.fired.emit()
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert len(calls) == 200
    # A few references may come or go with unrelated allocations; 200 lost ones would show.
    assert all(abs(a - b) < 50 for a, b in zip(after, before, strict=True)), (before, after)


def test_timer_callbacks_keep_none_refcount(qapp, qtbot):
    calls = []
    before = sys.getrefcount(None)
    for _ in range(200):
        QTimer.singleShot(0, lambda: calls.append(1))
    qtbot.waitUntil(lambda: len(calls) == 200, timeout=5000)
    assert abs(sys.getrefcount(None) - before) < 50
