"""The selected customer: identity, account status, the bundle timeline and last purchases."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.bundle_queue import AccountStatus, Timeline
from konnect_pos.domain.phones import display_phone
from konnect_pos.i18n import BABEL_LOCALES
from konnect_pos.services.account import CustomerOverview
from konnect_pos.ui.forms import set_label
from konnect_pos.ui.i18n import current_language, data_text, money_text
from konnect_pos.ui.plan_box import PlanBox
from konnect_pos.ui.timeline_widget import TimelineWidget


class CustomerPanel(QGroupBox):
    reprint_requested = Signal(str)
    correction_requested = Signal(str)

    def __init__(self, zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.overview: CustomerOverview | None = None
        self.name = QLabel()
        font = QFont(self.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.name.setFont(font)
        self.account, self.phone, self.kit, self.status, self.current = (QLabel() for _ in range(5))
        for label in (self.account, self.phone, self.kit):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.status, self.current):  # long in Swahili: wrapped, never cut at the panel's edge
            label.setWordWrap(True)
        self.form = QFormLayout()
        for widget in (self.account, self.phone, self.kit, self.status, self.current):
            self.form.addRow(QLabel(), widget)
        self.timeline = TimelineWidget(zone)
        self.purchases = QListWidget()
        self.purchases.itemActivated.connect(self._reprint_item)
        self.reprint_button = QPushButton()
        self.reprint_button.clicked.connect(self._reprint_selected)
        self.correct_button = QPushButton()
        self.correct_button.clicked.connect(self._correct_selected)
        self.purchases_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addLayout(self.form)
        self.plan = PlanBox()
        layout.addWidget(self.plan)
        layout.addWidget(self.timeline)
        layout.addWidget(self.purchases_label)
        layout.addWidget(self.purchases, 1)  # extra height goes to the list, not between the rows
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.correct_button)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_overview(None)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Customer"))
        for field, text in (
            (self.account, self.tr("Account")),
            (self.phone, self.tr("Phone")),
            (self.kit, self.tr("Kit serial")),
            (self.status, self.tr("Status")),
            (self.current, self.tr("Current bundle")),
        ):
            set_label(self.form, field, text)
        self.purchases_label.setText(self.tr("Last purchases"))
        self.reprint_button.setText(self.tr("&Reprint receipt (copy)"))
        self.correct_button.setText(self.tr("&Void or refund…"))
        self.show_overview(self.overview)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _when(self, moment) -> str:
        return format_datetime(
            moment, "medium", tzinfo=ZoneInfo(self.zone), locale=BABEL_LOCALES[current_language()]
        )

    def show_overview(self, overview: CustomerOverview | None) -> None:
        self.overview = overview
        self.reprint_button.setEnabled(False)
        self.correct_button.setEnabled(False)
        if overview is None:
            self.name.setText(self.tr("No customer selected (F2 to search)"))
            for label in (self.account, self.phone, self.kit, self.status, self.current):
                label.setText("")
            self.timeline.set_timeline(None)
            self.purchases.clear()
            return
        customer = overview.customer
        self.name.setText(customer.name)
        self.account.setText(customer.account_number)
        self.phone.setText(display_phone(customer.phone))
        self.kit.setText(customer.kit_serial or "—")
        self.show_timeline(overview.timeline)
        self.purchases.clear()
        for purchase in overview.purchases:
            item = QListWidgetItem(
                f"{purchase.receipt_number}  {self._when(purchase.sold_at)}  "
                f"{', '.join(purchase.bundles)}  {money_text(purchase.total)}"
                + "".join(
                    f"  {reference} {self._mobile_state(state)}" for _, reference, state in purchase.mobile
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, purchase.receipt_number)
            self.purchases.addItem(item)
        if overview.purchases:
            self.purchases.setCurrentRow(0)
            self.reprint_button.setEnabled(True)
            self.correct_button.setEnabled(True)

    def _mobile_state(self, state: str) -> str:
        """Whether the provider's statement confirmed a typed mobile-money reference."""
        words = {
            "typed": self.tr("typed"),
            "confirmed": self.tr("confirmed"),
            "disputed": self.tr("disputed"),
        }
        return words.get(state, state)

    def show_timeline(self, timeline: Timeline) -> None:
        active = timeline.active
        self.status.setText(
            self.tr("Active")
            if timeline.status is AccountStatus.ACTIVE
            else self.tr("Dormant (open, no bundle running)")
        )
        if active is None:
            self.current.setText("—")
        else:
            self.current.setText(
                self.tr("{bundle}: {data} left, until {date}")
                .replace("{bundle}", active.terms.name)
                .replace("{data}", data_text(active.data_left_gb))
                .replace("{date}", self._when(active.period_end))
            )
        self.timeline.set_timeline(timeline)

    def _reprint_item(self, item: QListWidgetItem) -> None:
        self.reprint_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _correct_selected(self) -> None:
        item = self.purchases.currentItem()
        if item is not None:
            self.correction_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _reprint_selected(self) -> None:
        item = self.purchases.currentItem()
        if item is not None:
            self._reprint_item(item)
