"""The counter: find the customer, build the cart, take payment, print — keyboard first.

F2 search · Enter pick the top hit · F3 new customer · 1–9 add a bundle · Space activation ·
Alt+↑/↓ move · Del remove · F9 pay · Ctrl+T top up · Ctrl+L lock.

This module only composes the window from its parts (``search_box``, ``sale_actions``,
``plan_actions``, ``manager_actions``, ``session_lock``, …): the layout, the status bar, the
shortcuts, the customer at the counter and who is signed in. ``CounterWindow`` is imported from
here and only here (``konnect_pos.ui.counter.window.CounterWindow``).
"""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QWindow
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.services import account, business_day
from konnect_pos.services.session import Counter
from konnect_pos.ui.counter.backup_status import BackupStatus
from konnect_pos.ui.counter.elided_label import ElidedLabel
from konnect_pos.ui.counter.float_status import FloatStatus
from konnect_pos.ui.counter.manager_actions import ManagerActions
from konnect_pos.ui.counter.manager_menu import ManagerMenu
from konnect_pos.ui.counter.offline_override import OfflineOverride
from konnect_pos.ui.counter.outlet_finder import OutletFinder
from konnect_pos.ui.counter.plan_actions import PlanActions
from konnect_pos.ui.counter.receipt_printing import ReceiptPrinting
from konnect_pos.ui.counter.sale_actions import SaleActions
from konnect_pos.ui.counter.search_box import CustomerSearchBox
from konnect_pos.ui.counter.session_lock import SessionLock
from konnect_pos.ui.customer_panel import CustomerPanel
from konnect_pos.ui.day_status import day_status_text
from konnect_pos.ui.login_window import LoginWindow
from konnect_pos.ui.settings import LocalSettings
from konnect_pos.ui.sync_status import SyncController
from konnect_pos.ui.worker import DbWorker


class _IdleWatcher(QObject):
    """Restarts the idle timer on any key or mouse activity in the application's windows.

    It watches each top-level window's ``QWindow`` (where the platform delivers input first), added
    as it gets the focus, and not the application: a filter on the application is Python code run
    for every event of every widget (~1,400 while a receipt opens), and each call waits for the
    GIL while the database thread works — that wait was most of the GUI thread's freeze after a
    sale (docs/performance.md, issue 17)."""

    ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove)

    def __init__(self, timer: QTimer) -> None:
        # A child of the timer: destroyed with the window, and Qt then drops it from the
        # windows' filters, so a window deleted without closeEvent leaves no dangling filter.
        super().__init__(timer)
        self.timer = timer
        app = QGuiApplication.instance()
        app.focusWindowChanged.connect(self.watch)
        self.watching = True
        self.watch(app.focusWindow())

    def watch(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # installing it again is a no-op for Qt

    def stop(self) -> None:
        """No more windows to watch (the counter closes; a second close is a no-op)."""
        if self.watching:
            self.watching = False
            QGuiApplication.instance().focusWindowChanged.disconnect(self.watch)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in self.ACTIVITY:
            self.timer.start()
        return False


class _Part:
    """``window.<name>`` reads (and sets) the attribute of one part: the widgets, dialogs and
    actions keep the names tests and the screenshot scripts reach them by."""

    def __init__(self, part: str) -> None:
        self.part = part

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, window: CounterWindow | None, owner: type | None = None):
        return self if window is None else getattr(getattr(window, self.part), self.name)

    def __set__(self, window: CounterWindow, value) -> None:
        setattr(getattr(window, self.part), self.name, value)


class CounterWindow(QMainWindow):
    sale_completed = Signal(object)
    receipt_shown = Signal(object)

    # the search box
    search, results, debounce = (_Part("search_box") for _ in range(3))
    run_search, customer_dialog, search_error = (_Part("search_box") for _ in range(3))
    # the sale
    cart, cart_error, catalog_buttons, preview = (_Part("sale") for _ in range(4))
    total_label, pay_button, rate_line, payment_dialog = (_Part("sale") for _ in range(4))
    add_nth, open_payment, receipt_dialog, advice = (_Part("sale") for _ in range(4))
    # the plan
    top_up_dialog, opt_box, open_top_up = (_Part("plan") for _ in range(3))
    # the managers' work
    day_dialog, report_dialog, audit_dialog, users_dialog = (_Part("manager") for _ in range(4))
    cash_dialog, correction_dialog, conflicts_dialog, corporate_window = (_Part("manager") for _ in range(4))
    open_day_dialog, show_daily_report, open_audit, open_users = (_Part("manager") for _ in range(4))
    open_cash_movement, open_corporate, open_conflicts = (_Part("manager") for _ in range(3))

    def __init__(self, counter: Counter, worker: DbWorker, settings: LocalSettings) -> None:
        super().__init__()
        self.counter, self.worker, self.settings = counter, worker, settings
        self.outlet = counter.terminal.outlet
        self.account: str | None = None  # the customer at the counter
        self.customer_phone = ""
        self.settings_dialog: QWidget | None = None
        self.desk_dialog: QWidget | None = None  # Settings ▸ Customer-service desk…
        self.catalog_dialog: QWidget | None = None  # Managers ▸ Catalog…

        self.search_box = CustomerSearchBox(lambda: self.counter, worker)
        self.search_box.picked.connect(self.pick)
        self.panel = CustomerPanel(self.outlet.zone)
        self.sale = SaleActions(self)
        self.plan = PlanActions(self)
        self.manager = ManagerActions(self)
        self.panel.reprint_requested.connect(self.sale.reprint)
        self.panel.correction_requested.connect(self.manager.open_correction)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_box, 1)
        left_layout.addWidget(self.panel, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.sale.catalog_box)
        right_layout.addWidget(self.sale.cart_box, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([560, 700])
        self.counter_page = splitter

        self.stack = QStackedWidget()
        self.stack.addWidget(self.counter_page)
        self.setCentralWidget(self.stack)
        self.session_lock = SessionLock(self, self.stack, worker)
        self.session_lock.unlocked.connect(self.unlock)

        # status bar: a distributor's float on a second line; the outlet's name gives way first
        self.status_outlet = ElidedLabel()
        self.status_agent, self.status_day, self.status_sync, self.status_clock = (QLabel() for _ in range(4))
        self.status_backup = QLabel()
        self.status_float = QLabel()  # a distributor's float and the offline allowance (issue 19)
        status_lines = QWidget()
        lines = QVBoxLayout(status_lines)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(0)
        for labels in (
            (self.status_outlet, self.status_agent, self.status_day, self.status_sync, self.status_backup),
            (self.status_float,),
        ):
            line = QHBoxLayout()
            line.setSpacing(12)
            for label in labels:
                line.addWidget(label)
            line.addStretch(0)
            lines.addLayout(line)
        self.statusBar().addWidget(status_lines, 1)
        self.statusBar().addPermanentWidget(self.status_clock)
        self.sync = SyncController(counter, self.status_sync, self.outlet.zone, self)
        self.backup_status = BackupStatus(self.status_backup, counter, worker, self)
        self.float_status = FloatStatus(self.status_float, counter, worker, self)
        self.sale_completed.connect(lambda _result: self.float_status.refresh())
        self.sync.finished.connect(self.float_status.refresh)
        self.offline_override = OfflineOverride(self, lambda: self.counter, worker, self.float_status.refresh)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self.tick)
        self.clock_timer.start()

        # keys
        QShortcut(QKeySequence("F2"), self, self.search_box.focus_search)
        QShortcut(QKeySequence("F3"), self, self.search_box.open_new_customer)
        QShortcut(QKeySequence("F9"), self, self.sale.open_payment)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.sync.sync_now)
        QShortcut(QKeySequence("Ctrl+T"), self, self.plan.open_top_up)
        self.receipt_printer = ReceiptPrinting(lambda: self.counter, worker, settings.store, self)
        manager = self.manager
        self.menus = ManagerMenu(
            self,
            {
                "day": manager.open_day_dialog,
                "cash": manager.open_cash_movement,
                "rate": self.sale.rate_line.open_dialog,
                "drawer": self.receipt_printer.open_drawer,
                "report": manager.show_daily_report,
                "commissions": manager.open_commissions,
                "audit": manager.open_audit,
                "users": manager.open_users,
                "conflicts": manager.open_conflicts,
                "corporate": manager.open_corporate,
                "catalog": self.open_catalog_manager,
            },
            counter.user.role,
        )
        self.managers_menu, self.corporate_action = self.menus.menu, self.menus.actions["corporate"]
        self.outlet_finder = OutletFinder(self, worker)  # Ctrl+O
        self.setTabOrder(self.search, self.results)
        self.setTabOrder(self.results, self.cart)
        self.setTabOrder(self.cart, self.pay_button)

        # idle lock
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(max(1, settings.idle_minutes()) * 60_000)
        self.idle_timer.timeout.connect(self.lock)
        self.idle_watcher = _IdleWatcher(self.idle_timer)
        self.idle_timer.start()

        self.resize(1366, 768)
        self.retranslate()
        self.sale.refresh_cart()
        self.sale.load_catalog()
        self.tick()
        self.search.setFocus()

    # --- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Konnect POS — {outlet}").replace("{outlet}", self.outlet.name))
        self.search_box.retranslate()
        self.sale.retranslate()
        self.menus.retranslate()
        self.status_outlet.setText(
            self.tr("Terminal {terminal} · outlet {outlet}")
            .replace("{outlet}", self.outlet.name)
            .replace("{terminal}", self.counter.terminal.label)
        )
        self.status_agent.setText(self.tr("Agent: {name}").replace("{name}", self.counter.user.full_name))
        self.refresh_day()
        self.sync.refresh()
        self.float_status.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the status bar: clock and business day ---------------------------------------------
    def tick(self) -> None:
        now = self.counter.clock().astimezone(ZoneInfo(self.outlet.zone))
        self.status_clock.setText(now.strftime("%H:%M:%S"))
        if now.second == 0:  # once a minute: midnight, or a close at another counter, shows up here
            self.refresh_day()

    def refresh_day(self) -> None:
        counter = self.counter
        self.worker.submit(lambda: business_day.day_state(counter), self._show_day, lambda _: None)

    def _show_day(self, state) -> None:
        self.status_day.setText(day_status_text(state, self.outlet.zone))
        self.status_day.setMinimumWidth(self.status_day.sizeHint().width())  # never cut: it says if we sell

    # --- the customer at the counter ------------------------------------------------------
    def pick(self, account_number: str) -> None:
        self.account = account_number
        self.cart.clear_cart()
        self.panel.plan.show_status(None)  # Ctrl+T must not top up the previous customer's plan
        self.load_customer()
        self.cart.setFocus()

    def load_customer(self) -> None:
        if not self.account:
            return
        number, counter = self.account, self.counter
        self.sale.advice.show_for(number)
        self.worker.submit(
            lambda: account.customer_overview(number, counter.clock()),
            self._show_customer,
            self.sale.show_error,
        )

    def _show_customer(self, overview) -> None:
        self.customer_phone = overview.customer.phone
        self.sale.caller.show_for(overview.customer.country)  # a desk sells the caller's country's catalog
        self.panel.show_overview(overview)
        self.sale.refresh_cart()
        self.plan.load_plan()

    def set_outlet(self, outlet) -> None:
        """The outlet was edited in settings: new details, merchant numbers and card rule."""
        self.outlet = outlet
        terminal = replace(self.counter.terminal, outlet=outlet)
        self.counter = replace(self.counter, terminal=terminal)
        self.retranslate()
        self.sale.caller.show_for(self.panel.overview.customer.country if self.panel.overview else None)

    def open_catalog_manager(self) -> None:
        """Managers ▸ Catalog… (Ctrl+Shift+C): the counter's buttons follow every change."""
        from konnect_pos.ui.counter.catalog_manager import CatalogManagerDialog

        reload = lambda: self.sale.load_catalog(self.sale.caller.terms)  # noqa: E731 - the caller's, at a desk
        dialog = CatalogManagerDialog(lambda: self.counter, self.worker, reload, self)
        self.catalog_dialog = dialog
        dialog.open()

    # --- lock (Ctrl+L, idle) --------------------------------------------------------------
    def lock(self) -> None:
        self.session_lock.lock(self.counter)

    @property
    def lock_screen(self) -> LoginWindow | None:
        return self.session_lock.screen

    def is_locked(self) -> bool:
        return self.session_lock.screen is not None

    def unlock(self, counter: Counter, same_user: bool) -> None:
        """Whoever unlocks works with their own rights; the same user resumes their cart,
        another user starts on a clear screen (no customer, empty cart)."""
        self.counter = counter
        self.menus.set_role(counter.user.role)
        if not same_user:
            self.payment_dialog = None  # closed with the previous user's other dialogs
            self.account, self.customer_phone = None, ""
            self.search_box.clear()  # a late answer for the previous user is dropped
            self.panel.show_overview(None)
            self.sale.caller.show_for(None)
            self.panel.plan.show_status(None)
            self.cart.clear_cart()
            self.sale.refresh_cart()
        self.retranslate()
        self.idle_timer.start()
        (self.cart if same_user else self.search).setFocus()

    def showEvent(self, event) -> None:
        self.idle_watcher.watch(self.windowHandle())  # made when first shown
        super().showEvent(event)

    def closeEvent(self, event) -> None:
        self.idle_watcher.stop()
        self.worker.wait()
        super().closeEvent(event)
