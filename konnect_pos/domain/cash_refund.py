"""Cash handed back by a refund, in the currencies the sale's cash came in (DRC: dollars and francs).

A sale priced in USD may have been paid in CDF cash. Refunding it in dollars would take from the
drawer dollars it never received, and the count at close would be short in one currency and over
in the other. The rule (decisions.md "Business day, drawer, voids and refunds"):

- Cash goes back in the sale's own currency first, up to the cash the sale took in it and not yet
  handed back; then in the other currency, up to the value its cash paid of the sale, at the rate
  the sale took it (the customer gets back the share of what they handed over, whatever today's
  rate); anything beyond both (a card or mobile-money payment refunded in cash) in the sale's
  currency.
- The other currency's amount is taken on the cumulated share and rounded to its cash step, so the
  refunds of a sale hand back, in all, exactly the francs it kept once its whole value is refunded,
  and never more. Integer minor units: no division is rounded before the last step.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from konnect_pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class CashTaken:
    """A sale's cash in one currency: ``kept`` in that currency (what its cash rows contribute,
    change deducted), worth ``value`` of the sale (in the sale's currency)."""

    kept: Money
    value: Money


@dataclass(frozen=True, slots=True)
class CashBack:
    """What a cash refund hands over: ``own`` in the sale's currency and, when some goes back in
    the other currency, ``other`` worth ``other_value`` of the refund."""

    own: Money
    other: Money | None = None
    other_value: Money | None = None

    @property
    def handed(self) -> tuple[Money, ...]:
        """The notes to count out, per currency (the sale's first), none of zero."""
        return tuple(m for m in (self.own, self.other) if m is not None and m.amount != 0) or (self.own,)


def cash_back(
    value: Money,
    own_room: Money,
    other: CashTaken | None,
    other_back: CashTaken | None,
    step: Decimal,
) -> CashBack:
    """How a cash refund of ``value`` (in the sale's currency) is handed over.

    ``own_room``: the sale's cash in its own currency not yet handed back. ``other``: the sale's
    cash in the other currency (None: it took none); ``other_back``: what earlier refunds handed
    back of it (None: nothing). ``step``: the other currency's cash step (CDF: 50)."""
    own = min(value, max(own_room, Money.zero(value.currency)))
    rest = value - own
    if other is None or not rest:
        return CashBack(value)
    back_value = other_back.value if other_back else Money.zero(value.currency)
    back_kept = other_back.kept if other_back else Money.zero(other.kept.currency)
    settles = min(rest, max(other.value - back_value, Money.zero(value.currency)))
    if not settles:
        return CashBack(value)
    handed = _share(other, back_value + settles, step) - back_kept
    return CashBack(value - settles, handed, settles)


def _share(taken: CashTaken, value: Money, step: Decimal) -> Money:
    """The other currency's cash for ``value`` of the sale: ``kept`` × value / its whole value,
    rounded half-up once, to the cash step (all of its value: exactly ``kept``)."""
    kept, whole = taken.kept.to_minor(), taken.value.to_minor()
    unit = max(1, int(step / _minor_unit(taken.kept)))
    exact = Decimal(kept * value.to_minor()) / Decimal(whole * unit)
    steps = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return Money.from_minor(min(steps * unit, kept), taken.kept.currency)  # kept off the step: no more


def _minor_unit(money: Money) -> Decimal:
    return Money.from_minor(1, money.currency).amount
