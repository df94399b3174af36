"""What the Managers menu and a sale's corrections open: the business day, X/Z reports, audit
trail, users, cash in/out, corporate accounts, HQ's sync conflicts, and void/refund.

Each action opens its dialog and hands its requests to a service on the database worker; who may
do what (and whether a manager must approve) is the services' and the domain's decision, so a
dialog only asks for an approval where the signed-in user lacks the right.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from konnect_pos.domain.roles import Right, can
from konnect_pos.services import audit, business_day, commissions, corrections, daily_report, users
from konnect_pos.services.sync import client as sync_client
from konnect_pos.ui.approval_widget import approving_user
from konnect_pos.ui.commission_dialog import CommissionDialog
from konnect_pos.ui.corporate_window import CorporateWindow
from konnect_pos.ui.correction_dialog import CorrectionDialog
from konnect_pos.ui.day_dialog import DayDialog
from konnect_pos.ui.manager_dialogs import AuditDialog, CashMovementDialog, UsersDialog
from konnect_pos.ui.pdf_preview import PdfPreviewDialog
from konnect_pos.ui.sync_status import ConflictsDialog

if TYPE_CHECKING:
    from konnect_pos.ui.counter.window import CounterWindow


class ManagerActions(QObject):
    """One method per menu entry; the dialog last opened by each is kept as an attribute."""

    def __init__(self, window: CounterWindow) -> None:
        super().__init__(window)
        self.window = window
        self.day_dialog: DayDialog | None = None
        self.report_dialog: PdfPreviewDialog | None = None
        self.audit_dialog: AuditDialog | None = None
        self.users_dialog: UsersDialog | None = None
        self.cash_dialog: CashMovementDialog | None = None
        self.correction_dialog: CorrectionDialog | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.corporate_window: CorporateWindow | None = None
        self.commission_dialog: CommissionDialog | None = None

    # --- the business day (Ctrl+D) and its X/Z report (Ctrl+R) ------------------------------
    def open_day_dialog(self) -> None:
        counter = self.window.counter
        self.window.worker.submit(
            lambda: business_day.close_form(counter), self._show_day_dialog, self.window.sale.show_error
        )

    def _show_day_dialog(self, form) -> None:
        window = self.window
        counter, clock, outlet = window.counter, window.counter.clock, window.outlet
        dialog = DayDialog(
            form,
            outlet.country.currencies,
            outlet.zone,
            window.worker,
            needs_approval=not can(counter.user.role, Right.OPEN_CLOSE_DAY),
            parent=window,
        )

        def approver(approval):
            return approving_user(approval, clock)

        def done(_result) -> None:
            dialog.accept()
            window.refresh_day()
            if isinstance(_result, business_day.CloseResult):
                window.backup_status.day_closed(_result.backup)

        def closed(result) -> None:
            done(result[0])
            self.show_daily_report(result[0].business_date, approver=result[1])  # the Z, right after

        def close(counts, comment, approval):
            signed = approver(approval)
            return business_day.close_day(counter, counts, comment=comment, approver=signed), signed

        dialog.open_requested.connect(
            lambda floats, approval: window.worker.submit(
                lambda: business_day.open_day(counter, floats, approver=approver(approval)),
                done,
                dialog.show_error,
            )
        )
        dialog.review_requested.connect(
            lambda counts: window.worker.submit(
                lambda: business_day.review_close(counter, counts), dialog.show_summary, dialog.show_error
            )
        )
        dialog.close_requested.connect(
            lambda counts, comment, approval: window.worker.submit(
                lambda: close(counts, comment, approval), closed, dialog.show_error
            )
        )
        self.day_dialog = dialog
        dialog.open()

    def show_daily_report(self, day=None, *, approver=None) -> None:
        """X report of today (Z once closed; ``day``: the one just closed), in the outlet's language."""
        window = self.window
        counter = window.counter
        today = day or counter.today()

        def render(fmt: str, language: str) -> bytes:
            return daily_report.daily_report_pdf(
                counter, today, language=language, fmt=fmt, approver=approver
            )

        def shown(pdf: bytes) -> None:
            def rerender(fmt: str, language: str) -> None:
                window.worker.submit(lambda: render(fmt, language), dialog.show_pdf, dialog.show_error)

            dialog = PdfPreviewDialog(
                str(today), pdf, rerender, kind="report", fmt="a4", language=language, parent=window
            )
            self.report_dialog = dialog
            dialog.open()

        language = window.outlet.language
        window.worker.submit(lambda: render("a4", language), shown, window.sale.show_error)

    # --- the commission statement (Ctrl+Shift+C) ---------------------------------------------
    def open_commissions(self) -> None:
        """The outlet's commissions over a period, and its A4 PDF (issue 19 item 2)."""
        window = self.window
        counter = window.counter
        dialog = CommissionDialog(counter.today(), window)
        self.commission_dialog = dialog

        def load(first, last) -> None:
            window.worker.submit(
                lambda: commissions.statement(counter, first, last), dialog.show_statement, dialog.show_error
            )

        def pdf(first, last) -> None:
            language = window.outlet.language

            def render(language: str) -> bytes:
                from konnect_pos.documents import commission_pdf  # reportlab, loaded when asked

                return commission_pdf.render_commission_statement(
                    commissions.statement(counter, first, last), language
                )

            def shown(document: bytes) -> None:
                def rerender(_fmt: str, chosen: str) -> None:
                    window.worker.submit(lambda: render(chosen), preview.show_pdf, preview.show_error)

                preview = PdfPreviewDialog(
                    f"{first}-{last}", document, rerender, kind="report", fmt="a4", language=language,
                    formats=("a4",), parent=dialog,
                )  # fmt: skip
                self.report_dialog = preview
                preview.open()

            window.worker.submit(lambda: render(language), shown, dialog.show_error)

        dialog.requested.connect(load)
        dialog.pdf_requested.connect(pdf)
        dialog.open()
        load(*dialog.period())

    # --- void and refund of a sale (from the customer's purchases) ---------------------------
    def open_correction(self, receipt_number: str) -> None:
        window = self.window
        counter = window.counter
        needs_approval = not (can(counter.user.role, Right.VOID) and can(counter.user.role, Right.REFUND))
        overview = window.panel.overview
        paid = next((p.methods for p in overview.purchases if p.receipt_number == receipt_number), ())
        dialog = CorrectionDialog(
            receipt_number, window.worker, needs_approval=needs_approval, methods=paid, parent=window
        )

        def done(show):
            def shown(result) -> None:
                show(result)  # the dialog says what was reversed; Enter closes it
                window.load_customer()
                window.sync.refresh()
                window.float_status.refresh()  # a void or refund gives a distributor's float back

            return shown

        dialog.void_requested.connect(
            lambda reason, remove, approval: window.worker.submit(
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
            lambda amount, reason, method, approval: window.worker.submit(
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

    # --- audit (Ctrl+J), cash movements (Ctrl+M), users (Ctrl+U) ------------------------------
    def open_audit(self) -> None:
        """Who did what and when (Ctrl+J), for managers; filter by user and action."""
        window = self.window
        counter = window.counter
        dialog = AuditDialog(window.outlet.zone, window)

        def load(user: str = "", kind: str = "") -> None:
            window.worker.submit(
                lambda: audit.audit_trail(counter, user=user or None, kind=kind or None),
                dialog.show_rows,
                dialog.show_error,
            )

        dialog.filter_changed.connect(load)
        self.audit_dialog = dialog
        dialog.open()
        load()

    def open_cash_movement(self) -> None:
        window = self.window
        counter = window.counter
        dialog = CashMovementDialog(
            window.outlet.country.currencies,
            window.worker,
            needs_approval=not can(counter.user.role, Right.CASH_MOVEMENTS),
            parent=window,
        )

        def record(direction: str, amount: str, currency: str, reason: str, approval) -> None:
            def call():
                approver = approving_user(approval, counter.clock)
                return business_day.cash_movement(
                    counter, direction, amount, currency, reason, approver=approver
                )

            window.worker.submit(call, lambda _moved: dialog.accept(), dialog.show_error)

        dialog.requested.connect(record)
        self.cash_dialog = dialog
        dialog.open()

    def open_users(self) -> None:
        """Users (Ctrl+U): managers unlock; administrators add, deactivate and reset PINs."""
        window = self.window
        counter = window.counter
        dialog = UsersDialog(can_manage=can(counter.user.role, Right.MANAGE_USERS), parent=window)

        def reload(_result: object = None) -> None:
            window.worker.submit(lambda: users.list_users(counter), dialog.show_users, dialog.show_error)

        def act(action: str, username: str, fields: dict) -> None:
            calls = {
                "add": lambda: users.add_user(
                    counter, username, fields["full_name"], fields["role"], fields["pin"]
                ),
                "reset_pin": lambda: users.reset_pin(counter, username, fields["pin"]),
                "deactivate": lambda: users.deactivate_user(counter, username),
                "unlock": lambda: users.unlock_user(counter, username),
            }
            window.worker.submit(calls[action], reload, dialog.show_error)

        dialog.action_requested.connect(act)
        self.users_dialog = dialog
        dialog.open()
        reload()

    # --- corporate accounts (Ctrl+B) and HQ's conflicts (Ctrl+K) -----------------------------
    def open_corporate(self) -> None:
        """Corporate accounts, service lines and invoices (Ctrl+B, managers)."""
        window = self.window
        if not window.menus.allowed(Right.CORPORATE_BILLING):
            return
        self.corporate_window = CorporateWindow(window.counter, window.worker, window)
        self.corporate_window.open()

    def open_conflicts(self) -> None:
        """HQ's conflicts for this outlet (Ctrl+K, managers)."""
        window = self.window
        counter = window.counter
        dialog = ConflictsDialog(window.outlet.zone, window)
        self.conflicts_dialog = dialog
        dialog.open()
        window.sync.worker.submit(
            lambda: sync_client.hq_conflicts(counter), dialog.show_rows, dialog.show_error
        )
