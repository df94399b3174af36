"""The status bar's backup age ("Backup: 2 h ago"), in the warning colour after a day without one."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel

from konnect_pos.services import backup
from konnect_pos.services.backup import DayCloseBackup
from konnect_pos.services.session import Counter
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.worker import DbWorker

WARN_AFTER = timedelta(hours=24)
WARNING_STYLE = "color: #b45309; font-weight: bold"


class BackupStatus(QObject):
    """Keeps ``label`` saying how old the last backup is; asks the worker, never the database."""

    def __init__(self, label: QLabel, counter: Counter, worker: DbWorker, parent: QObject) -> None:
        super().__init__(parent)
        self.label, self.counter, self.worker = label, counter, worker
        self.last: datetime | None = None
        self.failure = ""
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.show)
        self.timer.start()
        label.installEventFilter(self)
        self.refresh()

    def refresh(self) -> None:
        self.worker.submit(
            lambda: (backup.backs_up_here(), backup.last_backup_at()), self._got, lambda _error: None
        )

    def _got(self, answer: tuple[bool, datetime | None]) -> None:
        applies, self.last = answer
        self.failure = ""
        self.label.setVisible(applies)
        self.show()

    def day_closed(self, outcome: DayCloseBackup | None) -> None:
        """Day close's own backup: its age, or why it failed, until the next good backup."""
        if outcome is not None and outcome.error is not None:
            self.failure = error_text(outcome.error)
            self.show()
        else:
            self.refresh()

    def show(self) -> None:
        warn = True
        if self.failure:
            text = self.tr("Backup failed: {reason}").replace("{reason}", self.failure)
        elif self.last is None:
            text = self.tr("Backup: never")
        else:
            age = self.counter.clock() - self.last
            minutes = max(0, int(age.total_seconds() // 60))
            if minutes < 1:
                text = self.tr("Backup: just now")
            elif minutes < 60:
                text = self.tr("Backup: {n} min ago").replace("{n}", str(minutes))
            elif minutes < 48 * 60:
                text = self.tr("Backup: {n} h ago").replace("{n}", str(minutes // 60))
            else:
                text = self.tr("Backup: {n} d ago").replace("{n}", str(minutes // (24 * 60)))
            warn = age > WARN_AFTER
        self.label.setText(text)
        self.label.setStyleSheet(WARNING_STYLE if warn else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.label and event.type() == QEvent.Type.LanguageChange:
            self.show()
        return False
