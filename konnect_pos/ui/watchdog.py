"""A debug watchdog of the GUI thread (``KONNECT_POS_WATCHDOG=1``): logs every stall over 100 ms.

A timer on the GUI thread beats every 20 ms; a plain Python thread looks at the last beat. When the
beat is late by more than the threshold, the watchdog takes the GUI thread's stack *while it is
stalled* (what it was doing is the useful part) and, once the beat comes back, logs the stall's
length with that stack (konnect_pos/crash_log.py's log, and stderr). DESIGN.md invariant 7 says no
work over ~100 ms on the GUI thread; this is how a developer finds what breaks it.

``KONNECT_POS_WATCHDOG_MS`` changes the threshold (a test on a loaded machine uses a generous one).
"""

from __future__ import annotations

import os
import sys
import threading
import time
import traceback

from PySide6.QtCore import QObject, QTimer

BEAT_MS = 20
DEFAULT_THRESHOLD_MS = 100


class GuiWatchdog(QObject):
    def __init__(self, threshold_ms: float = DEFAULT_THRESHOLD_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.threshold = threshold_ms / 1000
        self.stalls: list[tuple[float, str]] = []  # (milliseconds, GUI-thread stack when it was seen)
        self._gui_thread = threading.get_ident()
        self._last_beat = time.monotonic()
        self._stack = ""
        self._stop = threading.Event()
        self._timer = QTimer(self)
        self._timer.setInterval(BEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._timer.start()
        self._watcher = threading.Thread(target=self._watch, name="gui-watchdog", daemon=True)
        self._watcher.start()

    def stop(self) -> None:
        self._stop.set()
        self._timer.stop()

    def _beat(self) -> None:
        now = time.monotonic()
        late = now - self._last_beat - BEAT_MS / 1000
        self._last_beat = now
        if late > self.threshold:
            self._report(late * 1000, self._stack or "(stack not caught)")
        self._stack = ""

    def _watch(self) -> None:
        while not self._stop.wait(BEAT_MS / 1000):
            if not self._stack and time.monotonic() - self._last_beat > self.threshold:
                frame = sys._current_frames().get(self._gui_thread)
                self._stack = "".join(traceback.format_stack(frame)) if frame is not None else ""

    def _report(self, milliseconds: float, stack: str) -> None:
        from konnect_pos import crash_log

        self.stalls.append((milliseconds, stack))
        line = f"GUI thread stalled {milliseconds:.0f} ms (threshold {self.threshold * 1000:.0f} ms)"
        print(f"konnect-pos watchdog: {line}\n{stack}", file=sys.stderr, flush=True)
        crash_log.log_error(f"{line}\n{stack}")


def watchdog_from_environment(parent: QObject | None = None) -> GuiWatchdog | None:
    """The watchdog when ``KONNECT_POS_WATCHDOG=1`` (a debug setting), else None."""
    if os.environ.get("KONNECT_POS_WATCHDOG") != "1":
        return None
    threshold = float(os.environ.get("KONNECT_POS_WATCHDOG_MS") or DEFAULT_THRESHOLD_MS)
    return GuiWatchdog(threshold, parent)
