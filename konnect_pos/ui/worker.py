"""Background workers: calls run off the GUI thread, one at a time, answers come back on the GUI thread."""

from __future__ import annotations

import contextlib
import itertools
import queue
import sys
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

T = TypeVar("T")
# (on_done, on_failed, owner) waiting under a job's ticket
_Waiting = tuple[Callable[[Any], None], Callable[[Exception], None] | None, QObject | None]
_LIVE: weakref.WeakSet[BackgroundWorker] = weakref.WeakSet()  # every worker, for ``wait_for_all``
SWITCH_INTERVAL = 0.001  # seconds; Python's default is 0.005


def hand_over_the_gil_quickly() -> None:
    """While a worker runs Python (a receipt's PDF, a customer's timeline), each call Qt makes
    into Python on the GUI thread (a paint, a slot, a filter) waits for the worker to let go of
    the GIL, at most one switch interval. At Python's 5 ms a busy sale screen waited 100+ ms in
    all; at 1 ms the flow's longest freeze fell under 70 ms (docs/performance.md, issue 17). When
    only one thread runs Python the interval costs nothing."""
    sys.setswitchinterval(SWITCH_INTERVAL)


class BackgroundWorker(QObject):
    """Runs calls on one thread of its own, in order; each answer is handed to the GUI thread.

    Nothing is kept per job once its answer is delivered: the pool runs a plain Python callable
    (PySide wraps it in a runnable that Qt deletes after it ran), and the answer goes into a Python
    queue; the pool thread then emits ``_knock``, a signal without arguments, queued to the GUI
    thread, which takes the answers out and calls the callbacks waiting under each job's ticket.
    No Python object ever travels inside a Qt event between threads (an earlier version sent each
    answer as a signal argument), and a long counter session keeps no relay object per job (one
    per job made it grow by ~9 MB per 1,000 searches).
    """

    _knock = Signal()  # emitted on the pool thread: an answer is waiting

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        _LIVE.add(self)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._tickets = itertools.count(1)
        self._waiting: dict[int, _Waiting] = {}
        self._answers: queue.SimpleQueue[tuple[int, bool, Any]] = queue.SimpleQueue()
        # Queued even if emitted on this thread: a callback never runs inside submit().
        self._knock.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        call: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[Exception], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> None:
        """Run ``call`` on the worker's thread; ``on_done(result)`` or ``on_failed(error)`` on the
        GUI thread (``on_failed`` missing: the error is raised there, to the crash log). The answer
        is dropped when the callback's own Qt object, or ``owner`` (for a closure), is deleted."""
        ticket = next(self._tickets)
        self._waiting[ticket] = (on_done, on_failed, owner)
        answers, knock = self._answers, self._knock

        def run() -> None:
            try:
                answer = (ticket, True, call())
            except Exception as error:  # every failure goes back to the GUI thread
                answer = (ticket, False, error)
            answers.put(answer)
            with contextlib.suppress(RuntimeError):  # the worker is gone (application closing)
                knock.emit()

        self.pool.start(run)

    @Slot()
    def _deliver(self) -> None:
        while True:
            try:
                ticket, succeeded, value = self._answers.get_nowait()
            except queue.Empty:
                return
            on_done, on_failed, owner = self._waiting.pop(ticket)
            if (owner is not None and not shiboken6.isValid(owner)) or not _alive(
                on_done if succeeded else on_failed
            ):
                continue  # the widget that asked was closed and deleted meanwhile: nobody to tell
            if succeeded:
                on_done(value)
            elif on_failed is None:
                raise value
            else:
                on_failed(value)

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)


def wait_for_all(msecs: int = 10_000) -> None:
    """Wait until no worker runs a job: before a collection that may free workers, and at exit."""
    for worker in list(_LIVE):
        if shiboken6.isValid(worker):
            worker.wait(msecs)


class DbWorker(BackgroundWorker):
    """The database's worker: one thread, so one connection and never two writers of ours."""


def _alive(callback: Callable[..., None] | None) -> bool:
    """False when ``callback`` is a method of a Qt object whose C++ side is already deleted."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
