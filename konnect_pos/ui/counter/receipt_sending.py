"""The receipt preview's "Send by SMS…" (Ctrl+Shift+M): the customer's phone, SMS or WhatsApp, the
text with its SMS parts, Enter queues it for HQ's gateway (``services.receipt_messages``).

The request is its own record, written on the database worker after the sale: the sale never
waits for it and a refusal is shown in the dialog, in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.services import receipt_messages
from konnect_pos.services.session import Counter
from konnect_pos.ui.i18n import error_text
from konnect_pos.ui.pdf_preview import PdfPreviewDialog
from konnect_pos.ui.worker import DbWorker

SHORTCUT = "Ctrl+Shift+M"


class ReceiptMessageDialog(QDialog):
    """Phone, channel, the text as it will be sent; Enter sends, Esc closes."""

    def __init__(
        self, counter: Counter, worker: DbWorker, receipt_number: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.counter, self.worker, self.receipt_number = counter, worker, receipt_number
        self.queued: receipt_messages.QueuedMessage | None = None
        self._asked = 0  # the latest preview asked: a late answer for an earlier channel is dropped
        self.phone = QLineEdit()
        self.phone.setMaxLength(40)
        self.sms = QRadioButton()
        self.whatsapp = QRadioButton()
        self.sms.setChecked(True)
        self.channels = QButtonGroup(self)
        self.channels.addButton(self.sms)
        self.channels.addButton(self.whatsapp)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.parts = QLabel()
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b91c1c")
        self.send_button = QPushButton()
        self.send_button.setDefault(True)
        self.close_button = QPushButton()
        self.phone_label, self.channel_label = QLabel(), QLabel()
        self.phone_label.setBuddy(self.phone)
        channels = QHBoxLayout()
        channels.addWidget(self.sms)
        channels.addWidget(self.whatsapp)
        channels.addStretch()
        form = QFormLayout()
        form.addRow(self.phone_label, self.phone)
        form.addRow(self.channel_label, channels)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.parts)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.send_button.clicked.connect(self.send)
        self.close_button.clicked.connect(self.reject)
        self.sms.toggled.connect(lambda _on: self.refresh())
        self.phone.textEdited.connect(lambda _text: self.error.clear())
        self.retranslate()
        self.text.setMinimumHeight(140)
        self.resize(460, 330)
        self.refresh(prefill=True)

    def channel(self) -> str:
        return "sms" if self.sms.isChecked() else "whatsapp"

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Send receipt {number}").replace("{number}", self.receipt_number))
        self.phone_label.setText(self.tr("&Phone:"))
        self.channel_label.setText(self.tr("Send by:"))
        self.sms.setText(self.tr("&SMS"))
        self.whatsapp.setText(self.tr("&WhatsApp"))
        self.send_button.setText(self.tr("Send (Enter)"))
        self.close_button.setText(self.tr("Close (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self, *, prefill: bool = False) -> None:
        """The text for the chosen channel (the customer's phone on opening), read on the worker."""
        self._asked += 1
        asked, counter, number, channel = self._asked, self.counter, self.receipt_number, self.channel()

        def shown(preview: receipt_messages.MessagePreview) -> None:
            if asked != self._asked:
                return
            if prefill and not self.phone.text():
                self.phone.setText(preview.phone_shown)
            self.text.setPlainText(preview.text)
            if preview.channel == "sms":
                self.parts.setText(self.tr("SMS parts: {n}").replace("{n}", str(preview.parts)))
            else:
                self.parts.setText(self.tr("WhatsApp: one message"))

        self.worker.submit(
            lambda: receipt_messages.preview(counter, number, channel), shown, self._failed, owner=self
        )

    def send(self) -> None:
        counter, number, channel, phone = self.counter, self.receipt_number, self.channel(), self.phone.text()
        self.error.clear()
        self.send_button.setEnabled(False)
        self.worker.submit(
            lambda: receipt_messages.send_receipt(counter, number, channel, phone),
            self._sent,
            self._failed,
            owner=self,
        )

    def _sent(self, queued: receipt_messages.QueuedMessage) -> None:
        self.queued = queued
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.send_button.setEnabled(True)
        self.error.setText(error_text(error))
        self.phone.setFocus()

    def queued_text(self) -> str:
        """What the preview says once the request is queued ("SMS queued for … (parts: 1)")."""
        if self.queued is None:
            return ""
        shown = self.queued.preview
        if shown.channel == "whatsapp":
            return self.tr("WhatsApp message queued for {phone}").replace("{phone}", shown.phone_shown)
        return (
            self.tr("SMS queued for {phone} (parts: {n})")
            .replace("{phone}", shown.phone_shown)
            .replace("{n}", str(shown.parts))
        )


class SendReceiptButton(QPushButton):
    """The preview's "Send by SMS…" and its shortcut; the dialog it opens is kept (``dialog``)."""

    def __init__(
        self, preview: PdfPreviewDialog, counter: Callable[[], Counter], worker: DbWorker, receipt_number: str
    ) -> None:
        super().__init__(preview)
        self.preview, self.counter, self.worker = preview, counter, worker
        self.receipt_number = receipt_number
        self.dialog: ReceiptMessageDialog | None = None
        self.clicked.connect(self.open_dialog)
        preview.add_button(self)
        QShortcut(QKeySequence(SHORTCUT), preview, self.open_dialog)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(self.tr("Send by SMS… (Ctrl+Shift+M)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_dialog(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return
        dialog = ReceiptMessageDialog(self.counter(), self.worker, self.receipt_number, self.preview)
        dialog.accepted.connect(lambda: self.preview.status.setText(dialog.queued_text()))
        self.dialog = dialog
        dialog.open()
