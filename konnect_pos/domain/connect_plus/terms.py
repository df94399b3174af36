"""A plan's terms and Connect+'s published terms: what a plan costs, what Connect+ gives and costs
(RULES.md §2). Pure values, checked when built."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from konnect_pos.domain.errors import CurrencyMismatch, ValidationError
from konnect_pos.domain.money import Money

PUBLISHED_DAILY_FEE_UNITS = 1
PUBLISHED_DAILY_DATA_MB = 50
PUBLISHED_MAX_ACTIVATIONS = 10
PUBLISHED_ACTIVATION_WINDOW_DAYS = 30
PUBLISHED_GRACE_DAYS = 5
# The published list of eligible plans is a family: every plan named "Salom+" or "Salom+ …".
PUBLISHED_ELIGIBLE_FAMILIES: tuple[str, ...] = ("Salom+",)
# Plans with their own Connect+ rates: (per minute off-net/landline, per SMS), plan currency.
PUBLISHED_OWN_RATES: Mapping[str, tuple[str, str]] = {
    "Sipos": ("0.25", "0.10"),
    "Muoshrat+": ("0.25", "0.10"),
}


def _whole(value: object, minimum: int, template: str, field_name: str, **params: Any) -> int:
    """Counts (days, MB, minutes) are whole numbers: a float or bool here is a caller's bug."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValidationError(template, field=field_name, **params)
    return value


@dataclass(frozen=True, slots=True)
class ConnectPlusTerms:
    """Connect+ parameters of one plan, held in data (defaults: the published terms).

    ``offnet_minute_rate``/``sms_rate`` are None when the plan's own rates apply, which is the
    published rule for every plan except the ones listed in ``PUBLISHED_OWN_RATES``.
    """

    daily_fee: Money
    daily_data_mb: int = PUBLISHED_DAILY_DATA_MB
    max_activations: int = PUBLISHED_MAX_ACTIVATIONS
    activation_window_days: int = PUBLISHED_ACTIVATION_WINDOW_DAYS
    grace_days: int = PUBLISHED_GRACE_DAYS
    offnet_minute_rate: Money | None = None
    sms_rate: Money | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.daily_fee, Money) or self.daily_fee.amount <= 0:
            raise ValidationError("Connect+ needs a positive daily fee", field="daily_fee")
        _whole(self.daily_data_mb, 0, "Connect+ daily data must be a whole number of MB", "daily_data_mb")
        for name in ("max_activations", "activation_window_days", "grace_days"):
            _whole(getattr(self, name), 1, "Connect+ limits must be whole numbers of at least 1", name)
        for name in ("offnet_minute_rate", "sms_rate"):
            rate = getattr(self, name)
            if rate is None:
                continue
            if not isinstance(rate, Money) or rate.is_negative:
                raise ValidationError("Connect+ rates cannot be negative", field=name)
            if rate.currency != self.daily_fee.currency:
                raise CurrencyMismatch(
                    "Connect+ rates must be in {currency}", field=name, currency=self.daily_fee.currency
                )

    @classmethod
    def published(cls, currency: str, plan_name: str = "") -> ConnectPlusTerms:
        """The published parameters in ``currency`` (1 unit a day, 50 MB, 10 in 30 days, 5 days)."""
        rates = PUBLISHED_OWN_RATES.get(plan_name.strip())
        return cls(
            daily_fee=Money.of(PUBLISHED_DAILY_FEE_UNITS, currency),
            offnet_minute_rate=Money.of(rates[0], currency) if rates else None,
            sms_rate=Money.of(rates[1], currency) if rates else None,
        )


def published_eligible(plan_name: str) -> bool:
    """Whether the published terms list the plan (the "Salom+" family)."""
    name = plan_name.strip()
    return any(name == family or name.startswith(family + " ") for family in PUBLISHED_ELIGIBLE_FAMILIES)


def published_connect_plus(plan_name: str, currency: str) -> ConnectPlusTerms | None:
    """Connect+ terms the published rules give a plan, or None when it is not eligible."""
    return ConnectPlusTerms.published(currency, plan_name) if published_eligible(plan_name) else None


@dataclass(frozen=True, slots=True)
class PlanTerms:
    """A plan with a periodic fee; ``connect_plus`` is None for a plan without Connect+."""

    code: str
    name: str
    fee: Money
    period_days: int
    connect_plus: ConnectPlusTerms | None = None
    # Later fees from their first day (the catalog's dated plan prices), in date order: a renewal
    # on or after such a day pays that fee (``fee_on``); ``fee`` is the fee before the first one.
    fees_from: tuple[tuple[date, Money], ...] = ()

    def fee_on(self, day: date) -> Money:
        """The fee a period starting on ``day`` costs."""
        fee = self.fee
        for first_day, later in self.fees_from:
            if first_day <= day:
                fee = later
        return fee

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not self.code.strip():
            raise ValidationError("A plan needs a code", field="code")
        if not isinstance(self.fee, Money) or self.fee.amount <= 0:
            raise ValidationError("Plan {code} needs a positive fee", field="fee", code=self.code)
        _whole(
            self.period_days,
            1,
            "Plan {code} needs a period of at least one day",
            "period_days",
            code=self.code,
        )
        cp = self.connect_plus
        if cp is None:
            return
        if cp.daily_fee.currency != self.fee.currency:
            raise CurrencyMismatch(
                "Connect+ is priced in {currency}, plan {code} in {plan_currency}",
                field="connect_plus",
                currency=cp.daily_fee.currency,
                code=self.code,
                plan_currency=self.fee.currency,
            )
        # Connect+ is the band between the daily fee and the plan fee; without it, never runs.
        if cp.daily_fee >= self.fee:
            raise ValidationError(
                "Connect+ daily fee must be below the plan fee of {fee}", field="daily_fee", fee=self.fee
            )

    @property
    def currency(self) -> str:
        return self.fee.currency


# --- what Connect+ gives and costs ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class DailyAllowance:
    """What applies while Connect+ runs: the plan's packages are all unavailable."""

    data_mb: int
    onnet_calls_unlimited: bool = True
    packages_available: bool = False


def allowance(terms: PlanTerms) -> DailyAllowance | None:
    """The Connect+ daily allowance of the plan, or None when the plan has no Connect+."""
    return DailyAllowance(terms.connect_plus.daily_data_mb) if terms.connect_plus else None
