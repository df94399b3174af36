"""Settings → Crash logs: where they are and whether they go to headquarters with the next sync.

A setting of this computer (``crash-logs.ini``), saved with the settings dialog; only an
administrator may change it: what leaves the shop is their call, as linking to HQ is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QSizePolicy, QVBoxLayout, QWidget

from konnect_pos import crash_log
from konnect_pos.services.sync import crash_logs


class CrashLogBox(QGroupBox):
    def __init__(self, *, can_change: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.send_to_hq = QCheckBox()
        self.send_to_hq.setChecked(crash_logs.sends_to_hq())
        self.send_to_hq.setEnabled(can_change)
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # a long folder must not squeeze the backups beside it: it wraps, and is whole in the tooltip
        self.where.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.where.setToolTip(str(crash_log.log_dir()))
        layout = QVBoxLayout(self)
        layout.addWidget(self.send_to_hq)
        layout.addWidget(self.where)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Crash logs"))
        self.send_to_hq.setText(self.tr("Send crash logs to headquarters"))
        folder = str(crash_log.log_dir())
        self.where.setText(self.tr("Crash logs are in {folder}").replace("{folder}", folder))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save_settings(self) -> None:
        """Called when the settings dialog is saved."""
        if self.send_to_hq.isEnabled() and self.send_to_hq.isChecked() != crash_logs.sends_to_hq():
            crash_logs.set_send_to_hq(self.send_to_hq.isChecked())
