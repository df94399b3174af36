"""Sync in the counter: a background pass every few minutes, the status bar text, Sync now, HQ conflicts.

Sync runs on a worker thread of its own (with its own database connection), so a long
first pull never holds up the counter; the database's write lock keeps the two apart.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.services.session import Counter
from konnect_pos.sync import client
from konnect_pos.sync.hq_admin import ConflictRow
from konnect_pos.ui.i18n import error_text, local_time_text
from konnect_pos.ui.manager_dialogs import data_table
from konnect_pos.ui.worker import DbWorker

DEFAULT_INTERVAL_MS = 5 * 60 * 1000


class _Progress(QObject):
    """Carries progress from the sync thread to the GUI thread (queued signal)."""

    moved = Signal(str, int, int)


class SyncController(QObject):
    """Owns the timer, the sync thread and the status label's text."""

    finished = Signal()

    def __init__(
        self,
        counter: Counter,
        label: QLabel,
        zone: str,
        parent: QWidget,
        interval_ms: int = DEFAULT_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self.counter, self.label, self.zone = counter, label, ZoneInfo(zone)
        self.window = parent
        self.worker = DbWorker(self)
        self.progress = _Progress(self)
        self.progress.moved.connect(self._moved)
        self.running = False
        self.dialog: QProgressDialog | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.sync_in_background)
        self.timer.start()

    # --- status -------------------------------------------------------------------------
    def refresh(self) -> None:
        label = self.counter.terminal.label
        self.worker.submit(lambda: client.status(label), self.show_status, lambda _error: None)

    def show_status(self, state: client.SyncStatus) -> None:
        waiting = str(state.waiting)
        if not state.linked:
            text = self.tr("Not linked to HQ · %n record(s) waiting", "", state.waiting)
        elif state.online:
            text = (
                self.tr("Online · last sync {time} · {count} waiting")
                .replace("{time}", self._when(state.last_success_at))
                .replace("{count}", waiting)
            )
        else:
            last = self._when(state.last_success_at) if state.last_success_at else self.tr("never")
            text = self.tr("Offline · %n record(s) waiting · last sync {time}", "", state.waiting).replace(
                "{time}", last
            )
        self.label.setText(text)
        self.label.setToolTip(state.last_error)

    def _when(self, moment: datetime | None) -> str:
        return moment.astimezone(self.zone).strftime("%H:%M") if moment else ""

    # --- sync passes --------------------------------------------------------------------
    def sync_in_background(self) -> None:
        self._run(show_progress=False)

    def sync_now(self) -> None:
        """Ctrl+Shift+S: push then pull now, with a progress dialog; errors are shown in it."""
        self._run(show_progress=True)

    def _run(self, *, show_progress: bool) -> None:
        if self.running:
            return
        label, clock = self.counter.terminal.label, self.counter.clock
        linked = client.linked_terminals
        self.running = True
        if show_progress:
            self.dialog = QProgressDialog(self.tr("Sending sales to headquarters…"), "", 0, 0, self.window)
            self.dialog.setWindowTitle(self.tr("Sync now"))
            self.dialog.setCancelButton(None)
            self.dialog.setMinimumDuration(0)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.show()
        emit = self.progress.moved.emit

        def run() -> client.SyncResult | None:
            if label not in linked():
                return None
            return client.sync(label, clock, emit)

        self.worker.submit(run, self._done, self._failed)

    def _moved(self, step: str, done: int, total: int) -> None:
        """Progress in the Sync now dialog, or in the status bar for a background pass."""
        names = {
            "push": self.tr("Sending sales to headquarters…"),
            "hq_customer": self.tr("Receiving customers…"),
        }
        text = names.get(step, self.tr("Receiving catalog and users…"))
        if self.dialog is None:
            self.label.setText(f"{text} {done:,} / {total:,}")
            return
        self.dialog.setLabelText(text)
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))

    def _done(self, result: client.SyncResult | None) -> None:
        self._close(
            self.tr("This terminal is not linked to headquarters yet: run konnect-pos sync link")
            if result is None
            else ""
        )

    def _failed(self, error: Exception) -> None:
        self._close(error_text(error))

    def _close(self, problem: str) -> None:
        self.running = False
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
            if problem:
                self.label.setText(problem)
        self.refresh()
        self.finished.emit()


class ConflictsDialog(QDialog):
    """HQ's conflicts for this outlet (Ctrl+K, managers): reused references, broken journals."""

    def __init__(self, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = ZoneInfo(zone)
        self.table = data_table(4)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.close_button)
        self.resize(880, 420)
        self.setWindowTitle(self.tr("Conflicts found by headquarters"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Found"), self.tr("What"), self.tr("About"), self.tr("Details")]
        )
        self.close_button.setText(self.tr("Close"))

    def kind_text(self, kind: str) -> str:
        return {
            "reused_reference": self.tr("Mobile-money reference used at two terminals"),
            "chain_break": self.tr("Journal altered on a terminal"),
        }.get(kind, kind)

    def show_rows(self, rows: list[ConflictRow]) -> None:
        self.table.setRowCount(0)
        for row in rows:
            n = self.table.rowCount()
            self.table.insertRow(n)
            sales = row.details.get("sales", [])
            details = ", ".join(f"{s['receipt']} ({s['terminal']})" for s in sales) or str(row.details)
            for column, text in enumerate(
                (local_time_text(row.detected_at, self.zone.key), self.kind_text(row.kind),
                 row.subject, details)
            ):  # fmt: skip
                self.table.setItem(n, column, QTableWidgetItem(text))
        if not rows:
            self.error.setText(self.tr("No conflicts"))

    def show_error(self, error: Exception) -> None:
        self.error.setText(error_text(error))
