"""Outlet and terminal facts the counter needs: country, zone, VAT, merchant numbers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from konnect_pos.domain.countries import Country, country
from konnect_pos.domain.errors import Conflict, NotFound
from konnect_pos.domain.terminals import clean_terminal_code
from konnect_pos.services.clock import Clock
from konnect_pos.services.ids import new_uuid
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import MerchantNumber, Outlet, Terminal


@dataclass(frozen=True, slots=True)
class OutletView:
    id: int
    code: str
    name: str
    kind: str
    country: Country
    zone: str
    address: str
    vat_rate: Decimal
    accepts_card: bool
    language: str
    receipt_format: str
    merchant_numbers: dict[str, str]

    @property
    def providers(self) -> tuple[str, ...]:
        """Providers the country offers that this outlet has a merchant number for."""
        return tuple(p for p in self.country.providers if p in self.merchant_numbers)


@dataclass(frozen=True, slots=True)
class TerminalView:
    id: int
    code: str
    outlet: OutletView

    @property
    def label(self) -> str:
        return f"{self.outlet.code}-{self.code}"


def _outlet_view(row: Outlet) -> OutletView:
    numbers = {m.provider: m.number for m in MerchantNumber.select().where(MerchantNumber.outlet == row)}
    return OutletView(
        id=row.id,
        code=row.code,
        name=row.name,
        kind=row.kind,
        country=country(row.country),
        zone=row.zone,
        address=row.address,
        vat_rate=row.vat_rate,
        accepts_card=row.accepts_card,
        language=row.language,
        receipt_format=row.receipt_format,
        merchant_numbers=numbers,
    )


def get_outlet(code: str) -> OutletView:
    row = Outlet.get_or_none(Outlet.code == (code or "").strip().upper())
    if row is None:
        raise NotFound("No outlet with code {code}", field="outlet", code=code)
    return _outlet_view(row)


def get_terminal(label: str) -> TerminalView:
    """A terminal by its label ``OUTLET-TERMINAL`` (e.g. ``KIN01-T1``)."""
    outlet_code, _, terminal_code = (label or "").strip().upper().rpartition("-")
    row = (
        Terminal.select()
        .join(Outlet)
        .where((Outlet.code == outlet_code) & (Terminal.code == terminal_code))
        .first()
    )
    if row is None:
        raise NotFound("No terminal {terminal}", field="terminal", terminal=label)
    return TerminalView(id=row.id, code=row.code, outlet=_outlet_view(row.outlet))


def list_terminals() -> list[str]:
    rows = Terminal.select(Terminal, Outlet).join(Outlet).order_by(Outlet.code, Terminal.code)
    return [f"{row.outlet.code}-{row.code}" for row in rows]


def add_terminal(outlet_code: str, code: str, clock: Clock) -> TerminalView:
    """Another counter of an outlet (a multi-counter shop shares one PostgreSQL database)."""
    outlet = get_outlet(outlet_code)
    wanted = clean_terminal_code(code)
    label = f"{outlet.code}-{wanted}"
    with write_transaction():
        if Terminal.select().where((Terminal.outlet == outlet.id) & (Terminal.code == wanted)).exists():
            raise Conflict("Terminal {label} is already registered", field="terminal", label=label)
        Terminal.create(uuid=new_uuid(), outlet=outlet.id, code=wanted, created_at=clock())
    return get_terminal(label)
