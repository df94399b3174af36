"""Outlet settings an administrator edits at the counter: details, merchant numbers, day-close rules."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal

from konnect_pos.domain.countries import PROVIDERS
from konnect_pos.domain.errors import KonnectError, ValidationError
from konnect_pos.domain.money import Money, parse_amount
from konnect_pos.domain.roles import Right
from konnect_pos.services.outlets import OutletView, get_outlet
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import MerchantNumber, Outlet, OutletCloseRule

MERCHANT_PATTERN = re.compile(r"[0-9A-Z]{4,15}")
# A variance above this (in each currency's major unit) needs a comment at close (docs/decisions.md).
DEFAULT_COMMENT_THRESHOLD = Decimal("1")


def update_outlet(
    counter: Counter, *, name: str, address: str, accepts_card: bool, merchant_numbers: dict[str, str]
) -> OutletView:
    """Admins only. An empty merchant number removes that provider from the outlet."""
    counter.require(Right.OUTLET_SETTINGS)
    outlet = counter.terminal.outlet
    clean_name = " ".join((name or "").split())
    if not clean_name:
        raise ValidationError("Enter the outlet's name", field="name")
    numbers: dict[str, str] = {}
    for provider, number in merchant_numbers.items():
        if provider not in outlet.country.providers or provider not in PROVIDERS:
            raise ValidationError(
                "{provider} is not offered at this outlet", field="provider", provider=provider
            )
        value = "".join((number or "").split()).upper()
        if value and not MERCHANT_PATTERN.fullmatch(value):
            raise ValidationError(
                "Merchant number for {provider}: 4 to 15 letters or digits",
                field=f"merchant:{provider}",
                provider=PROVIDERS[provider].name,
            )
        if value:
            numbers[provider] = value
    with write_transaction():
        Outlet.update(
            name=clean_name, address=(address or "").strip(), accepts_card=bool(accepts_card)
        ).where(Outlet.id == outlet.id).execute()
        MerchantNumber.delete().where(MerchantNumber.outlet == outlet.id).execute()
        for provider, value in numbers.items():
            MerchantNumber.create(outlet=outlet.id, provider=provider, number=value)
    return get_outlet(outlet.code)


@dataclass(frozen=True, slots=True)
class CloseRules:
    """How the outlet closes its day: blind count or not, and the variance that needs a comment."""

    blind_close: bool
    comment_thresholds: dict[str, Money]  # one per outlet currency


def close_rules(outlet: OutletView) -> CloseRules:
    row = OutletCloseRule.get_or_none(OutletCloseRule.outlet == outlet.id)
    stored = json.loads(row.comment_thresholds) if row else {}
    thresholds = {
        currency: Money.from_minor(int(stored[currency]), currency)
        if currency in stored
        else Money.of(DEFAULT_COMMENT_THRESHOLD, currency)
        for currency in outlet.country.currencies
    }
    return CloseRules(bool(row.blind_close) if row else False, thresholds)


def update_close_rules(counter: Counter, *, blind_close: bool, thresholds: dict[str, str]) -> CloseRules:
    """Admins only. A threshold is an amount of 0 or more per outlet currency (0: any variance)."""
    counter.require(Right.OUTLET_SETTINGS)
    outlet = counter.terminal.outlet
    minor: dict[str, int] = {}
    for currency, text in thresholds.items():
        if currency not in outlet.country.currencies:
            raise ValidationError(
                "{currency} is not used at this outlet", field="currency", currency=currency
            )
        try:
            amount = Money(parse_amount(text), currency)
        except KonnectError:
            amount = None
        if amount is None or amount.is_negative:
            raise ValidationError(
                "Variance threshold for {currency}: an amount of 0 or more",
                field=f"threshold:{currency}",
                currency=currency,
            )
        minor[currency] = amount.to_minor()
    with write_transaction():
        row = OutletCloseRule.get_or_none(OutletCloseRule.outlet == outlet.id)
        if row is None:
            row = OutletCloseRule.create(outlet=outlet.id)
        current = json.loads(row.comment_thresholds)
        current.update(minor)
        OutletCloseRule.update(
            blind_close=bool(blind_close), comment_thresholds=json.dumps(current, sort_keys=True)
        ).where(OutletCloseRule.id == row.id).execute()
    return close_rules(outlet)
