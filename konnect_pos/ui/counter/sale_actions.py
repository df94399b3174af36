"""The sale itself: bundle buttons (1–9 add the first nine; the rest scroll, F6 lists them all),
the cart and its totals, payment (F9) and the receipt.

Every figure on screen is the services' preview of the cart (``checkout.preview_cart``), asked
again on each change; whether this counter may sell now is asked of the business day before
the payment dialog opens, so money is never taken for a sale that would be refused.
The receipt opens in the PDF preview right after the sale (and goes to the thermal printer
when one is set); a reprint from the customer's purchases is marked as a copy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from konnect_pos.services import business_day, catalog, checkout, receipts
from konnect_pos.services.catalog import BundleView
from konnect_pos.services.checkout import CartPreview, SaleResult
from konnect_pos.services.customer_service import CallerTerms
from konnect_pos.ui.cart_widget import CartWidget
from konnect_pos.ui.counter.bundle_advice import AdviceLine
from konnect_pos.ui.counter.caller_line import CallerLine
from konnect_pos.ui.counter.catalog_list import OPEN_KEY, CatalogListDialog
from konnect_pos.ui.counter.exchange_rate import RateLine
from konnect_pos.ui.counter.receipt_sending import SendReceiptButton
from konnect_pos.ui.i18n import data_text, error_text, money_text
from konnect_pos.ui.payment_dialog import PaymentDialog
from konnect_pos.ui.pdf_preview import PdfPreviewDialog
from konnect_pos.ui.timeline_widget import TimelineWidget

if TYPE_CHECKING:
    from konnect_pos.ui.counter.window import CounterWindow


class SaleActions(QObject):
    """Owns ``catalog_box`` and ``cart_box``, which the window lays out."""

    def __init__(self, window: CounterWindow) -> None:
        super().__init__(window)
        self.window = window
        self.bundles: list[BundleView] = []
        self.preview: CartPreview | None = None
        self.payment_dialog: PaymentDialog | None = None
        self.receipt_dialog: PdfPreviewDialog | None = None
        self.paid_dialog: PaymentDialog | None = None  # the last sale's, deleted when the next opens

        self.catalog_box = QGroupBox()
        self.catalog_page = QWidget()
        self.catalog_grid = QGridLayout(self.catalog_page)
        self.catalog_scroll = QScrollArea()  # three rows show; the rest of the catalog scrolls
        self.catalog_scroll.setWidgetResizable(True)
        self.catalog_scroll.setWidget(self.catalog_page)
        self.catalog_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.catalog_buttons: list[QPushButton] = []
        self.more_button = QPushButton()
        self.more_button.clicked.connect(self.open_catalog_list)
        self.catalog_list: CatalogListDialog | None = None
        catalog_layout = QVBoxLayout(self.catalog_box)
        catalog_layout.addWidget(self.catalog_scroll)
        catalog_layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignRight)
        QShortcut(QKeySequence(OPEN_KEY), window, self.open_catalog_list)

        self.cart = CartWidget()
        self.cart.changed.connect(self.refresh_cart)
        self.cart.add_requested.connect(self.add_nth)
        self.cart_error = QLabel()
        self.cart_error.setStyleSheet("color: #b91c1c")
        self.cart_error.setWordWrap(True)
        self.projection = TimelineWidget(window.outlet.zone)
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
        self.advice = AdviceLine(lambda: window.counter, window.worker, self.cart, window)  # F8 adds it
        self.caller = CallerLine(lambda: window.counter, window.worker, window)  # at a desk only
        self.caller.terms_changed.connect(self._caller_changed)
        self.catalog_country = ""
        cart_layout.addWidget(self.caller)
        cart_layout.addWidget(self.advice)
        cart_layout.addWidget(self.cart, 1)
        self.projection_label = QLabel()
        cart_layout.addWidget(self.projection_label)
        cart_layout.addWidget(self.projection)
        cart_layout.addWidget(self.cart_error)
        cart_layout.addWidget(self.subtotal_label)
        cart_layout.addWidget(self.vat_label)
        cart_layout.addWidget(self.total_label)
        self.rate_line = RateLine(lambda: self.window.counter, window.worker)
        cart_layout.addWidget(self.rate_line)
        cart_layout.addWidget(self.pay_button)

    def retranslate(self) -> None:
        self.catalog_box.setTitle(self.tr("Bundles (1–9)"))
        self.cart_box.setTitle(self.tr("Cart"))
        self.projection_label.setText(self.tr("The account after this sale:"))
        self.pay_button.setText(self.tr("Pay (F9)"))
        self.rate_line.retranslate()
        self.caller.retranslate()
        self.cart.retranslate()
        self.cart.show_preview(self.preview, money_text)  # amounts in the new language
        self._show_catalog(self.bundles)  # prices and data units in the new language
        self._show_totals()

    # --- catalog and cart ---------------------------------------------------------------
    def load_catalog(self, terms: CallerTerms | None = None) -> None:
        """The outlet's bundles, or at a desk the caller's country's (``terms``)."""
        counter = self.window.counter
        outlet = counter.terminal.outlet
        country, zone = (terms.country.code, terms.zone) if terms else (outlet.country.code, outlet.zone)
        self.catalog_country = country
        self.window.worker.submit(
            lambda: catalog.bundles_on_sale(counter, country, zone),
            self._show_catalog,
            self.show_error,
        )

    def _caller_changed(self, terms: CallerTerms | None) -> None:
        wanted = terms.country.code if terms else self.window.outlet.country.code
        if wanted != self.catalog_country:
            self.load_catalog(terms)

    def _show_catalog(self, bundles: list[BundleView]) -> None:
        self.bundles = bundles
        for button in self.catalog_buttons:
            button.deleteLater()
        self.catalog_buttons = []
        for index, bundle in enumerate(bundles):
            digit = f"{index + 1}. " if index < 9 else ""  # only 1–9 have a key
            button = QPushButton(
                f"{digit}{bundle.name}\n{data_text(bundle.data_gb)} · {money_text(bundle.price)}"
            )
            button.setMinimumHeight(56)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, n=index: self.add_nth(n))
            self.catalog_grid.addWidget(button, index // 3, index % 3)
            self.catalog_buttons.append(button)
        rows = min(3, (len(bundles) + 2) // 3) or 1
        spacing = self.catalog_grid.spacing()
        margins = self.catalog_grid.contentsMargins()
        self.catalog_scroll.setFixedHeight(
            rows * (56 + spacing) + margins.top() + margins.bottom() + 2 * self.catalog_scroll.frameWidth()
        )
        self.more_button.setText(
            self.tr("All bundles… (F6)")
            if len(bundles) <= 9
            else self.tr("All {count} bundles… (F6)").replace("{count}", str(len(bundles)))
        )

    def open_catalog_list(self) -> None:
        """F6: every bundle on sale in a list; Enter puts the chosen one in the cart."""
        if not self.window.account:
            self.cart_error.setText(self.tr("Find the customer first (F2)"))
            return
        dialog = CatalogListDialog(self.bundles, self._add_code, self.window)
        self.catalog_list = dialog
        dialog.open()

    def _add_code(self, code: str) -> None:
        self.cart.add(code)
        self.cart.setFocus()

    def add_nth(self, index: int) -> None:
        if not self.window.account:
            self.cart_error.setText(self.tr("Find the customer first (F2)"))
            return
        if 0 <= index < len(self.bundles):
            self.cart.add(self.bundles[index].code)
            self.cart.setFocus()

    def refresh_cart(self) -> None:
        self.cart_error.clear()
        window = self.window
        if not window.account or not self.cart.items:
            self.preview = None
            self.cart.show_preview(None, money_text)
            self.projection.set_timeline(window.panel.overview.timeline if window.panel.overview else None)
            self._show_totals()
            return
        counter, number, items = window.counter, window.account, list(self.cart.items)
        window.worker.submit(
            lambda: checkout.preview_cart(counter, number, items),
            lambda preview: self._show_preview(items, preview),
            self.show_error,
        )

    def _show_preview(self, items: list, preview: CartPreview) -> None:
        if items != self.cart.items:
            return  # the cart changed meanwhile; a newer preview is on its way
        self.preview = preview
        self.cart.show_preview(preview, money_text)
        self.projection.set_timeline(preview.timeline)
        self._show_totals()

    def show_error(self, error: Exception) -> None:
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

    # --- payment (F9) ---------------------------------------------------------------------
    def open_payment(self) -> None:
        if self.preview is None or not self.cart.items:
            self.cart_error.setText(self.tr("Add at least one bundle first"))
            return
        counter = self.window.counter  # the service decides whether this counter may sell now
        self.window.worker.submit(
            lambda: business_day.check_can_sell(counter), self._open_payment, self._refuse_sale
        )

    def _refuse_sale(self, error: Exception) -> None:
        self.show_error(error)
        self.window.refresh_day()

    def payment_for(self, amount) -> PaymentDialog:
        """The payment dialog for ``amount``, with this outlet's rules (a sale or a top-up)."""
        window = self.window
        outlet = window.outlet
        if self.paid_dialog is not None and not self.paid_dialog.isVisible():
            self.paid_dialog.deleteLater()  # a child of the window: kept for ever otherwise (issue 17)
        self.paid_dialog = None
        terms = self.caller.terms  # a desk: the caller's country's numbers, mobile money only
        dialog = PaymentDialog(
            amount,
            rules=terms.desk_rules if terms else checkout.payment_rules(outlet, self.rate_line.rate),
            merchant_numbers=terms.merchant_numbers if terms else outlet.merchant_numbers,
            customer_phone=window.customer_phone,
            parent=window,
        )
        self.payment_dialog = dialog
        return dialog

    def _open_payment(self, _state) -> None:
        if self.preview is None or not self.cart.items:
            return
        dialog = self.payment_for(self.preview.total)
        dialog.confirmed.connect(lambda tenders: self._sell(dialog, tenders))
        dialog.open()

    def _sell(self, dialog: PaymentDialog, tenders: list) -> None:
        window = self.window
        counter, number, items = window.counter, window.account, list(self.cart.items)

        def sold(result: SaleResult) -> None:
            dialog.accept()
            self.paid_dialog = dialog
            self.payment_dialog = None
            self.cart.clear_cart()
            window.sale_completed.emit(result)
            self.after_payment(result.receipt_number)

        def refused(error: Exception) -> None:
            dialog.show_error(error)
            self.rate_line.refresh()  # a new rate of the day is shown at once

        window.worker.submit(lambda: checkout.sell(counter, number, items, tenders), sold, refused)

    def after_payment(self, receipt_number: str) -> None:
        """A sale or a top-up was recorded: the customer's new state, then the receipt."""
        window = self.window
        window.load_customer()
        window.sync.refresh()
        self.show_receipt(receipt_number, copy=False)
        window.receipt_printer.after_sale(receipt_number)

    # --- receipts -----------------------------------------------------------------------
    def show_receipt(self, receipt_number: str, *, copy: bool) -> None:
        window = self.window
        counter, settings = window.counter, window.settings
        fmt = settings.receipt_format()
        language = None  # the sale's own language (customer's, else the outlet's)

        def shown(pdf: bytes) -> None:
            def render(new_fmt: str, new_language: str) -> None:
                window.worker.submit(
                    lambda: receipts.receipt_pdf(
                        counter, receipt_number, copy=copy, fmt=new_fmt, language=new_language
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
                parent=window,
            )
            earlier = self.receipt_dialog
            if earlier is not None and not earlier.isVisible():
                earlier.deleteLater()  # its rendered pages (~5 MB) went with it (issue 17)
            self.receipt_dialog = dialog
            window.receipt_printer.attach(dialog, receipt_number, copy=copy)
            SendReceiptButton(dialog, lambda: window.counter, window.worker, receipt_number)
            dialog.open()
            window.receipt_shown.emit(dialog)
            if settings.auto_print() and not copy and not window.receipt_printer.enabled():
                dialog.print_pdf(direct=True)

        window.worker.submit(
            lambda: receipts.receipt_pdf(counter, receipt_number, copy=copy, fmt=fmt, language=language),
            shown,
            self.show_error,
        )

    def _receipt_language(self) -> str:
        overview = self.window.panel.overview
        if overview and overview.customer.language:
            return overview.customer.language
        return self.window.outlet.language

    def reprint(self, receipt_number: str) -> None:
        self.show_receipt(receipt_number, copy=True)
