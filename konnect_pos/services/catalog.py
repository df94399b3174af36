"""The bundle catalog as the counter sees it: the country's active bundles."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from konnect_pos.domain.errors import NotFound, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.store.models import Bundle


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


def _view(row: Bundle) -> BundleView:
    return BundleView(
        id=row.id,
        code=row.code,
        name=row.name,
        country=row.country,
        price=Money.from_minor(row.price_minor, row.currency),
        data_gb=row.data_gb,
        validity_days=row.validity_days,
        speed_label=row.speed_label,
    )


def bundles_for_country(country: str) -> list[BundleView]:
    rows = (
        Bundle.select()
        .where((Bundle.country == country) & (Bundle.active == True))  # noqa: E712
        .order_by(Bundle.position, Bundle.code)
    )
    return [_view(row) for row in rows]


def get_bundle(code: str, country: str) -> BundleView:
    """The active bundle ``code``; a bundle of another country is refused by name."""
    wanted = (code or "").strip().upper()
    if not wanted:
        raise ValidationError("Choose at least one bundle", field="bundle")
    row = Bundle.get_or_none((Bundle.code == wanted) & (Bundle.active == True))  # noqa: E712
    if row is None:
        raise NotFound("No bundle with code {code}", field="bundle", code=wanted)
    if row.country != country:
        raise ValidationError(
            "Bundle {code} is sold in {other}, not in {country}",
            field="bundle",
            code=wanted,
            other=row.country,
            country=country,
        )
    return _view(row)


def get_bundles(codes: list[str], country: str) -> list[BundleView]:
    """Several bundles in one query, in the order asked (repeats allowed)."""
    wanted = [(code or "").strip().upper() for code in codes]
    if not wanted or not all(wanted):
        raise ValidationError("Choose at least one bundle", field="bundle")
    query = Bundle.select().where(Bundle.code.in_(set(wanted)) & (Bundle.active == True))  # noqa: E712
    rows = {row.code: row for row in query}
    for code in wanted:
        row = rows.get(code)
        if row is None:
            raise NotFound("No bundle with code {code}", field="bundle", code=code)
        if row.country != country:
            raise ValidationError(
                "Bundle {code} is sold in {other}, not in {country}",
                field="bundle",
                code=code,
                other=row.country,
                country=country,
            )
    return [_view(rows[code]) for code in wanted]
