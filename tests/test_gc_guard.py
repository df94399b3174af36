"""Python's cycle collector runs on the GUI thread between events, never where an allocation
happens to cross the threshold (konnect_pos/ui/gc_guard.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from konnect_pos.ui.gc_guard import GuiGarbageCollector


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the cycle collector frees it


def test_cycles_made_on_a_worker_thread_are_freed_by_the_gui_timer_not_by_that_thread(qtbot):
    collector = GuiGarbageCollector(interval_ms=20)
    try:
        assert not gc.isenabled()
        refs: list[weakref.ref] = []

        def allocate() -> None:  # far past the threshold, on another thread, as the database thread does
            for _ in range(gc.get_threshold()[0] * 5):
                refs.append(weakref.ref(Node()))

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert all(ref() is not None for ref in refs)  # nothing was collected there
        qtbot.waitUntil(lambda: all(ref() is None for ref in refs), timeout=5_000)  # the GUI's turn
    finally:
        collector.stop()
