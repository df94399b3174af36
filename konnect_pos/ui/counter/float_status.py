"""The status bar's float and offline allowance (issue 19): what the distributor may still sell,
and how much more before a sync, in the warning colour once a limit is near."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from konnect_pos.i18n import days_text
from konnect_pos.services import outlet_limits
from konnect_pos.services.outlet_limits import LimitsStatus
from konnect_pos.services.session import Counter
from konnect_pos.ui.i18n import current_language, money_text
from konnect_pos.ui.worker import DbWorker

WARNING_STYLE = "color: #b45309; font-weight: bold"


class FloatStatus(QObject):
    """Keeps ``label`` saying what is left; asks the worker after each sale and each sync."""

    def __init__(self, label: QLabel, counter: Counter, worker: DbWorker, parent: QObject) -> None:
        super().__init__(parent)
        self.label, self.counter, self.worker = label, counter, worker
        self.state: LimitsStatus | None = None
        label.setVisible(False)
        self.refresh()

    def refresh(self) -> None:
        terminal, clock = self.counter.terminal, self.counter.clock
        self.worker.submit(
            lambda: outlet_limits.limits_status(terminal, clock()), self._got, lambda _error: None
        )

    def _got(self, state: LimitsStatus) -> None:
        self.state = state
        self.show()

    def show(self) -> None:
        state = self.state
        if state is None or (state.float is None and state.offline is None):
            self.label.setVisible(False)
            return
        parts = []
        if state.float is not None:
            parts.append(self.tr("Float left: {amount}").replace("{amount}", money_text(state.float.left)))
        offline = state.offline
        if offline is not None:
            left = []
            if offline.sales_left is not None:
                left.append(self.tr("{sales} sale(s)").replace("{sales}", str(offline.sales_left)))
            if offline.days_left is not None:
                left.append(days_text(offline.days_left, current_language()))
            if offline.amount_left is not None:
                left.append(money_text(offline.amount_left))
            text = self.tr("Offline allowance: {left}").replace("{left}", ", ".join(left))
            parts.append(self.tr("Sync soon! {text}").replace("{text}", text) if offline.warning else text)
        warn = (state.float is not None and not state.float.left.amount > 0) or (
            offline is not None and offline.warning
        )
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(self.tr("Ctrl+Shift+L: a manager lifts the offline limits until the next sync"))
        self.label.setStyleSheet(WARNING_STYLE if warn else "")
        self.label.setVisible(True)

    def retranslate(self) -> None:
        self.show()
