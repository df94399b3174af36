"""Loading the terminal database's reference data into HQ: outlets, catalog, users, customers.

A use case joining the two databases: it reads the local store and writes HQ, so it lives in services.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import psycopg

from konnect_pos.hq.connection import hq_connect
from konnect_pos.store.models import Bundle, Customer, MerchantNumber, Outlet, Plan, User

BATCH = 5_000


def outlet_place_values(outlet: Outlet) -> tuple[Any, ...]:
    """Town, district, latitude, longitude, opening hours and phone as HQ stores them."""
    return (
        outlet.town, outlet.district,
        None if outlet.latitude is None else str(outlet.latitude),
        None if outlet.longitude is None else str(outlet.longitude),
        outlet.opening_hours, outlet.phone,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class LoadSummary:
    outlets: int
    bundles: int
    users: int
    customers: int


def load_reference(url: str, progress: Callable[[int, int], None] | None = None) -> LoadSummary:
    """Copy outlets, catalog, users and customers from the open local database into HQ.

    Existing HQ rows are updated (a terminal pulls them as changes); nothing is deleted.
    Users are copied to every outlet of the local database (the demo shares its staff).
    """
    outlets = list(Outlet.select())
    with hq_connect(url) as conn, conn.transaction():
        places = _has_places(conn)
        for outlet in outlets:
            merchants = MerchantNumber.select().where(MerchantNumber.outlet == outlet)
            numbers = {m.provider: m.number for m in merchants}
            _copy_outlet(conn, outlet, numbers, places=places)
        bundles = list(Bundle.select())
        with conn.cursor() as cur:
            cur.executemany(
                """INSERT INTO hq_bundle (country, code, name, price_minor, currency, data_gb, validity_days,
                       speed_label, active, position) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
                   ON CONFLICT (country, code) DO UPDATE SET name = EXCLUDED.name,
                       price_minor = EXCLUDED.price_minor, active = EXCLUDED.active""",
                [
                    (b.country, b.code, b.name, b.price_minor, b.currency, str(b.data_gb), b.validity_days,
                     b.speed_label, b.active, b.position)
                    for b in bundles
                ],
            )  # fmt: skip
            if _has_table(conn, "hq_plan"):  # HQ step 10: plans come down like bundles
                cur.executemany(
                    """INSERT INTO hq_plan (country, code, name, currency, fee_minor, period_days, active)
                       VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (code) DO UPDATE SET
                       name = EXCLUDED.name, fee_minor = EXCLUDED.fee_minor, active = EXCLUDED.active""",
                    [(p.country, p.code, p.name, p.currency, p.fee_minor, p.period_days, p.active)
                     for p in Plan.select()],
                )  # fmt: skip
            users = list(User.select())
            cur.executemany(
                """INSERT INTO hq_user (outlet_code, username, full_name, role, pin_hash, active, language)
                   VALUES (%s, %s, %s, %s, %s, %s, %s)
                   ON CONFLICT (outlet_code, username) DO UPDATE SET full_name = EXCLUDED.full_name,
                       role = EXCLUDED.role, pin_hash = EXCLUDED.pin_hash, active = EXCLUDED.active""",
                [
                    (o.code, u.username, u.full_name, u.role, u.pin_hash, u.active, u.language)
                    for o in outlets
                    for u in users
                ],
            )
        total = Customer.select().count()
        done = 0
        last_id = 0
        while True:
            rows = list(
                Customer.select().where(Customer.id > last_id).order_by(Customer.id).limit(BATCH).tuples()
            )
            if not rows:
                break
            _copy_customers(conn, rows)
            last_id = rows[-1][0]
            done += len(rows)
            if progress:
                progress(done, total)
    return LoadSummary(len(outlets), len(bundles), len(users), done)


def _has_table(conn: psycopg.Connection, name: str) -> bool:
    return conn.execute("SELECT to_regclass(%s)", (name,)).fetchone()[0] is not None


def _has_places(conn: psycopg.Connection) -> bool:
    """Whether HQ has its outlet directory columns (schema step 5): an HQ not upgraded yet still loads."""
    found = conn.execute(
        "SELECT 1 FROM information_schema.columns WHERE table_name = 'hq_outlet' AND column_name = 'town'"
    ).fetchone()
    return found is not None


OUTLET_COLUMNS = (
    "code", "name", "kind", "country", "zone", "address", "vat_rate", "accepts_card", "language",
    "receipt_format", "merchant_numbers",
)  # fmt: skip
OUTLET_CHANGING = ("name", "address", "vat_rate", "accepts_card", "merchant_numbers")
PLACE_COLUMNS = ("town", "district", "latitude", "longitude", "opening_hours", "phone")


def _copy_outlet(conn: psycopg.Connection, outlet: Outlet, numbers: dict[str, str], *, places: bool) -> None:
    columns = OUTLET_COLUMNS + (PLACE_COLUMNS if places else ())
    changing = OUTLET_CHANGING + (PLACE_COLUMNS if places else ())
    values = (
        outlet.code, outlet.name, outlet.kind, outlet.country, outlet.zone, outlet.address,
        str(outlet.vat_rate), outlet.accepts_card, outlet.language, outlet.receipt_format,
        psycopg.types.json.Jsonb(numbers),
    )  # fmt: skip
    conn.execute(
        f"INSERT INTO hq_outlet ({', '.join(columns)}) VALUES ({', '.join('%s' for _ in columns)})"
        " ON CONFLICT (code) DO UPDATE SET " + ", ".join(f"{c} = EXCLUDED.{c}" for c in changing),
        values + (outlet_place_values(outlet) if places else ()),
    )


def _copy_customers(conn: psycopg.Connection, rows: list[tuple[Any, ...]]) -> None:
    fields = [f.column_name for f in Customer._meta.sorted_fields]
    index = {name: fields.index(name) for name in fields}
    with conn.cursor() as cur:
        cur.executemany(
            """INSERT INTO hq_customer (account_number, uuid, name, phone, country, kit_serial, language,
                   search_text, created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
               ON CONFLICT (account_number) DO NOTHING""",
            [
                tuple(
                    row[index[name]]
                    for name in (
                        "account_number", "uuid", "name", "phone", "country", "kit_serial", "language",
                        "search_text", "created_at", "updated_at",
                    )
                )
                for row in rows
            ],
        )  # fmt: skip
