"""The counter: find the customer, build the cart, take payment, print — keyboard first.

F2 search · Enter pick the top hit · F3 new customer · 1–9 add a bundle · Space activation ·
Alt+↑/↓ move · Del remove · F9 pay · Ctrl+L lock.
"""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.errors import KonnectError
from konnect_pos.domain.roles import Right, can
from konnect_pos.services import (
    account,
    audit,
    business_day,
    catalog,
    checkout,
    connect_plus,
    corrections,
    customers,
    daily_report,
    receipts,
    users,
)
from konnect_pos.services.catalog import BundleView
from konnect_pos.services.checkout import CartPreview, SaleResult
from konnect_pos.services.session import Counter
from konnect_pos.services.sync import client as sync_client
from konnect_pos.ui.approval_widget import approving_user
from konnect_pos.ui.cart_widget import CartWidget
from konnect_pos.ui.corporate_window import CorporateWindow
from konnect_pos.ui.correction_dialog import CorrectionDialog
from konnect_pos.ui.counter.backup_status import BackupStatus
from konnect_pos.ui.counter.bundle_advice import AdviceLine
from konnect_pos.ui.counter.exchange_rate import RateLine
from konnect_pos.ui.counter.manager_menu import ManagerMenu
from konnect_pos.ui.counter.outlet_finder import OutletFinder
from konnect_pos.ui.counter.receipt_printing import ReceiptPrinting
from konnect_pos.ui.counter.session_lock import SessionLock
from konnect_pos.ui.counter.top_up_dialog import TopUpDialog
from konnect_pos.ui.customer_dialog import NewCustomerDialog
from konnect_pos.ui.customer_panel import CustomerPanel
from konnect_pos.ui.day_dialog import DayDialog
from konnect_pos.ui.day_status import day_status_text
from konnect_pos.ui.i18n import data_text, error_text, money_text
from konnect_pos.ui.login_window import LoginWindow
from konnect_pos.ui.manager_dialogs import AuditDialog, CashMovementDialog, UsersDialog
from konnect_pos.ui.payment_dialog import PaymentDialog
from konnect_pos.ui.pdf_preview import PdfPreviewDialog
from konnect_pos.ui.settings import LocalSettings
from konnect_pos.ui.sync_status import ConflictsDialog, SyncController
from konnect_pos.ui.timeline_widget import TimelineWidget
from konnect_pos.ui.worker import DbWorker

SEARCH_DEBOUNCE_MS = 250


class _IdleWatcher(QObject):
    """Restarts the idle timer on any key or mouse activity in the application."""

    def __init__(self, timer: QTimer) -> None:
        # A child of the timer: destroyed with the window, and Qt then drops it from the
        # application's filters, so a window deleted without closeEvent leaves no dangling filter.
        super().__init__(timer)
        self.timer = timer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove):
            self.timer.start()
        return False


class CounterWindow(QMainWindow):
    sale_completed = Signal(object)
    receipt_shown = Signal(object)

    def __init__(self, counter: Counter, worker: DbWorker, settings: LocalSettings) -> None:
        super().__init__()
        self.counter, self.worker, self.settings = counter, worker, settings
        self.outlet = counter.terminal.outlet
        self.bundles: list[BundleView] = []
        self.account: str | None = None
        self.customer_phone = ""
        self.preview: CartPreview | None = None
        self.payment_dialog: PaymentDialog | None = None
        self.receipt_dialog: PdfPreviewDialog | None = None
        self.customer_dialog: NewCustomerDialog | None = None
        self.settings_dialog: QWidget | None = None
        self.day_dialog: DayDialog | None = None
        self.correction_dialog: CorrectionDialog | None = None
        self.report_dialog: PdfPreviewDialog | None = None
        self.audit_dialog: AuditDialog | None = None
        self.users_dialog: UsersDialog | None = None
        self.cash_dialog: CashMovementDialog | None = None
        self._search_serial = 0
        self._pick_when_found = False

        # search
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search_error = QLabel()
        self.search_error.setStyleSheet("color: #b91c1c")
        self.results = QListWidget()
        self.results.itemActivated.connect(lambda item: self.pick(item.data(Qt.ItemDataRole.UserRole)))
        self.new_customer_button = QPushButton()
        self.new_customer_button.clicked.connect(self.open_new_customer)
        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _: self.debounce.start())
        self.search.returnPressed.connect(self.search_enter)
        self.search_box = QGroupBox()
        search_layout = QVBoxLayout(self.search_box)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.new_customer_button)
        search_layout.addLayout(row)
        search_layout.addWidget(self.search_error)
        search_layout.addWidget(self.results, 1)  # a taller screen shows more results

        self.panel = CustomerPanel(self.outlet.zone)
        self.panel.reprint_requested.connect(self.reprint)
        self.panel.correction_requested.connect(self.open_correction)

        # catalog
        self.catalog_box = QGroupBox()
        self.catalog_grid = QGridLayout(self.catalog_box)
        self.catalog_buttons: list[QPushButton] = []

        # cart
        self.cart = CartWidget()
        self.cart.changed.connect(self.refresh_cart)
        self.cart.add_requested.connect(self.add_nth)
        self.cart_error = QLabel()
        self.cart_error.setStyleSheet("color: #b91c1c")
        self.cart_error.setWordWrap(True)
        self.projection = TimelineWidget()
        self.subtotal_label, self.vat_label = QLabel(), QLabel()
        self.total_label = QLabel()
        font = QFont(self.total_label.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.total_label.setFont(font)
        self.pay_button = QPushButton()
        self.pay_button.setMinimumHeight(48)
        self.pay_button.clicked.connect(self.open_payment)
        self.cart_box = QGroupBox()
        cart_layout = QVBoxLayout(self.cart_box)
        self.advice = AdviceLine(lambda: self.counter, worker, self.cart, self)  # F8 adds it
        cart_layout.addWidget(self.advice)
        cart_layout.addWidget(self.cart, 1)
        self.projection_label = QLabel()
        cart_layout.addWidget(self.projection_label)
        cart_layout.addWidget(self.projection)
        cart_layout.addWidget(self.cart_error)
        cart_layout.addWidget(self.subtotal_label)
        cart_layout.addWidget(self.vat_label)
        cart_layout.addWidget(self.total_label)
        self.rate_line = RateLine(lambda: self.counter, worker)
        cart_layout.addWidget(self.rate_line)
        cart_layout.addWidget(self.pay_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_box, 1)
        left_layout.addWidget(self.panel, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.catalog_box)
        right_layout.addWidget(self.cart_box, 1)
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

        # status bar
        self.status_outlet, self.status_agent, self.status_day, self.status_sync, self.status_clock = (
            QLabel() for _ in range(5)
        )
        for label in (self.status_outlet, self.status_agent, self.status_day, self.status_sync):
            self.statusBar().addWidget(label)
        self.statusBar().addPermanentWidget(self.status_clock)
        self.sync = SyncController(counter, self.status_sync, self.outlet.zone, self)
        self.status_backup = QLabel()
        self.statusBar().addWidget(self.status_backup)
        self.backup_status = BackupStatus(self.status_backup, counter, worker, self)
        self.clock_timer = QTimer(self)
        self.clock_timer.setInterval(1000)
        self.clock_timer.timeout.connect(self.tick)
        self.clock_timer.start()

        # keys
        QShortcut(QKeySequence("F2"), self, self.focus_search)
        QShortcut(QKeySequence("F3"), self, self.open_new_customer)
        QShortcut(QKeySequence("F9"), self, self.open_payment)
        QShortcut(QKeySequence("Ctrl+L"), self, self.lock)
        QShortcut(QKeySequence("Ctrl+Shift+S"), self, self.sync.sync_now)
        QShortcut(QKeySequence("Ctrl+T"), self, self.open_top_up)
        self.panel.plan.top_up_requested.connect(self.open_top_up)
        self.panel.plan.opt_requested.connect(self.toggle_connect_plus)
        self.receipt_printer = ReceiptPrinting(lambda: self.counter, worker, settings.store, self)
        self.menus = ManagerMenu(
            self,
            {
                "day": self.open_day_dialog,
                "cash": self.open_cash_movement,
                "rate": self.rate_line.open_dialog,
                "drawer": self.receipt_printer.open_drawer,
                "report": self.show_daily_report,
                "audit": self.open_audit,
                "users": self.open_users,
                "conflicts": self.open_conflicts,
                "corporate": self.open_corporate,
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
        from PySide6.QtWidgets import QApplication

        QApplication.instance().installEventFilter(self.idle_watcher)
        self.idle_timer.start()

        self.resize(1366, 768)
        self.retranslate()
        self.refresh_cart()
        self.worker.submit(
            lambda: catalog.bundles_for_country(
                self.outlet.country.code, self.counter.clock().astimezone(ZoneInfo(self.outlet.zone)).date()
            ),
            self._show_catalog,
            self._show_cart_error,
        )
        self.tick()
        self.search.setFocus()

    # --- language -----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Konnect POS — {outlet}").replace("{outlet}", self.outlet.name))
        self.search_box.setTitle(self.tr("Find a customer (F2)"))
        self.search.setPlaceholderText(self.tr("Name, phone, account number or kit serial"))
        self.new_customer_button.setText(self.tr("New customer (F3)"))
        self.catalog_box.setTitle(self.tr("Bundles (1–9)"))
        self.cart_box.setTitle(self.tr("Cart"))
        self.projection_label.setText(self.tr("The account after this sale:"))
        self.pay_button.setText(self.tr("Pay (F9)"))
        self.menus.retranslate()
        self.rate_line.retranslate()
        self.status_outlet.setText(
            self.tr("Outlet {outlet} · terminal {terminal}")
            .replace("{outlet}", self.outlet.name)
            .replace("{terminal}", self.counter.terminal.label)
        )
        self.status_agent.setText(self.tr("Agent: {name}").replace("{name}", self.counter.user.full_name))
        self._refresh_day()
        self.cart.retranslate()
        self.cart.show_preview(self.preview, money_text)  # amounts in the new language
        self._show_catalog(self.bundles)  # prices and data units in the new language
        self._show_totals()
        self._refresh_sync()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def tick(self) -> None:
        now = self.counter.clock().astimezone(ZoneInfo(self.outlet.zone))
        self.status_clock.setText(now.strftime("%H:%M:%S"))
        if now.second == 0:  # once a minute: midnight, or a close at another counter, shows up here
            self._refresh_day()

    def _refresh_day(self) -> None:
        counter = self.counter
        self.worker.submit(lambda: business_day.day_state(counter), self._show_day, lambda _: None)

    def _show_day(self, state) -> None:
        self.status_day.setText(day_status_text(state, self.outlet.zone))
        self.status_day.setMinimumWidth(self.status_day.sizeHint().width())  # never cut: it says if we sell
        self.status_outlet.setMinimumWidth(1)  # the outlet's name (also in the title) gives way first

    def open_day_dialog(self) -> None:
        counter = self.counter
        self.worker.submit(
            lambda: business_day.close_form(counter), self._show_day_dialog, self._show_cart_error
        )

    def _show_day_dialog(self, form) -> None:
        needs_approval = not can(self.counter.user.role, Right.OPEN_CLOSE_DAY)
        dialog = DayDialog(
            form,
            self.outlet.country.currencies,
            self.outlet.zone,
            self.worker,
            needs_approval=needs_approval,
            parent=self,
        )
        counter, clock = self.counter, self.counter.clock

        def approver(approval):
            return approving_user(approval, clock)

        def done(_result) -> None:
            dialog.accept()
            self._refresh_day()
            if isinstance(_result, business_day.CloseResult):
                self.backup_status.day_closed(_result.backup)

        def closed(result) -> None:
            done(result[0])
            self.show_daily_report(result[0].business_date, approver=result[1])  # the Z, right after

        def close(counts, comment, approval):
            signed = approver(approval)
            return business_day.close_day(counter, counts, comment=comment, approver=signed), signed

        dialog.open_requested.connect(
            lambda floats, approval: self.worker.submit(
                lambda: business_day.open_day(counter, floats, approver=approver(approval)),
                done,
                dialog.show_error,
            )
        )
        dialog.review_requested.connect(
            lambda counts: self.worker.submit(
                lambda: business_day.review_close(counter, counts), dialog.show_summary, dialog.show_error
            )
        )
        dialog.close_requested.connect(
            lambda counts, comment, approval: self.worker.submit(
                lambda: close(counts, comment, approval), closed, dialog.show_error
            )
        )
        self.day_dialog = dialog
        dialog.open()

    def _refresh_sync(self) -> None:
        self.sync.refresh()

    def open_corporate(self) -> None:
        """Corporate accounts, service lines and invoices (Ctrl+B, managers)."""
        if not self.menus.allowed(Right.CORPORATE_BILLING):
            return
        self.corporate_window = CorporateWindow(self.counter, self.worker, self)
        self.corporate_window.open()

    def open_conflicts(self) -> None:
        """HQ's conflicts for this outlet (Ctrl+K, managers)."""
        counter = self.counter
        dialog = ConflictsDialog(self.outlet.zone, self)
        self.conflicts_dialog = dialog
        dialog.open()
        self.sync.worker.submit(
            lambda: sync_client.hq_conflicts(counter), dialog.show_rows, dialog.show_error
        )

    # --- search -------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        query = self.search.text()
        self._search_serial += 1
        serial = self._search_serial
        if len(query.strip()) < 3:
            self.results.clear()
            self.search_error.clear()
            self._pick_when_found = False
            return
        region = self.outlet.country.code
        self.worker.submit(
            lambda: customers.search_customers(query, region=region),
            lambda found: self._show_results(serial, found),
            lambda error: self._search_failed(serial, error),
        )

    def _show_results(self, serial: int, found: list) -> None:
        if serial != self._search_serial:
            return  # an older query answered late
        self.search_error.clear()
        self.results.clear()
        # Rows made by Qt from plain strings: each QListWidgetItem made in Python leaks one reference
        # to None (PySide6 6.11.3, measured), i.e. ~20 per search in a long session.
        self.results.addItems(
            [
                f"{customer.name}  ·  {customer.account_number}  ·  {customer.phone}"
                + (f"  ·  {customer.kit_serial}" if customer.kit_serial else "")
                for customer in found
            ]
        )
        for row, customer in enumerate(found):
            self.results.item(row).setData(Qt.ItemDataRole.UserRole, customer.account_number)
        if not found:
            self.search_error.setText(self.tr("No customer found"))
        elif self._pick_when_found:
            self.pick(found[0].account_number)
        self._pick_when_found = False

    def _search_failed(self, serial: int, error: Exception) -> None:
        if serial == self._search_serial:
            self.search_error.setText(error_text(error))
            self._pick_when_found = False

    def search_enter(self) -> None:
        """Enter picks the top hit; a scanner's Enter arrives before the debounce, so search now."""
        if self.debounce.isActive() or self.results.count() == 0:
            self.debounce.stop()
            self._pick_when_found = True
            self.run_search()
            return
        self.pick(self.results.item(0).data(Qt.ItemDataRole.UserRole))

    def pick(self, account_number: str) -> None:
        self.account = account_number
        self.cart.clear_cart()
        self.panel.plan.show_status(None)  # Ctrl+T must not top up the previous customer's plan
        self.load_customer()
        self.cart.setFocus()

    def load_customer(self) -> None:
        if not self.account:
            return
        number = self.account
        self.advice.show_for(number)
        self.worker.submit(
            lambda: account.customer_overview(number, self.counter.clock()),
            self._show_customer,
            self._show_cart_error,
        )

    def _show_customer(self, overview) -> None:
        self.customer_phone = overview.customer.phone
        self.panel.show_overview(overview)
        self.refresh_cart()
        self._load_plan()

    # --- plan, balance and Connect+ -----------------------------------------------------
    def _local_day(self):
        return self.counter.clock().astimezone(ZoneInfo(self.outlet.zone)).date()

    def _load_plan(self) -> None:
        number, day = self.account, self._local_day()
        self.worker.submit(
            lambda: connect_plus.plan_status(number, day), self.panel.plan.show_status, self._show_cart_error
        )

    def open_top_up(self) -> None:
        """Ctrl+T: amount, then the payment dialog; the receipt says what the top-up triggered."""
        status = self.panel.plan.status
        if status is None:
            self.cart_error.setText(self.tr("This customer has no plan with a balance"))
            return
        dialog = TopUpDialog(status, self)
        self.top_up_dialog = dialog

        def amount_entered() -> None:
            try:
                amount = connect_plus.parse_top_up(dialog.amount.text(), status.plan_fee.currency)
            except KonnectError as error:
                dialog.error.setText(error_text(error))
                dialog.show()
                return
            payment = PaymentDialog(
                amount,
                rules=checkout.payment_rules(self.outlet, self.rate_line.rate),
                merchant_numbers=self.outlet.merchant_numbers,
                customer_phone=self.customer_phone,
                parent=self,
            )
            payment.confirmed.connect(
                lambda tenders: self._top_up(payment, status.account_number, amount, tenders)
            )
            self.payment_dialog = payment
            payment.open()

        dialog.accepted.connect(amount_entered)
        dialog.open()

    def _top_up(self, dialog: PaymentDialog, account_number: str, amount, tenders: list) -> None:
        def done(result) -> None:
            dialog.accept()
            self.payment_dialog = None
            self.load_customer()
            self._refresh_sync()
            self.show_receipt(result.receipt_number, copy=False)
            self.receipt_printer.after_sale(result.receipt_number)

        self.worker.submit(
            lambda: connect_plus.top_up_balance(self.counter, account_number, amount, tenders),
            done,
            dialog.show_error,
        )

    def toggle_connect_plus(self, opt_in: bool) -> None:
        """Opt-in (*257*7#) or opt-out (*257*8#) for the customer, after a confirmation."""
        status = self.panel.plan.status
        if status is None:
            return
        question = (
            self.tr("Switch Connect+ back on for {account}?")
            if opt_in
            else self.tr("Switch Connect+ off for {account}? It will not start again until they opt in.")
        ).replace("{account}", status.account_number)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Connect+"), question, parent=self)
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        number = status.account_number

        def answered(button) -> None:
            if box.standardButton(button) != QMessageBox.StandardButton.Yes:
                return
            self.worker.submit(
                lambda: connect_plus.set_opt(self.counter, number, opted_in=opt_in),
                lambda _status: self._load_plan(),
                self._show_cart_error,
            )

        box.buttonClicked.connect(answered)
        self.opt_box = box
        box.open()

    # --- new customer -------------------------------------------------------------------
    def open_new_customer(self) -> None:
        dialog = NewCustomerDialog(self.outlet.country.code, self)
        dialog.submitted.connect(lambda data: self._create_customer(dialog, data))
        self.customer_dialog = dialog
        dialog.open()

    def _create_customer(self, dialog: NewCustomerDialog, data) -> None:
        def created(view) -> None:
            dialog.accept()
            self.pick(view.account_number)

        self.worker.submit(
            lambda: customers.create_customer(data, self.counter.clock, self.counter.terminal.id),
            created,
            dialog.show_error,
        )

    # --- catalog and cart ---------------------------------------------------------------
    def _show_catalog(self, bundles: list[BundleView]) -> None:
        self.bundles = bundles
        for button in self.catalog_buttons:
            button.deleteLater()
        self.catalog_buttons = []
        for index, bundle in enumerate(bundles):
            button = QPushButton(
                f"{index + 1}. {bundle.name}\n{data_text(bundle.data_gb)} · {money_text(bundle.price)}"
            )
            button.setMinimumHeight(56)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, n=index: self.add_nth(n))
            self.catalog_grid.addWidget(button, index // 3, index % 3)
            self.catalog_buttons.append(button)

    def add_nth(self, index: int) -> None:
        if not self.account:
            self.cart_error.setText(self.tr("Find the customer first (F2)"))
            return
        if 0 <= index < len(self.bundles):
            self.cart.add(self.bundles[index].code)
            self.cart.setFocus()

    def refresh_cart(self) -> None:
        self.cart_error.clear()
        if not self.account or not self.cart.items:
            self.preview = None
            self.cart.show_preview(None, money_text)
            self.projection.set_timeline(self.panel.overview.timeline if self.panel.overview else None)
            self._show_totals()
            return
        number, items = self.account, list(self.cart.items)
        self.worker.submit(
            lambda: checkout.preview_cart(self.counter, number, items),
            lambda preview: self._show_preview(items, preview),
            self._show_cart_error,
        )

    def _show_preview(self, items: list, preview: CartPreview) -> None:
        if items != self.cart.items:
            return  # the cart changed meanwhile; a newer preview is on its way
        self.preview = preview
        self.cart.show_preview(preview, money_text)
        self.projection.set_timeline(preview.timeline)
        self._show_totals()

    def _show_cart_error(self, error: Exception) -> None:
        self.cart_error.setText(error_text(error))

    def _show_totals(self) -> None:
        preview = self.preview
        if preview is None:
            self.subtotal_label.setText(self.tr("Subtotal: —"))
            self.vat_label.setText(self.tr("VAT: —"))
            self.total_label.setText(self.tr("Total: —"))
            self.pay_button.setEnabled(False)
            return
        rate = f"{(preview.vat_rate * 100).normalize():f} %"
        self.subtotal_label.setText(
            self.tr("Subtotal (excl. VAT): {amount}").replace("{amount}", money_text(preview.subtotal))
        )
        self.vat_label.setText(
            self.tr("VAT {rate}: {amount}")
            .replace("{rate}", rate)
            .replace("{amount}", money_text(preview.vat))
        )
        self.total_label.setText(self.tr("Total: {amount}").replace("{amount}", money_text(preview.total)))
        self.pay_button.setEnabled(True)

    # --- payment ------------------------------------------------------------------------
    def open_payment(self) -> None:
        if self.preview is None or not self.cart.items:
            self.cart_error.setText(self.tr("Add at least one bundle first"))
            return
        counter = self.counter  # the service decides whether this counter may sell now
        self.worker.submit(
            lambda: business_day.check_can_sell(counter), self._open_payment, self._refuse_sale
        )

    def _refuse_sale(self, error: Exception) -> None:
        self._show_cart_error(error)
        self._refresh_day()

    def _open_payment(self, _state) -> None:
        if self.preview is None or not self.cart.items:
            return
        dialog = PaymentDialog(
            self.preview.total,
            rules=checkout.payment_rules(self.outlet, self.rate_line.rate),
            merchant_numbers=self.outlet.merchant_numbers,
            customer_phone=self.customer_phone,
            parent=self,
        )
        dialog.confirmed.connect(lambda tenders: self._sell(dialog, tenders))
        self.payment_dialog = dialog
        dialog.open()

    def _sell(self, dialog: PaymentDialog, tenders: list) -> None:
        number, items = self.account, list(self.cart.items)

        def sold(result: SaleResult) -> None:
            dialog.accept()
            self.payment_dialog = None
            self.cart.clear_cart()
            self.sale_completed.emit(result)
            self.load_customer()
            self._refresh_sync()
            self.show_receipt(result.receipt_number, copy=False)
            self.receipt_printer.after_sale(result.receipt_number)

        def refused(error: Exception) -> None:
            dialog.show_error(error)
            self.rate_line.refresh()  # a new rate of the day is shown at once

        self.worker.submit(lambda: checkout.sell(self.counter, number, items, tenders), sold, refused)

    # --- receipts -----------------------------------------------------------------------
    def show_receipt(self, receipt_number: str, *, copy: bool) -> None:
        fmt = self.settings.receipt_format()
        language = None  # the sale's own language (customer's, else the outlet's)

        def shown(pdf: bytes) -> None:
            def render(new_fmt: str, new_language: str) -> None:
                self.worker.submit(
                    lambda: receipts.receipt_pdf(
                        self.counter, receipt_number, copy=copy, fmt=new_fmt, language=new_language
                    ),
                    dialog.show_pdf,
                    dialog.show_error,
                )

            dialog = PdfPreviewDialog(
                receipt_number,
                pdf,
                render,
                kind="receipt",
                fmt=fmt,
                language=self._receipt_language(),
                parent=self,
            )
            self.receipt_dialog = dialog
            self.receipt_printer.attach(dialog, receipt_number, copy=copy)
            dialog.open()
            self.receipt_shown.emit(dialog)
            if self.settings.auto_print() and not copy and not self.receipt_printer.enabled():
                dialog.print_pdf(direct=True)

        self.worker.submit(
            lambda: receipts.receipt_pdf(self.counter, receipt_number, copy=copy, fmt=fmt, language=language),
            shown,
            self._show_cart_error,
        )

    def _receipt_language(self) -> str:
        overview = self.panel.overview
        if overview and overview.customer.language:
            return overview.customer.language
        return self.outlet.language

    def reprint(self, receipt_number: str) -> None:
        self.show_receipt(receipt_number, copy=True)

    # --- manager: corrections and the daily report ------------------------------------
    def open_correction(self, receipt_number: str) -> None:
        needs_approval = not (
            can(self.counter.user.role, Right.VOID) and can(self.counter.user.role, Right.REFUND)
        )
        overview = self.panel.overview
        paid = next((p.methods for p in overview.purchases if p.receipt_number == receipt_number), ())
        dialog = CorrectionDialog(
            receipt_number, self.worker, needs_approval=needs_approval, methods=paid, parent=self
        )
        counter = self.counter

        def done(show):
            def shown(result) -> None:
                show(result)  # the dialog says what was reversed; Enter closes it
                self.load_customer()
                self._refresh_sync()

            return shown

        dialog.void_requested.connect(
            lambda reason, remove, approval: self.worker.submit(
                lambda: corrections.void_sale(
                    counter,
                    receipt_number,
                    reason,
                    remove_active=remove,
                    approver=approving_user(approval, counter.clock),
                ),
                done(dialog.show_voided),
                dialog.show_error,
            )
        )
        dialog.refund_requested.connect(
            lambda amount, reason, method, approval: self.worker.submit(
                lambda: corrections.refund_sale(
                    counter,
                    receipt_number,
                    amount,
                    reason,
                    method=method,
                    approver=approving_user(approval, counter.clock),
                ),
                done(dialog.show_refunded),
                dialog.show_error,
            )
        )
        self.correction_dialog = dialog
        dialog.open()

    def show_daily_report(self, day=None, *, approver=None) -> None:
        """X report of today (Z once closed; ``day``: the one just closed), in the outlet's language."""
        counter = self.counter
        today = day or business_day.local_date(counter.clock(), self.outlet.zone)

        def render(fmt: str, language: str) -> bytes:
            return daily_report.daily_report_pdf(
                counter, today, language=language, fmt=fmt, approver=approver
            )

        def shown(pdf: bytes) -> None:
            def rerender(fmt: str, language: str) -> None:
                self.worker.submit(lambda: render(fmt, language), dialog.show_pdf, dialog.show_error)

            dialog = PdfPreviewDialog(
                str(today), pdf, rerender, kind="report", fmt="a4", language=language, parent=self
            )
            self.report_dialog = dialog
            dialog.open()

        language = self.outlet.language
        self.worker.submit(lambda: render("a4", language), shown, self._show_cart_error)

    def open_audit(self) -> None:
        """Who did what and when (Ctrl+J), for managers; filter by user and action."""
        counter = self.counter
        dialog = AuditDialog(self.outlet.zone, self)

        def load(user: str = "", kind: str = "") -> None:
            self.worker.submit(
                lambda: audit.audit_trail(counter, user=user or None, kind=kind or None),
                dialog.show_rows,
                dialog.show_error,
            )

        dialog.filter_changed.connect(load)
        self.audit_dialog = dialog
        dialog.open()
        load()

    def open_cash_movement(self) -> None:
        counter = self.counter
        dialog = CashMovementDialog(
            self.outlet.country.currencies,
            self.worker,
            needs_approval=not can(counter.user.role, Right.CASH_MOVEMENTS),
            parent=self,
        )

        def record(direction: str, amount: str, currency: str, reason: str, approval) -> None:
            def call():
                approver = approving_user(approval, counter.clock)
                return business_day.cash_movement(
                    counter, direction, amount, currency, reason, approver=approver
                )

            self.worker.submit(call, lambda _moved: dialog.accept(), dialog.show_error)

        dialog.requested.connect(record)
        self.cash_dialog = dialog
        dialog.open()

    def open_users(self) -> None:
        """Users (Ctrl+U): managers unlock; administrators add, deactivate and reset PINs."""
        counter = self.counter
        dialog = UsersDialog(can_manage=can(counter.user.role, Right.MANAGE_USERS), parent=self)

        def reload(_result: object = None) -> None:
            self.worker.submit(lambda: users.list_users(counter), dialog.show_users, dialog.show_error)

        def act(action: str, username: str, fields: dict) -> None:
            calls = {
                "add": lambda: users.add_user(
                    counter, username, fields["full_name"], fields["role"], fields["pin"]
                ),
                "reset_pin": lambda: users.reset_pin(counter, username, fields["pin"]),
                "deactivate": lambda: users.deactivate_user(counter, username),
                "unlock": lambda: users.unlock_user(counter, username),
            }
            self.worker.submit(calls[action], reload, dialog.show_error)

        dialog.action_requested.connect(act)
        self.users_dialog = dialog
        dialog.open()
        reload()

    def set_outlet(self, outlet) -> None:
        """The outlet was edited in settings: new details, merchant numbers and card rule."""
        self.outlet = outlet
        terminal = replace(self.counter.terminal, outlet=outlet)
        self.counter = replace(self.counter, terminal=terminal)
        self.retranslate()

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
            self._search_serial += 1  # a late answer for the previous user is dropped
            self.search.clear()
            self.results.clear()
            self.search_error.clear()
            self.panel.show_overview(None)
            self.panel.plan.show_status(None)
            self.cart.clear_cart()
            self.refresh_cart()
        self.retranslate()
        self.idle_timer.start()
        (self.cart if same_user else self.search).setFocus()

    def closeEvent(self, event) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.instance().removeEventFilter(self.idle_watcher)
        self.worker.wait()
        super().closeEvent(event)
