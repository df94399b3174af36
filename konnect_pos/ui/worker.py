"""One database worker: service calls run off the GUI thread, one at a time, results come back as signals."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot

T = TypeVar("T")


class DbWorker(QObject):
    """Serialises database work on one thread (one connection, never two writers of ours).

    Nothing is kept per job once its answer is delivered: the pool runs a plain Python callable
    (PySide wraps it in a runnable that Qt deletes after it ran; a ``QRunnable`` subclass with
    auto-delete off stays a child of the pool's wrapper for ever), and every answer travels
    through the one ``_answered`` signal of this long-lived object, queued to the GUI thread,
    where the callbacks waiting under the job's ticket are popped and called. A relay object and
    two connections per job made a long counter session grow by ~9 MB per 1,000 searches.
    """

    _answered = Signal(object)  # (ticket, succeeded, result or exception), emitted on the pool thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._tickets = itertools.count(1)
        self._waiting: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None] | None]] = {}
        # Queued even if emitted on this thread: a callback never runs inside submit().
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        call: Callable[[], T],
        on_done: Callable[[T], None],
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run ``call`` on the database thread; ``on_done(result)`` or ``on_failed(error)`` on the
        GUI thread (``on_failed`` missing: the error is raised there, to the crash log)."""
        ticket = next(self._tickets)
        self._waiting[ticket] = (on_done, on_failed)
        answered = self._answered

        def run() -> None:
            try:
                answer = (ticket, True, call())
            except Exception as error:  # every failure goes back to the GUI thread
                answer = (ticket, False, error)
            with contextlib.suppress(RuntimeError):  # the worker is gone (application closing)
                answered.emit(answer)

        self.pool.start(run)

    @Slot(object)
    def _deliver(self, answer: tuple[int, bool, Any]) -> None:
        ticket, succeeded, value = answer
        on_done, on_failed = self._waiting.pop(ticket)
        if not _alive(on_done if succeeded else on_failed):
            return  # the widget that asked was closed and deleted meanwhile: nobody to tell
        if succeeded:
            on_done(value)
        elif on_failed is None:
            raise value
        else:
            on_failed(value)

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)


def _alive(callback: Callable[..., None] | None) -> bool:
    """False when ``callback`` is a method of a Qt object whose C++ side is already deleted."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)
