"""Corporate accounts for managers (Ctrl+B): accounts, service lines, plan changes with the
prorated amount shown before confirming, pause/cancel/reactivate, data blocks, the invoice run and
the invoice list with preview and print. Every call goes through the services on the DB worker."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.domain.money import format_money
from konnect_pos.i18n import BABEL_LOCALES
from konnect_pos.languages import LANGUAGE_NAMES
from konnect_pos.services import corporate
from konnect_pos.services.corporate import (
    AccountInput,
    AccountView,
    InvoiceSummary,
    LineView,
    PlanChangePreview,
    RunResult,
)
from konnect_pos.services.session import Counter
from konnect_pos.ui.i18n import current_language, date_text, error_text, local_time_text
from konnect_pos.ui.manager_dialogs import data_table
from konnect_pos.ui.pdf_preview import PdfPreviewDialog
from konnect_pos.ui.screen_fit import fit_to_screen
from konnect_pos.ui.worker import DbWorker

POOLS = ("local_priority", "global_priority")


def _item(text: object) -> QTableWidgetItem:
    return QTableWidgetItem(str(text))


class CorporateWindow(QDialog):
    """Emits ``loaded`` when no service call is left running, so tests can wait for it."""

    loaded = Signal()

    def __init__(self, counter: Counter, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter, self.worker = counter, worker
        self.zone = ZoneInfo(counter.terminal.outlet.zone)
        self.accounts: list[AccountView] = []
        self.lines: list[LineView] = []
        self.invoices: list[InvoiceSummary] = []
        self.preview: PlanChangePreview | None = None
        self.pending = 0

        # accounts
        self.search = QLineEdit()
        self.search.returnPressed.connect(self.load_accounts)
        self.account_table = data_table(5)
        self.account_table.itemSelectionChanged.connect(self._account_selected)
        self.company, self.tax_id, self.address = QLineEdit(), QLineEdit(), QLineEdit()
        self.contact_name, self.contact_phone, self.contact_email = QLineEdit(), QLineEdit(), QLineEdit()
        self.currency = QComboBox()
        for code in counter.terminal.outlet.country.currencies:
            self.currency.addItem(code, code)
        self.terms = QSpinBox()
        self.terms.setRange(0, 365)
        self.terms.setValue(7)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.add_account_button, self.save_account_button = QPushButton(), QPushButton()
        self.add_account_button.clicked.connect(self.add_account)
        self.save_account_button.clicked.connect(self.save_account)
        self.account_form = QFormLayout()
        self.form_labels = [QLabel() for _ in range(8)]
        fields = (
            self.company,
            self.tax_id,
            self.address,
            self.contact_name,
            self.contact_phone,
            self.contact_email,
            self.terms,
            self.language,
        )
        for label, widget in zip(self.form_labels, fields, strict=True):
            self.account_form.addRow(label, widget)
        self.currency_label = QLabel()
        self.account_form.addRow(self.currency_label, self.currency)
        account_buttons = QHBoxLayout()
        account_buttons.addWidget(self.add_account_button)
        account_buttons.addWidget(self.save_account_button)
        self.account_box = QGroupBox()
        account_box_layout = QVBoxLayout(self.account_box)
        account_box_layout.addLayout(self.account_form)
        account_box_layout.addLayout(account_buttons)

        # lines
        self.line_table = data_table(7)
        self.line_table.itemSelectionChanged.connect(self._line_selected)
        self.kit_serial = QLineEdit()
        self.product = QComboBox()
        self.product.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # The plan's name and price are never cut; the kit serial field gives way instead.
        self.product.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        self.add_line_button = QPushButton()
        self.add_line_button.clicked.connect(self.add_line)
        self.preview_button, self.confirm_button = QPushButton(), QPushButton()
        self.preview_button.clicked.connect(self.preview_change)
        self.confirm_button.clicked.connect(self.confirm_change)
        self.confirm_button.setEnabled(False)
        self.product.currentIndexChanged.connect(self._forget_preview)
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.pause_button, self.cancel_button, self.reactivate_button = (
            QPushButton(),
            QPushButton(),
            QPushButton(),
        )
        self.pause_button.clicked.connect(lambda: self.line_action("pause"))
        self.cancel_button.clicked.connect(lambda: self.line_action("cancel"))
        self.reactivate_button.clicked.connect(lambda: self.line_action("reactivate"))
        self.pool = QComboBox()
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 999)
        self.blocks_button = QPushButton()
        self.blocks_button.clicked.connect(self.change_blocks)
        self.line_box = QGroupBox()
        line_layout = QVBoxLayout(self.line_box)
        line_layout.addWidget(self.line_table, 1)
        row1 = QHBoxLayout()
        self.kit_label, self.product_label = QLabel(), QLabel()
        for widget in (
            self.kit_label,
            self.kit_serial,
            self.product_label,
            self.product,
            self.add_line_button,
        ):
            row1.addWidget(widget)
        row2 = QHBoxLayout()
        for widget in (self.preview_button, self.confirm_button, self.pause_button, self.cancel_button):
            row2.addWidget(widget)
        row2.addWidget(self.reactivate_button)
        row3 = QHBoxLayout()
        self.blocks_label = QLabel()
        for widget in (self.blocks_label, self.pool, self.quantity, self.blocks_button):
            row3.addWidget(widget)
        row3.addStretch()
        line_layout.addLayout(row1)
        line_layout.addLayout(row2)
        line_layout.addWidget(self.preview_label)
        line_layout.addLayout(row3)

        accounts_page = QWidget()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.account_table, 1)
        left_layout.addWidget(self.account_box)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.line_box)
        splitter.setSizes([520, 760])
        QVBoxLayout(accounts_page).addWidget(splitter)

        # invoices
        self.run_date = QDateEdit()
        self.run_date.setCalendarPopup(True)
        self.run_date.setDisplayFormat("yyyy-MM-dd")
        today = counter.today()
        self.run_date.setDate(QDate(today.year, today.month, today.day))
        self.run_button, self.preview_invoice_button = QPushButton(), QPushButton()
        self.run_button.clicked.connect(self.run_invoices)
        self.preview_invoice_button.clicked.connect(self.show_invoice)
        self.run_label = QLabel()
        self.invoice_table = data_table(5)
        self.invoice_table.doubleClicked.connect(lambda _index: self.show_invoice())
        invoices_page = QWidget()
        invoice_layout = QVBoxLayout(invoices_page)
        run_row = QHBoxLayout()
        self.run_date_label = QLabel()
        for widget in (self.run_date_label, self.run_date, self.run_button, self.run_label):
            run_row.addWidget(widget)
        run_row.addStretch()
        run_row.addWidget(self.preview_invoice_button)
        invoice_layout.addLayout(run_row)
        invoice_layout.addWidget(self.invoice_table, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(accounts_page, "")
        self.tabs.addTab(invoices_page, "")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.invoice_dialog: PdfPreviewDialog | None = None
        fit_to_screen(self, 1280, 760)
        self.retranslate()
        self._update_buttons()
        self.load_accounts()
        self.load_invoices()

    # --- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Corporate accounts and invoices"))
        self.tabs.setTabText(0, self.tr("Accounts and service lines"))
        self.tabs.setTabText(1, self.tr("Invoices"))
        self.search.setPlaceholderText(self.tr("Find an account: company, code or tax id, then Enter"))
        self.account_table.setHorizontalHeaderLabels(
            [
                self.tr("Account"),
                self.tr("Company"),
                self.tr("Currency"),
                self.tr("Billing day"),
                self.tr("Lines"),
            ]
        )
        self.account_box.setTitle(self.tr("Corporate account"))
        texts = (
            self.tr("Company"),
            self.tr("Tax id"),
            self.tr("Address"),
            self.tr("Contact"),
            self.tr("Phone"),
            self.tr("E-mail"),
            self.tr("Payment terms (days)"),
            self.tr("Invoice language"),
        )
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.currency_label.setText(self.tr("Currency"))
        self.add_account_button.setText(self.tr("Add as new account"))
        self.save_account_button.setText(self.tr("Save changes"))
        self.line_box.setTitle(self.tr("Service lines"))
        self.line_table.setHorizontalHeaderLabels(
            [
                self.tr("Kit serial"),
                self.tr("Label"),
                self.tr("Status"),
                self.tr("Plan"),
                self.tr("Monthly price"),
                self.tr("Next cycle"),
                self.tr("Data blocks"),
            ]
        )
        self.kit_label.setText(self.tr("Kit serial"))
        self.product_label.setText(self.tr("Plan"))
        self.add_line_button.setText(self.tr("Add line"))
        self.preview_button.setText(self.tr("Preview plan change"))
        self.confirm_button.setText(self.tr("Confirm plan change"))
        self.pause_button.setText(self.tr("Pause"))
        self.cancel_button.setText(self.tr("Cancel line"))
        self.reactivate_button.setText(self.tr("Reactivate"))
        self.blocks_label.setText(self.tr("Data blocks from the next cycle"))
        current = self.pool.currentIndex()
        self.pool.clear()
        self.pool.addItem(self.tr("Local Priority"), POOLS[0])
        self.pool.addItem(self.tr("Global Priority"), POOLS[1])
        self.pool.setCurrentIndex(max(0, current))
        self.blocks_button.setText(self.tr("Set quantity"))
        self.run_date_label.setText(self.tr("Billing date"))
        self.run_button.setText(self.tr("Run invoices"))
        self.preview_invoice_button.setText(self.tr("Preview / print"))
        self.invoice_table.setHorizontalHeaderLabels(
            [self.tr("Invoice"), self.tr("Company"), self.tr("Date"), self.tr("Due date"), self.tr("Total")]
        )
        self.close_button.setText(self.tr("Close (Esc)"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- plumbing ------------------------------------------------------------------------
    def call(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """One service call on the DB worker; its error shows in the window's error line."""
        self.pending += 1

        def finished(result: Any) -> None:
            self.pending -= 1
            self.error.clear()
            done(result)
            if not self.pending:
                self.loaded.emit()

        def failed(error: Exception) -> None:
            self.pending -= 1
            self.error.setText(error_text(error))
            if not self.pending:
                self.loaded.emit()

        self.worker.submit(work, finished, failed)

    def money(self, value) -> str:
        return format_money(value, BABEL_LOCALES[current_language()])

    def selected_account(self) -> AccountView | None:
        row = self.account_table.currentRow()
        return self.accounts[row] if 0 <= row < len(self.accounts) else None

    def selected_line(self) -> LineView | None:
        row = self.line_table.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def _update_buttons(self) -> None:
        account, line = self.selected_account(), self.selected_line()
        self.save_account_button.setEnabled(account is not None)
        self.add_line_button.setEnabled(account is not None)
        for button in (self.preview_button, self.pause_button, self.cancel_button, self.blocks_button):
            button.setEnabled(line is not None)
        self.reactivate_button.setEnabled(line is not None and line.status != "active")
        self.confirm_button.setEnabled(self.preview is not None)

    # --- accounts ------------------------------------------------------------------------
    def load_accounts(self, select: str | None = None) -> None:
        query, counter = self.search.text(), self.counter
        self.call(
            lambda: corporate.list_accounts(counter, query), lambda found: self._show_accounts(found, select)
        )

    def _show_accounts(self, accounts: list[AccountView], select: str | None) -> None:
        current = select or (self.selected_account().code if self.selected_account() else None)
        self.accounts = accounts
        self.account_table.setRowCount(len(accounts))
        for row, account in enumerate(accounts):
            values = (
                account.code,
                account.company,
                account.currency,
                account.billing_day or "-",
                account.lines,
            )
            for column, value in enumerate(values):
                self.account_table.setItem(row, column, _item(value))
        codes = [a.code for a in accounts]
        if current in codes:
            self.account_table.selectRow(codes.index(current))
        elif accounts and self.account_table.currentRow() < 0:
            self.account_table.selectRow(0)
        self._update_buttons()

    def _account_selected(self) -> None:
        account = self.selected_account()
        self._forget_preview()
        if account is None:
            return
        self.company.setText(account.company)
        self.tax_id.setText(account.tax_id)
        self.address.setText(account.address)
        self.contact_name.setText(account.contact_name)
        self.contact_phone.setText(account.contact_phone)
        self.contact_email.setText(account.contact_email)
        self.terms.setValue(account.payment_terms_days)
        self.language.setCurrentIndex(self.language.findData(account.language))
        self.currency.setCurrentIndex(self.currency.findData(account.currency))
        counter = self.counter
        self.call(lambda: corporate.available_products(counter, account.currency), self._show_products)
        self.load_lines()

    def _form(self) -> dict[str, Any]:
        return {
            "company": self.company.text(),
            "tax_id": self.tax_id.text(),
            "address": self.address.text(),
            "contact_name": self.contact_name.text(),
            "contact_phone": self.contact_phone.text(),
            "contact_email": self.contact_email.text(),
            "payment_terms_days": self.terms.value(),
            "language": self.language.currentData(),
        }

    def add_account(self) -> None:
        data = AccountInput(
            outlet_code=self.counter.terminal.outlet.code,
            currency=self.currency.currentData(),
            **self._form(),
        )
        counter = self.counter
        self.call(lambda: corporate.create_account(counter, data), lambda made: self.load_accounts(made.code))

    def save_account(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        fields, counter = self._form(), self.counter
        self.call(
            lambda: corporate.edit_account(counter, account.code, fields),
            lambda saved: self.load_accounts(saved.code),
        )

    # --- lines ---------------------------------------------------------------------------
    def _show_products(self, products) -> None:
        self.product.clear()
        for product in products:
            self.product.addItem(
                f"{product.product_id} — {self.money(product.monthly_price)}", product.product_id
            )

    def load_lines(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        counter = self.counter
        self.call(lambda: corporate.list_lines(counter, account.code), self._show_lines)

    def _show_lines(self, lines: list[LineView]) -> None:
        current = self.selected_line().kit_serial if self.selected_line() else None
        self.lines = lines
        self.line_table.setRowCount(len(lines))
        statuses = {
            "active": self.tr("active"),
            "pause_pending": self.tr("pausing at the period end"),
            "cancel_pending": self.tr("cancelling at the period end"),
            "paused": self.tr("paused"),
            "cancelled": self.tr("cancelled"),
        }
        for row, line in enumerate(lines):
            blocks = ", ".join(
                f"{self.pool.itemText(POOLS.index(p))} × {q}" for p, q in line.next_blocks.items()
            )
            values = (
                line.kit_serial,
                line.label,
                statuses.get(line.status, line.status),
                line.product_id,
                self.money(line.monthly_price),
                line.pending_product or "",
                blocks,
            )
            for column, value in enumerate(values):
                self.line_table.setItem(row, column, _item(value))
        serials = [line.kit_serial for line in lines]
        if current in serials:
            self.line_table.selectRow(serials.index(current))
        self._update_buttons()

    def _line_selected(self) -> None:
        self._forget_preview()
        line = self.selected_line()
        if line is not None:
            self.quantity.setValue(line.next_blocks.get(self.pool.currentData(), 0))
        self._update_buttons()

    def add_line(self) -> None:
        account = self.selected_account()
        if account is None:
            return
        serial, product, counter = self.kit_serial.text(), self.product.currentData() or "", self.counter

        def added(_line: LineView) -> None:
            self.kit_serial.clear()
            self.load_accounts(account.code)

        self.call(lambda: corporate.add_line(counter, account.code, serial, product), added)

    def _forget_preview(self) -> None:
        self.preview = None
        self.preview_label.clear()
        self.confirm_button.setEnabled(False)

    def preview_change(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        product, counter = self.product.currentData() or "", self.counter
        self.call(
            lambda: corporate.preview_plan_change(counter, line.kit_serial, product), self._show_preview
        )

    def _show_preview(self, preview: PlanChangePreview) -> None:
        lang = current_language()
        kinds = {
            "upgrade": self.tr("Upgrade: immediate, prorated to the end of the period"),
            "downgrade": self.tr("Downgrade: from the start of the next cycle, nothing billed now"),
            "same_price": self.tr("Same price: immediate, the invoice does not change"),
        }
        effective = local_time_text(preview.effective_at, str(self.zone))
        lines = [
            f"{preview.old_product} → {preview.new_product}: {kinds[preview.kind]}",
            self.tr("Effective {when}").replace("{when}", effective),
        ]
        lines += [f"{self.money(c.amount)}   {c.text(lang)}" for c in preview.charges]
        lines.append(
            self.tr("Prorated amount on the next invoice (VAT excluded): {amount}").replace(
                "{amount}", self.money(preview.amount)
            )
        )
        self.preview_label.setText("\n".join(lines))
        self.preview = preview
        self._update_buttons()

    def confirm_change(self) -> None:
        preview = self.preview
        if preview is None:
            return
        counter = self.counter

        def confirmed(_result: PlanChangePreview) -> None:
            self._forget_preview()
            self.load_lines()

        self.call(
            lambda: corporate.change_plan(counter, preview.kit_serial, preview.new_product, preview.at),
            confirmed,
        )

    def ask(self, text: str) -> bool:
        """A yes/no question (tests replace it)."""
        answer = QMessageBox.question(self, self.windowTitle(), text)
        return answer == QMessageBox.StandardButton.Yes

    def line_action(self, action: str) -> None:
        line = self.selected_line()
        if line is None:
            return
        questions = {
            "pause": self.tr("Pause {serial}? It stays active until the end of the period."),
            "cancel": self.tr("Cancel {serial}? It stays active until the end of the period."),
            "reactivate": self.tr("Reactivate {serial}? It is billed prorated, like a new line."),
        }
        if not self.ask(questions[action].replace("{serial}", line.kit_serial)):
            return
        counter, serial = self.counter, line.kit_serial
        calls = {
            "pause": lambda: corporate.pause_line(counter, serial),
            "cancel": lambda: corporate.cancel_line(counter, serial),
            "reactivate": lambda: corporate.reactivate_line(counter, serial),
        }
        self.call(calls[action], lambda _line: self.load_lines())

    def change_blocks(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        pool, quantity, counter = self.pool.currentData(), self.quantity.value(), self.counter
        self.call(
            lambda: corporate.change_data_blocks(counter, line.kit_serial, pool, quantity),
            lambda _line: self.load_lines(),
        )

    # --- invoices ------------------------------------------------------------------------
    def load_invoices(self) -> None:
        counter = self.counter
        self.call(lambda: corporate.list_invoices(counter), self._show_invoices)

    def _show_invoices(self, invoices: list[InvoiceSummary]) -> None:
        self.invoices = invoices
        self.invoice_table.setRowCount(len(invoices))
        for row, invoice in enumerate(invoices):
            values = (
                invoice.number,
                invoice.company,
                date_text(invoice.invoice_date),
                date_text(invoice.due_date),
                self.money(invoice.total),
            )
            for column, value in enumerate(values):
                self.invoice_table.setItem(row, column, _item(value))
        if invoices and self.invoice_table.currentRow() < 0:
            self.invoice_table.selectRow(0)

    def run_invoices(self) -> None:
        chosen = self.run_date.date()
        run_date, counter = date(chosen.year(), chosen.month(), chosen.day()), self.counter

        def done(result: RunResult) -> None:
            self.run_label.setText(
                self.tr("{issued} issued, {already} already issued, {due} account(s) due")
                .replace("{issued}", str(len(result.issued)))
                .replace("{already}", str(result.already_issued))
                .replace("{due}", str(result.due_accounts))
            )
            self.load_invoices()

        self.call(lambda: corporate.invoices_run(counter, run_date), done)

    def show_invoice(self) -> None:
        row = self.invoice_table.currentRow()
        if not 0 <= row < len(self.invoices):
            return
        number, counter, language = self.invoices[row].number, self.counter, current_language()

        def shown(pdf: bytes) -> None:
            def rerender(_fmt: str, lang: str) -> None:
                self.worker.submit(
                    lambda: corporate.invoice_pdf(counter, number, language=lang),
                    dialog.show_pdf,
                    dialog.show_error,
                )

            dialog = PdfPreviewDialog(
                number,
                pdf,
                rerender,
                kind="invoice",
                fmt="a4",
                formats=("a4",),
                language=language,
                parent=self,
            )
            self.invoice_dialog = dialog
            dialog.open()

        self.call(lambda: corporate.invoice_pdf(counter, number, language=language), shown)
