"""Exact money: ``Money(Decimal, ISO 4217 code)``.

Amounts always sit on the currency's minor unit (babel's CLDR data tells how
many decimals: TZS 2, CDF 2, USD 2, XAF 0, XOF 0). Arithmetic refuses mixed
currencies. Rounding happens only in the named functions of this module:
``round_half_up`` (to the minor unit), ``round_to_step`` (to a cash step) and
``convert_cash`` (cash in another currency at the day's rate), all ROUND_HALF_UP,
as written in docs/decisions.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import cache

from babel.numbers import format_currency, get_currency_precision, list_currencies

from konnect_pos.domain.errors import CurrencyMismatch, ValidationError

SUPPORTED_CURRENCIES = ("TZS", "USD", "CDF", "XAF", "XOF")
# Upper bound on a single amount: 10^13 minor units fits a signed 64-bit column
# with room for sums of millions of rows and stops absurd typed-in amounts.
MAX_MINOR = 10**13


@cache
def minor_digits(currency: str) -> int:
    """Decimals of the currency's minor unit, from CLDR (never hand-written)."""
    _check_currency(currency)
    return get_currency_precision(currency)


@cache
def _quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_digits(currency))


@cache
def _largest(currency: str) -> Decimal:
    """``MAX_MINOR`` minor units as an amount: ``abs(amount) >= _largest(c)`` is exactly
    ``abs(amount in minor units) >= MAX_MINOR``, without scaling every sum (the daily run's)."""
    return Decimal(MAX_MINOR).scaleb(-minor_digits(currency))


@cache
def _known_currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def _check_currency(currency: str) -> None:
    if not isinstance(currency, str) or currency not in _known_currencies():
        raise ValidationError("Unknown currency: {currency}", field="currency", currency=currency)


def parse_amount(text: str | Decimal | int) -> Decimal:
    """Read an amount typed by a person ("1500", "1 500,50", "12.5"); floats are refused."""
    if isinstance(text, (bool, float)):
        raise ValidationError("Amounts must be exact, not floating point", field="amount")
    if isinstance(text, int | Decimal):
        value = Decimal(text)
    else:
        cleaned = str(text).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        if cleaned.count(",") == 1 and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
        if not cleaned:
            raise ValidationError("Enter an amount", field="amount")
        try:
            value = Decimal(cleaned)
        except InvalidOperation:
            raise ValidationError("Not an amount: {text}", field="amount", text=str(text)[:40]) from None
    if not value.is_finite():
        raise ValidationError("Not an amount: {text}", field="amount", text=str(text)[:40])
    if value.adjusted() >= len(str(MAX_MINOR)) - 1:  # 1e30, 400 digits: beyond any amount we store
        raise ValidationError("Amount too large: {amount}", field="amount", amount=str(text)[:40])
    return value


@dataclass(frozen=True, slots=True, order=False)
class Money:
    """An exact amount in one currency, on that currency's minor unit."""

    amount: Decimal
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.amount, Decimal) or not self.amount.is_finite():
            raise ValidationError("Amounts must be exact, not floating point", field="amount")
        _check_currency(self.currency)
        if self.amount != self.amount.quantize(_quantum(self.currency), rounding=ROUND_HALF_UP):
            raise ValidationError(
                "{amount} has more decimals than {currency} allows",
                field="amount",
                amount=str(self.amount),
                currency=self.currency,
            )
        if abs(self.amount.scaleb(minor_digits(self.currency))) >= MAX_MINOR:
            raise ValidationError("Amount too large: {amount}", field="amount", amount=str(self.amount))
        # Normalise the exponent so equal amounts print alike ("5.00" and "5" for USD).
        object.__setattr__(self, "amount", self.amount.quantize(_quantum(self.currency)))

    @classmethod
    def _on_unit(cls, amount: Decimal, currency: str) -> Money:
        """``amount`` already on the currency's minor unit (built from minor units, or the sum or
        difference of two amounts of that currency, whose exponents are that unit's): only its
        size is checked. The daily run builds hundreds of thousands of these."""
        if abs(amount) >= _largest(currency):
            raise ValidationError("Amount too large: {amount}", field="amount", amount=str(amount))
        money = object.__new__(cls)
        object.__setattr__(money, "amount", amount)
        object.__setattr__(money, "currency", currency)
        return money

    @classmethod
    def zero(cls, currency: str) -> Money:
        return _zero(currency)

    @classmethod
    def of(cls, amount: str | int | Decimal, currency: str) -> Money:
        """Exact amount from text or int; refuses more decimals than the currency has."""
        return cls(parse_amount(amount), currency)

    @classmethod
    def from_minor(cls, minor: int, currency: str) -> Money:
        """The stored form back into Money (integer minor units + currency)."""
        minor = int(minor)
        amount = Decimal(minor).scaleb(-minor_digits(currency))
        if abs(minor) >= MAX_MINOR:
            raise ValidationError("Amount too large: {amount}", field="amount", amount=str(amount))
        money = object.__new__(cls)
        object.__setattr__(money, "amount", amount)
        object.__setattr__(money, "currency", currency)
        return money

    def to_minor(self) -> int:
        """Integer minor units, the form stored in the database."""
        return int(self.amount.scaleb(minor_digits(self.currency)))

    def _same(self, other: object) -> Money:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise CurrencyMismatch(
                "Cannot combine {a} with {b}", field="currency", a=self.currency, b=other.currency
            )
        return other

    def __add__(self, other: Money) -> Money:
        return Money._on_unit(self.amount + self._same(other).amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        return Money._on_unit(self.amount - self._same(other).amount, self.currency)

    def __neg__(self) -> Money:
        return Money._on_unit(-self.amount, self.currency)

    def __mul__(self, factor: int) -> Money:
        """Multiply by a whole quantity; fractional factors go through ``round_half_up``."""
        if isinstance(factor, bool) or not isinstance(factor, int):
            raise TypeError("Money multiplies by whole quantities; use round_half_up for fractions")
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        return self.amount < self._same(other).amount

    def __le__(self, other: Money) -> bool:
        return self.amount <= self._same(other).amount

    def __gt__(self, other: Money) -> bool:
        return self.amount > self._same(other).amount

    def __ge__(self, other: Money) -> bool:
        return self.amount >= self._same(other).amount

    def __bool__(self) -> bool:
        return self.amount != 0

    @property
    def is_negative(self) -> bool:
        return self.amount < 0

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"


@cache
def _zero(currency: str) -> Money:
    """One zero per currency: Money is immutable, and the daily run asks for tens of thousands."""
    return Money.from_minor(0, currency)


def money_sum(items: list[Money] | tuple[Money, ...], currency: str) -> Money:
    """Sum that is defined for an empty list (zero in ``currency``)."""
    total = Money.zero(currency)
    for item in items:
        total = total + item
    return total


def round_half_up(amount: Decimal, currency: str) -> Money:
    """The one rounding to the minor unit: half-up, e.g. prorations and VAT."""
    _check_currency(currency)
    return Money(amount.quantize(_quantum(currency), rounding=ROUND_HALF_UP), currency)


def round_to_step(money: Money, step: Decimal) -> Money:
    """Cash rounding to the smallest coin or note in use (half-up), e.g. 50 TZS, 5 XOF."""
    if step <= 0:
        return money
    steps = (money.amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return Money((steps * step).quantize(_quantum(money.currency)), money.currency)


def convert_cash(money: Money, per_base: Decimal, base: str, to: str, step: Decimal) -> Money:
    """The one conversion between the two cash currencies of a drawer (DRC: USD and CDF).

    ``per_base`` units of the quote currency buy one ``base`` unit (1 USD = 2850 CDF). The exact
    product or quotient is rounded once, half-up (away from zero), to ``to``'s cash ``step``.
    """
    _check_currency(to)
    exact = money.amount * per_base if money.currency == base else money.amount / per_base
    unit = step if step > 0 else _quantum(to)
    steps = (exact / unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return Money((steps * unit).quantize(_quantum(to)), to)


def vat_included(gross: Money, rate: Decimal) -> Money:
    """VAT contained in a VAT-inclusive price: gross × rate / (1 + rate), half-up."""
    return round_half_up(gross.amount * rate / (1 + rate), gross.currency)


# CLDR "currencySpacing": a currency sign that ends (or starts) with a letter gets a no-break
# space before (after) the digits ("F CFA 4,000", "TZS 1,500.00"); babel leaves it out.
_SIGN_BEFORE_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)")
_DIGIT_BEFORE_SIGN = re.compile(r"(?<=\d)(?=[^\W\d_])")


def format_money(money: Money, lang: str = "en") -> str:
    """The one display format of an amount, for every screen, document and CLI line.

    ``lang`` is the UI language (en, fr, sw), which is also the babel locale: the
    language's own pattern, currency sign and separators ("4 000 F CFA" in French).
    """
    text = format_currency(money.amount, money.currency, locale=lang)
    return _DIGIT_BEFORE_SIGN.sub("\u00a0", _SIGN_BEFORE_DIGIT.sub("\u00a0", text))
