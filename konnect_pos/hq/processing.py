"""HQ turns what terminals pushed into sales, payments, customers, bundle queues and, through
``projections``, every other kind of record (days, drawers, cash, balances, corporate billing).

Runs as HQ's owner over the events not processed yet, in the order HQ received them,
one transaction per batch. Every step is idempotent (keys are the records' UUIDs), so
processing the same event twice, or in another order across terminals, gives the same
state. The conflict rules are in docs/decisions.md ("Sync and HQ").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import psycopg
from psycopg.types.json import Jsonb

from konnect_pos.domain import bundle_queue as queue
from konnect_pos.domain.customers import record_search_text
from konnect_pos.domain.errors import KonnectError
from konnect_pos.hq import catalog, message_queue, projections
from konnect_pos.hq.commissions import sale_line_commission
from konnect_pos.hq.connection import first_line, hq_connect
from konnect_pos.hq.door import SHAPES, Door, Incoming, Refused, Sender, customer_change_problem

BATCH = 1_000
CONTACT_FIELDS = ("name", "phone", "country", "kit_serial", "language")


@dataclass(frozen=True, slots=True)
class ProcessSummary:
    events: int
    sales: int
    customers_rebuilt: int
    conflicts: int


class _Retry(Exception):
    """A record's handler failed in a batch without savepoints: redo the batch with them."""


def process(url: str) -> ProcessSummary:
    """Turn new inbound records into HQ's tables; a record that fails is quarantined, never fatal.

    A batch first runs without a savepoint per record (the door's checks write nothing
    before they pass); if a handler fails, the batch is rolled back and run again with
    one savepoint per record, so only that record is quarantined.
    """
    events = sales = 0
    touched: set[str] = set()
    with hq_connect(url) as conn:
        before = conn.execute("SELECT count(*) FROM hq_conflict").fetchone()[0]
        careful = False
        while True:
            try:
                done = _batch(conn, careful)
            except _Retry:
                careful = True
                continue
            careful = False
            if done is None:
                break
            events, sales = events + done[0], sales + done[1]
            touched |= done[2]
        for account in sorted(touched):
            try:
                with conn.transaction():
                    rebuild_queue(conn, account)
            except (psycopg.DataError, psycopg.IntegrityError, KonnectError, ValueError, KeyError,
                    TypeError) as exc:  # fmt: skip
                _flag(conn, "queue_rebuild_failed", None, account, {"reason": first_line(exc)})
        after = conn.execute("SELECT count(*) FROM hq_conflict").fetchone()[0]
    return ProcessSummary(events, sales, len(touched), after - before)


def _batch(conn: psycopg.Connection, careful: bool) -> tuple[int, int, set[str]] | None:
    """One batch in one transaction: (records, sales taken in, customers touched), None when done."""
    sales, touched = 0, set()
    with conn.transaction():
        rows = conn.execute(
            """SELECT i.id, i.uuid, i.terminal, i.seq, i.kind, i.record_uuid, i.payload,
                      i.received_at, t.outlet_code, o.zone, o.country, i.created_at
               FROM hq_inbound i JOIN hq_terminal t ON t.label = i.terminal
               JOIN hq_outlet o ON o.code = t.outlet_code
               WHERE NOT i.processed ORDER BY i.id LIMIT %s FOR UPDATE OF i SKIP LOCKED""",
            (BATCH,),
        ).fetchall()
        if not rows:
            return None
        batch = [_Event(*row) for row in rows]
        door = Door(conn, [event.incoming for event in batch])
        for event in batch:
            handled, customer = _process_one(conn, door, event, careful)
            if customer:
                touched.add(customer)
            sales += handled and event.kind == "sale"
        conn.execute("UPDATE hq_inbound SET processed = TRUE WHERE id = ANY(%s)", ([r[0] for r in rows],))
    return len(rows), sales, touched


_RECORD_FAULTS = (psycopg.Error, KonnectError, ValueError, KeyError, TypeError, IndexError, ArithmeticError)


def _process_one(
    conn: psycopg.Connection, door: Door, event: _Event, careful: bool
) -> tuple[bool, str | None]:
    """One record: checked at the door, then handled; a record that fails is quarantined.

    Returns whether it was taken in, and the customer whose queue it touched."""
    try:
        payload = door.admit(event.incoming)
    except Refused as refusal:
        _quarantine(conn, event, refusal.reason, "quarantined")
        return False, None
    if not careful:
        try:
            customer = HANDLERS[event.kind](conn, event, payload)
        except psycopg.OperationalError:
            raise  # the connection, not the record: stop and try again later
        except _RECORD_FAULTS:
            raise _Retry from None
    else:
        try:
            with conn.transaction():
                customer = HANDLERS[event.kind](conn, event, payload)
        except psycopg.OperationalError:
            raise
        except _RECORD_FAULTS as exc:
            _quarantine(conn, event, f"could not be processed: {first_line(exc)}", "quarantined")
            return False, None
    door.taken(event.incoming, payload)
    return True, customer


def _quarantine(conn: psycopg.Connection, event: _Event, reason: str, kind: str,
                extra: dict[str, Any] | None = None) -> None:  # fmt: skip
    """Keep the record, out of every derived table, with a conflict that says why."""
    conn.execute("UPDATE hq_inbound SET quarantine = %s WHERE id = %s", (reason, event.id))
    details = {
        "terminal": event.terminal, "seq": event.seq, "kind": event.kind, "record": event.record_uuid,
        "event": event.uuid, "reason": reason, **(extra or {}),
    }  # fmt: skip
    _flag(conn, kind, event.outlet_code, f"{event.terminal}#{event.seq}", details)


def _flag(
    conn: psycopg.Connection, kind: str, outlet: str | None, subject: str, details: dict[str, Any]
) -> None:
    conn.execute(
        """INSERT INTO hq_conflict (kind, outlet_code, subject, details) VALUES (%s, %s, %s, %s)
           ON CONFLICT (kind, subject) DO UPDATE SET details = EXCLUDED.details""",
        (kind, outlet, subject, Jsonb(details)),
    )


@dataclass(frozen=True, slots=True)
class _Event:
    id: int
    uuid: str
    terminal: str
    seq: int
    kind: str
    record_uuid: str
    payload_text: str
    received_at: datetime
    outlet_code: str
    zone: str
    country: str
    created_at: datetime

    @property
    def sender(self) -> Sender:
        return Sender(self.terminal, self.outlet_code, self.country)

    @property
    def incoming(self) -> Incoming:
        return Incoming(self.id, self.kind, self.record_uuid, self.payload_text, self.sender)


def _sale(conn: psycopg.Connection, event: _Event, sale: dict[str, Any]) -> str:
    sold_at = datetime.fromisoformat(sale["sold_at"])
    business_date = (
        projections.business_date(conn, event)
        if conn.execute("SELECT 1 FROM hq_day WHERE terminal = %s LIMIT 1", (event.terminal,)).fetchone()
        else sold_at.astimezone(ZoneInfo(event.zone)).date()
    )
    rounding, paid = sale.get("rounding_minor"), sale.get("paid_minor")
    # A void or refund made at another counter of the outlet may have reached HQ first: the sale
    # starts with what they already did to it (both found by the sale's index, step 13).
    inserted = conn.execute(
        """INSERT INTO hq_sale (uuid, terminal, outlet_code, receipt_number, customer, username, sold_at,
               business_date, channel, currency, total_minor, vat_minor, rounding_minor, paid_minor,
               voided, refunded_minor)
           VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s,
               EXISTS (SELECT 1 FROM hq_void WHERE sale_uuid = %s),
               (SELECT coalesce(sum(amount_minor), 0) FROM hq_refund WHERE sale_uuid = %s))
           ON CONFLICT DO NOTHING RETURNING uuid""",
        (
            sale["uuid"], event.terminal, event.outlet_code, sale["receipt_number"], sale["customer"],
            sale["user"], sold_at, business_date, sale["channel"], sale["currency"], sale["total_minor"],
            sale["vat_minor"], rounding if isinstance(rounding, int) else 0,
            paid if isinstance(paid, int) else None, sale["uuid"], sale["uuid"],
        ),
    ).fetchone()  # fmt: skip
    if inserted is None:
        return sale["customer"]
    projections.top_up(conn, event, sale)
    for line in sale["lines"]:
        position, code, name, data_gb, validity, price, _rate, _vat, trigger = line[:9]
        commission, percent = sale_line_commission(line)
        conn.execute(
            """INSERT INTO hq_sale_line (sale_uuid, position, bundle_code, bundle_name, data_gb,
                   validity_days, price_minor, trigger, commission_minor, commission_percent)
               VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING""",
            (sale["uuid"], position, code, name, data_gb, validity, price, trigger, commission, percent),
        )
    for payment in sale["payments"]:
        position, method, currency, amount, _tendered, _change, provider, reference = payment[:8]
        conn.execute(
            """INSERT INTO hq_payment (sale_uuid, position, method, currency, amount_minor, provider,
                   reference) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING""",
            (sale["uuid"], position, method, currency, amount, provider, reference),
        )
        if reference:
            _flag_reused_reference(conn, provider, reference)
    return sale["customer"]


def _flag_reused_reference(conn: psycopg.Connection, provider: str, reference: str) -> None:
    """One mobile-money reference on sales of two terminals: keep both, flag for managers."""
    uses = conn.execute(
        """SELECT s.receipt_number, s.terminal, s.outlet_code, p.amount_minor, p.currency
           FROM hq_payment p JOIN hq_sale s ON s.uuid = p.sale_uuid
           WHERE p.provider = %s AND p.reference = %s ORDER BY s.sold_at, s.receipt_number""",
        (provider, reference),
    ).fetchall()
    if len({use[1] for use in uses}) < 2:
        return
    details = {
        "provider": provider,
        "reference": reference,
        "sales": [{"receipt": u[0], "terminal": u[1], "amount_minor": u[3], "currency": u[4]} for u in uses],
    }
    for outlet in sorted({use[2] for use in uses}):
        conn.execute(
            """INSERT INTO hq_conflict (kind, outlet_code, subject, details)
               VALUES ('reused_reference', %s, %s, %s)
               ON CONFLICT (kind, subject) DO UPDATE SET details = EXCLUDED.details""",
            (outlet, f"{provider}:{reference}@{outlet}", Jsonb(details)),
        )


def _void(conn: psycopg.Connection, event: _Event, void: dict[str, Any]) -> str | None:
    projections.void(conn, event, void)
    row = conn.execute(
        "UPDATE hq_sale SET voided = TRUE WHERE uuid = %s RETURNING customer", (void["sale"],)
    ).fetchone()
    return row[0] if row else None


def _refund(conn: psycopg.Connection, event: _Event, refund: dict[str, Any]) -> None:
    projections.refund(conn, event, refund)
    conn.execute(
        """UPDATE hq_sale SET refunded_minor = (
               SELECT coalesce(sum(amount_minor), 0) FROM hq_refund WHERE sale_uuid = %s)
           WHERE uuid = %s""",
        (refund["sale"], refund["sale"]),
    )


def _usage(conn: psycopg.Connection, event: _Event, reading: dict[str, Any]) -> str:
    conn.execute(
        "INSERT INTO hq_usage (uuid, customer, at, gb_used) VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
        (reading["uuid"], reading["customer"], datetime.fromisoformat(reading["at"]), reading["gb_used"]),
    )
    return reading["customer"]


def _customer(conn: psycopg.Connection, event: _Event, record: dict[str, Any]) -> None:
    """An outlet's change to its own country's customer, else a conflict for HQ (decisions.md)."""
    current = conn.execute(
        "SELECT country FROM hq_customer WHERE account_number = %s FOR UPDATE", (record["account_number"],)
    ).fetchone()
    problem = customer_change_problem(current[0] if current else None, record, event.sender)
    if problem is not None:
        _quarantine(conn, event, problem, "customer_edit",
                    {"account": record["account_number"], "fields": record["fields"]})  # fmt: skip
        return
    apply_customer_change(conn, event.terminal, event.uuid, record)


def apply_customer_change(
    conn: psycopg.Connection, terminal: str, event_uuid: str, record: dict[str, Any]
) -> None:
    """Contact details: the change HQ received last wins per field; the loser stays in history."""
    account, changes = record["account_number"], record["fields"]
    at = datetime.fromisoformat(record["at"])
    current = conn.execute(
        "SELECT name, phone, country, kit_serial, language FROM hq_customer"
        " WHERE account_number = %s FOR UPDATE",
        (account,),
    ).fetchone()
    if current is None:
        conn.execute(
            """INSERT INTO hq_customer (account_number, uuid, name, phone, country, kit_serial, language,
                   search_text, created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)""",
            (
                account, record["uuid"], changes.get("name", ""), changes.get("phone", ""),
                changes.get("country", ""), changes.get("kit_serial"), changes.get("language", ""),
                record_search_text(account, changes), at, at,
            ),
        )  # fmt: skip
    else:
        before = dict(zip(CONTACT_FIELDS, current, strict=True))
        for name, value in changes.items():
            if name in before and before[name] != value:
                conn.execute(
                    """UPDATE hq_customer_history SET outcome = 'overwritten'
                       WHERE account_number = %s AND field = %s AND outcome = 'kept'""",
                    (account, name),
                )
        merged = {**before, **{k: v for k, v in changes.items() if k in CONTACT_FIELDS}}
        assignments = ", ".join(f"{name} = %s" for name in CONTACT_FIELDS)
        conn.execute(
            f"UPDATE hq_customer SET {assignments}, search_text = %s, updated_at = %s"
            " WHERE account_number = %s",
            (*(merged[name] for name in CONTACT_FIELDS), record_search_text(account, merged), at, account),
        )
    with conn.cursor() as cur:
        cur.executemany(
            """INSERT INTO hq_customer_history (account_number, field, value, terminal, event_uuid, at,
                   outcome) VALUES (%s, %s, %s, %s, %s, %s, 'kept')""",
            [(account, name, value, terminal, event_uuid, at) for name, value in changes.items()],
        )


def _audit(conn: psycopg.Connection, event: _Event, payload: dict[str, Any]) -> None:
    """Kinds that are their own record at HQ: user audit and Connect+ opt-in/out (hq_inbound keeps them)."""


HANDLERS: dict[str, Callable[[psycopg.Connection, _Event, dict[str, Any]], str | None]] = {
    **dict.fromkeys(SHAPES, _audit),
    "sale": _sale,
    "void": _void,
    "refund": _refund,
    "usage_reading": _usage,
    "customer_created": _customer,
    "customer_updated": _customer,
    "day_open": projections.day_open,
    "day_close": projections.day_close,
    "cash_movement": projections.cash_movement,
    "balance_entry": projections.balance_entry,
    "corporate_account": projections.corporate_account,
    "corporate_line_event": projections.corporate_line_event,
    "corporate_invoice": projections.corporate_invoice,
    "queue_move": lambda conn, event, change: projections.queue_change(conn, event, change, "move"),
    "queue_trigger": lambda conn, event, change: projections.queue_change(conn, event, change, "trigger"),
    "float_use": projections.float_use,
    "float_return": projections.float_return,
    "catalog_change": lambda conn, event, change: catalog.apply_change(conn, change, event.country),
    "receipt_message": message_queue.queue_message,
}


def rebuild_queue(conn: psycopg.Connection, account: str) -> None:
    """The customer's queue from every outlet's sales, replayed in sale-time order.

    Each sale is planned against the queue as it stood then, as the counter would have:
    a sale recorded as "immediate" on an account that another outlet had already
    renewed becomes a following bundle with the default trigger (end of the period).
    """
    lines = conn.execute(
        """SELECT s.uuid, s.sold_at, l.position, l.bundle_code, l.bundle_name, l.data_gb, l.validity_days,
                  l.trigger
           FROM hq_sale s JOIN hq_sale_line l ON l.sale_uuid = s.uuid
           WHERE s.customer = %s AND NOT s.voided ORDER BY s.sold_at, s.uuid, l.position""",
        (account,),
    ).fetchall()
    readings = [
        queue.BundleUsage(at=at, gb_used=Decimal(gb))
        for at, gb in conn.execute(
            "SELECT at, gb_used FROM hq_usage WHERE customer = %s ORDER BY at", (account,)
        )
    ]
    changes = conn.execute(
        "SELECT at, kind, purchase, details FROM hq_queue_change WHERE customer = %s ORDER BY at, uuid",
        (account,),
    ).fetchall()
    purchases: list[queue.QueuedBundle] = []
    sold_as: dict[str, str] = {}
    waiting = list(changes)
    for sale_uuid, group in _by_sale(lines):
        sold_at = group[0][1]
        while waiting and waiting[0][0] < sold_at:
            purchases = _replay(purchases, readings, *waiting.pop(0))
        items = []
        for line in group:
            pid = f"{sale_uuid}:{line[2]}"
            terms = queue.BundleTerms(
                code=line[3], name=line[4], data_gb=Decimal(line[5]), validity_days=line[6]
            )
            trigger = queue.ActivationTrigger(line[7])
            sold_as[pid] = trigger.value
            items.append((pid, terms, None if trigger is queue.ActivationTrigger.IMMEDIATE else trigger))
        earlier = [r for r in readings if r.at <= sold_at]
        purchases.extend(queue.plan_sale(purchases, earlier, items, sold_at))
    for change in waiting:
        purchases = _replay(purchases, readings, *change)
    conn.execute("DELETE FROM hq_queue WHERE customer = %s", (account,))
    if not purchases:
        return
    moment = max([*(p.sold_at for p in purchases), *(change[0] for change in changes)])
    timeline = queue.project(purchases, readings, moment)
    with conn.cursor() as cur:
        cur.executemany(
            """INSERT INTO hq_queue (customer, position, sale_uuid, line_position, bundle_code, trigger,
                   sold_trigger, starts_at, starts_exact) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)""",
            [
                (
                    account, entry.position, entry.purchase_id.rsplit(":", 1)[0],
                    int(entry.purchase_id.rsplit(":", 1)[1]), entry.terms.code, entry.trigger.value,
                    sold_as[entry.purchase_id], entry.starts_at, entry.starts_exact,
                )
                for entry in timeline.entries
            ],
        )  # fmt: skip


def _by_sale(lines: list[tuple[Any, ...]]) -> Iterable[tuple[str, list[tuple[Any, ...]]]]:
    group: list[tuple[Any, ...]] = []
    for line in lines:
        if group and group[0][0] != line[0]:
            yield group[0][0], group
            group = []
        group.append(line)
    if group:
        yield group[0][0], group


def _replay(
    purchases: list[queue.QueuedBundle], readings: list[queue.BundleUsage], at: datetime, kind: str,
    purchase: str, details: dict[str, Any],
) -> list[queue.QueuedBundle]:  # fmt: skip
    """A counter's reorder or retrigger applied where it happened among the sales.

    The terminal names its purchases by its own ids; the change carries which sale line each
    one is (``lines``). A change HQ cannot apply (its bundle was voided, or already started
    here because another outlet's sale came first) leaves the queue as it was.
    """
    lines = details.get("lines") or {}
    if purchase not in lines:
        return purchases
    sale_uuid, position = lines[purchase]
    target = f"{sale_uuid}:{position}"
    if all(p.id != target for p in purchases):
        return purchases
    earlier = [r for r in readings if r.at <= at]
    try:
        if kind == "move":
            return queue.move(purchases, earlier, at, target, details["to"])
        return queue.retrigger(purchases, earlier, at, target, queue.ActivationTrigger(details["trigger"]))
    except (KonnectError, KeyError, ValueError):
        return purchases
