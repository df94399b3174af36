"""The nearest shops and distributors to a town or a point, from the outlets HQ syncs down.

Every outlet row of the terminal database is part of the directory once it has coordinates
(HQ's ``hq_outlet`` is pulled whole); the ranking itself is ``domain.outlet_directory``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache

from konnect_pos.domain.countries import COUNTRIES, country
from konnect_pos.domain.errors import NotFound, ValidationError
from konnect_pos.domain.outlet_directory import (
    DirectoryOutlet,
    Nearby,
    Point,
    nearest,
    parse_point,
    town_key,
)
from konnect_pos.domain.payments import PaymentRules
from konnect_pos.paths import RESOURCES
from konnect_pos.services.ids import new_uuid
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import MerchantNumber, Outlet


@dataclass(frozen=True, slots=True)
class Town:
    name: str
    country: str
    point: Point


@dataclass(frozen=True, slots=True)
class NearestOutlets:
    origin: str  # the town as the directory spells it, or "LAT,LON"
    point: Point
    outlets: list[Nearby]


@cache
def _gazetteer() -> tuple[Town, ...]:
    data = json.loads((RESOURCES / "towns.json").read_text(encoding="utf-8"))
    return tuple(
        Town(t["name"], code, Point(Decimal(t["latitude"]), Decimal(t["longitude"])))
        for code, towns in data["towns"].items()
        for t in towns
    )


def directory() -> list[DirectoryOutlet]:
    """Every shop and distributor with coordinates, with the payment methods it takes."""
    numbers: dict[int, dict[str, str]] = {}
    for m in MerchantNumber.select():
        numbers.setdefault(m.outlet_id, {})[m.provider] = m.number
    rows = Outlet.select().where(Outlet.latitude.is_null(False) & Outlet.longitude.is_null(False))
    result = []
    for row in rows.order_by(Outlet.code):
        providers = tuple(p for p in country(row.country).providers if p in numbers.get(row.id, {}))
        rules = PaymentRules(row.kind, row.country, providers, row.accepts_card)
        result.append(
            DirectoryOutlet(
                code=row.code, name=row.name, kind=row.kind, country=row.country, town=row.town,
                district=row.district, address=row.address, point=Point(row.latitude, row.longitude),
                opening_hours=row.opening_hours, phone=row.phone, methods=rules.methods,
            )
        )  # fmt: skip
    return result


def towns() -> list[Town]:
    """Towns a user may pick: the gazetteer's and any town an outlet is in, by name."""
    known = {town_key(t.name): t for t in _gazetteer()}
    for outlet in directory():
        key = town_key(outlet.town)
        if key and key not in known:
            known[key] = Town(outlet.town, outlet.country, outlet.point)
    return sorted(known.values(), key=lambda t: town_key(t.name))


def find_town(name: str) -> Town:
    wanted = town_key(name)
    if not wanted:
        raise ValidationError("Type a town to search from", field="town")
    for town in towns():
        if town_key(town.name) == wanted:
            return town
    raise NotFound("No town called {town} in the directory", field="town", town=name)


def nearest_outlets(
    *, town: str | None = None, at: str | None = None, kind: str | None = None, limit: int = 10
) -> NearestOutlets:
    """Shops and distributors ranked by great-circle distance from a town or from LAT,LON."""
    if (town is None) == (at is None):
        raise ValidationError("Give either a town or a place as LATITUDE,LONGITUDE", field="town")
    if limit < 1:
        raise ValidationError("List at least one outlet (a limit of 1 or more)", field="limit")
    if town is not None:
        found = find_town(town)
        origin, point = found.name, found.point
    else:
        point = parse_point(at or "")
        origin = f"{point.latitude},{point.longitude}"
    return NearestOutlets(origin, point, nearest(point, directory(), kind=kind, limit=limit))


def seed_directory(now: datetime) -> int:
    """The demo's directory: places of the demo outlets and shops/distributors without terminals."""
    data = json.loads((RESOURCES / "demo_outlets.json").read_text(encoding="utf-8"))
    with write_transaction():
        present = {o.code: o for o in Outlet.select()}
        for code, place in data["places"].items():
            if code in present:
                Outlet.update(_place_fields(place)).where(Outlet.code == code).execute()
        added = 0
        for spec in data["directory"]:
            if spec["code"] in present:
                continue
            outlet = Outlet.create(
                uuid=new_uuid(), code=spec["code"], name=spec["name"], kind=spec["kind"],
                country=spec["country"], zone=spec["zone"], address=spec["address"],
                vat_rate=COUNTRIES[spec["country"]].vat_rate, accepts_card=spec["accepts_card"],
                language=spec["language"], created_at=now, **_place_fields(spec),
            )  # fmt: skip
            for provider, number in spec["merchant_numbers"].items():
                MerchantNumber.create(outlet=outlet, provider=provider, number=number)
            added += 1
    return added


def _place_fields(spec: dict) -> dict:
    return {
        "town": spec["town"],
        "district": spec["district"],
        "latitude": Decimal(spec["latitude"]),
        "longitude": Decimal(spec["longitude"]),
        "opening_hours": spec["opening_hours"],
        "phone": spec["phone"],
    }
