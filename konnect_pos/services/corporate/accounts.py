"""Corporate accounts: list, show, create and edit (managers only)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from konnect_pos.domain.card_numbers import mask_card_numbers
from konnect_pos.domain.corporate.billing_cycle import (
    check_payment_terms,
)
from konnect_pos.domain.countries import country
from konnect_pos.domain.errors import Conflict, NotFound, ValidationError
from konnect_pos.domain.roles import Right
from konnect_pos.i18n import LANGUAGES
from konnect_pos.services import journal
from konnect_pos.services.corporate.views import AccountInput, AccountView
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import (
    CorporateAccount,
    Outlet,
    ServiceLine,
)

MAX_TEXT = 200
MAX_PAYMENT_TERMS = 365
EDITABLE = (
    "company",
    "tax_id",
    "address",
    "contact_name",
    "contact_phone",
    "contact_email",
    "payment_terms_days",
    "language",
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SERIAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{3,39}$")


# --- helpers -------------------------------------------------------------------------------


def clean_text(value: object, field_name: str, template: str, *, required: bool) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise ValidationError(template, field=field_name)
    if len(text) > MAX_TEXT:
        raise ValidationError(
            "{name} is too long (at most {max} characters)", field=field_name, name=field_name, max=MAX_TEXT
        )
    return text


def _terms(value: object) -> int:
    days = check_payment_terms(value)  # type: ignore[arg-type]
    if days > MAX_PAYMENT_TERMS:
        raise ValidationError(
            "Payment terms cannot exceed {max} days", field="payment_terms_days", max=MAX_PAYMENT_TERMS
        )
    return days


def _language(value: object) -> str:
    if value not in LANGUAGES:
        raise ValidationError("Unknown language: {lang}", field="language", lang=str(value))
    return str(value)


def _email(value: object) -> str:
    email = clean_text(value, "contact_email", "", required=False)
    if email and not _EMAIL.match(email):
        raise ValidationError("Not a valid e-mail address: {email}", field="contact_email", email=email)
    return email


def _clean_fields(fields: Mapping[str, Any]) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "company":
            cleaned[name] = mask_card_numbers(
                clean_text(value, name, "Enter the company name", required=True)
            )
        elif name == "tax_id":
            cleaned[name] = clean_text(value, name, "Enter the company's tax id", required=True)
        elif name in ("address", "contact_name"):  # free text: a card number typed here is masked
            cleaned[name] = mask_card_numbers(clean_text(value, name, "", required=False))
        elif name == "contact_phone":
            cleaned[name] = clean_text(value, name, "", required=False)
        elif name == "contact_email":
            cleaned[name] = _email(value)
        elif name == "payment_terms_days":
            cleaned[name] = _terms(value)
        elif name == "language":
            cleaned[name] = _language(value)
        else:
            raise ValidationError("{name} cannot be changed", field=name, name=name)
    return cleaned


def account_row(code: str) -> CorporateAccount:
    row = CorporateAccount.get_or_none(CorporateAccount.code == (code or "").strip().upper())
    if row is None:
        raise NotFound("No corporate account {code}", field="account", code=code)
    return row


def _account_view(row: CorporateAccount, lines: int | None = None) -> AccountView:
    count = lines if lines is not None else ServiceLine.select().where(ServiceLine.account == row.id).count()
    return AccountView(
        code=row.code,
        uuid=row.uuid,
        company=row.company,
        tax_id=row.tax_id,
        address=row.address,
        contact_name=row.contact_name,
        contact_phone=row.contact_phone,
        contact_email=row.contact_email,
        payment_terms_days=row.payment_terms_days,
        currency=row.currency,
        outlet_code=Outlet.get_by_id(row.outlet_id).code,
        zone=row.zone,
        language=row.language,
        billing_day=row.billing_day,
        lines=count,
    )


def account_payload(row: CorporateAccount) -> dict[str, Any]:
    return {
        "uuid": row.uuid,
        "code": row.code,
        "outlet": Outlet.get_by_id(row.outlet_id).code,
        **{name: getattr(row, name) for name in EDITABLE},
        "currency": row.currency,
        "zone": row.zone,
        "billing_day": row.billing_day,
    }


# --- accounts ------------------------------------------------------------------------------


def list_accounts(counter: Counter, query: str = "") -> list[AccountView]:
    counter.require(Right.CORPORATE_BILLING)
    select = CorporateAccount.select().order_by(CorporateAccount.company, CorporateAccount.code)
    text = (query or "").strip()
    if text:
        like = f"%{text}%"
        select = select.where(
            CorporateAccount.company.ilike(like)
            | CorporateAccount.code.ilike(like)
            | CorporateAccount.tax_id.ilike(like)
        )
    rows = list(select)
    counts: dict[int, int] = {}
    for line in ServiceLine.select(ServiceLine.account).where(ServiceLine.account.in_([r.id for r in rows])):
        counts[line.account_id] = counts.get(line.account_id, 0) + 1
    return [_account_view(row, counts.get(row.id, 0)) for row in rows]


def get_account(counter: Counter, code: str) -> AccountView:
    counter.require(Right.CORPORATE_BILLING)
    return _account_view(account_row(code))


def create_account(counter: Counter, data: AccountInput) -> AccountView:
    """A new account at an outlet; it gets its billing day from its first service line."""
    counter.require(Right.CORPORATE_BILLING)
    fields = _clean_fields({name: getattr(data, name) for name in EDITABLE})
    outlet = Outlet.get_or_none(Outlet.code == (data.outlet_code or "").strip().upper())
    if outlet is None:
        raise NotFound("No outlet with code {code}", field="outlet", code=data.outlet_code)
    currencies = country(outlet.country).currencies
    currency = (data.currency or currencies[0]).strip().upper()
    if currency not in currencies:
        raise ValidationError("{currency} is not used at this outlet", field="currency", currency=currency)
    now = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        duplicate = CorporateAccount.get_or_none(
            (CorporateAccount.tax_id == fields["tax_id"]) & (CorporateAccount.outlet == outlet.id)
        )
        if duplicate is not None:
            raise Conflict(
                "Tax id {tax_id} already belongs to account {code}",
                field="tax_id",
                tax_id=fields["tax_id"],
                code=duplicate.code,
            )
        number = CorporateAccount.select().where(CorporateAccount.outlet == outlet.id).count() + 1
        row = CorporateAccount.create(
            uuid=new_uuid(),
            code=f"{outlet.code}-C{number:04d}",
            outlet=outlet.id,
            currency=currency,
            zone=outlet.zone,
            created_at=now,
            updated_at=now,
            **fields,
        )
        journal.append(counter.terminal.id, "corporate_account", row.uuid, now, account_payload(row))
    return _account_view(row, 0)


def edit_account(counter: Counter, code: str, changes: Mapping[str, Any]) -> AccountView:
    """Company details, contacts, payment terms and language; issued invoices keep their copy."""
    counter.require(Right.CORPORATE_BILLING)
    fields = _clean_fields(changes)
    now = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        row = account_row(code)
        if not fields:
            return _account_view(row)
        for name, value in fields.items():
            setattr(row, name, value)
        row.updated_at = now
        row.save()
        journal.append(counter.terminal.id, "corporate_account", row.uuid, now, account_payload(row))
    return _account_view(row)
