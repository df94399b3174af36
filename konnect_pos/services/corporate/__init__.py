"""Corporate accounts, their service lines and invoices: create and edit, plan changes with a
prorated preview, pause, cancel, reactivate, data blocks, overage, the invoice run and the §3.13
queries. The rules are in ``domain/corporate/``; managers only.

The use cases and the views they return are listed here, so callers write ``corporate.add_line``;
each lives in the module named for what it holds.
"""

from konnect_pos.services.corporate.accounts import create_account, edit_account, get_account, list_accounts
from konnect_pos.services.corporate.invoices import (
    InvoiceLineView,
    InvoiceSummary,
    InvoiceView,
    RunResult,
    get_invoice,
    invoice_pdf,
    invoices_run,
    list_invoices,
)
from konnect_pos.services.corporate.lines import (
    add_line,
    cancel_line,
    change_data_blocks,
    get_line,
    list_lines,
    pause_line,
    reactivate_line,
    record_overage,
)
from konnect_pos.services.corporate.plan_changes import change_plan, preview_plan_change
from konnect_pos.services.corporate.queries import available_products, line_periods
from konnect_pos.services.corporate.views import (
    AccountInput,
    AccountView,
    ChargeView,
    LineView,
    PartialPeriodView,
    PlanChangePreview,
    ProductView,
)

__all__ = [
    "AccountInput",
    "AccountView",
    "ChargeView",
    "InvoiceLineView",
    "InvoiceSummary",
    "InvoiceView",
    "LineView",
    "PartialPeriodView",
    "PlanChangePreview",
    "ProductView",
    "RunResult",
    "add_line",
    "available_products",
    "cancel_line",
    "change_data_blocks",
    "change_plan",
    "create_account",
    "edit_account",
    "get_account",
    "get_invoice",
    "get_line",
    "invoice_pdf",
    "invoices_run",
    "line_periods",
    "list_accounts",
    "list_invoices",
    "list_lines",
    "pause_line",
    "preview_plan_change",
    "reactivate_line",
    "record_overage",
]
