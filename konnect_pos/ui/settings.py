"""Per-machine counter settings (QSettings): language, receipt format, auto-print, idle lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.i18n import LANGUAGE_NAMES
from konnect_pos.ui.forms import set_label

DEFAULT_IDLE_MINUTES = 5


class LocalSettings:
    def __init__(self, path: Path) -> None:
        self.store = QSettings(str(path), QSettings.Format.IniFormat)

    def language(self, default: str = "en") -> str:
        value = str(self.store.value("language", default))
        return value if value in LANGUAGE_NAMES else default

    def receipt_format(self) -> str:
        value = str(self.store.value("receipt_format", "80mm"))
        return value if value in ("80mm", "a4") else "80mm"

    def auto_print(self) -> bool:
        return str(self.store.value("auto_print", "false")).lower() == "true"

    def idle_minutes(self) -> int:
        try:
            return max(1, min(240, int(self.store.value("idle_minutes", DEFAULT_IDLE_MINUTES))))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES

    def save(self, *, language: str, receipt_format: str, auto_print: bool, idle_minutes: int) -> None:
        self.store.setValue("language", language)
        self.store.setValue("receipt_format", receipt_format)
        self.store.setValue("auto_print", "true" if auto_print else "false")
        self.store.setValue("idle_minutes", idle_minutes)
        self.store.sync()


class SettingsDialog(QDialog):
    """Emits ``saved`` after writing; the app then switches language without a restart."""

    saved = Signal()

    def __init__(self, settings: LocalSettings, outlet_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language()))
        self.receipt_format = QComboBox()
        self.receipt_format.addItem("80 mm", "80mm")
        self.receipt_format.addItem("A4", "a4")
        self.receipt_format.setCurrentIndex(self.receipt_format.findData(settings.receipt_format()))
        self.auto_print = QCheckBox()
        self.auto_print.setChecked(settings.auto_print())
        self.idle = QSpinBox()
        self.idle.setRange(1, 240)
        self.idle.setValue(settings.idle_minutes())
        self.outlet = QLabel(outlet_text)
        self.outlet.setWordWrap(True)
        self.form = QFormLayout()
        for widget in (self.language, self.receipt_format, self.auto_print, self.idle, self.outlet):
            self.form.addRow(QLabel(), widget)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for widget, text in (
            (self.language, self.tr("&Language")),
            (self.receipt_format, self.tr("Receipt &format")),
            (self.auto_print, self.tr("Print receipts straight to the default printer")),
            (self.idle, self.tr("Lock after this many idle minutes")),
            (self.outlet, self.tr("Outlet")),
        ):
            set_label(self.form, widget, text)
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        self.settings.save(
            language=self.language.currentData(),
            receipt_format=self.receipt_format.currentData(),
            auto_print=self.auto_print.isChecked(),
            idle_minutes=self.idle.value(),
        )
        self.saved.emit()
        self.accept()
