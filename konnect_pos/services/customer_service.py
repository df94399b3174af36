"""The customer-service desk: an outlet of kind ``customer_service`` that sells by phone.

A caller pays by mobile money only (decided once, in ``PaymentRules``), to the merchant number the
desk gives for the caller's own country, and buys from that country's catalog in its currency, at
its VAT rate. The desk keeps one set of merchant numbers per country it serves
(``desk_merchant_number``); for its own country its outlet's numbers serve when it has none there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from konnect_pos.domain.countries import COUNTRIES, PROVIDERS, Country, CustomerService
from konnect_pos.domain.countries import country as country_of
from konnect_pos.domain.errors import Conflict, ValidationError
from konnect_pos.domain.payments import PaymentRules
from konnect_pos.domain.roles import Right
from konnect_pos.services.clock import Clock
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.outlet_settings import MERCHANT_PATTERN
from konnect_pos.services.outlets import OutletView, TerminalView, get_outlet, get_terminal
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import DeskMerchantNumber, Outlet, Terminal

DESK = "customer_service"
KINDS = ("shop", "distributor", DESK)


@dataclass(frozen=True, slots=True)
class CallerTerms:
    """What the desk tells a caller of ``country``: where to pay and when the desk answers."""

    country: Country
    currency: str
    vat_rate: Decimal
    zone: str
    merchant_numbers: dict[str, str]  # provider → number, in the country's provider order
    service: CustomerService  # phone, WhatsApp and hours (RULES.md §1.10)

    @property
    def providers(self) -> tuple[str, ...]:
        return tuple(self.merchant_numbers)

    @property
    def desk_rules(self) -> PaymentRules:
        """What a desk takes from this caller: mobile money to these numbers, nothing else."""
        return PaymentRules(DESK, self.country.code, self.providers, False)


def is_desk(outlet: OutletView) -> bool:
    return outlet.kind == DESK


def desk_numbers(outlet: OutletView) -> dict[str, dict[str, str]]:
    """Country → provider → merchant number the desk gives callers (its own country included)."""
    numbers: dict[str, dict[str, str]] = {}
    rows = DeskMerchantNumber.select().where(DeskMerchantNumber.outlet == outlet.id)
    for row in rows.order_by(DeskMerchantNumber.country, DeskMerchantNumber.provider):
        numbers.setdefault(row.country, {})[row.provider] = row.number
    if outlet.merchant_numbers and outlet.country.code not in numbers:
        numbers[outlet.country.code] = dict(outlet.merchant_numbers)
    return numbers


def caller_terms(outlet: OutletView, caller_country: str) -> CallerTerms:
    """The terms a sale to a customer of ``caller_country`` follows at this outlet.

    A shop or distributor sells only to its own country (``checkout`` refuses the others), so
    for them these are the outlet's own terms; a desk takes the caller's country's.
    """
    caller = country_of(caller_country)
    own = caller.code == outlet.country.code
    if not is_desk(outlet) or (own and not _has_desk_rows(outlet, caller.code)):
        return CallerTerms(
            outlet.country, outlet.country.currency, outlet.vat_rate, outlet.zone,
            {p: outlet.merchant_numbers[p] for p in outlet.providers}, outlet.country.customer_service,
        )  # fmt: skip
    given = desk_numbers(outlet).get(caller.code, {})
    numbers = {p: given[p] for p in caller.providers if p in given}
    return CallerTerms(
        caller, caller.currency, caller.vat_rate, caller.zones[0], numbers, caller.customer_service
    )


def _has_desk_rows(outlet: OutletView, country: str) -> bool:
    return (
        DeskMerchantNumber.select()
        .where((DeskMerchantNumber.outlet == outlet.id) & (DeskMerchantNumber.country == country))
        .exists()
    )


def _clean_numbers(numbers: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    """Country → provider → number, each checked; an empty number leaves that provider out."""
    clean: dict[str, dict[str, str]] = {}
    for code, given in numbers.items():
        where = country_of(code)
        for provider, number in given.items():
            if provider not in where.providers or provider not in PROVIDERS:
                raise ValidationError(
                    "{provider} is not offered at this outlet", field="provider", provider=provider
                )
            value = "".join((number or "").split()).upper()
            if value and not MERCHANT_PATTERN.fullmatch(value):
                raise ValidationError(
                    "Merchant number for {provider}: 4 to 15 letters or digits",
                    field=f"merchant:{where.code}:{provider}",
                    provider=PROVIDERS[provider].name,
                )
            if value:
                clean.setdefault(where.code, {})[provider] = value
    return clean


def _write_numbers(outlet_id: int, numbers: dict[str, dict[str, str]]) -> None:
    DeskMerchantNumber.delete().where(DeskMerchantNumber.outlet == outlet_id).execute()
    for code, given in numbers.items():
        for provider, number in given.items():
            DeskMerchantNumber.create(outlet=outlet_id, country=code, provider=provider, number=number)


def set_up_desk(counter: Counter, *, kind: str, numbers: dict[str, dict[str, str]]) -> OutletView:
    """Administrators: the outlet's kind and, for a desk, its merchant numbers per caller country.

    A desk takes no cash and no card: it takes mobile money only, whatever the outlet took before.
    """
    counter.require(Right.OUTLET_SETTINGS)
    if kind not in KINDS:
        raise ValidationError("Choose shop, distributor or customer service", field="kind")
    clean = _clean_numbers(numbers) if kind == DESK else {}
    outlet = counter.terminal.outlet
    with write_transaction():
        fields: dict[str, object] = {"kind": kind}
        if kind == DESK:
            fields["accepts_card"] = False
        Outlet.update(fields).where(Outlet.id == outlet.id).execute()
        _write_numbers(outlet.id, clean)
    return get_outlet(outlet.code)


def add_desk(
    code: str,
    name: str,
    country: str,
    clock: Clock,
    *,
    zone: str | None = None,
    numbers: dict[str, dict[str, str]] | None = None,
) -> TerminalView:
    """A new customer-service outlet with its first terminal (T1), as ``terminal add`` adds counters."""
    where = country_of(country)
    outlet_code = (code or "").strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{2,12}", outlet_code):
        raise ValidationError("Outlet code: 2 to 12 letters or digits", field="outlet")
    clean_name = " ".join((name or "").split())
    if not clean_name:
        raise ValidationError("Enter the outlet's name", field="name")
    zone_name = where.zone(zone).key
    clean = _clean_numbers(numbers or {})
    with write_transaction():
        if Outlet.select().where(Outlet.code == outlet_code).exists():
            raise Conflict("Outlet {code} already exists", field="outlet", code=outlet_code)
        now = clock()
        outlet = Outlet.create(
            uuid=new_uuid(), code=outlet_code, name=clean_name, kind=DESK, country=where.code, zone=zone_name,
            vat_rate=where.vat_rate, accepts_card=False, language=where.language, created_at=now,
            opening_hours="Mo-Sa 09:00-18:00", phone=where.customer_service.phone,
        )  # fmt: skip
        _write_numbers(outlet.id, clean)
        Terminal.create(uuid=new_uuid(), outlet=outlet.id, code="T1", created_at=now)
    return get_terminal(f"{outlet_code}-T1")


def served_countries() -> tuple[str, ...]:
    """Every market a desk can take calls from."""
    return tuple(COUNTRIES)
