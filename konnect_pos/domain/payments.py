"""Payment rules at the counter, pure (RULES.md §1.7–1.8, §4).

Cash, mobile money (merchant number + the reference from the customer's SMS) and
card (approval code + last 4 digits only). Several tenders may pay one sale; the
non-cash ones never exceed what is due, cash settles the rest (rounded to the
smallest coin in use) and gets change.
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
    """Validate the tenders against what is due; refuse anything short of a full payment."""
    if channel not in CHANNELS:
        raise ValidationError("Unknown sales channel: {channel}", field="method", channel=channel)
    if not tenders:
        raise ValidationError("Add a payment", field="method")
    currency = due.currency
    steps = {**DEFAULT_CASH_STEPS, **(cash_steps or {})}
    electronic: list[SettledPayment] = []
    cash_given: list[Money] = []
    left = due
    seen_references: set[tuple[str, str]] = set()
    for tender in tenders:
        if isinstance(tender, CashTender):
            if channel == "customer_service":
                raise ValidationError("Customer Service takes mobile money only", field="method")
            _check_amount(tender.tendered, currency)
            cash_given.append(tender.tendered)
            continue
        _check_amount(tender.amount, currency)
        amount = tender.amount or left
        if amount.amount <= 0:
            raise ValidationError("The sale is already paid", field="amount")
        if amount > left:
            raise ValidationError(
                "Mobile money and card cannot pay more than is due ({due} left)",
                field="amount",
                due=left,
            )
        if isinstance(tender, MobileMoneyTender):
            if tender.provider not in PROVIDERS or tender.provider not in providers:
                raise ValidationError(
                    "{provider} is not offered at this outlet", field="provider", provider=tender.provider
                )
            reference = validate_reference(tender.provider, tender.reference)
            if (tender.provider, reference) in seen_references:
                raise ValidationError(
                    "Reference {reference} is given twice", field="reference", reference=reference
                )
            seen_references.add((tender.provider, reference))
            phone = normalize_phone(tender.phone, country)
            electronic.append(
                SettledPayment(
                    "mobile_money", amount, provider=tender.provider, reference=reference, phone=phone
                )
            )
        else:
            if channel == "customer_service":
                raise ValidationError("Customer Service takes mobile money only", field="method")
            if not accepts_card:
                raise ValidationError("This outlet does not take cards", field="method")
            refuse_card_numbers(tender.last4 or "", tender.approval_code or "")
            last4 = (tender.last4 or "").strip()
            if not re.fullmatch(r"[0-9]{4}", last4):
                raise ValidationError("Enter exactly the last 4 digits of the card", field="last4")
            approval = "".join((tender.approval_code or "").split()).upper()
            if not APPROVAL_PATTERN.fullmatch(approval):
                raise ValidationError("Approval code: 2 to 12 letters or digits", field="approval_code")
            electronic.append(SettledPayment("card", amount, approval_code=approval, last4=last4))
        left = left - amount
    rounding = Money.zero(currency)
    payments = list(electronic)
    change = Money.zero(currency)
    if cash_given:
        if not left:
            raise ValidationError("Nothing is left to pay in cash", field="amount")
        rounded = round_to_step(left, steps.get(currency, Decimal(0)))
        rounding = rounded - left
        tendered = money_sum(cash_given, currency)
        if tendered < rounded:
            raise ValidationError(
                "Not enough cash: {missing} more is needed", field="amount", missing=rounded - tendered
            )
        change = tendered - rounded
        if rounded:  # a remainder below half the smallest coin is rounded away: no cash row
            payments.append(SettledPayment("cash", rounded, tendered=tendered, change=change))
        left = Money.zero(currency)
    if left:
        raise ValidationError("Not fully paid: {left} still to pay", field="amount", left=left)
    return Settlement(due=due, rounding=rounding, payments=tuple(payments), change=change)


def remaining(due: Money, paid: Sequence[Money]) -> Money:
    """What is still to pay after the payments already added (never below zero)."""
    left = due - money_sum(list(paid), due.currency)
    return left if left.amount > 0 else Money.zero(due.currency)


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
