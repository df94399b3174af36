"""A top-up: money into the balance as a sale, then the engine's decision; what it did, read back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from konnect_pos.documents.receipt_data import ReceiptTopUp
from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.balance import EntryKind, Ledger, top_up
from konnect_pos.domain.errors import CurrencyMismatch, ValidationError
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.domain.payments import Tender
from konnect_pos.domain.roles import Right
from konnect_pos.services.checkout import commit_sale
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.plans.accounts import caught_up, event_day, load_account, store_outcome
from konnect_pos.services.plans.changes import plan_in_effect
from konnect_pos.services.plans.ledger import entry_values, row_entry
from konnect_pos.services.plans.terms import plan_terms
from konnect_pos.services.sale_journal import top_up_payload
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import BalanceEntry, Sale


@dataclass(frozen=True, slots=True)
class TopUpResult:
    receipt_number: str
    amount: Money
    balance: Money
    charged: Money
    change: Money
    outcome: engine.DayOutcome
    status: engine.ConnectPlusStatus


def parse_top_up(text: str | Money, currency: str) -> Money:
    if isinstance(text, Money):
        amount = text
        if amount.currency != currency:
            raise CurrencyMismatch(
                "This account's balance is in {currency}", field="amount", currency=currency
            )
    else:
        amount = Money(parse_amount(text), currency)
    if amount.amount <= 0:
        raise ValidationError("A top-up must be more than zero", field="amount")
    return amount


def top_up_balance(
    counter: Counter,
    account_number: str,
    amount: str | Money,
    tenders: Sequence[Tender],
    *,
    language: str | None = None,
) -> TopUpResult:
    """Money into the balance as a sale (receipt, payments, journal, outbox), then the engine's
    decision at once: renewed if the fee is covered, Connect+ if the daily fee is."""
    counter.require(Right.SELL)
    at = counter.clock()
    with write_transaction():
        account = load_account(account_number)
        day = event_day(account, counter.today())
        value = parse_top_up(amount, account.terms.currency)
        key = f"top-up:{new_uuid()}"
        credit = top_up(key, day, value, note="counter")
        outcome_box: list[engine.DayOutcome] = []

        def write(sale_id: int) -> tuple[list, dict[str, Any]]:
            current = caught_up(account, day, at, counter.terminal.id)
            row = BalanceEntry.create(**entry_values(account.customer.id, credit, at, sale_id))
            ledger = current.ledger.append(credit)
            outcome = engine.apply_top_up(current.terms, current.state, ledger.balance, day)
            store_outcome(current, outcome, at, counter.terminal.id)
            outcome_box.append(outcome)
            return [], top_up_payload(row)

        committed = commit_sale(
            counter, account.customer, value, Money.zero(value.currency), [*tenders], at,
            language=language, write_lines=write,
        )  # fmt: skip
    outcome = outcome_box[0]
    final = load_account(account_number)
    return TopUpResult(
        receipt_number=committed.receipt_number,
        amount=value,
        balance=final.ledger.balance,
        charged=committed.settlement.charged,
        change=committed.settlement.change,
        outcome=outcome,
        status=engine.status(final.terms, final.state, final.ledger.balance, day),
    )


def top_up_effect(sale: Sale) -> ReceiptTopUp | None:
    """What a top-up sale did, read back from the ledger rows written in its transaction
    (so a reprint months later still says what happened then); None for other sales."""
    credit = BalanceEntry.get_or_none(BalanceEntry.sale == sale)
    if credit is None:
        return None
    terms = plan_terms(plan_in_effect(credit.customer_id, date.fromisoformat(credit.day), credit.recorded_at))
    same_moment = BalanceEntry.select().where(
        (BalanceEntry.customer == credit.customer_id) & (BalanceEntry.recorded_at == credit.recorded_at)
    )
    written = [row_entry(entry) for entry in same_moment.order_by(BalanceEntry.id)]
    last_id = max(entry.id for entry in same_moment)
    through = BalanceEntry.select().where(
        (BalanceEntry.customer == credit.customer_id) & (BalanceEntry.id <= last_id)
    )
    balance_after = Ledger(
        terms.currency, tuple(row_entry(entry) for entry in through.order_by(BalanceEntry.id))
    )
    renewal = next((e for e in written if e.kind is EntryKind.PLAN_FEE and e.day == e.period_start), None)
    daily = next((e for e in written if e.kind is EntryKind.CONNECT_PLUS_FEE), None)
    return ReceiptTopUp(
        amount=Money.from_minor(credit.amount_minor, credit.currency),
        balance_after=balance_after.balance,
        plan_name=terms.name,
        renewed_until=renewal.period_end if renewal else None,
        connect_plus_fee=-daily.amount if daily and renewal is None else None,
    )
