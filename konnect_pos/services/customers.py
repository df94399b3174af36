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
from konnect_pos.store.database import db, is_postgres, write_transaction
from konnect_pos.store.models import Customer
from konnect_pos.store.sale_rows import customer_by_account

CANDIDATES = 200  # substring hits fetched before ranking; enough for a screen of results
SCANNED = 2_000  # substring hits read from the index to pick the candidates (own country first)


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


COLUMNS = "id, uuid, account_number, name, phone, country, kit_serial, language, search_text"


def _from_row(row: tuple) -> CustomerView:
    return CustomerView(*row[:8])


def _exact_matches(parsed_code: str, phone: str | None, country: str, limit: int) -> list[CustomerView]:
    """One indexed statement for account number, kit serial and phone (OR of unique keys)."""
    mark = "%s" if is_postgres(db) else "?"
    clauses, params = [], []
    if any(ch.isdigit() for ch in parsed_code):
        clauses += [f"account_number = {mark}", f"kit_serial = {mark}"]
        params += [parsed_code, parsed_code]
    if phone:
        clauses.append(f"phone = {mark}")
        params.append(phone)
    if not clauses:
        return []
    sql = (
        f"SELECT {COLUMNS} FROM customer WHERE {' OR '.join(clauses)} "
        f"ORDER BY country <> {mark}, name LIMIT {int(limit)}"
    )
    return [_from_row(row) for row in db.execute_sql(sql, [*params, country]).fetchall()]


def fragment_statement(terms: tuple[str, ...], country: str) -> tuple[str, list[str]]:
    """The substring statement and its parameters (the lookup benchmark runs it raw too).

    The trigram index (FTS5 on SQLite, pg_trgm on PostgreSQL) yields at most SCANNED hits; of
    those the outlet's own country's come first into the CANDIDATES that are ranked. At a
    million customers a common fragment ("mar") has tens of thousands of hits, and the first
    ones in index order may all be of another country: without this a Kinshasa counter saw
    Ivorian customers first. Bounding the scan keeps the cost of a frequent fragment flat.
    """
    if is_postgres(db):
        where = " AND ".join("search_text LIKE %s" for _ in terms)
        params = [f"%{_like_escape(t)}%" for t in terms]
        sql = (
            f"SELECT {COLUMNS} FROM (SELECT {COLUMNS} FROM customer WHERE {where} LIMIT {SCANNED}) hit "
            f"ORDER BY country <> %s LIMIT {CANDIDATES}"
        )
        return sql, [*params, country]
    columns = ", ".join(f"c.{name.strip()}" for name in COLUMNS.split(","))
    sql = (
        f"SELECT {columns} FROM (SELECT rowid AS id FROM customer_fts WHERE customer_fts MATCH ? "
        f"LIMIT {SCANNED}) hit JOIN customer c ON c.id = hit.id "
        f"ORDER BY c.country <> ? LIMIT {CANDIDATES}"
    )
    return sql, [" AND ".join('"' + t.replace('"', '""') + '"' for t in terms), country]


def _like_escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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

    sql, params = fragment_statement(parsed.terms, region)
    return [_from_row(row) for row in sorted(db.execute_sql(sql, params).fetchall(), key=rank)[:limit]]


def customer_count() -> int:
    return Customer.select().count()
