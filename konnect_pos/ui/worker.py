"""One database worker: service calls run off the GUI thread, one at a time, results come back as signals."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)


class _Job(QRunnable):
    def __init__(self, call: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.call, self.relay = call, relay
        self.finished = False

    def run(self) -> None:
        try:
            result = self.call()
        except Exception as error:  # every failure goes back to the GUI thread
            self._send(self.relay.failed, error)
        else:
            self._send(self.relay.done, result)
        self.finished = True

    @staticmethod
    def _send(signal: Any, value: Any) -> None:
        with contextlib.suppress(RuntimeError):  # the asking window is gone (application closing)
            signal.emit(value)


class DbWorker(QObject):
    """Serialises database work on one thread (one connection, never two writers of ours)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._jobs: list[_Job] = []

    def submit(
        self,
        call: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        # The relay is a child of the worker: Qt owns it and deletes it with deleteLater, never
        # Python's garbage collector while a queued result is still on its way.
        relay = _Relay(self)

        @Slot(object)
        def finished(result: Any) -> None:
            relay.deleteLater()
            on_done(result)

        @Slot(object)
        def failed(error: Exception) -> None:
            relay.deleteLater()
            if on_failed is None:
                raise error
            on_failed(error)

        relay.done.connect(finished)
        relay.failed.connect(failed)
        job = _Job(call, relay)
        job.setAutoDelete(False)  # Python owns the job; Qt deleting it on the pool thread crashes at exit
        self._jobs.append(job)
        self._jobs = [j for j in self._jobs if not j.finished]
        self.pool.start(job)

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)
