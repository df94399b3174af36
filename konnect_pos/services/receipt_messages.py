"""A receipt sent by SMS or WhatsApp: its text, and the request queued for HQ's gateway.

A request is its own record, written after the sale in its own transaction: a sale that asks
for no message costs nothing, and a refused message leaves the sale as it was. The row, its
journal entry and its outbox event commit together; the push takes it to HQ, whose gateway
sends it (configured at HQ, outside the terminal).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from konnect_pos.documents.receipt_message import CHANNELS, receipt_message
from konnect_pos.domain.errors import NotFound, StateError, ValidationError
from konnect_pos.domain.phones import display_phone, normalize_phone, try_normalize_phone
from konnect_pos.domain.roles import Right
from konnect_pos.i18n import LANGUAGES
from konnect_pos.services import journal
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.receipts import receipt_data
from konnect_pos.services.session import Counter
from konnect_pos.store.chunks import in_chunks
from konnect_pos.store.database import write_transaction
from konnect_pos.store.message_models import ReceiptMessage
from konnect_pos.store.models import Customer, Sale, SaleVoid, User

if TYPE_CHECKING:
    from konnect_pos.services.verify_records import Records


@dataclass(frozen=True, slots=True)
class MessagePreview:
    """What would be sent: shown before sending (GUI) and after it (CLI)."""

    receipt_number: str
    channel: str  # sms | whatsapp
    phone: str  # E.164, "" when neither the customer nor the user gave one
    phone_shown: str  # "+243 81 234 5678"
    language: str
    text: str
    parts: int  # SMS parts; a WhatsApp message is one, whatever its length


@dataclass(frozen=True, slots=True)
class QueuedMessage:
    uuid: str
    preview: MessagePreview


def _sale(receipt_number: str) -> Sale:
    sale = Sale.get_or_none(Sale.receipt_number == (receipt_number or "").strip().upper())
    if sale is None:
        raise NotFound("No receipt {number}", field="receipt", number=receipt_number)
    return sale


def _phone(typed: str | None, customer: Customer) -> str:
    """E.164 of the number typed (one of the customer's country, or any in +… form), else the
    customer's own."""
    text = (typed or "").strip()
    if not text:
        return customer.phone or ""
    if text.startswith("+"):
        found = try_normalize_phone(text, customer.country)
        if found:
            return found
    return normalize_phone(text, customer.country)


def preview(
    counter: Counter, receipt_number: str, channel: str, phone: str | None = None, language: str | None = None
) -> MessagePreview:
    """The text and number a request would send (in ``language``, else the customer's); nothing is
    written."""
    return _previewed(counter, receipt_number, channel, phone, language)[1]


def _previewed(
    counter: Counter, receipt_number: str, channel: str, phone: str | None, language: str | None
) -> tuple[Sale, MessagePreview]:
    """``preview``, with the sale it read."""
    counter.require(Right.REPRINT)
    if channel not in CHANNELS:
        raise ValidationError("Send the receipt by sms or whatsapp", field="channel")
    sale = _sale(receipt_number)
    if SaleVoid.select().where(SaleVoid.sale == sale).exists():
        raise StateError(
            "Receipt {number} was voided: it is not sent", field="receipt", number=sale.receipt_number
        )
    customer = Customer.get_by_id(sale.customer_id)
    number = _phone(phone, customer)
    if language is not None and language not in LANGUAGES:
        raise ValidationError("Unknown language: {lang}", field="language", lang=language)
    language = language or (customer.language if customer.language in LANGUAGES else sale.language)
    message = receipt_message(receipt_data(sale.receipt_number, language=language), channel)
    return sale, MessagePreview(
        receipt_number=sale.receipt_number, channel=channel, phone=number,
        phone_shown=display_phone(number) if number else "", language=language, text=message.text,
        parts=message.count.parts if channel == "sms" else 1,
    )  # fmt: skip


def send_receipt(
    counter: Counter, receipt_number: str, channel: str, phone: str | None = None, language: str | None = None
) -> QueuedMessage:
    """Queue the receipt's text for HQ's gateway: the row, its journal entry and outbox event."""
    sale, shown = _previewed(counter, receipt_number, channel, phone, language)
    if not shown.phone:
        raise ValidationError("The customer has no phone number: give one", field="phone")
    at = counter.clock()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        row = ReceiptMessage.create(
            uuid=new_uuid(), sale=sale.id, terminal=counter.terminal.id, user=counter.user.id,
            requested_at=at, channel=shown.channel, phone=shown.phone, language=shown.language,
            text=shown.text, parts=shown.parts,
        )  # fmt: skip
        journal.append(
            counter.terminal.id, "receipt_message", row.uuid, at,
            message_payload(row, sale.receipt_number, counter.user.username),
        )  # fmt: skip
    return QueuedMessage(row.uuid, shown)


def message_payload(row: ReceiptMessage, receipt_number: str, username: str) -> dict[str, Any]:
    """The journaled content of a request (``verify`` rebuilds it from the row; HQ queues it)."""
    return {
        "uuid": row.uuid, "receipt": receipt_number, "channel": row.channel, "phone": row.phone,
        "language": row.language, "text": row.text, "parts": row.parts, "user": username,
        "at": row.requested_at.isoformat(),
    }  # fmt: skip


# --- verify: each request rebuilt from its row, in the journal's spelling ----------------------

KIND_NAMES = {"receipt_message": "receipt sent by SMS or WhatsApp"}
TABLES = {"receipt_message": ReceiptMessage}


def _requests() -> Records:
    """Every request rebuilt from its row, for ``verify``."""
    users = dict(User.select(User.id, User.username).tuples())
    query = ReceiptMessage.select(ReceiptMessage, Sale.receipt_number).join(Sale)
    for rows in in_chunks(query, ReceiptMessage):
        yield [
            (
                row.uuid,
                f"receipt {row.sale.receipt_number} sent by {row.channel}",
                message_payload(row, row.sale.receipt_number, users.get(row.user_id, "")),
            )
            for row in rows
        ]


RECORDS = {"receipt_message": _requests}
