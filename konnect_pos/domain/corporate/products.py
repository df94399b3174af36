"""The corporate products on sale and how a plan change is classified (RULES.md §3.4-3.6, §3.13)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from konnect_pos.domain.errors import CurrencyMismatch, NotFound, ValidationError
from konnect_pos.domain.money import Money


@dataclass(frozen=True, slots=True)
class Product:
    """A service plan on sale: product id and monthly price (VAT-exclusive)."""

    product_id: str
    monthly_price: Money


def available_products(catalog: Mapping[str, Money], currency: str | None = None) -> list[Product]:
    """The products on sale (§3.13), cheapest first, optionally only those in ``currency``."""
    products = [Product(pid, price) for pid, price in catalog.items()]
    if currency is not None:
        products = [p for p in products if p.monthly_price.currency == currency]
    return sorted(products, key=lambda p: (p.monthly_price.currency, p.monthly_price.amount, p.product_id))


def price_of(catalog: Mapping[str, Money], product_id: str, currency: str) -> Money:
    price = catalog.get(product_id)
    if price is None:
        raise NotFound("Unknown product: {product}", field="product_id", product=product_id)
    if price.currency != currency:
        raise CurrencyMismatch(
            "Product {product} is priced in {currency}; this account bills in {account_currency}",
            field="product_id",
            product=product_id,
            currency=price.currency,
            account_currency=currency,
        )
    if price.is_negative:
        raise ValidationError("Product {product} has a negative monthly price", product=product_id)
    return price


class ChangeKind(StrEnum):
    UPGRADE = "upgrade"
    DOWNGRADE = "downgrade"
    SAME_PRICE = "same_price"


def classify_change(old_price: Money, new_price: Money) -> ChangeKind:
    """Upgrade or downgrade is decided by the monthly price alone (§3.4-3.6), never by a label."""
    if new_price > old_price:
        return ChangeKind.UPGRADE
    if new_price < old_price:
        return ChangeKind.DOWNGRADE
    return ChangeKind.SAME_PRICE
