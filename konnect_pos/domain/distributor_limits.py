"""A distributor's float and credit limit, and every outlet's offline limits (issue 19, RULES.md §5).

Pure rules: what a sale consumes (its wholesale value), what a refund gives back, what is left of
the float, how far a terminal is into its offline allowance, and the refusals. The services feed
them stored rows and the counter's clock; decisions.md ("Distributors' money") says why each rule is so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from konnect_pos.domain.errors import StateError, ValidationError
from konnect_pos.domain.money import Money

# A warning is shown once this share of any offline limit is used.
WARN_SHARE = Decimal("0.8")


def wholesale_value(total: Money, commissions: list[Money]) -> Money:
    """What a sale consumes of the float: its price less the outlet's commission on its lines."""
    value = total
    for commission in commissions:
        value = value - commission
    return value


def refund_give_back(consumed: Money, paid: Money, refunded_before: Money, refunded: Money) -> Money:
    """The float a refund of ``refunded`` gives back, after refunds of ``refunded_before`` on a sale
    that consumed ``consumed`` and was paid ``paid``: the refunded money's share of the consumed
    float, rounded half-up to the minor unit on the cumulated share. Refunds never exceed what was
    paid, so all of a sale's refunds give back at most, and once the whole payment is refunded
    exactly, what it consumed. Integer minor units with a remainder: no division is rounded."""
    if not paid:
        return Money.zero(consumed.currency)
    whole, base = consumed.to_minor(), paid.to_minor()

    def share(amount: Money) -> int:
        quotient, remainder = divmod(whole * amount.to_minor(), base)
        return quotient + (2 * remainder >= base)

    return Money.from_minor(share(refunded_before + refunded) - share(refunded_before), consumed.currency)


@dataclass(frozen=True, slots=True)
class FloatPosition:
    """An outlet's float as last pulled from HQ, less the sales HQ had not counted yet."""

    credit_limit: Money
    topped_up: Money  # every float top-up HQ recorded (the distributor's payments to Konnect)
    used: Money  # the wholesale value of every sale HQ had received
    used_since: Money  # this database's sales HQ had not received then, less what voids and refunds gave back

    @property
    def balance(self) -> Money:
        """Paid in less used: negative while the distributor sells on credit."""
        return self.topped_up - self.used - self.used_since

    @property
    def left(self) -> Money:
        """What may still be sold (at wholesale value): the balance plus the credit limit."""
        return self.balance + self.credit_limit


def check_float(position: FloatPosition, wholesale: Money) -> None:
    """Refuse a sale that would take the outlet past its float and credit limit."""
    if wholesale.currency != position.left.currency:
        raise ValidationError(
            "This outlet's float is kept in {currency}; a sale in {sale_currency} cannot be taken from it",
            field="float",
            currency=position.left.currency,
            sale_currency=wholesale.currency,
        )
    if wholesale > position.left:
        left = position.left if not position.left.is_negative else Money.zero(wholesale.currency)
        raise StateError(
            "This sale needs {needed} of float but only {left} is left: "
            "the distributor must top up the float",
            field="float",
            needed=wholesale,
            left=left,
        )


@dataclass(frozen=True, slots=True)
class OfflineLimits:
    """Set per outlet at HQ; a limit left out (None) does not apply."""

    days: int | None
    sales: int | None
    amount: Money | None


@dataclass(frozen=True, slots=True)
class OfflineUse:
    """How much the terminal sold since it last reached HQ (or since a manager's override)."""

    since: datetime
    sales: int
    amount: Money | None  # in the limits' currency; None when no amount limit is set


@dataclass(frozen=True, slots=True)
class OfflineState:
    limits: OfflineLimits
    use: OfflineUse
    at: datetime

    @property
    def elapsed(self) -> timedelta:
        return max(self.at - self.use.since, timedelta(0))

    @property
    def days_left(self) -> Decimal | None:
        if self.limits.days is None:
            return None
        left = timedelta(days=self.limits.days) - self.elapsed
        return max(Decimal(left.total_seconds()) / Decimal(86400), Decimal(0)).quantize(Decimal("0.1"))

    @property
    def sales_left(self) -> int | None:
        return None if self.limits.sales is None else max(self.limits.sales - self.use.sales, 0)

    @property
    def amount_left(self) -> Money | None:
        if self.limits.amount is None or self.use.amount is None:
            return None
        left = self.limits.amount - self.use.amount
        return left if not left.is_negative else Money.zero(left.currency)

    @property
    def warning(self) -> bool:
        """At least one limit is 80 % used: the counter says so before selling is refused."""
        shares = []
        if self.limits.days is not None:
            shares.append(Decimal(self.elapsed.total_seconds()) / Decimal(self.limits.days * 86400))
        if self.limits.sales is not None:
            shares.append(Decimal(self.use.sales) / Decimal(self.limits.sales))
        if self.limits.amount is not None and self.use.amount is not None:
            shares.append(self.use.amount.amount / self.limits.amount.amount)
        return any(share >= WARN_SHARE for share in shares)


def check_offline(state: OfflineState, sale_total: Money) -> None:
    """Refuse a sale past the outlet's offline limits: a sync (or a manager's override) lifts it."""
    limits, use = state.limits, state.use
    if limits.days is not None and state.elapsed > timedelta(days=limits.days):
        raise StateError(
            "This terminal has not reached headquarters for more than {days} day(s): sync it, "
            "or a manager overrides the offline limit",
            field="offline",
            days=limits.days,
        )
    if limits.sales is not None and use.sales + 1 > limits.sales:
        raise StateError(
            "This terminal has made {sales} sale(s) since it last reached headquarters, its offline limit: "
            "sync it, or a manager overrides the offline limit",
            field="offline",
            sales=limits.sales,
        )
    if limits.amount is not None and use.amount is not None and sale_total.currency == limits.amount.currency:
        left = limits.amount - use.amount
        if sale_total > left:
            raise StateError(
                "Only {left} may still be sold before this terminal reaches headquarters: sync it, "
                "or a manager overrides the offline limit",
                field="offline",
                left=left if not left.is_negative else Money.zero(left.currency),
            )
