"""Customer use cases: create, edit, look up (fast at a million customers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import peewee

from konnect_pos.domain.customers import (
    CustomerInput,
    ValidCustomer,
    clean_code,
    parse_query,
    validate_customer,
)
from konnect_pos.domain.errors import Conflict, NotFound
from konnect_pos.domain.phones import try_normalize_phone
from konnect_pos.services import journal
from konnect_pos.services.clock import Clock
from konnect_pos.services.ids import new_uuid
from konnect_pos.store.customer_search import exact_rows, fragment_rows
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import Customer
from konnect_pos.store.sale_rows import customer_by_account


@dataclass(frozen=True, slots=True)
class CustomerView:
    id: int
    uuid: str
    account_number: str
    name: str
    phone: str
    country: str
    kit_serial: str | None
    language: str


def _view(row: Customer) -> CustomerView:
    return CustomerView(
        id=row.id,
        uuid=row.uuid,
        account_number=row.account_number,
        name=row.name,
        phone=row.phone,
        country=row.country,
        kit_serial=row.kit_serial,
        language=row.language,
    )


def _check_unique(valid: ValidCustomer, exclude_id: int | None) -> None:
    clash = Customer.select(Customer.id).where(Customer.account_number == valid.account_number)
    if exclude_id is not None:
        clash = clash.where(Customer.id != exclude_id)
    if clash.exists():
        raise Conflict(
            "Account number {account} already belongs to another customer",
            field="account_number",
            account=valid.account_number,
        )
    if valid.kit_serial:
        clash = Customer.select(Customer.id).where(Customer.kit_serial == valid.kit_serial)
        if exclude_id is not None:
            clash = clash.where(Customer.id != exclude_id)
        if clash.exists():
            raise Conflict(
                "Kit serial {serial} is already registered to another customer",
                field="kit_serial",
                serial=valid.kit_serial,
            )


def create_customer(data: CustomerInput, clock: Clock, terminal_id: int | None = None) -> CustomerView:
    """Register a customer; at a terminal the record also goes to its journal and outbox for HQ.

    ``terminal_id`` is None only for a database without terminals (imports, search tests).
    """
    valid = validate_customer(data)
    now = clock()
    with write_transaction():
        _check_unique(valid, None)
        try:
            row = Customer.create(uuid=new_uuid(), created_at=now, updated_at=now, **_fields(valid))
        except peewee.IntegrityError:  # a concurrent insert won the race: same message
            raise Conflict(
                "Account number {account} already belongs to another customer",
                field="account_number",
                account=valid.account_number,
            ) from None
        if terminal_id is not None:
            _record(terminal_id, "customer_created", row, _contact(valid), now)
    return _view(row)


def update_customer(
    account_number: str, data: CustomerInput, clock: Clock, terminal_id: int | None = None
) -> CustomerView:
    """Edit contact details; only the fields that changed travel to HQ (merged per field there)."""
    valid = validate_customer(data)
    with write_transaction():
        row = customer_row(account_number)
        _check_unique(valid, row.id)
        changed = {k: v for k, v in _contact(valid).items() if getattr(row, k) != v}
        for key, value in _fields(valid).items():
            setattr(row, key, value)
        row.updated_at = clock()
        row.save()
        if terminal_id is not None and changed:
            _record(terminal_id, "customer_updated", row, changed, row.updated_at)
    return _view(row)


def _contact(valid: ValidCustomer) -> dict[str, object]:
    return {name: getattr(valid, name) for name in ("name", "phone", "country", "kit_serial", "language")}


def _record(terminal_id: int, kind: str, row: Customer, fields: dict[str, object], at: datetime) -> None:
    journal.lock_terminal(terminal_id)
    journal.append(
        terminal_id,
        kind,
        row.uuid,
        at,
        {"uuid": row.uuid, "account_number": row.account_number, "fields": fields, "at": at.isoformat()},
    )


def _fields(valid: ValidCustomer) -> dict[str, object]:
    return {
        "account_number": valid.account_number,
        "name": valid.name,
        "phone": valid.phone,
        "country": valid.country,
        "kit_serial": valid.kit_serial,
        "language": valid.language,
        "search_text": valid.search_text,
    }


def customer_row(account_number: str) -> Customer:
    row = customer_by_account(clean_code(account_number))  # a prepared statement: every sale asks
    if row is None:
        raise NotFound("No customer with account number {account}", field="account", account=account_number)
    return row


def get_customer(account_number: str) -> CustomerView:
    return _view(customer_row(account_number))


def find_by_kit_serial(serial: str) -> CustomerView | None:
    """A scanned kit serial selects its customer directly."""
    code = clean_code(serial)
    row = Customer.get_or_none(Customer.kit_serial == code) if code else None
    return _view(row) if row else None


def _from_row(row: tuple) -> CustomerView:
    return CustomerView(*row[:8])


def _exact_matches(parsed_code: str, phone: str | None, country: str, limit: int) -> list[CustomerView]:
    return [_from_row(row) for row in exact_rows(parsed_code, phone, country, limit)]


def search_customers(query: str, *, region: str, limit: int = 20) -> list[CustomerView]:
    """Ranked lookup: an exact account, kit serial or phone match answers alone; otherwise
    name-start hits come before word-start hits, then any other fragment hit.

    ``region`` is the outlet's country: it reads a local phone number, and that country's
    customers come first in every tier (a Kinshasa counter looks for Congolese customers).
    """
    parsed = parse_query(query)
    phone = try_normalize_phone(query, region) if parsed.digits else None
    exact = _exact_matches(parsed.code, phone, region, limit)
    if exact:
        return exact
    first = parsed.terms[0]

    def rank(row: tuple) -> tuple[bool, int, str]:
        text, name, elsewhere = row[8], row[3], row[5] != region
        if text.startswith(first):
            return (elsewhere, 0, name)
        if f" {first}" in text or f"-{first}" in text:
            return (elsewhere, 1, name)
        return (elsewhere, 2, name)

    return [_from_row(row) for row in sorted(fragment_rows(parsed.terms, region), key=rank)[:limit]]


def customer_count() -> int:
    return Customer.select().count()
