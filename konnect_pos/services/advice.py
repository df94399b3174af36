"""Bundle advice for one customer: their history and their country's catalog in force today."""

from __future__ import annotations

from datetime import datetime

from konnect_pos.domain.advice import BundleAdvice, Offer, advise_bundle
from konnect_pos.domain.countries import country
from konnect_pos.services.catalog import bundles_for_country
from konnect_pos.services.checkout import account_state
from konnect_pos.services.clock import local_date
from konnect_pos.services.customers import customer_row


def advise(account_number: str, at: datetime) -> BundleAdvice | None:
    """The bundle and activation order that fit the account (None: the country sells none today)."""
    customer = customer_row(account_number)
    today = local_date(at, country(customer.country).zones[0])
    offers = [
        Offer(b.code, b.name, b.data_gb, b.validity_days, b.price)
        for b in bundles_for_country(customer.country, today)
    ]
    purchases, readings = account_state(customer.id)
    return advise_bundle(purchases, readings, offers, at)
