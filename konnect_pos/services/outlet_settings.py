"""Outlet settings an administrator edits at the counter: details and merchant numbers."""

from __future__ import annotations

import re

from konnect_pos.domain.countries import PROVIDERS
from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.roles import Right
from konnect_pos.services.outlets import OutletView, get_outlet
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import MerchantNumber, Outlet

MERCHANT_PATTERN = re.compile(r"[0-9A-Z]{4,15}")


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
