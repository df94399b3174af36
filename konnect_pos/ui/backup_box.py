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
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from konnect_pos.services import backup
from konnect_pos.services.backup import BackupResult, BackupSettings, RestoreResult
from konnect_pos.services.session import Counter
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.worker import DbWorker


class BackupBox(QGroupBox):
    """Emits ``backed_up`` after a backup (the status bar shows its age) and ``restored`` after a
    restore (the app then closes: who is signed in, and where, may have changed).
    """

    backed_up = Signal()
    restored = Signal(object)

    def __init__(
        self,
        counter: Counter,
        worker: DbWorker,
        *,
        can_restore: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.counter, self.worker = counter, worker
        self.confirm: QMessageBox | None = None
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
        self.restore_button.setEnabled(True)
        self.message.setStyleSheet("color: #b91c1c")
        self.message.setText(error_text(error))

    def choose_file(self) -> str:
        """The backup file to restore (a small method: tests replace the file dialog)."""
        start = self.folder.text().strip() or str(backup.default_folder())
        return QFileDialog.getOpenFileName(self, self.tr("Restore a backup"), start, "*.db")[0]

    def restore(self) -> None:
        """Check the chosen backup (integrity, whose it is), ask, then restore and verify its journal."""
        chosen = self.choose_file()
        if not chosen:
            return
        terminal = self.counter.terminal
        self.worker.submit(
            lambda: backup.check_backup_for(terminal, Path(chosen)), self._checked, self._failed
        )

    def _checked(self, path: Path) -> None:
        self.message.setStyleSheet("")
        self.message.setText("")
        self.confirm = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Restore a backup"),
            self.tr(
                "Replace this terminal's data with {name}? The data as it is now is kept aside, "
                "and Konnect POS closes after the restore."
            ).replace("{name}", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        self.confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm.accepted.connect(lambda: self._restore(path))
        self.confirm.open()

    def _restore(self, path: Path) -> None:
        self.restore_button.setEnabled(False)
        self.message.setText(self.tr("Restoring…"))
        terminal, clock = self.counter.terminal, self.counter.clock
        self.worker.submit(lambda: backup.restore_here(terminal, path, clock), self._restored, self._failed)

    def _restored(self, result: RestoreResult) -> None:
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr(
                "Restored from {name}: {sales} sales, journal verified. The data as it was is kept as {aside}"
            )
            .replace("{name}", result.restored_from.name)
            .replace("{sales}", str(result.sales))
            .replace("{aside}", str(result.kept_aside or ""))
        )
        self.restored.emit(result)
