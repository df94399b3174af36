"""One database worker: service calls run off the GUI thread, one at a time, results come back as signals."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, call: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.call, self.relay = call, relay

    def run(self) -> None:
        try:
            result = self.call()
        except Exception as error:
            self.relay.failed.emit(error)
        else:
            self.relay.done.emit(result)


class DbWorker(QObject):
    """Serialises database work on one thread (one connection, never two writers of ours)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()

    def submit(
        self,
        call: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[Exception], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        @Slot(object)
        def finished(result: Any) -> None:
            self._relays.discard(relay)
            on_done(result)

        @Slot(object)
        def failed(error: Exception) -> None:
            self._relays.discard(relay)
            if on_failed is None:
                raise error
            on_failed(error)

        relay.done.connect(finished)
        relay.failed.connect(failed)
        self.pool.start(_Job(call, relay))

    def wait(self, msecs: int = 10_000) -> bool:
        return self.pool.waitForDone(msecs)
