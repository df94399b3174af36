"""Python's cycle collector runs on the GUI thread only, between events (``GuiGarbageCollector``).

Left automatic, a collection starts wherever an allocation crosses the threshold: on a worker
thread (the database thread allocates the most), or on the GUI thread in the middle of Qt
delivering an event. A collection that frees a PySide wrapper owning its Qt object deletes that
object right there — from the wrong thread, or while Qt still dispatches to it — and the process
dies with a segfault (seen in CI: "Garbage-collecting" inside an event filter while a database
job ran). So the automatic collector is off while the GUI runs, and a timer on the GUI thread
collects each generation when its count passes the usual threshold, at the top of the event loop.
PyQtGraph's ``GarbageCollector`` does the same for the same reason.

Once the counter window's modules are in, a full collection walks ~90,000 objects that live as
long as the process (modules, classes, functions, babel's data) and held the GUI thread ~90 ms
each time (measured, idle machine). ``freeze_loaded`` moves them out of the collector's sight
(``gc.freeze``): full collections then walk only what the session made since. It runs when the
plain modules are in (on the database thread: freezing frees nothing, so no Qt object is deleted
there) and again once the Qt modules and enums are (on the GUI thread).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiGarbageCollector(QObject):
    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        self.was_enabled = gc.isenabled()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> None:
        """The oldest generation over its threshold, and the younger ones with it."""
        counts = gc.get_count()
        over = [generation for generation in (0, 1, 2) if counts[generation] > self.threshold[generation]]
        if over:
            gc.collect(max(over))

    def stop(self) -> None:
        """Collect once more, here, and give the collector back to Python."""
        self.timer.stop()
        gc.collect()
        if self.was_enabled:
            gc.enable()


def freeze_loaded() -> None:
    """Everything alive now is the program itself: no collection walks it again (run once the
    counter window's modules are loaded; what a session makes later is collected as usual)."""
    gc.freeze()
