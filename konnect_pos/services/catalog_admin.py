"""The whole catalog (bundles and plans, active and retired) and a manager's changes to it.

A change made at a terminal is one append-only ``catalog_change`` row, journaled and pushed to HQ
like any record; HQ applies it to its catalog, which every terminal pulls (``sync``). A price
change is a new version from a local business date (today or later), never an edit of the price
past sales were made at. Codes are unique across countries (the counter sells by code).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from konnect_pos.domain import connect_plus as engine
from konnect_pos.domain.countries import country as country_of
from konnect_pos.domain.errors import Conflict, CountryCode, NotFound, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.roles import Right
from konnect_pos.hq import catalog as hq_catalog
from konnect_pos.hq.connection import hq_connect
from konnect_pos.services import journal
from konnect_pos.services.clock import Clock, local_date
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import Bundle, BundlePrice, CatalogChange, Plan, PlanPrice

CODE_PATTERN = re.compile(r"[A-Z0-9][A-Z0-9-]{1,29}")
ITEMS = ("bundle", "plan")
MAX_VALIDITY_DAYS = 366


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One bundle or plan as ``catalog list`` shows it: the price in effect on the day asked."""

    item: str  # bundle | plan
    country: str
    code: str
    name: str
    price: Money
    since: date | None  # None: the price it was added with, no dated version yet
    next_price: Money | None
    next_from: date | None
    active: bool
    days: int  # validity (bundle) or period (plan)
    data_gb: Decimal | None  # bundles only
    speed_label: str


def _versions(model: Any, key: Any, ids: list[int]) -> dict[int, list[tuple[str, int]]]:
    found: dict[int, list[tuple[str, int]]] = {}
    if not ids:
        return found
    amount = model.price_minor if model is BundlePrice else model.fee_minor
    rows = model.select(key, model.effective_from, amount).where(key.in_(ids)).order_by(model.effective_from)
    for owner, start, minor in rows.tuples():
        found.setdefault(owner, []).append((start, minor))
    return found


def _priced(
    base: int, versions: list[tuple[str, int]], on: date
) -> tuple[int, date | None, int | None, date | None]:
    """(minor in effect, since, next minor, next from) from the base price and dated versions."""
    minor, since, upcoming = base, None, None
    for start, value in versions:
        if start <= on.isoformat():
            minor, since = value, date.fromisoformat(start)
        elif upcoming is None:
            upcoming = (value, date.fromisoformat(start))
    return minor, since, upcoming[0] if upcoming else None, upcoming[1] if upcoming else None


def list_catalog(when: date | datetime, country: str | None = None) -> list[CatalogEntry]:
    """Bundles then plans per country, active ones first, with the price in effect on the day
    ``when`` (an instant: each country's local date then)."""

    def day(code: str) -> date:
        if isinstance(when, datetime):
            return local_date(when, country_of(code).zones[0])
        return when

    wanted = country_of(country).code if country else None
    bundles = list(Bundle.select().where(True if wanted is None else Bundle.country == wanted))
    plans = list(Plan.select().where(True if wanted is None else Plan.country == wanted))
    bundle_versions = _versions(BundlePrice, BundlePrice.bundle, [b.id for b in bundles])
    plan_versions = _versions(PlanPrice, PlanPrice.plan, [p.id for p in plans])
    entries: list[tuple[tuple[Any, ...], CatalogEntry]] = []
    for b in bundles:
        minor, since, following, next_from = _priced(
            b.price_minor, bundle_versions.get(b.id, []), day(b.country)
        )
        entry = CatalogEntry(
            "bundle", b.country, b.code, b.name, Money.from_minor(minor, b.currency), since,
            None if following is None else Money.from_minor(following, b.currency), next_from,
            bool(b.active), b.validity_days, b.data_gb, b.speed_label,
        )  # fmt: skip
        entries.append(((b.country, 0, not b.active, b.position, b.code), entry))
    for p in plans:
        minor, since, following, next_from = _priced(p.fee_minor, plan_versions.get(p.id, []), day(p.country))
        entry = CatalogEntry(
            "plan", p.country, p.code, p.name, Money.from_minor(minor, p.currency), since,
            None if following is None else Money.from_minor(following, p.currency), next_from,
            bool(p.active), p.period_days, None, "",
        )  # fmt: skip
        entries.append(((p.country, 1, not p.active, 0, p.code), entry))
    return [entry for _, entry in sorted(entries, key=lambda pair: pair[0])]


def plan_fee_on(plan_id: int, on: date) -> int:
    """A plan's fee (minor units) in effect on ``on``: its latest dated version, else its base fee."""
    plan = Plan.get_by_id(plan_id)
    return _priced(plan.fee_minor, _versions(PlanPrice, PlanPrice.plan, [plan_id]).get(plan_id, []), on)[0]


# --- checking what a manager typed -------------------------------------------------------


def clean_code(text: str) -> str:
    code = (text or "").strip().upper()
    if not CODE_PATTERN.fullmatch(code):
        raise ValidationError("A code is 2 to 30 capital letters, digits or '-'", field="code")
    return code


def clean_name(text: str) -> str:
    name = " ".join((text or "").split())
    if not name or len(name) > 80:
        raise ValidationError("Enter a name of 1 to 80 characters", field="name")
    return name


def clean_price(text: str, currency: str) -> Money:
    price = Money.of(text, currency)
    if price.amount <= 0:
        raise ValidationError("A price must be more than zero", field="price")
    return price


def clean_days(value: int | str) -> int:
    try:
        days = int(str(value).strip())
    except ValueError:
        raise ValidationError(
            "Days: a whole number from 1 to {most}", field="days", most=MAX_VALIDITY_DAYS
        ) from None
    if not 1 <= days <= MAX_VALIDITY_DAYS:
        raise ValidationError("Days: a whole number from 1 to {most}", field="days", most=MAX_VALIDITY_DAYS)
    return days


def clean_gb(text: str) -> Decimal:
    try:
        gb = Decimal(str(text).strip())
    except InvalidOperation:
        raise ValidationError("Data: a number of GB more than zero", field="data_gb") from None
    if not gb.is_finite() or gb <= 0 or gb > 100_000:
        raise ValidationError("Data: a number of GB more than zero", field="data_gb")
    return gb


def clean_effective(today: date, text: str | date | None) -> date:
    """The first local business date a new price applies: today (default) or later."""
    if text is None or text == "":
        return today
    if isinstance(text, str):
        try:
            text = date.fromisoformat(text.strip())
        except ValueError:
            raise ValidationError("Not a date (YYYY-MM-DD): {text}", field="date", text=text[:40]) from None
    if text < today:
        raise ValidationError("A new price applies from today or a later day", field="date")
    return text


# --- what a change sets (the same at a terminal and at HQ) ----------------------------------


def bundle_details(
    country: str, code: str, name: str, price: str, data_gb: str, validity_days: int | str, speed_label: str
) -> tuple[str, str, dict[str, Any]]:
    """(country, code, details) of a new bundle, or a clear error."""
    where = country_of(country)
    code, name = clean_code(code), clean_name(name)
    amount = clean_price(price, where.currency)
    gb, days = clean_gb(data_gb), clean_days(validity_days)
    speed = " ".join((speed_label or "").split())[:40]
    return where.code, code, {
        "name": name, "price_minor": amount.to_minor(), "currency": amount.currency, "data_gb": str(gb),
        "validity_days": days, "speed_label": speed,
    }  # fmt: skip


def plan_details(
    country: str, code: str, name: str, fee: str, period_days: int | str
) -> tuple[str, str, dict[str, Any]]:
    """(country, code, details) of a new plan, or a clear error."""
    where = country_of(country)
    code, name = clean_code(code), clean_name(name)
    amount, days = clean_price(fee, where.currency), clean_days(period_days)
    engine.PlanTerms(code, name, amount, days)  # the domain's own checks
    return where.code, code, {
        "name": name, "fee_minor": amount.to_minor(), "currency": amount.currency, "period_days": days,
    }  # fmt: skip


def change_details(
    item: str,
    currency: str,
    today: date,
    *,
    name: str | None = None,
    price: str | None = None,
    effective: str | date | None = None,
    days: int | str | None = None,
    data_gb: str | None = None,
) -> dict[str, Any]:
    """What a change sets: new terms apply to sales from now on, a new price from its date on."""
    if name is None and price is None and days is None and data_gb is None:
        raise ValidationError("Nothing to change: give a name, a price, days or GB", field="item")
    if data_gb is not None and item == "plan":
        raise ValidationError("A plan has no data allowance to change", field="data_gb")
    details: dict[str, Any] = {}
    if name is not None:
        details["name"] = clean_name(name)
    if days is not None:
        details["validity_days" if item == "bundle" else "period_days"] = clean_days(days)
    if data_gb is not None:
        details["data_gb"] = str(clean_gb(data_gb))
    if price is not None:
        amount = clean_price(price, currency)
        start = clean_effective(today, effective)
        details.update({"price_minor": amount.to_minor(), "currency": currency, "from": start.isoformat()})
    elif effective:
        raise ValidationError("A date is for a new price: give the price too", field="date")
    return details


# --- at a terminal: a manager's change, journaled and pushed to HQ ---------------------------


def _record(
    counter: Counter, item: str, action: str, country: str, code: str, details: dict[str, Any]
) -> str:
    """The change row and its journal entry, inside the caller's write transaction."""
    now = counter.clock()
    journal.lock_terminal(counter.terminal.id)
    row = CatalogChange.create(
        uuid=new_uuid(), terminal=counter.terminal.id, user=counter.user.id, at=now, item=item,
        action=action, country=country, code=code, details=json.dumps(details, sort_keys=True),
    )  # fmt: skip
    journal.append(
        counter.terminal.id, "catalog_change", row.uuid, now, change_payload(row, counter.user.username)
    )
    return row.uuid


def change_payload(row: CatalogChange, username: str) -> dict[str, Any]:
    """The journaled content of a change (``verify`` rebuilds it from the row)."""
    return {
        "uuid": row.uuid, "item": row.item, "action": row.action, "country": row.country, "code": row.code,
        "details": json.loads(row.details), "user": username, "at": row.at.isoformat(),
    }  # fmt: skip


def _own_country(counter: Counter, country: str | None) -> str:
    """A terminal's manager changes the catalog of the outlet's country; HQ changes any."""
    mine = counter.terminal.outlet.country.code
    wanted = country_of(country).code if country else mine
    if wanted != mine:
        raise ValidationError(
            "At this outlet the catalog of {country} is changed; other countries' at headquarters",
            field="country",
            country=CountryCode(mine),
        )
    return wanted


def _code_free(code: str) -> None:
    if Bundle.select().where(Bundle.code == code).exists() or Plan.select().where(Plan.code == code).exists():
        raise Conflict("The code {code} is already in the catalog", field="code", code=code)


def add_bundle(
    counter: Counter, country: str | None, code: str, name: str, price: str, data_gb: str,
    validity_days: int | str, speed_label: str = "",
) -> CatalogEntry:  # fmt: skip
    """A new bundle on sale from now in the outlet's country, at the end of its list."""
    counter.require(Right.MANAGE_CATALOG)
    where, code, details = bundle_details(
        _own_country(counter, country), code, name, price, data_gb, validity_days, speed_label
    )
    with write_transaction():
        _code_free(code)
        last = Bundle.select(Bundle.position).where(Bundle.country == where).order_by(Bundle.position.desc())
        details["position"] = (last.scalar() or 0) + 1
        Bundle.create(
            uuid=new_uuid(), country=where, code=code, name=details["name"],
            price_minor=details["price_minor"], currency=details["currency"],
            data_gb=Decimal(details["data_gb"]),
            validity_days=details["validity_days"], speed_label=details["speed_label"],
            position=details["position"],
        )  # fmt: skip
        _record(counter, "bundle", "add", where, code, details)
    return _entry("bundle", code, counter)


def add_plan(
    counter: Counter, country: str | None, code: str, name: str, fee: str, period_days: int | str
) -> CatalogEntry:
    """A new plan with its periodic fee; a "Salom+" plan gets the published Connect+ terms."""
    counter.require(Right.MANAGE_CATALOG)
    where, code, details = plan_details(_own_country(counter, country), code, name, fee, period_days)
    with write_transaction():
        _code_free(code)
        Plan.create(
            code=code, country=where, name=details["name"], currency=details["currency"],
            fee_minor=details["fee_minor"], period_days=details["period_days"],
            **connect_plus_columns(details["name"], details["currency"]),
        )  # fmt: skip
        _record(counter, "plan", "add", where, code, details)
    return _entry("plan", code, counter)


def connect_plus_columns(name: str, currency: str) -> dict[str, Any]:
    """The ``cp_`` columns of a plan named ``name``: the published Connect+ terms, or all None."""
    cp = engine.published_connect_plus(name, currency)

    def minor(value: Money | None) -> int | None:
        return None if value is None else value.to_minor()

    return {
        "cp_daily_fee_minor": minor(cp.daily_fee) if cp else None,
        "cp_daily_data_mb": cp.daily_data_mb if cp else None,
        "cp_max_activations": cp.max_activations if cp else None,
        "cp_window_days": cp.activation_window_days if cp else None,
        "cp_grace_days": cp.grace_days if cp else None,
        "cp_offnet_minute_minor": minor(cp.offnet_minute_rate) if cp else None,
        "cp_sms_minor": minor(cp.sms_rate) if cp else None,
    }


def _check_item(item: str) -> str:
    if item not in ITEMS:
        raise ValidationError("Choose bundle or plan", field="item")
    return item


def _missing(item: str, code: str) -> NotFound:
    if item == "bundle":
        return NotFound("No bundle with code {code}", field="bundle", code=code)
    return NotFound("No plan with code {code}", field="plan", code=code)


def _find(item: str, code: str) -> Bundle | Plan:
    wanted = (code or "").strip().upper()
    model = Bundle if _check_item(item) == "bundle" else Plan
    row = model.get_or_none(model.code == wanted)
    if row is None:
        raise _missing(item, wanted)
    return row


def change(
    counter: Counter,
    item: str,
    code: str,
    *,
    name: str | None = None,
    price: str | None = None,
    effective: str | date | None = None,
    days: int | str | None = None,
    data_gb: str | None = None,
) -> CatalogEntry:
    """Rename, reprice from a date (a new version) or change the terms of a bundle or plan."""
    counter.require(Right.MANAGE_CATALOG)
    row = _find(item, code)
    _own_country(counter, row.country)
    today = local_date(counter.clock(), counter.terminal.outlet.zone)
    details = change_details(
        item, row.currency, today, name=name, price=price, effective=effective, days=days, data_gb=data_gb
    )
    fields = {key: details[key] for key in ("name", "validity_days", "period_days") if key in details}
    if "data_gb" in details:
        fields["data_gb"] = Decimal(details["data_gb"])
    with write_transaction():
        model = type(row)
        if fields:
            model.update(fields).where(model.id == row.id).execute()
        if "from" in details:
            _add_version(item, row, details["from"], details["price_minor"])
        _record(counter, item, "change", row.country, row.code, details)
    return _entry(item, row.code, counter)


def _add_version(item: str, row: Bundle | Plan, start: str, minor: int) -> None:
    if item == "bundle":
        taken = BundlePrice.select().where(
            (BundlePrice.bundle == row.id) & (BundlePrice.effective_from == start)
        )
    else:
        taken = PlanPrice.select().where((PlanPrice.plan == row.id) & (PlanPrice.effective_from == start))
    if taken.exists():
        raise Conflict("{code} already has a price from {date}", field="price", code=row.code, date=start)
    if item == "bundle":
        BundlePrice.create(bundle=row.id, effective_from=start, price_minor=minor)
    else:
        PlanPrice.create(plan=row.id, effective_from=start, fee_minor=minor)


def retire(counter: Counter, item: str, code: str) -> CatalogEntry:
    """Off sale from now (what was sold is untouched); a retired item is listed as retired."""
    counter.require(Right.MANAGE_CATALOG)
    row = _find(item, code)
    _own_country(counter, row.country)
    if not row.active:
        raise Conflict("{code} is already retired", field="code", code=row.code)
    with write_transaction():
        type(row).update(active=False).where(type(row).id == row.id).execute()
        _record(counter, item, "retire", row.country, row.code, {"active": False})
    return _entry(item, row.code, counter)


def _entry(item: str, code: str, counter: Counter) -> CatalogEntry:
    on = local_date(counter.clock(), counter.terminal.outlet.zone)
    row = _find(item, code)
    return next(e for e in list_catalog(on, row.country) if e.item == item and e.code == row.code)


# --- at headquarters: the same changes made on HQ's catalog, pulled by every terminal ---------


def hq_add(url: str, item: str, country: str, code: str, name: str, price: str, days: int | str,
           data_gb: str = "", speed_label: str = "") -> str:  # fmt: skip
    """A bundle or plan added to HQ's catalog; returns its code."""
    if _check_item(item) == "bundle":
        where, code, details = bundle_details(country, code, name, price, data_gb, days, speed_label)
    else:
        where, code, details = plan_details(country, code, name, price, days)
    with hq_connect(url) as conn, conn.transaction():
        if hq_catalog.code_taken(conn, code):
            raise Conflict("The code {code} is already in the catalog", field="code", code=code)
        if item == "bundle":
            details["position"] = hq_catalog.next_position(conn, where)
        hq_catalog.apply_change(conn, {"item": item, "action": "add", "country": where, "code": code,
                                       "details": details})  # fmt: skip
    return code


def hq_change(url: str, item: str, code: str, clock: Clock, **changes: Any) -> dict[str, Any]:
    """A change on HQ's catalog; a new price from today (the item's country's date) or later."""
    wanted = (code or "").strip().upper()
    with hq_connect(url) as conn, conn.transaction():
        found = hq_catalog.find_item(conn, _check_item(item), wanted)
        if found is None:
            raise _missing(item, wanted)
        country, currency, _active = found
        today = local_date(clock(), country_of(country).zones[0])
        details = change_details(item, currency, today, **changes)
        hq_catalog.apply_change(conn, {"item": item, "action": "change", "country": country, "code": wanted,
                                       "details": details})  # fmt: skip
    return details


def hq_retire(url: str, item: str, code: str) -> None:
    wanted = (code or "").strip().upper()
    with hq_connect(url) as conn, conn.transaction():
        found = hq_catalog.find_item(conn, _check_item(item), wanted)
        if found is None:
            raise _missing(item, wanted)
        if not found[2]:
            raise Conflict("{code} is already retired", field="code", code=wanted)
        hq_catalog.apply_change(conn, {"item": item, "action": "retire", "country": found[0], "code": wanted,
                                       "details": {"active": False}})  # fmt: skip
