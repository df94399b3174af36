"""Ctrl+T on a plan customer: how much to put on the balance, and what that does today.

Every amount shown comes from the services' plan status (``PlanStatus.top_up``, replayed on the
Connect+ engine); the dialog only words it. The payment dialog takes the amount from here.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.connect_plus import SuspendReason
from konnect_pos.domain.errors import KonnectError
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.i18n import BABEL_LOCALES
from konnect_pos.services.plans import PlanStatus
from konnect_pos.ui.i18n import current_language, money_text


def _date_text(day: date | None) -> str:
    return format_date(day, "medium", locale=BABEL_LOCALES[current_language()]) if day else "—"


class TopUpDialog(QDialog):
    """Asks the amount (prefilled with what renews the plan now); shows the plan fee, that
    amount and what a smaller one does; Enter goes on to payment, Esc backs out."""

    def __init__(self, status: PlanStatus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = status
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.balance, self.fee, self.renews, self.smaller, self.outcome = (QLabel() for _ in range(5))
        for label in (self.fee, self.renews, self.smaller, self.outcome):
            label.setWordWrap(True)
        self.amount = QLineEdit()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.form = QFormLayout()
        self.captions = [QLabel() for _ in range(4)]
        for caption, field in zip(
            self.captions, (self.balance, self.fee, self.renews, self.amount), strict=True
        ):
            self.form.addRow(caption, field)
        self.captions[3].setBuddy(self.amount)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.smaller)
        layout.addWidget(self.outcome)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        renews = status.top_up.renews_now
        if renews is not None:
            self.amount.setText(str(renews.amount))
            self.amount.selectAll()
        self.amount.textChanged.connect(self._show_outcome)
        self.retranslate()
        self.amount.setFocus()

    def retranslate(self) -> None:
        status, advice = self.status, self.status.top_up
        title = self.tr("Top up {account}").replace("{account}", status.account_number)
        self.setWindowTitle(title)
        self.heading.setText(title)
        for caption, text in zip(
            self.captions,
            (self.tr("Balance now"), self.tr("Plan fee"), self.tr("Renews the plan now"), self.tr("&Amount")),
            strict=True,
        ):
            caption.setText(text)
        self.balance.setText(money_text(status.status.balance))
        self.fee.setText(
            self.tr("{plan}: {fee} every %n day(s)", "", status.period_days)
            .replace("{plan}", status.plan_name)
            .replace("{fee}", money_text(status.plan_fee))
        )
        if advice.renews_now is not None:
            self.renews.setText(money_text(advice.renews_now))
        else:
            self.renews.setText(
                self.tr("not needed: paid until {date}").replace(
                    "{date}", _date_text(status.status.paid_until)
                )
            )
        self.smaller.setText(self._smaller_text())
        self._show_outcome()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _reason_text(self, reason: SuspendReason | None) -> str:
        return {
            SuspendReason.NOT_STARTED: self.tr("no period has been paid yet"),
            SuspendReason.NOT_ELIGIBLE: self.tr("this plan has no Connect+"),
            SuspendReason.GRACE_EXPIRED: self.tr("the Connect+ days are over, only the full fee reconnects"),
            SuspendReason.OPTED_OUT: self.tr("the customer switched Connect+ off (*257*7# switches it on)"),
            SuspendReason.BALANCE_BELOW_DAILY_FEE: self.tr("the balance stays below the Connect+ daily fee"),
            SuspendReason.ACTIVATION_LIMIT: self.tr("Connect+ has reached its activation limit"),
        }.get(reason, self.tr("the service stays suspended"))

    def _smaller_text(self) -> str:
        status, advice = self.status, self.status.top_up
        if advice.renews_now is None:
            next_fee, missing = _date_text(status.status.next_fee_date), status.status.amount_to_renew
            if not missing:
                return self.tr(
                    "A top-up now waits on the balance, which already covers the next fee on {date}."
                ).replace("{date}", next_fee)
            return (
                self.tr(
                    "A top-up now waits on the balance for the next fee on {date}: {amount} more covers it."
                )
                .replace("{date}", next_fee)
                .replace("{amount}", money_text(missing))
            )
        daily = money_text(status.daily_fee) if status.daily_fee else ""
        start = advice.connect_plus_from
        if start is None:
            return self.tr("A smaller amount only goes on the balance: {reason}.").replace(
                "{reason}", self._reason_text(advice.smaller_reason)
            )
        if start.to_minor() == 1:
            return self.tr(
                "A smaller amount goes on the balance and Connect+ keeps the customer online at {fee} a day."
            ).replace("{fee}", daily)
        return (
            self.tr(
                "A smaller amount goes on the balance; from {amount} it also starts Connect+ at {fee} a day."
            )
            .replace("{amount}", money_text(start))
            .replace("{fee}", daily)
        )

    def _typed(self) -> Money | None:
        try:
            value = Money(parse_amount(self.amount.text()), self.status.plan_fee.currency)
        except KonnectError:
            return None
        return value if value.amount > 0 else None

    def _show_outcome(self) -> None:
        """What the typed amount does, by the thresholds the service gave (no rule decided here)."""
        self.error.clear()
        advice, typed = self.status.top_up, self._typed()
        if typed is None or advice.renews_now is None:
            self.outcome.clear()
        elif typed >= advice.renews_now:
            self.outcome.setText(self.tr("This amount renews the plan now."))
        elif advice.connect_plus_from is not None and typed >= advice.connect_plus_from:
            self.outcome.setText(self.tr("This amount goes on the balance and Connect+ runs."))
        else:
            self.outcome.setText(self.tr("This amount only goes on the balance."))
