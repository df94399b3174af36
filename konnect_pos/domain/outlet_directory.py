"""The nearest Konnect outlets to a place, pure: great-circle distance and ranking.

Coordinates are decimal degrees (exact ``Decimal`` as stored); the distance is the
haversine formula on a sphere of the Earth's mean radius, rounded to 0.1 km. That is
within 0.5 % of the ellipsoid, far finer than "which shop is closest" needs.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from konnect_pos.domain.errors import ValidationError

EARTH_RADIUS_KM = 6371.0088
OUTLET_KINDS = ("shop", "distributor")


@dataclass(frozen=True, slots=True)
class Point:
    latitude: Decimal
    longitude: Decimal

    def __post_init__(self) -> None:
        for name, value, bound in (("latitude", self.latitude, 90), ("longitude", self.longitude, 180)):
            if (
                isinstance(value, bool)
                or not isinstance(value, Decimal | int)
                or not Decimal(value).is_finite()
            ):
                raise ValidationError("Coordinates must be numbers of degrees", field=name)
            if abs(Decimal(value)) > bound:
                raise ValidationError(
                    "A {name} must lie between -{bound} and {bound} degrees",
                    field=name,
                    name=name,
                    bound=bound,
                )
            object.__setattr__(self, name, Decimal(value))


@dataclass(frozen=True, slots=True)
class DirectoryOutlet:
    """One shop or distributor as the directory shows it; ``methods`` is what it takes."""

    code: str
    name: str
    kind: str
    country: str
    town: str
    district: str
    address: str
    point: Point
    opening_hours: str
    phone: str
    methods: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Nearby:
    outlet: DirectoryOutlet
    distance_km: Decimal


def parse_point(text: str) -> Point:
    """``"LAT,LON"`` in decimal degrees ("-6.8161,39.2804")."""
    parts = (text or "").replace(";", ",").split(",")
    if len(parts) != 2:
        raise ValidationError(
            "Give a place as LATITUDE,LONGITUDE in degrees, e.g. -6.8161,39.2804", field="at"
        )
    try:
        return Point(Decimal(parts[0].strip()), Decimal(parts[1].strip()))
    except ArithmeticError:
        raise ValidationError(
            "Give a place as LATITUDE,LONGITUDE in degrees, e.g. -6.8161,39.2804", field="at"
        ) from None


def distance_km(a: Point, b: Point) -> Decimal:
    """Great-circle distance between two points, to 0.1 km."""
    lat1, lon1, lat2, lon2 = (
        math.radians(float(v)) for v in (a.latitude, a.longitude, b.latitude, b.longitude)
    )
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    km = 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))
    return Decimal(repr(km)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def nearest(
    origin: Point, outlets: Sequence[DirectoryOutlet], *, kind: str | None = None, limit: int = 10
) -> list[Nearby]:
    """Shops and distributors by distance from ``origin`` (ties: by code), at most ``limit``."""
    if kind is not None and kind not in OUTLET_KINDS:
        raise ValidationError("An outlet kind is shop or distributor, not {kind}", field="kind", kind=kind)
    wanted = (kind,) if kind else OUTLET_KINDS
    ranked = sorted(
        (Nearby(o, distance_km(origin, o.point)) for o in outlets if o.kind in wanted),
        key=lambda n: (n.distance_km, n.outlet.code),
    )
    return ranked[: max(limit, 0)]


def town_key(name: str) -> str:
    """A town name as typed or stored, compared without case, accents, hyphens or extra spaces."""
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    return " ".join(plain.replace("-", " ").replace("'", " ").lower().split())
