"""Connect+ opt-in and opt-out at the counter (``*257*7#`` / ``*257*8#``)."""

from __future__ import annotations

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.roles import Right
from konnect_pos.services import journal
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.plans.accounts import caught_up, event_day, load_account, store_outcome
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction


def set_opt(counter: Counter, account_number: str, opted_in: bool) -> engine.ConnectPlusStatus:
    """``*257*7#`` / ``*257*8#`` at the counter, journaled with who did it."""
    counter.require(Right.SELL)
    at = counter.clock()
    with write_transaction():
        account = load_account(account_number)
        day = event_day(account, counter.today())
        if account.terms.connect_plus is None:
            raise ValidationError("Plan {plan} has no Connect+", field="plan", plan=account.terms.name)
        current = caught_up(account, day, at, counter.terminal.id)
        apply = engine.apply_opt_in if opted_in else engine.apply_opt_out
        outcome = apply(current.terms, current.state, current.ledger.balance, day)
        store_outcome(current, outcome, at, counter.terminal.id)
        journal.lock_terminal(counter.terminal.id)
        kind = "connect_plus_opt_in" if opted_in else "connect_plus_opt_out"
        journal.append(
            counter.terminal.id,
            kind,
            new_uuid(),
            at,
            {
                "customer": account.customer.account_number,
                "user": counter.user.username,
                "day": day.isoformat(),
            },
        )
    final = load_account(account_number)
    return engine.status(final.terms, final.state, final.ledger.balance, day)
