"""The customer's plan, balance and Connect+ in the customer panel, with top-up and opt-in/out
(the top-up dialog itself is ui/counter/top_up_dialog.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.connect_plus import ServiceStatus, SuspendReason
from konnect_pos.services.plans import PlanStatus
from konnect_pos.ui.i18n import date_text, money_text


class PlanBox(QGroupBox):
    """Shows ``PlanStatus``; emits ``top_up_requested`` and ``opt_requested(opt_in)``."""

    top_up_requested = Signal()
    opt_requested = Signal(bool)
    plan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan, self.balance, self.next_fee, self.service, self.window = (QLabel() for _ in range(5))
        for label in (self.plan, self.balance, self.next_fee, self.service, self.window):
            label.setWordWrap(True)
        self.waiting = QLabel()  # a plan change waiting for the renewal
        self.waiting.setWordWrap(True)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        for caption, value in zip(
            self.labels, (self.plan, self.balance, self.next_fee, self.service, self.window), strict=True
        ):
            self.form.addRow(caption, value)
        self.top_up_button = QPushButton()
        self.top_up_button.clicked.connect(self.top_up_requested)
        self.opt_button = QPushButton()
        self.opt_button.clicked.connect(
            lambda: self.opt_requested.emit(bool(self.status and self.status.status.opted_out))
        )
        self.plan_button = QPushButton()
        self.plan_button.clicked.connect(self.plan_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.top_up_button)
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.opt_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.waiting)
        layout.addLayout(buttons)
        self.status: PlanStatus | None = None
        self.retranslate()
        self.setVisible(False)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Plan and balance"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Plan"),
                self.tr("Balance"),
                self.tr("Next fee"),
                self.tr("Service"),
                self.tr("Connect+"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.top_up_button.setText(self.tr("Top up… (Ctrl+T)"))
        self.plan_button.setText(self.tr("Change plan… (Ctrl+Shift+P)"))
        self.show_status(self.status)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_status(self, found: PlanStatus | None) -> None:
        self.status = found
        self.setVisible(found is not None)
        if found is None:
            return
        s = found.status
        self.plan.setText(
            self.tr("{plan}: {fee} every %n day(s)", "", found.period_days)
            .replace("{plan}", found.plan_name)
            .replace("{fee}", money_text(found.plan_fee))
        )
        self.balance.setText(money_text(s.balance))
        self.next_fee.setText(date_text(s.next_fee_date) if s.next_fee_date else "—")
        self.service.setText(self._service_text(found))
        self.window.setText(self._window_text(found))
        self.opt_button.setVisible(s.eligible)
        self.waiting.setVisible(found.next_plan_name is not None)
        if found.next_plan_name is not None and found.next_plan_from is not None:
            self.waiting.setText(
                self.tr("Changes to {plan} at the renewal on {date}")
                .replace("{plan}", found.next_plan_name)
                .replace("{date}", date_text(found.next_plan_from))
            )
        self.opt_button.setText(self.tr("Connect+ opt-in") if s.opted_out else self.tr("Connect+ opt-out"))

    def _service_text(self, found: PlanStatus) -> str:
        s = found.status
        if s.service is ServiceStatus.PLAN:
            return self.tr("Plan paid until {date}").replace("{date}", date_text(s.paid_until))
        if s.service is ServiceStatus.CONNECT_PLUS:
            return self._with_renewal(
                found,
                self.tr("Connect+ active since {date} ({fee} a day)")
                .replace("{date}", date_text(s.connect_plus_since))
                .replace("{fee}", money_text(found.daily_fee) if found.daily_fee else ""),
            )
        reasons = {
            SuspendReason.NOT_STARTED: self.tr("Suspended: no period paid yet"),
            SuspendReason.NOT_ELIGIBLE: self.tr(
                "Suspended: this plan has no Connect+, the full fee reconnects"
            ),
            SuspendReason.GRACE_EXPIRED: self.tr(
                "Suspended: the 5 days are over, only the full fee reconnects"
            ),
            SuspendReason.OPTED_OUT: self.tr("Suspended: Connect+ switched off by the customer"),
            SuspendReason.BALANCE_BELOW_DAILY_FEE: self.tr("Suspended: balance below the Connect+ daily fee"),
            SuspendReason.ACTIVATION_LIMIT: self.tr("Suspended: Connect+ activation limit reached"),
        }
        return self._with_renewal(
            found, reasons.get(s.reason, self.tr("Suspended")) if s.reason else self.tr("Suspended")
        )

    def _with_renewal(self, found: PlanStatus, text: str) -> str:
        renews = found.top_up.renews_now  # the engine's figure, the one the top-up dialog shows
        if renews is None:
            return text
        return text + " · " + self.tr("{amount} more renews the plan").replace("{amount}", money_text(renews))

    def _window_text(self, found: PlanStatus) -> str:
        s = found.status
        if not s.eligible:
            return self.tr("not available on this plan")
        parts = [
            self.tr("activations {used} of {max} in {days} days")
            .replace("{used}", str(s.activations_used))
            .replace("{max}", str(s.max_activations))
            .replace("{days}", str(s.activation_window_days))
        ]
        if s.window_days_left is not None:
            parts.append(self.tr("%n day(s) left to pay the fee", "", s.window_days_left))
        if s.opted_out:
            parts.append(self.tr("opted out"))
        return " · ".join(parts)
