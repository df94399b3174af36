"""After sign-in, once: the last run ended badly, and where its log is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QMessageBox, QWidget

from konnect_pos import crash_log


class CrashNotice(QMessageBox):
    def __init__(self, log: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Konnect POS closed unexpectedly"))
        self.setText(
            self.tr("Konnect POS closed unexpectedly or hit an error last time. The log is {path}").replace(
                "{path}", str(log)
            )
        )
        self.setStandardButtons(QMessageBox.StandardButton.Ok)


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if kind == QtMsgType.QtFatalMsg:
        crash_log.record_error(f"Qt fatal: {message}")
    elif kind == QtMsgType.QtCriticalMsg:
        crash_log.log_error(f"Qt critical: {message}")


def log_qt_messages() -> None:
    """qFatal and qCritical go to the crash log (qFatal then aborts: faulthandler adds the stack)."""
    qInstallMessageHandler(_qt_message)
