"""Per-machine counter settings (QSettings): language, receipt format, auto-print, idle lock;
and, for administrators, the outlet's details and how it closes its day."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.languages import LANGUAGE_NAMES
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import error_text

if TYPE_CHECKING:  # LocalSettings is read before the login window shows: no babel, no peewee (issue 17)
    from konnect_pos.services.outlet_settings import CloseRules
    from konnect_pos.services.outlets import OutletView

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

    def last_user(self) -> str:
        return str(self.store.value("last_user", ""))

    def remember_user(self, username: str) -> None:
        self.store.setValue("last_user", username)
        self.store.sync()

    def save(self, *, language: str, receipt_format: str, auto_print: bool, idle_minutes: int) -> None:
        self.store.setValue("language", language)
        self.store.setValue("receipt_format", receipt_format)
        self.store.setValue("auto_print", "true" if auto_print else "false")
        self.store.setValue("idle_minutes", idle_minutes)
        self.store.sync()


class SettingsDialog(QDialog):
    """Machine settings for everyone; outlet details and merchant numbers for administrators.

    Emits ``saved`` after writing; the app then switches language without a restart. The outlet
    part is saved by the ``save_outlet(fields, on_done, on_error)`` callable the window provides.
    """

    saved = Signal()

    def __init__(
        self,
        settings: LocalSettings,
        outlet: OutletView,
        *,
        can_edit_outlet: bool,
        save_outlet: Callable[..., None],
        save_close_rules: Callable[..., None] | None = None,
        extra: QWidget | None = None,
        parent: QWidget | None = None,
    ) -> None:
        from konnect_pos.domain.countries import PROVIDERS  # here: the module loads before the login

        super().__init__(parent)
        self.settings, self.outlet_view, self.save_outlet = settings, outlet, save_outlet
        self.save_close_rules = save_close_rules
        self.close_rules: CloseRules | None = None
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
        self.form = QFormLayout()
        for widget in (self.language, self.receipt_format, self.auto_print, self.idle):
            self.form.addRow(QLabel(), widget)
        self.outlet_box = QGroupBox()
        self.outlet_form = QFormLayout(self.outlet_box)
        self.outlet_name = QLineEdit(outlet.name)
        self.outlet_address = QLineEdit(outlet.address)
        self.accepts_card = QCheckBox()
        self.accepts_card.setChecked(outlet.accepts_card)
        self.outlet_form.addRow(QLabel(), self.outlet_name)
        self.outlet_form.addRow(QLabel(), self.outlet_address)
        self.outlet_form.addRow(QLabel(), self.accepts_card)
        self.merchant_fields: dict[str, QLineEdit] = {}
        for code in outlet.country.providers:
            field = QLineEdit(outlet.merchant_numbers.get(code, ""))
            self.merchant_fields[code] = field
            self.outlet_form.addRow(QLabel(PROVIDERS[code].name), field)
        self.outlet_box.setEnabled(can_edit_outlet)
        # closing the day: blind count and the variance above which a comment is required
        self.close_box = QGroupBox()
        self.close_form = QFormLayout(self.close_box)
        self.blind_close = QCheckBox()
        self.close_form.addRow(QLabel(), self.blind_close)
        self.threshold_fields: dict[str, QLineEdit] = {}
        for currency in outlet.country.currencies:
            field = QLineEdit()
            self.threshold_fields[currency] = field
            self.close_form.addRow(QLabel(), field)
        self.close_box.setEnabled(False)  # until the outlet's current rules are loaded
        self.can_edit_outlet = can_edit_outlet
        self.error = QLabel()
        self.error.setStyleSheet("color: #b91c1c")
        self.error.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch()
        buttons.addWidget(self.save_button)
        self.button_row = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.outlet_box)
        layout.addWidget(self.close_box)
        if extra is not None:  # the backups box (ui/backup_box.py)
            layout.addWidget(extra)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.retranslate()

    def add_desk_button(self, open_desk: Callable[[], None]) -> None:
        """The button that opens the customer-service desk set-up (administrators), beside Cancel: the
        dialog must still fit a 1366×768 screen (tests/test_ui_window_size.py)."""
        self.desk_button = QPushButton(self.tr("Customer-service desk…"))
        self.desk_button.setAutoDefault(False)
        self.desk_button.setEnabled(self.can_edit_outlet)
        self.desk_button.clicked.connect(open_desk)
        self.button_row.insertWidget(1, self.desk_button)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        if hasattr(self, "desk_button"):
            self.desk_button.setText(self.tr("Customer-service desk…"))
        for widget, text in (
            (self.language, self.tr("&Language")),
            (self.receipt_format, self.tr("Receipt &format")),
            (self.auto_print, self.tr("Print receipts straight to the default printer")),
            (self.idle, self.tr("Lock after this many idle minutes")),
        ):
            set_label(self.form, widget, text)
        self.outlet_box.setTitle(self.tr("Outlet (administrators)"))
        for widget, text in (
            (self.outlet_name, self.tr("Name")),
            (self.outlet_address, self.tr("Address")),
            (self.accepts_card, self.tr("Takes cards")),
        ):
            set_label(self.outlet_form, widget, text)
        self.close_box.setTitle(self.tr("Closing the day (administrators)"))
        set_label(
            self.close_form,
            self.blind_close,
            self.tr("Blind close: the counter sees the expected cash only after the count"),
        )
        for currency, field in self.threshold_fields.items():
            set_label(
                self.close_form,
                field,
                self.tr("A {currency} variance above this needs a comment").replace("{currency}", currency),
            )
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def show_close_rules(self, rules: CloseRules) -> None:
        from konnect_pos.domain.money import Money

        self.close_rules = rules
        self.blind_close.setChecked(rules.blind_close)
        for currency, field in self.threshold_fields.items():
            field.setText(str(rules.comment_thresholds.get(currency, Money.zero(currency)).amount))
        self.close_box.setEnabled(self.can_edit_outlet and self.save_close_rules is not None)

    def close_rules_changed(self) -> bool:
        rules = self.close_rules
        if rules is None or not self.close_box.isEnabled():
            return False
        typed = {currency: field.text().strip() for currency, field in self.threshold_fields.items()}
        current = {c: str(m.amount) for c, m in rules.comment_thresholds.items() if c in typed}
        return (self.blind_close.isChecked(), typed) != (rules.blind_close, current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def outlet_changed(self) -> bool:
        numbers = {code: field.text().strip() for code, field in self.merchant_fields.items()}
        current = {code: self.outlet_view.merchant_numbers.get(code, "") for code in self.merchant_fields}
        return (
            self.outlet_name.text().strip(),
            self.outlet_address.text().strip(),
            self.accepts_card.isChecked(),
            numbers,
        ) != (self.outlet_view.name, self.outlet_view.address, self.outlet_view.accepts_card, current)

    def save(self) -> None:
        self.settings.save(
            language=self.language.currentData(),
            receipt_format=self.receipt_format.currentData(),
            auto_print=self.auto_print.isChecked(),
            idle_minutes=self.idle.value(),
        )
        steps: list[Callable[[Callable, Callable], None]] = []
        if self.can_edit_outlet and self.outlet_changed():
            fields = {
                "name": self.outlet_name.text(),
                "address": self.outlet_address.text(),
                "accepts_card": self.accepts_card.isChecked(),
                "merchant_numbers": {code: field.text() for code, field in self.merchant_fields.items()},
            }
            steps.append(lambda done, failed: self.save_outlet(fields, done, failed))
        if self.can_edit_outlet and self.close_rules_changed():
            rules = {
                "blind_close": self.blind_close.isChecked(),
                "thresholds": {currency: field.text() for currency, field in self.threshold_fields.items()},
            }
            steps.append(lambda done, failed: self.save_close_rules(rules, done, failed))
        self._run(steps)

    def _run(self, steps: list[Callable[[Callable, Callable], None]]) -> None:
        """The outlet's changes one after the other; the first refusal stops and is shown."""
        if not steps:
            self._done()
            return
        self.save_button.setEnabled(False)
        steps[0](lambda _result: self._run(steps[1:]), self.show_error)

    def _done(self) -> None:
        self.saved.emit()
        self.accept()

    def show_error(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(error_text(error))
