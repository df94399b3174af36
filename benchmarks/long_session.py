"""A long counter session: RSS and references to None over thousands of typed searches (issue 13).

Target: RSS grows by ≤ 2 MB per 1,000 searches, and ``sys.getrefcount(None)`` does not drift
(PySide6 6.12.0 on CPython 3.11 dropped one reference to None per ``QTimer.start()`` and per
list item: the session aborted with ``none_dealloc`` after ~1,800 searches).

The real application is started on a demo SQLite shop in a temporary folder: the cashier signs
in by keyboard on the login window, then each search is typed into the focused search box
(select all, the query's letters) and waited for until its results are on screen. The search
debounce is shortened to 0 ms so the run takes seconds rather than 250 ms per search; every
keystroke still restarts the debounce timer, as at a real counter.

    python benchmarks/long_session.py [--searches 3000] [--warmup 300] [--json]

``--json`` prints one JSON line (tests/test_long_session.py reads it).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Fragments of the demo's given names and surnames in all four countries: every one has hits.
QUERIES = [
    "mar", "kab", "ami", "jean", "mba", "gra", "nga", "kou", "ibr", "tsh", "mwa", "fat",
    "ser", "ilu", "sam", "ngo", "kim", "lum", "aur", "kon", "die", "pat", "hal", "mus",
]  # fmt: skip
WAIT_MS = 10_000


def rss_bytes() -> int:
    """Resident set size now (Linux), not the peak that resource.getrusage reports.

    Python's garbage is collected and glibc's free heap pages are handed back first
    (``malloc_trim``), so the figure is memory still in use rather than how much free heap the
    allocator keeps: without it RSS climbs ~3 MB over the first ~1,000 searches and then stays
    flat, which a short run would report as growth.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: measure untrimmed
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Run the event loop until ``condition`` holds, sleeping only until the next event arrives."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + WAIT_MS / 1000
    heartbeat = QTimer()  # wakes the loop to check the deadline even if nothing else happens
    heartbeat.start(100)
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    heartbeat.stop()


def type_into_focus(text: str) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QTest.keyClicks(QApplication.focusWidget(), text)


def press(key, modifier=None) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    QTest.keyClick(QApplication.focusWidget(), key, modifier or Qt.KeyboardModifier.NoModifier)


def open_counter(folder: Path, customers: int):
    """Seed a demo shop, start the app as ``konnect-pos`` does and sign in as the cashier by keyboard."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from konnect_pos.services import demo
    from konnect_pos.services.clock import system_clock
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings

    open_database(f"sqlite:///{folder / 'demo.db'}")
    demo.seed(system_clock, customers=customers)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    gui = App("KIN01-T1", LocalSettings(folder / "counter.ini"))
    gui.login.show()
    gui.login.activateWindow()
    wait_until(lambda: gui.login.user.count() > 0 and QApplication.focusWidget() is gui.login.pin, "users")
    press(Qt.Key.Key_Backtab)  # to the user box
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into_focus("cashier")
    press(Qt.Key.Key_Tab)
    type_into_focus(next(pin for user, _name, _role, pin in demo.DEMO_USERS if user == "cashier"))
    press(Qt.Key.Key_Return)
    wait_until(lambda: gui.counter_window is not None, "the counter window")
    window = gui.counter_window
    window.activateWindow()
    wait_until(lambda: QApplication.focusWidget() is window.search, "the search box to have focus")
    return app, gui, window


def run_searches(window, count: int, shown: list[int]) -> None:
    from PySide6.QtCore import Qt

    for index in range(count):
        before = shown[0]
        press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_into_focus(QUERIES[index % len(QUERIES)])
        wait_until(lambda before=before: shown[0] > before and window.results.count() > 0, "results")


def measure(searches: int, warmup: int, customers: int) -> dict:
    with tempfile.TemporaryDirectory() as name:
        app, gui, window = open_counter(Path(name), customers)
        window.debounce.setInterval(0)
        shown = [0]  # results lists shown: the list is cleared (model reset) before each answer is filled in

        def count_shown() -> None:
            shown[0] += 1

        window.results.model().modelReset.connect(count_shown)
        run_searches(window, warmup, shown)
        rss_before, none_before = rss_bytes(), sys.getrefcount(None)
        start = time.perf_counter()
        run_searches(window, searches, shown)
        seconds = time.perf_counter() - start
        rss_after, none_after = rss_bytes(), sys.getrefcount(None)
        window.close()
        gui.worker.wait()
        app.processEvents()
    return {
        "searches": searches,
        "seconds": round(seconds, 2),
        "rss_before_mb": round(rss_before / 2**20, 2),
        "rss_after_mb": round(rss_after / 2**20, 2),
        "rss_mb_per_1000": round((rss_after - rss_before) / 2**20 * 1000 / searches, 3),
        "none_refs_before": none_before,
        "none_refs_after": none_after,
        "none_refs_drift": none_after - none_before,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--searches", type=int, default=3000)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--customers", type=int, default=2000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    figures = measure(args.searches, args.warmup, args.customers)
    if args.json:
        print(json.dumps(figures))
        return 0
    verdict = "OK" if figures["rss_mb_per_1000"] <= 2 else "MISSED"
    print(
        f"{figures['searches']:,} searches in {figures['seconds']:.1f} s | RSS "
        f"{figures['rss_before_mb']:.1f} → {figures['rss_after_mb']:.1f} MB: "
        f"{figures['rss_mb_per_1000']:.2f} MB per 1,000 searches (target ≤ 2): {verdict} | "
        f"references to None {figures['none_refs_before']:,} → {figures['none_refs_after']:,} "
        f"(drift {figures['none_refs_drift']:+,})"
    )
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
