"""The demo shop: outlets, terminals, users, demo catalog and generated customers.

Deterministic: the same seed gives the same data, so screenshots, tests and
benchmarks see the same customers.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from functools import cache

from konnect_pos.domain.countries import COUNTRIES, country
from konnect_pos.domain.customers import CustomerInput, validate_customer
from konnect_pos.domain.money import Money
from konnect_pos.paths import RESOURCES
from konnect_pos.services.clock import Clock
from konnect_pos.services.demo.corporate import seed_corporate
from konnect_pos.services.demo.plans import seed_demo_plans
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.outlet_directory import seed_directory
from konnect_pos.services.users import hash_pin
from konnect_pos.store.database import db, write_transaction
from konnect_pos.store.models import (
    Bundle,
    Customer,
    DeskMerchantNumber,
    MerchantNumber,
    Outlet,
    Terminal,
    User,
)

DEMO_USERS = (
    ("cashier", "Neema Cashier", "cashier", "1111"),
    ("manager", "Joseph Manager", "manager", "222222"),
    ("admin", "Grace Admin", "admin", "999999"),
)
BATCH = 2_000
DEMO_FLOATS = {"TZS": "50000", "USD": "50", "CDF": "20000", "XAF": "20000", "XOF": "20000"}

# National mobile prefixes of each market that phonenumbers accepts (RULES.md §4).
PHONE_PLANS: dict[str, tuple[tuple[str, ...], int]] = {
    "TZ": (("074", "075", "076", "065", "067", "071", "068", "078", "062"), 7),
    "CD": (("081", "082", "083", "084", "085", "089", "097", "099", "090"), 7),
    "CG": (("06", "05"), 7),
    "CI": (("07", "05", "01"), 8),
}


@dataclass(frozen=True, slots=True)
class DemoSummary:
    outlets: list[str]
    terminals: list[str]
    customers: int


@cache
def _demo_pin_hash(pin: str) -> str:
    """Hashing is deliberately slow (argon2); demo shops reuse one salted hash per PIN."""
    return hash_pin(pin)


def _catalog() -> dict:
    return json.loads((RESOURCES / "demo_catalog.json").read_text(encoding="utf-8"))


def _names() -> dict:
    return json.loads((RESOURCES / "demo_names.json").read_text(encoding="utf-8"))


def seed(
    clock: Clock,
    *,
    customers: int = 2_000,
    only_country: str | None = None,
    seed_value: int = 7,
    progress: Callable[[int, int], None] | None = None,
    open_days: bool = True,
) -> DemoSummary:
    """Fill an empty database with the demo shop; refuses a database that has outlets."""
    from konnect_pos.domain.errors import StateError

    if only_country is not None:
        country(only_country)
    if Outlet.select().exists():
        raise StateError("This database already holds outlets; the demo only fills an empty one")
    now = clock()
    data = _catalog()
    outlets = [o for o in data["outlets"] if only_country in (None, o["country"])]
    countries = sorted({o["country"] for o in outlets})
    with write_transaction():
        for spec in outlets:
            outlet = Outlet.create(
                uuid=new_uuid(),
                code=spec["code"],
                name=spec["name"],
                kind=spec["kind"],
                country=spec["country"],
                zone=spec["zone"],
                address=spec["address"],
                vat_rate=COUNTRIES[spec["country"]].vat_rate,
                accepts_card=spec["accepts_card"],
                language=spec["language"],
                created_at=now,
            )
            for provider, number in spec["merchant_numbers"].items():
                MerchantNumber.create(outlet=outlet, provider=provider, number=number)
            for caller, numbers in spec.get("desk_numbers", {}).items():  # the customer-service desk
                for provider, number in numbers.items():
                    DeskMerchantNumber.create(outlet=outlet, country=caller, provider=provider, number=number)
            Terminal.create(uuid=new_uuid(), outlet=outlet, code="T1", created_at=now)
        for code in countries:
            for position, bundle in enumerate(data["bundles"][code]):
                price = Money.of(bundle["price"], bundle["currency"])
                Bundle.create(
                    uuid=new_uuid(),
                    country=code,
                    code=bundle["code"],
                    name=bundle["name"],
                    price_minor=price.to_minor(),
                    currency=price.currency,
                    data_gb=Decimal(bundle["data_gb"]),
                    validity_days=bundle["validity_days"],
                    speed_label=bundle["speed"],
                    position=position,
                )
        for username, full_name, role, pin in DEMO_USERS:
            User.create(
                uuid=new_uuid(),
                username=username,
                full_name=full_name,
                role=role,
                pin_hash=_demo_pin_hash(pin),
                created_at=now,
            )
    seed_directory(now)
    seed_corporate(now)
    if open_days:
        _open_demo_days(clock)
    count = add_customers(customers, countries, now, seed_value=seed_value, progress=progress)
    seed_demo_plans(countries, now)
    return DemoSummary(
        outlets=[o["code"] for o in outlets], terminals=[f"{o['code']}-T1" for o in outlets], customers=count
    )


def _open_demo_days(clock: Clock) -> None:
    """The demo shop is open for business: today's day is opened at every terminal by the manager."""
    from konnect_pos.services.business_day import open_day
    from konnect_pos.services.outlets import get_terminal, list_terminals
    from konnect_pos.services.session import Counter
    from konnect_pos.services.users import SignedInUser

    manager = User.get(User.username == "manager")
    signed = SignedInUser(manager.id, manager.uuid, manager.username, manager.full_name, manager.role, "")
    for label in list_terminals():
        terminal = get_terminal(label)
        floats = {currency: DEMO_FLOATS.get(currency, "0") for currency in terminal.outlet.country.currencies}
        open_day(Counter(terminal=terminal, user=signed, clock=clock), floats)
        _set_demo_rate(Counter(terminal=terminal, user=signed, clock=clock))


DEMO_RATE = "2850"  # CDF for one USD, the demo DRC outlets' rate of the day


def _set_demo_rate(counter) -> None:
    """DRC outlets take francs for dollar prices: the manager has set today's rate."""
    from konnect_pos.domain.exchange import rate_pair
    from konnect_pos.services.exchange_rates import current_rate, set_rate

    pair = rate_pair(counter.terminal.outlet.country)
    if pair is not None and current_rate(counter) is None:
        set_rate(counter, *pair, DEMO_RATE)


def generate_customers(count: int, countries: list[str], *, seed_value: int = 7) -> list[CustomerInput]:
    """``count`` plausible customers spread over ``countries``, unique account and kit serial."""
    rng = random.Random(seed_value)
    names = _names()
    result: list[CustomerInput] = []
    for index in range(count):
        code = countries[index % len(countries)]
        first = rng.choice(names[code]["first"])
        last = rng.choice(names[code]["last"])
        name = f"{first} {last.upper()}" if rng.random() < 0.3 else f"{first} {last}"
        prefixes, rest = PHONE_PLANS[code]
        phone = rng.choice(prefixes) + "".join(rng.choice("0123456789") for _ in range(rest))
        result.append(
            CustomerInput(
                name=name,
                phone=phone,
                country=code,
                account_number=f"{code}{index + 1:08d}",
                kit_serial=f"KIT{code}{index + 1:09d}" if rng.random() < 0.9 else "",
            )
        )
    return result


def add_customers(
    count: int,
    countries: list[str],
    now: datetime,
    *,
    seed_value: int = 7,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Insert generated customers in batches, each through the same validation as the counter."""
    inputs = generate_customers(count, countries, seed_value=seed_value)
    done = 0
    for start in range(0, count, BATCH):
        rows = []
        for data in inputs[start : start + BATCH]:
            valid = validate_customer(data)
            rows.append(
                {
                    "uuid": new_uuid(),
                    "account_number": valid.account_number,
                    "name": valid.name,
                    "phone": valid.phone,
                    "country": valid.country,
                    "kit_serial": valid.kit_serial,
                    "language": "",
                    "search_text": valid.search_text,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        with db.atomic():
            Customer.insert_many(rows).execute()
        done += len(rows)
        if progress:
            progress(done, count)
    return done
