"""Settings → Backups: where day close backs up, how many to keep, "Back up now" and "Restore…"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from konnect_pos.services import backup
from konnect_pos.services.backup import BackupResult, BackupSettings
from konnect_pos.services.session import Counter
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.worker import DbWorker


class BackupBox(QGroupBox):
    """Emits ``backed_up`` after a backup, so the status bar shows its new age."""

    backed_up = Signal()

    def __init__(
        self, counter: Counter, worker: DbWorker, *, can_restore: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.counter, self.worker = counter, worker
        settings = backup.load_settings()
        self.folder = QLineEdit(settings.folder)
        self.folder.setPlaceholderText(str(backup.default_folder()))
        self.keep = QSpinBox()
        self.keep.setRange(1, 1000)
        self.keep.setValue(settings.keep)
        self.back_up_button = QPushButton()
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton()
        self.restore_button.clicked.connect(self.restore)
        self.restore_button.setEnabled(can_restore)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch()
        self.form = QFormLayout(self)
        self.form.addRow(QLabel(), self.folder)
        self.form.addRow(QLabel(), self.keep)
        self.form.addRow(buttons)
        self.form.addRow(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Backups"))
        set_label(self.form, self.folder, self.tr("Day close backs up to (USB stick)"))
        set_label(self.form, self.keep, self.tr("Backups kept"))
        self.back_up_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save_settings(self) -> None:
        """Called when the settings dialog is saved."""
        backup.save_settings(BackupSettings(folder=self.folder.text().strip(), keep=self.keep.value()))

    def back_up_now(self) -> None:
        terminal, clock = self.counter.terminal, self.counter.clock
        folder = self.folder.text().strip()
        self.back_up_button.setEnabled(False)
        self.message.setText(self.tr("Backing up…"))
        self.worker.submit(
            lambda: backup.back_up(terminal, clock, Path(folder) if folder else None, keep=self.keep.value()),
            self._backed_up,
            self._failed,
        )

    def _backed_up(self, result: BackupResult) -> None:
        self.back_up_button.setEnabled(True)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Backup written: {path}").replace("{path}", str(result.path)))
        self.backed_up.emit()

    def _failed(self, error: Exception) -> None:
        self.back_up_button.setEnabled(True)
        self.message.setStyleSheet("color: #b91c1c")
        self.message.setText(error_text(error))

    def choose_file(self) -> str:
        """The backup file to restore (a small method: tests replace the file dialog)."""
        start = self.folder.text().strip() or str(backup.default_folder())
        return QFileDialog.getOpenFileName(self, self.tr("Restore a backup"), start, "*.db")[0]

    def restore(self) -> None:
        """Checks the chosen backup now; the swap itself runs with the app closed (see the message)."""
        chosen = self.choose_file()
        if not chosen:
            return
        terminal = self.counter.terminal
        self.worker.submit(
            lambda: backup.check_backup_for(terminal, Path(chosen)), self._checked, self._failed
        )

    def _checked(self, path: Path) -> None:
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr(
                'This backup is sound. Close Konnect POS, then run: konnect-pos restore "{path}"'
            ).replace("{path}", str(path))
        )
