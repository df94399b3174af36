"""Payment rules at the counter, pure (RULES.md §1.7–1.8, §4).

Cash, mobile money (merchant number + the reference from the customer's SMS) and
card (approval code + last 4 digits only). Several tenders may pay one sale; the
non-cash ones never exceed what is due, the one left without an amount takes what the
others leave, else cash settles the rest (rounded to the smallest coin in use) and gets
change. ``allocate`` shares the amount due the same way in whatever order the tenders
come, and the payment dialog shows exactly what ``settle`` records.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from konnect_pos.domain.countries import PROVIDERS, provider
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.money import Money, money_sum, parse_amount, round_to_step
from konnect_pos.domain.phones import normalize_phone

DEFAULT_CASH_STEPS: dict[str, Decimal] = {
    "TZS": Decimal(50),  # smallest TZS coin in use
    "CDF": Decimal(50),  # no CDF coins; 50 FC is the smallest common note
    "XOF": Decimal(5),
    "XAF": Decimal(5),
    "USD": Decimal("0.01"),
}
CHANNELS = ("shop", "distributor", "customer_service")
APPROVAL_PATTERN = re.compile(r"[A-Z0-9]{2,12}")
FULL_CARD_NUMBER = re.compile(r"(?:\d[ -]?){12,18}\d")


@dataclass(frozen=True, slots=True)
class CashTender:
    tendered: Money


@dataclass(frozen=True, slots=True)
class MobileMoneyTender:
    provider: str
    reference: str
    phone: str
    amount: Money | None = None  # None: whatever remains


@dataclass(frozen=True, slots=True)
class CardTender:
    approval_code: str
    last4: str
    amount: Money | None = None


Tender = CashTender | MobileMoneyTender | CardTender


@dataclass(frozen=True, slots=True)
class SettledPayment:
    method: str  # cash | mobile_money | card
    amount: Money  # what this payment contributes to the sale
    tendered: Money | None = None
    change: Money | None = None
    provider: str | None = None
    reference: str | None = None
    phone: str | None = None
    approval_code: str | None = None
    last4: str | None = None


@dataclass(frozen=True, slots=True)
class Settlement:
    due: Money
    rounding: Money  # cash rounding adjustment (charged = due + rounding)
    payments: tuple[SettledPayment, ...]
    change: Money

    @property
    def charged(self) -> Money:
        return self.due + self.rounding

    @property
    def paid(self) -> Money:
        return money_sum([p.amount for p in self.payments], self.due.currency)


def refuse_card_numbers(*values: str) -> None:
    """Anything that looks like a full card number is refused and never echoed back."""
    for value in values:
        if value and FULL_CARD_NUMBER.search(value):
            raise ValidationError(
                "That looks like a full card number: never type it. Enter only the last 4 digits",
                field="last4",
            )


def validate_reference(provider_code: str, text: str) -> str:
    """The reference normalised (spaces removed; M-Pesa upper-cased) or a clear error."""
    spec = provider(provider_code)
    reference = "".join((text or "").split())
    if provider_code == "mpesa":
        reference = reference.upper()
    if not reference:
        raise ValidationError("Enter the transaction reference from the SMS", field="reference")
    if not re.fullmatch(spec.reference_pattern, reference):
        raise ValidationError(
            "{reference} is not a valid {provider} reference ({rule})",
            field="reference",
            reference=reference[:40],
            provider=spec.name,
            rule=spec.reference_rule,
        )
    return reference


def _check_amount(amount: Money | None, currency: str) -> None:
    if amount is None:
        return
    if amount.currency != currency:
        raise ValidationError(
            "This sale is in {expected}; a payment in {given} is not accepted",
            field="currency",
            expected=currency,
            given=amount.currency,
        )
    if amount.amount <= 0:
        raise ValidationError("A payment must be more than zero", field="amount")


@dataclass(frozen=True, slots=True)
class PaymentRules:
    """What an outlet takes. The payment dialog offers ``methods`` and ``settle`` refuses the
    rest, so the rule ("Customer Service takes mobile money only") is decided here once."""

    channel: str
    country: str
    providers: tuple[str, ...]
    accepts_card: bool
    cash_steps: tuple[tuple[str, Decimal], ...] = ()

    @property
    def methods(self) -> tuple[str, ...]:
        """The methods offered, in the order the counter shows them."""
        counter_sale = self.channel != "customer_service"
        offered = (
            ("cash", counter_sale),
            ("mobile_money", bool(self.providers)),
            ("card", counter_sale and self.accepts_card),
        )
        return tuple(method for method, ok in offered if ok)

    @property
    def steps(self) -> dict[str, Decimal]:
        return {**DEFAULT_CASH_STEPS, **dict(self.cash_steps)}


@dataclass(frozen=True, slots=True)
class Allocation:
    """What each payment contributes, as the sale will record it; ``left`` is still to pay.

    The payments are the non-cash ones in the order given, then one cash row for all the
    cash handed over. It does not depend on the order the tenders were entered in.
    """

    due: Money
    payments: tuple[SettledPayment, ...]
    rounding: Money
    change: Money
    left: Money
    cash_given: bool


def _method(tender: Tender) -> str:
    if isinstance(tender, CashTender):
        return "cash"
    return "mobile_money" if isinstance(tender, MobileMoneyTender) else "card"


def _settled(tender: MobileMoneyTender | CardTender, amount: Money) -> SettledPayment:
    if isinstance(tender, MobileMoneyTender):
        return SettledPayment(
            "mobile_money", amount, provider=tender.provider, reference=tender.reference, phone=tender.phone
        )
    return SettledPayment("card", amount, approval_code=tender.approval_code, last4=tender.last4)


def allocate(due: Money, tenders: Sequence[Tender], rules: PaymentRules) -> Allocation:
    """Share ``due`` among the tenders, complete or not (the dialog shows this as it is built).

    Non-cash tenders with an amount pay that amount; the one tender without an amount pays what
    the others leave, cash counted at what was handed over (so it never needs change); with no
    such tender, cash settles the rest rounded to the smallest coin and gets the change.
    """
    currency = due.currency
    for tender in tenders:
        _check_amount(tender.tendered if isinstance(tender, CashTender) else tender.amount, currency)
    open_ended = [t for t in tenders if not isinstance(t, CashTender) and t.amount is None]
    if len(open_ended) > 1:
        raise ValidationError("Only one payment can be left without an amount", field="amount")
    fixed = Money.zero(currency)
    for tender in tenders:
        if isinstance(tender, CashTender) or tender.amount is None:
            continue
        if fixed + tender.amount > due:
            raise ValidationError(
                "Mobile money and card cannot pay more than is due ({due} left)",
                field="amount",
                due=due - fixed,
            )
        fixed = fixed + tender.amount
    cash = [t.tendered for t in tenders if isinstance(t, CashTender)]
    tendered = money_sum(cash, currency)
    rest = due - fixed
    zero = Money.zero(currency)
    rounding, change, left, cash_paid = zero, zero, zero, tendered
    share = zero
    if open_ended:
        share = rest - tendered
        if share.amount <= 0:
            raise ValidationError(
                "The sale is already paid"
                if not cash
                else "Cash already pays the rest: give the other payment an amount",
                field="amount",
            )
    elif cash:
        if not rest:
            raise ValidationError("Nothing is left to pay in cash", field="amount")
        rounded = round_to_step(rest, rules.steps.get(currency, Decimal(0)))
        if tendered >= rounded:
            rounding, change, cash_paid = rounded - rest, tendered - rounded, rounded
        else:
            left = rounded - tendered
    else:
        left = rest
    payments = [
        _settled(t, t.amount if t.amount is not None else share)
        for t in tenders
        if not isinstance(t, CashTender)
    ]
    if cash and cash_paid:  # a remainder below half the smallest coin is rounded away: no cash row
        payments.append(SettledPayment("cash", cash_paid, tendered=tendered, change=change))
    return Allocation(due, tuple(payments), rounding, change, left, bool(cash))


def check_tender(rules: PaymentRules, tender: Tender, earlier: Sequence[Tender] = ()) -> Tender:
    """The tender with its reference, phone and card details checked and normalised, or a
    clear error; ``earlier`` are the tenders already accepted (a reference counts once)."""
    method = _method(tender)
    if method not in rules.methods:
        if rules.channel == "customer_service":
            raise ValidationError("Customer Service takes mobile money only", field="method")
        if method == "card":
            raise ValidationError("This outlet does not take cards", field="method")
    if isinstance(tender, CashTender):
        return tender
    if isinstance(tender, MobileMoneyTender):
        if tender.provider not in PROVIDERS or tender.provider not in rules.providers:
            raise ValidationError(
                "{provider} is not offered at this outlet", field="provider", provider=tender.provider
            )
        reference = validate_reference(tender.provider, tender.reference)
        if any(
            isinstance(t, MobileMoneyTender) and (t.provider, t.reference) == (tender.provider, reference)
            for t in earlier
        ):
            raise ValidationError(
                "Reference {reference} is given twice", field="reference", reference=reference
            )
        phone = normalize_phone(tender.phone, rules.country)
        return MobileMoneyTender(tender.provider, reference, phone, tender.amount)
    refuse_card_numbers(tender.last4 or "", tender.approval_code or "")
    last4 = (tender.last4 or "").strip()
    if not re.fullmatch(r"[0-9]{4}", last4):
        raise ValidationError("Enter exactly the last 4 digits of the card", field="last4")
    approval = "".join((tender.approval_code or "").split()).upper()
    if not APPROVAL_PATTERN.fullmatch(approval):
        raise ValidationError("Approval code: 2 to 12 letters or digits", field="approval_code")
    return CardTender(approval, last4, tender.amount)


def check_tenders(rules: PaymentRules, tenders: Sequence[Tender]) -> list[Tender]:
    checked: list[Tender] = []
    for tender in tenders:
        checked.append(check_tender(rules, tender, checked))
    return checked


def settle_under(rules: PaymentRules, due: Money, tenders: Sequence[Tender]) -> Settlement:
    """Validate the tenders and refuse anything short of a full payment; the payments are
    exactly ``allocate``'s, which the payment dialog showed."""
    if rules.channel not in CHANNELS:
        raise ValidationError("Unknown sales channel: {channel}", field="method", channel=rules.channel)
    if not tenders:
        raise ValidationError("Add a payment", field="method")
    allocation = allocate(due, check_tenders(rules, tenders), rules)
    if allocation.left and allocation.cash_given:
        raise ValidationError(
            "Not enough cash: {missing} more is needed", field="amount", missing=allocation.left
        )
    if allocation.left:
        raise ValidationError("Not fully paid: {left} still to pay", field="amount", left=allocation.left)
    return Settlement(
        due=due, rounding=allocation.rounding, payments=allocation.payments, change=allocation.change
    )


def settle(
    due: Money,
    tenders: Sequence[Tender],
    *,
    channel: str,
    country: str,
    providers: Sequence[str],
    accepts_card: bool,
    cash_steps: Mapping[str, Decimal] | None = None,
) -> Settlement:
    """``settle_under`` with the outlet's rules given one by one."""
    rules = PaymentRules(channel, country, tuple(providers), accepts_card, tuple((cash_steps or {}).items()))
    return settle_under(rules, due, tenders)


def quick_cash_amounts(left: Money, cash_steps: Mapping[str, Decimal] | None = None) -> list[Money]:
    """Exact (rounded to the cash step), then the next round amounts people hand over."""
    steps = {**DEFAULT_CASH_STEPS, **(cash_steps or {})}
    exact = round_to_step(left, steps.get(left.currency, Decimal(0)))
    result = [exact]
    unit = Decimal(1) if exact.amount < 100 else Decimal(1000) if exact.amount >= 10_000 else Decimal(100)
    for multiple in (unit, unit * 5, unit * 10, unit * 50):
        value = (exact.amount / multiple).to_integral_value(rounding="ROUND_CEILING") * multiple
        candidate = Money(value.quantize(exact.amount), left.currency) if value != exact.amount else None
        if candidate is not None and candidate not in result:
            result.append(candidate)
    return result[:4]


def parse_tender_spec(text: str, currency: str) -> Tender:
    """CLI syntax: ``cash:AMOUNT``, ``mobile:PROVIDER:REFERENCE:PHONE[:AMOUNT]``,
    ``card:APPROVAL:LAST4[:AMOUNT]``."""
    parts = (text or "").split(":")
    kind = parts[0].strip().lower()

    def amount(value: str) -> Money:
        return Money(parse_amount(value), currency)

    if kind == "cash" and len(parts) == 2:
        return CashTender(amount(parts[1]))
    if kind == "mobile" and len(parts) in (4, 5):
        return MobileMoneyTender(
            parts[1].strip().lower(), parts[2], parts[3], amount(parts[4]) if len(parts) == 5 else None
        )
    if kind == "card" and len(parts) in (3, 4):
        return CardTender(parts[1], parts[2], amount(parts[3]) if len(parts) == 4 else None)
    refuse_card_numbers(text or "")
    raise ValidationError(
        "Payment {spec} not understood: use cash:AMOUNT, mobile:PROVIDER:REFERENCE:PHONE[:AMOUNT] "
        "or card:APPROVAL:LAST4[:AMOUNT]",
        field="method",
        spec=(text or "")[:40],
    )
