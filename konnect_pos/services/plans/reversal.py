"""A voided or refunded top-up taken back out of the balance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from konnect_pos.domain.balance import EntryKind, adjustment
from konnect_pos.domain.errors import StateError
from konnect_pos.domain.money import Money
from konnect_pos.services.plans.ledger import entry_values, ledger_of
from konnect_pos.store.models import BalanceEntry, Customer, Sale


@dataclass(frozen=True, slots=True)
class TopUpReversal:
    account_number: str
    amount: Money  # taken back out of the balance (positive)
    balance_after: Money
    entry_key: str


def reversal_key(record_uuid: str) -> str:
    """The balance entry of a void or refund is named after that correction (one per record)."""
    return f"reversal:{record_uuid}"


def reverse_top_up(
    sale: Sale, amount: Money, record_uuid: str, what: str, day: date, at: Any
) -> TopUpReversal | None:
    """Take a voided or refunded top-up back out of the balance, in the caller's transaction.

    A new adjustment entry names the top-up it corrects; the top-up itself is never touched.
    Refused when the balance no longer holds the amount (the credit already paid a renewal or
    Connect+ days): giving back money the customer has used would be a loss. None for a sale
    that is not a top-up.
    """
    credit = BalanceEntry.get_or_none(
        (BalanceEntry.sale == sale.id) & (BalanceEntry.kind == EntryKind.TOP_UP.value)
    )
    if credit is None:
        return None
    customer = Customer.get_by_id(credit.customer_id)
    ledger = ledger_of(credit.customer_id, credit.currency)
    if amount > ledger.balance:
        raise StateError(
            "Only {balance} of this top-up is left in the balance of {account} (already spent on the plan or"
            " Connect+): {amount} cannot be given back",
            field="amount",
            balance=str(ledger.balance if ledger.balance.amount > 0 else Money.zero(ledger.currency)),
            account=customer.account_number,
            amount=str(amount),
        )
    entry = adjustment(
        reversal_key(record_uuid), day, -amount, f"{what} of {sale.receipt_number}", corrects=credit.entry_key
    )
    after = ledger.append(entry)
    BalanceEntry.create(**entry_values(credit.customer_id, entry, at))
    return TopUpReversal(customer.account_number, amount, after.balance, entry.key)
