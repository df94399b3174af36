"""Ctrl+Shift+P: put the customer on a plan or change plan, and see the plan history.

The rule of a change (now when the balance covers the new fee, else at the next renewal) is the
services' (docs/decisions.md, "Plan changes at the counter"); the dialog only words it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.services.plans import PlanStatus
from konnect_pos.services.plans.changes import PlanHistoryLine, PlanOffer
from konnect_pos.ui.i18n import date_text, money_text


class PlanDialog(QDialog):
    """The plans of the customer's country (the current one marked), the rule, the history;
    Enter puts the customer on the chosen plan or changes to it, Esc backs out."""

    def __init__(
        self,
        account_number: str,
        status: PlanStatus | None,
        offers: tuple[PlanOffer, ...],
        history: tuple[PlanHistoryLine, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.account_number, self.status, self.offers, self.history_lines = (
            account_number, status, offers, history,
        )  # fmt: skip
        self.current, self.waiting, self.rule = QLabel(), QLabel(), QLabel()
        for label in (self.current, self.waiting, self.rule):
            label.setWordWrap(True)
        self.plan = QComboBox()
        self.history_label = QLabel()
        self.history = QListWidget()
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (
            self.current, self.waiting, self.plan, self.rule, self.history_label, self.history, self.error,
            self.buttons,
        ):  # fmt: skip
            layout.addWidget(widget)
        self.setMinimumWidth(560)
        self.retranslate()
        others = [i for i, offer in enumerate(offers) if status is None or offer.code != status.plan_code]
        self.plan.setCurrentIndex(others[0] if others else 0)
        self.plan.setFocus()

    @property
    def chosen(self) -> str:
        return str(self.plan.currentData())

    def retranslate(self) -> None:
        status = self.status
        setting = status is None
        self.setWindowTitle(
            (
                self.tr("Put {account} on a plan") if setting else self.tr("Change the plan of {account}")
            ).replace("{account}", self.account_number)
        )
        self.current.setText(
            self.tr("No plan yet: the plan starts when a top-up covers its fee")
            if status is None
            else self.tr("Current plan: {plan}").replace("{plan}", status.plan_name)
        )
        waiting = status is not None and status.next_plan_name is not None
        self.waiting.setVisible(waiting)
        if status is not None and status.next_plan_name is not None and status.next_plan_from is not None:
            self.waiting.setText(
                self.tr("Changes to {plan} at the renewal on {date}")
                .replace("{plan}", status.next_plan_name)
                .replace("{date}", date_text(status.next_plan_from))
            )
        chosen = self.plan.currentIndex()
        self.plan.clear()
        for offer in self.offers:
            text = (
                self.tr("{plan}: {fee} every %n day(s)", "", offer.period_days)
                .replace("{plan}", offer.name)
                .replace("{fee}", money_text(offer.fee))
            )
            if status is not None and offer.code == status.plan_code:
                text += " · " + self.tr("current plan")
            self.plan.addItem(text, offer.code)
        if chosen >= 0:
            self.plan.setCurrentIndex(chosen)
        self.rule.setText(
            self.tr("The plan starts when the balance covers its fee.")
            if setting
            else self.tr(
                "The change is immediate when the balance covers the new fee (the unused days of the"
                " current period are credited back); otherwise it takes effect at the next renewal."
                " Choosing the current plan cancels a waiting change."
            )
        )
        self.history_label.setText(self.tr("Plan history"))
        self.history.clear()
        for line in self.history_lines:
            self.history.addItem(f"{date_text(line.requested_on)}  {self._line_text(line)}  ({line.user})")
        if not self.history_lines:
            self.history.addItem(self.tr("No plan history"))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Put on this plan") if setting else self.tr("Change plan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def _line_text(self, line: PlanHistoryLine) -> str:
        words = {
            "set": self.tr("put on {to} from {date}"),
            "now": self.tr("changed from {from} to {to} on {date}"),
            "next_renewal": self.tr("changes from {from} to {to} at the renewal on {date}"),
            "cancelled": self.tr("the change to {from} was cancelled: stays on {to}"),
        }[line.kind]
        return (
            words.replace("{from}", line.from_plan or "—")
            .replace("{to}", line.to_plan)
            .replace("{date}", date_text(line.effective_on))
        )

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
