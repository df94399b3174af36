"""HQ's door: what a terminal pushed is checked against the terminal that sent it.

A terminal's role can only push under its own label (``hq_push``), but what the records
*say* is the terminal's word. Before processing writes anything derived from a record,
the record must be of a known kind, parse, match its kind's shape, and carry the
sender's own identity: a sale numbered by the sending terminal, voids and refunds of its
own outlet's sales, invoices numbered by its outlet, a corporate account of its outlet,
day and drawer records that name no other terminal, a record id no other terminal
already holds. The money a record moves on a sale HQ holds is checked against that sale
(``door_money``). A record that fails is kept, quarantined with the reason, and shown to
HQ's managers as a conflict; it never blocks the records after it (decisions.md).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import psycopg

from konnect_pos.domain.countries import country
from konnect_pos.domain.errors import KonnectError
from konnect_pos.domain.money import MAX_MINOR
from konnect_pos.hq.door_money import KINDS as MONEY_KINDS
from konnect_pos.hq.door_money import SaleMoney

Check = Callable[[Any], bool]

# Contact fields an outlet may change on its own country's customers.
CONTACT_FIELDS = frozenset({"name", "phone", "kit_serial", "language"})
# A receipt by SMS or WhatsApp: the longest text HQ queues for its gateway, and its SMS parts.
MESSAGE_TEXT_LIMIT = 1_000
MESSAGE_PARTS_LIMIT = 10


class Refused(Exception):
    """The record is quarantined for this reason (plain English, stored for HQ's managers)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Sender:
    """The terminal that pushed a record, as HQ registered it."""

    terminal: str
    outlet: str
    country: str


def _text(value: Any) -> bool:
    return isinstance(value, str)


def _optional_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _minor_units(value: Any) -> bool:
    """An amount of float: whole minor units, never below zero (a negative use or give-back would
    raise the outlet's float), never beyond what any amount may be."""
    return _integer(value) and 0 <= value <= MAX_MINOR


def _anything(value: Any) -> bool:
    return True


def _instant(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _day(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _decimal(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return Decimal(value).is_finite()
    except InvalidOperation:
        return False


def _currency(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[A-Z]{3}", value) is not None


def _e164(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"\+[1-9][0-9]{6,14}", value) is not None


def _message_text(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MESSAGE_TEXT_LIMIT


def _parts(value: Any) -> bool:
    return _integer(value) and 1 <= value <= MESSAGE_PARTS_LIMIT


def _one_of(*choices: str) -> Check:
    return lambda value: value in choices


def _rows(*columns: Check) -> Check:
    def check(value: Any) -> bool:
        return isinstance(value, list) and all(
            isinstance(row, list)
            and len(row) >= len(columns)
            and all(c(v) for c, v in zip(columns, row, strict=False))
            for row in value
        )

    return check


def _minor_by_currency(value: Any) -> bool:
    return isinstance(value, dict) and all(_currency(k) and _integer(v) for k, v in value.items())


def _counts(value: Any) -> bool:
    return isinstance(value, dict) and all(
        _currency(k) and isinstance(v, list) and len(v) == 2 and all(map(_integer, v))
        for k, v in value.items()
    )


def _contact(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and bool(value)
        and all(_text(k) and _optional_text(v) for k, v in value.items())
    )


def _list(value: Any) -> bool:
    return isinstance(value, list)


_TRIGGER = _one_of("immediate", "period_end", "data_exhausted")
_SALE_LINE = _rows(_integer, _text, _text, _decimal, _integer, _integer, _text, _integer, _TRIGGER)
_PAYMENT = _rows(_integer, _text, _currency, _integer, _anything, _anything, _optional_text, _optional_text)
_USER_AUDIT = {"uuid": _text, "username": _text, "user": _text}
_QUEUE_CHANGE = {"uuid": _text, "customer": _text, "user": _text, "purchase": _text}
_CUSTOMER = {"uuid": _text, "account_number": _text, "fields": _contact, "at": _instant}

# Every kind a terminal writes to its outbox, with the fields HQ relies on.
SHAPES: dict[str, dict[str, Check]] = {
    "sale": {
        "uuid": _text, "receipt_number": _text, "customer": _text, "user": _text, "sold_at": _instant,
        "channel": _text, "currency": _currency, "total_minor": _integer, "vat_minor": _integer,
        "lines": _SALE_LINE, "payments": _PAYMENT,
    },
    "void": {"uuid": _text, "sale": _text, "receipt_number": _text, "reason": _text, "user": _text},
    "refund": {
        "uuid": _text, "sale": _text, "receipt_number": _text, "amount_minor": _minor_units,
        "currency": _currency, "user": _text,
    },
    "usage_reading": {"uuid": _text, "customer": _text, "at": _instant, "gb_used": _decimal},
    "customer_created": _CUSTOMER,
    "customer_updated": _CUSTOMER,
    "day_open": {"uuid": _text, "date": _day, "user": _text, "floats": _minor_by_currency},
    "day_close": {"uuid": _text, "date": _day, "z_number": _integer, "user": _text, "counts": _counts},
    "cash_movement": {
        "uuid": _text, "direction": _one_of("in", "out"), "currency": _currency,
        "amount_minor": _integer, "reason": _text, "user": _text,
    },
    "connect_plus_opt_in": {"customer": _text, "user": _text, "day": _day},
    "connect_plus_opt_out": {"customer": _text, "user": _text, "day": _day},
    "user_created": _USER_AUDIT,
    "user_deactivated": _USER_AUDIT,
    "user_pin_reset": _USER_AUDIT,
    "user_unlocked": _USER_AUDIT,
    "corporate_account": {"uuid": _text, "code": _text, "outlet": _text, "currency": _currency},
    "corporate_line_event": {
        "uuid": _text, "account": _text, "line": _text, "kit_serial": _text, "seq": _integer,
        "kind": _text, "at": _instant, "user": _text,
    },
    "corporate_invoice": {
        "uuid": _text, "number": _text, "account": _text, "currency": _currency, "total": _integer,
        "lines": _list,
    },
    # The daily run's and the counter's ledger entries (top-up credits travel in their sale).
    "balance_entry": {
        "uuid": _text, "customer": _text, "key": _text, "day": _day,
        "kind": _one_of("plan_fee", "connect_plus_fee", "refund", "adjustment"), "currency": _currency,
        "amount_minor": _integer,
    },
    "queue_move": _QUEUE_CHANGE,
    "queue_trigger": _QUEUE_CHANGE,
    "exchange_rate": {
        "uuid": _text, "outlet": _text, "base": _currency, "quote": _currency, "date": _day,
        "per_base": _decimal, "user": _text,
    },
    "drawer_opened": {"uuid": _text, "user": _text, "pin": _integer},
    "plan_change": {
        "uuid": _text, "customer": _text, "kind": _one_of("set", "now", "next_renewal", "cancelled"),
        "from_plan": _optional_text, "to_plan": _text, "requested_on": _day, "effective_on": _day,
        "user": _text,
    },
    "float_use": {
        "uuid": _text, "sale": _text, "receipt_number": _text, "currency": _currency,
        "amount_minor": _minor_units,
    },
    "float_return": {
        "uuid": _text, "refund": _text, "sale": _text, "receipt_number": _text, "currency": _currency,
        "amount_minor": _minor_units,
    },
    "float_pull": {"uuid": _text, "outlet": _text, "topped_up_minor": _integer, "used_minor": _integer},
    "offline_override": {"uuid": _text, "user": _text, "at": _instant, "reason": _text},
    "catalog_change": {
        "uuid": _text, "item": _one_of("bundle", "plan"), "action": _one_of("add", "change", "retire"),
        "country": _text, "code": _text, "details": lambda value: isinstance(value, dict), "user": _text,
    },
    "receipt_message": {
        "uuid": _text, "receipt": _text, "channel": _one_of("sms", "whatsapp"), "phone": _e164,
        "language": _one_of("en", "fr", "sw"), "text": _message_text, "parts": _parts, "user": _text,
        "at": _instant,
    },
}  # fmt: skip

# Kinds whose record id names one record of one terminal (customers and corporate accounts
# are edited from many terminals under the same id, users from every counter of a shop).
ONE_OWNER = frozenset(SHAPES) - {
    "customer_created", "customer_updated", "corporate_account",
    "user_created", "user_deactivated", "user_pin_reset", "user_unlocked",
}  # fmt: skip
# Corrections of a sale, made at any terminal of the sale's outlet.
ON_A_SALE = frozenset({"void", "refund", "float_return"})
# One of each per terminal and business date.
ONCE_A_DAY = frozenset({"day_open", "day_close"})


def parse(kind: str, record_uuid: str, text: str) -> dict[str, Any]:
    """The payload of a known kind that parses and has its kind's shape, else Refused."""
    shape = SHAPES.get(kind)
    if shape is None:
        raise Refused(f"unknown kind of record {kind[:40]!r}")
    try:
        payload = json.loads(text)
    except (ValueError, TypeError):
        raise Refused(f"{kind} payload is not JSON") from None
    if not isinstance(payload, dict):
        raise Refused(f"{kind} payload is not a JSON object")
    wrong = sorted(name for name, check in shape.items() if name not in payload or not check(payload[name]))
    if wrong:
        raise Refused(f"{kind} payload: missing or malformed {', '.join(wrong)}")
    if "uuid" in shape and payload["uuid"] != record_uuid:
        raise Refused(
            f"{kind} payload names record {str(payload['uuid'])[:40]} but was sent as {record_uuid}"
        )
    return payload


@dataclass(frozen=True, slots=True)
class Incoming:
    """One pushed record as the door sees it."""

    id: int
    kind: str
    record_uuid: str
    payload_text: str
    sender: Sender


class Door:
    """The checks of one batch, with what HQ already holds fetched once for the whole batch.

    ``admit`` refuses or returns the payload; ``taken`` records what an admitted record now
    holds (its receipt number, its record id), so a later record of the same batch sees it.
    """

    def __init__(self, conn: psycopg.Connection, batch: list[Incoming]) -> None:
        self.conn = conn
        self.parsed: dict[int, dict[str, Any] | Refused] = {}
        for event in batch:
            try:
                self.parsed[event.id] = parse(event.kind, event.record_uuid, event.payload_text)
            except Refused as refusal:
                self.parsed[event.id] = refusal
        good = [(e, p) for e in batch if isinstance(p := self.parsed[e.id], dict)]
        receipts = [p["receipt_number"] for e, p in good if e.kind == "sale"]
        sales = [p["sale"] for e, p in good if e.kind in ON_A_SALE]
        records = [e.record_uuid for e, _p in good if e.kind in ONE_OWNER]
        self.receipts: dict[str, str] = dict(
            conn.execute(
                "SELECT receipt_number, uuid FROM hq_sale WHERE receipt_number = ANY(%s)", (receipts,)
            ).fetchall()
            if receipts
            else []
        )
        self.sales: dict[str, tuple[str, str]] = {
            uuid: (outlet, receipt)
            for uuid, outlet, receipt in (
                conn.execute(
                    "SELECT uuid, outlet_code, receipt_number FROM hq_sale WHERE uuid = ANY(%s)", (sales,)
                ).fetchall()
                if sales
                else []
            )
        }
        self.money = SaleMoney(conn, [(e.kind, p) for e, p in good])
        first = min((e.id for e in batch), default=0)
        self.owners: dict[str, str] = dict(
            conn.execute(
                """SELECT DISTINCT ON (record_uuid) record_uuid, terminal FROM hq_inbound
                   WHERE record_uuid = ANY(%s) AND id < %s AND quarantine IS NULL AND kind = ANY(%s)
                   ORDER BY record_uuid, id""",
                (records, first, sorted(ONE_OWNER)),
            ).fetchall()
            if records
            else []
        )

    def admit(self, event: Incoming) -> dict[str, Any]:
        """The record's payload when it carries its sender's own identity, else Refused."""
        found = self.parsed[event.id]
        if isinstance(found, Refused):
            raise found
        _check_identity(event.kind, found, event.sender)
        kind, sender = event.kind, event.sender
        if kind == "sale":
            holder = self.receipts.get(found["receipt_number"])
            if holder is not None and holder != found["uuid"]:
                raise Refused(f"receipt number {found['receipt_number']} already belongs to another sale")
        elif kind in ON_A_SALE:
            sale = self.sales.get(found["sale"])
            if sale is not None and (sale[0] != sender.outlet or sale[1] != found["receipt_number"]):
                raise Refused(f"{kind} names sale {found['receipt_number'][:40]} but points at {sale[1]}")
        if kind in MONEY_KINDS and (kind not in ON_A_SALE or self.sales.get(found["sale"]) is not None):
            problem = self.money.problem(kind, found)  # only of a sale HQ holds
            if problem is not None:
                raise Refused(problem)
        if kind in ONCE_A_DAY:
            again = self.conn.execute(
                """SELECT seq FROM hq_inbound WHERE terminal = %s AND kind = %s AND id < %s
                       AND quarantine IS NULL AND payload::jsonb ->> 'date' = %s LIMIT 1""",
                (sender.terminal, kind, event.id, found["date"]),
            ).fetchone()
            if again is not None:
                raise Refused(f"a second {kind} for {found['date']} (the first is record {again[0]})")
        owner = self.owners.get(event.record_uuid) if kind in ONE_OWNER else None
        if owner is not None and owner != sender.terminal:
            raise Refused(f"record {event.record_uuid} already belongs to terminal {owner}")
        return found

    def taken(self, event: Incoming, payload: dict[str, Any]) -> None:
        if event.kind in ONE_OWNER:
            self.owners.setdefault(event.record_uuid, event.sender.terminal)
        if event.kind in MONEY_KINDS:
            self.money.taken(event.kind, payload)
        if event.kind == "sale":
            self.receipts.setdefault(payload["receipt_number"], payload["uuid"])
            self.sales.setdefault(payload["uuid"], (event.sender.outlet, payload["receipt_number"]))


def _check_identity(kind: str, payload: dict[str, Any], sender: Sender) -> None:
    """Refused unless the record's numbers, outlet, terminal and currencies are the sender's own."""
    if kind == "sale" and not re.fullmatch(rf"{re.escape(sender.terminal)}-\d+", payload["receipt_number"]):
        raise Refused(f"sale numbered {payload['receipt_number'][:40]} sent by {sender.terminal}")
    if kind in ON_A_SALE and not re.fullmatch(
        rf"{re.escape(sender.outlet)}-[A-Z0-9]+-\d+", payload["receipt_number"]
    ):
        raise Refused(f"{kind} of sale {payload['receipt_number'][:40]} sent by {sender.terminal}")
    if kind == "receipt_message" and not re.fullmatch(
        rf"{re.escape(sender.outlet)}-[A-Z0-9]+-\d+", payload["receipt"]
    ):  # a terminal's gateway requests are for its own outlet's sales (no SMS for anyone else's)
        raise Refused(f"message of receipt {payload['receipt'][:40]} sent by {sender.terminal}")
    if kind == "corporate_invoice" and not payload["number"].startswith(f"{sender.outlet}-INV-"):
        raise Refused(f"invoice numbered {payload['number'][:40]} sent by {sender.terminal}")
    if kind == "corporate_account" and payload["outlet"] != sender.outlet:
        raise Refused(f"corporate account of outlet {payload['outlet'][:20]} sent by {sender.terminal}")
    for name, own in (("terminal", sender.terminal), ("outlet", sender.outlet)):
        if kind != "corporate_account" and name in payload and payload[name] != own:
            raise Refused(f"{kind} of {name} {str(payload[name])[:20]} sent by {sender.terminal}")
    foreign = sorted(_currencies(kind, payload) - set(_country_currencies(sender.country)))
    if foreign:
        raise Refused(f"{kind} in {', '.join(foreign)}, not a currency of {sender.outlet}")


def _currencies(kind: str, payload: dict[str, Any]) -> set[str]:
    """The currencies a record's money is in (corporate accounts bill in their own currency)."""
    if kind == "day_open":
        return set(payload["floats"])
    if kind == "day_close":
        return set(payload["counts"])
    if kind == "sale":
        return {payload["currency"]} | {p[2] for p in payload["payments"]}
    if kind in ("refund", "cash_movement", "balance_entry", "float_use", "float_return"):
        return {payload["currency"]}
    if kind == "exchange_rate":
        return {payload["base"], payload["quote"]}
    return set()


def _country_currencies(code: str) -> tuple[str, ...]:
    try:
        return country(code).currencies
    except KonnectError:
        return ()


def customer_change_problem(
    current_country: str | None, payload: dict[str, Any], sender: Sender
) -> str | None:
    """Why this customer change needs HQ's decision, or None when the outlet may make it.

    An outlet edits the contact fields of its own country's customers (and creates
    customers of its own country); anything else waits for HQ to accept or reject it.
    """
    fields = payload["fields"]
    of = current_country if current_country is not None else fields.get("country")
    if of != sender.country:
        return f"{sender.terminal} ({sender.country}) changes a customer of {of or 'no country'}"
    if current_country is not None and fields.get("country", current_country) != current_country:
        return f"{sender.terminal} moves the customer to {fields['country']}"
    if current_country is None:
        return None
    other = sorted(set(fields) - CONTACT_FIELDS - {"country"})
    if other:
        return f"{sender.terminal} changes {', '.join(other)}, not only contact fields"
    return None
