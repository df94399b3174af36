"""Customer use cases: create, edit, look up (fast at a million customers)."""

from __future__ import annotations

from dataclasses import dataclass

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
from konnect_pos.services.clock import Clock
from konnect_pos.services.ids import new_uuid
from konnect_pos.store.database import db, is_postgres, write_transaction
from konnect_pos.store.models import Customer

CANDIDATES = 200  # substring hits fetched before ranking; enough for a screen of results


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


def create_customer(data: CustomerInput, clock: Clock) -> CustomerView:
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
    return _view(row)


def update_customer(account_number: str, data: CustomerInput, clock: Clock) -> CustomerView:
    valid = validate_customer(data)
    with write_transaction():
        row = _row(account_number)
        _check_unique(valid, row.id)
        for key, value in _fields(valid).items():
            setattr(row, key, value)
        row.updated_at = clock()
        row.save()
    return _view(row)


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


def _row(account_number: str) -> Customer:
    row = Customer.get_or_none(Customer.account_number == clean_code(account_number))
    if row is None:
        raise NotFound("No customer with account number {account}", field="account", account=account_number)
    return row


def get_customer(account_number: str) -> CustomerView:
    return _view(_row(account_number))


def find_by_kit_serial(serial: str) -> CustomerView | None:
    """A scanned kit serial selects its customer directly."""
    code = clean_code(serial)
    row = Customer.get_or_none(Customer.kit_serial == code) if code else None
    return _view(row) if row else None


def _substring_ids(terms: tuple[str, ...]) -> list[int]:
    if is_postgres(db):
        clauses = " AND ".join("search_text LIKE %s" for _ in terms)
        params = [f"%{_like_escape(t)}%" for t in terms]
        sql = f"SELECT id FROM customer WHERE {clauses} LIMIT {CANDIDATES}"
    else:
        sql = f"SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? LIMIT {CANDIDATES}"
        params = [" AND ".join('"' + t.replace('"', '""') + '"' for t in terms)]
    return [row[0] for row in db.execute_sql(sql, params).fetchall()]


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_customers(query: str, *, region: str, limit: int = 20) -> list[CustomerView]:
    """Ranked: exact account / kit serial / phone first, then name starts, then any fragment."""
    parsed = parse_query(query)
    exact: list[Customer] = []
    keys = [Customer.account_number == parsed.code, Customer.kit_serial == parsed.code]
    phone = try_normalize_phone(query, region) if parsed.digits else None
    if phone:
        keys.append(Customer.phone == phone)
    for key in keys:
        exact.extend(Customer.select().where(key).limit(limit))
    ids = _substring_ids(parsed.terms)
    seen = {row.id for row in exact}
    fragment = (
        [row for row in Customer.select().where(Customer.id.in_(ids)) if row.id not in seen] if ids else []
    )
    first = parsed.terms[0]

    def rank(row: Customer) -> tuple[int, str]:
        text = row.search_text
        if text.startswith(first):
            return (0, row.name)
        if f" {first}" in text or f"-{first}" in text:
            return (1, row.name)
        return (2, row.name)

    fragment.sort(key=rank)
    unique: dict[int, Customer] = {}
    for row in [*exact, *fragment]:
        unique.setdefault(row.id, row)
    return [_view(row) for row in list(unique.values())[:limit]]


def customer_count() -> int:
    return Customer.select().count()
