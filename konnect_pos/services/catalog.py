"""The bundle catalog as the counter sees it: the country's active bundles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from konnect_pos.domain.errors import NotFound, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.services.clock import local_date
from konnect_pos.store.models import Bundle
from konnect_pos.store.sale_rows import bundle_prices, priced_bundles

if TYPE_CHECKING:
    from konnect_pos.services.session import Counter


@dataclass(frozen=True, slots=True)
class BundleView:
    id: int
    code: str
    name: str
    country: str
    price: Money
    data_gb: Decimal
    validity_days: int
    speed_label: str


def _view(row: Bundle, price_minor: int) -> BundleView:
    return BundleView(
        id=row.id,
        code=row.code,
        name=row.name,
        country=row.country,
        price=Money.from_minor(price_minor, row.currency),
        data_gb=row.data_gb,
        validity_days=row.validity_days,
        speed_label=row.speed_label,
    )


def _prices_on(rows: list[Bundle], on: date) -> dict[int, int]:
    """Each bundle's price on the local business date ``on``: HQ's latest version from then, else its base."""
    prices = {row.id: row.price_minor for row in rows}
    for version in bundle_prices(list(prices), on.isoformat()) if prices else ():
        prices[version.bundle_id] = version.price_minor
    return prices


def bundles_for_country(country: str, on: date) -> list[BundleView]:
    rows = list(
        Bundle.select()
        .where((Bundle.country == country) & (Bundle.active == True))  # noqa: E712
        .order_by(Bundle.position, Bundle.code)
    )
    prices = _prices_on(rows, on)
    return [_view(row, prices[row.id]) for row in rows]


def bundles_on_sale(counter: Counter, country: str, zone: str) -> list[BundleView]:
    """What the counter sells a customer of ``country`` at the prices of that country's day in
    ``zone``: the outlet's own, or at a customer-service desk the caller's."""
    return bundles_for_country(country, local_date(counter.clock(), zone))


def get_bundles(codes: list[str], country: str, on: date) -> list[BundleView]:
    """Several bundles in one query, in the order asked (repeats allowed)."""
    wanted = [(code or "").strip().upper() for code in codes]
    if not wanted or not all(wanted):
        raise ValidationError("Choose at least one bundle", field="bundle")
    rows = {row[1]: row for row in priced_bundles(wanted, on.isoformat(), country)}  # one statement
    for code in wanted:
        row = rows.get(code)
        if row is None:
            raise NotFound("No bundle with code {code}", field="bundle", code=code)
        if row[3] != country:
            raise ValidationError(
                "Bundle {code} is sold in {other}, not in {country}",
                field="bundle",
                code=code,
                other=row[3],
                country=country,
            )
    views = {
        code: BundleView(id_, code, name, where, Money.from_minor(price, currency), Decimal(gb), days, speed)
        for id_, code, name, where, currency, gb, days, speed, price in rows.values()
    }
    return [views[code] for code in wanted]
