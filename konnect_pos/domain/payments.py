"""Payment rules at the counter, pure (RULES.md §1.7–1.8, §4).

Cash, mobile money (merchant number + the reference from the customer's SMS) and
card (approval code + last 4 digits only). Several tenders may pay one sale; the
non-cash ones never exceed what is due, the one left without an amount takes what the
others leave, else cash settles the rest (rounded to the smallest coin in use) and gets
change. ``allocate`` shares the amount due the same way in whatever order the tenders
come, and the payment dialog shows exactly what ``settle`` records.

Where the outlet has a day's exchange rate (DRC: prices in USD, cash also in CDF), cash may be
handed over in either currency or both; one cash row per currency handed over, and the change
in the currency the customer asks for. The one conversion (``convert_cash``) rounds once to
the cash step of the currency it converts into (50 FC).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from konnect_pos.domain.countries import PROVIDERS, provider
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.exchange import ExchangeRate
from konnect_pos.domain.money import Money, convert_cash, money_sum, parse_amount, round_to_step
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
    change_in: str | None = None  # the currency the customer wants change in (None: the usual)
    seen_rate: Decimal | None = None  # the rate the cashier was shown; a different one is refused


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
    settles: Money | None = None  # in the sale's currency, when ``amount`` is in another one
    rate: Decimal | None = None  # the rate a cash row in the second currency was converted at

    @property
    def value(self) -> Money:
        """What this payment pays of the sale, in the sale's currency."""
        return self.settles if self.settles is not None else self.amount


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
        return money_sum([p.value for p in self.payments], self.due.currency)


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
    rate: ExchangeRate | None = None  # the day's rate where cash is taken in two currencies

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

    def cash_currencies(self, due: str) -> tuple[str, ...]:
        """The currencies cash may be handed over in for a sale priced in ``due``."""
        if self.rate is not None and self.rate.base == due:
            return (due, self.rate.quote)
        return (due,)


@dataclass(frozen=True, slots=True)
class Allocation:
    """What each payment contributes, as the sale will record it; ``left`` is still to pay.

    The payments are the non-cash ones in the order given, then one cash row per currency
    handed over (the sale's first). It does not depend on the order the tenders were entered
    in. ``left`` and ``change`` are in the currency the cash is settled in: the second cash
    currency when francs are handed over or change is asked in francs.
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


def _check_cash(tender: CashTender, currencies: tuple[str, ...], rate: ExchangeRate | None) -> None:
    if tender.seen_rate is not None and rate is not None and tender.seen_rate != rate.per_base:
        raise ValidationError(
            "The rate changed to 1 {base} = {rate} {quote}: check the amounts again",
            field="rate",
            base=rate.base,
            rate=str(rate.per_base),
            quote=rate.quote,
        )
    if tender.tendered.currency in currencies[1:]:
        if tender.tendered.amount <= 0:
            raise ValidationError("A payment must be more than zero", field="amount")
    else:
        _check_amount(tender.tendered, currencies[0])
    if tender.change_in is not None and tender.change_in not in currencies:
        raise ValidationError(
            "Change cannot be given in {currency} here", field="currency", currency=tender.change_in
        )


def allocate(due: Money, tenders: Sequence[Tender], rules: PaymentRules) -> Allocation:
    """Share ``due`` among the tenders, complete or not (the dialog shows this as it is built).

    Non-cash tenders with an amount pay that amount; the one tender without an amount pays what
    the others leave, cash counted at what was handed over (so it never needs change); with no
    such tender, cash settles the rest rounded to the smallest coin and gets the change.
    """
    currency = due.currency
    currencies = rules.cash_currencies(currency)
    for tender in tenders:
        if isinstance(tender, CashTender):
            _check_cash(tender, currencies, rules.rate)
        else:
            _check_amount(tender.amount, currency)
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
    cash_tenders = [t for t in tenders if isinstance(t, CashTender)]
    cash = [t.tendered for t in cash_tenders if t.tendered.currency == currency]
    tendered = money_sum(cash, currency)
    rest = due - fixed
    wanted = {t.change_in for t in cash_tenders if t.change_in is not None}
    if len(wanted) > 1:
        raise ValidationError("Give the change in one currency", field="currency")
    if len(currencies) > 1 and (len(cash) < len(cash_tenders) or wanted - {currency}):
        return _two_currency_cash(due, rest, tenders, cash_tenders, rules, wanted, open_ended)
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
    payments = _non_cash(tenders, share)
    if cash and cash_paid:  # a remainder below half the smallest coin is rounded away: no cash row
        payments.append(SettledPayment("cash", cash_paid, tendered=tendered, change=change))
    return Allocation(due, tuple(payments), rounding, change, left, bool(cash))


def _non_cash(tenders: Sequence[Tender], share: Money) -> list[SettledPayment]:
    return [
        _settled(t, t.amount if t.amount is not None else share)
        for t in tenders
        if not isinstance(t, CashTender)
    ]


def _two_currency_cash(
    due: Money,
    rest: Money,
    tenders: Sequence[Tender],
    cash_tenders: list[CashTender],
    rules: PaymentRules,
    wanted: set[str],
    open_ended: list[Tender],
) -> Allocation:
    """Cash in the sale's currency (``home``), the second one (``other``) or both, at the day's rate.

    The change goes in the currency asked for; by default in the second currency when any of
    it was handed over. The one conversion rounds to the cash step of the currency the cash is
    settled in. Cash in a currency that is not needed (the other already pays) is refused, so a
    customer never gets back, converted, what they should simply take back.
    """
    rate = rules.rate or ExchangeRate(due.currency, due.currency, Decimal(1))
    home, other = rate.base, rate.quote
    per_base, steps = rate.per_base, rules.steps
    given_home = money_sum([t.tendered for t in cash_tenders if t.tendered.currency == home], home)
    given_other = money_sum([t.tendered for t in cash_tenders if t.tendered.currency == other], other)
    change_in = next(iter(wanted)) if wanted else (other if given_other else home)
    zero_home = Money.zero(home)
    if not rest:
        raise ValidationError("Nothing is left to pay in cash", field="amount")

    def convert(money: Money, to: str) -> Money:
        return convert_cash(money, per_base, home, to, steps.get(to, Decimal(0)))

    def rows(other_settles: Money | None) -> list[SettledPayment]:
        """The cash rows while nothing is given back: each currency as handed over."""
        found = []
        if given_home:
            found.append(SettledPayment("cash", given_home, tendered=given_home))
        if given_other:
            settled = SettledPayment("cash", given_other, tendered=given_other, settles=other_settles)
            found.append(replace(settled, rate=per_base))
        return found

    if open_ended:
        value = convert(given_other, home) if given_other else zero_home
        share = rest - given_home - value
        if share.amount <= 0:
            raise ValidationError(
                "Cash already pays the rest: give the other payment an amount", field="amount"
            )
        payments = _non_cash(tenders, share) + rows(value)
        return Allocation(due, tuple(payments), zero_home, Money.zero(change_in), zero_home, True)
    if given_home and given_other and given_home >= rest:
        raise ValidationError(
            "{currency} cash already pays the rest: hand back the other currency",
            field="amount",
            currency=home,
        )
    if change_in == other:
        need = convert(rest - given_home, other)  # the one rounding: what is left, in francs
        if given_home and given_other and need.amount <= 0:
            raise ValidationError(
                "{currency} cash already pays the rest: hand back the other currency",
                field="amount",
                currency=home,
            )
        if given_other < need:
            left = need - given_other
            payments = _non_cash(tenders, zero_home) + rows(None)
            return Allocation(due, tuple(payments), zero_home, Money.zero(other), left, True)
        change = given_other - need
        paid_home = rest if not given_other else given_home
        payments = _non_cash(tenders, zero_home)
        if given_home:
            payments.append(
                SettledPayment(
                    "cash",
                    given_home,
                    tendered=given_home,
                    change=None if given_other else change,
                    settles=paid_home if not given_other else None,
                    rate=None if given_other else per_base,
                )
            )
        if given_other:
            payments.append(
                SettledPayment(
                    "cash",
                    given_other - change,
                    tendered=given_other,
                    change=change,
                    settles=rest - given_home,
                    rate=per_base,
                )
            )
        return Allocation(due, tuple(payments), zero_home, change, Money.zero(other), True)
    value = convert(given_other, home)  # the one rounding: the francs, in the sale's currency
    rounded = round_to_step(rest, steps.get(home, Decimal(0)))
    if given_home and value >= rounded:
        raise ValidationError(
            "{currency} cash already pays the rest: hand back the other currency",
            field="amount",
            currency=other,
        )
    total = given_home + value
    if total < rounded:
        payments = _non_cash(tenders, zero_home) + rows(value)
        return Allocation(due, tuple(payments), zero_home, zero_home, rounded - total, True)
    change = total - rounded
    payments = _non_cash(tenders, zero_home)
    if given_home:
        payments.append(SettledPayment("cash", given_home - change, tendered=given_home, change=change))
    payments.append(
        SettledPayment(
            "cash",
            given_other,
            tendered=given_other,
            change=None if given_home else change,
            settles=value if given_home else value - change,
            rate=per_base,
        )
    )
    return Allocation(due, tuple(payments), rounded - rest, change, zero_home, True)


def cash_left_in(allocation: Allocation, rules: PaymentRules, currency: str) -> Money:
    """What is left to pay, as cash in ``currency`` (the dialog's "To pay" in francs): the
    allocation's ``left`` through the same conversion ``allocate`` would make."""
    left = allocation.left
    rate = rules.rate
    if not left or left.currency == currency or rate is None:
        return left
    if currency not in (rate.base, rate.quote) or left.currency not in (rate.base, rate.quote):
        return left
    return convert_cash(left, rate.per_base, rate.base, currency, rules.steps.get(currency, Decimal(0)))


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
    """CLI syntax: ``cash:AMOUNT[:CURRENCY]``, ``mobile:PROVIDER:REFERENCE:PHONE[:AMOUNT]``,
    ``card:APPROVAL:LAST4[:AMOUNT]``."""
    parts = (text or "").split(":")
    kind = parts[0].strip().lower()

    def amount(value: str) -> Money:
        return Money(parse_amount(value), currency)

    if kind == "cash" and len(parts) == 2:
        return CashTender(amount(parts[1]))
    if kind == "cash" and len(parts) == 3:
        return CashTender(Money(parse_amount(parts[1]), parts[2].strip().upper()))
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
