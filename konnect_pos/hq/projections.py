"""HQ's tables for the records beyond sales: days and drawers, cash, voids and refunds as records
of their own day, balance ledger entries, corporate accounts, line events, invoices, queue changes.

Each handler is idempotent (keyed by the record's UUID or its natural key), like the sale's.
A terminal's record belongs to the business date of that terminal's last day open before it in
its own sequence (decisions.md "Sync and HQ"): the date the counter's X/Z report files it under.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo

import psycopg
from psycopg.types.json import Jsonb


class Event(Protocol):
    """What a handler needs of a pushed record (``processing._Event``)."""

    terminal: str
    seq: int
    outlet_code: str
    zone: str
    created_at: datetime


def business_date(conn: psycopg.Connection, event: Event) -> date:
    """The date of the sending terminal's day open last before this record, else its local date."""
    row = conn.execute(
        """SELECT business_date FROM hq_day WHERE terminal = %s AND opened_seq < %s
           ORDER BY opened_seq DESC LIMIT 1""",
        (event.terminal, event.seq),
    ).fetchone()
    return row[0] if row else event.created_at.astimezone(ZoneInfo(event.zone)).date()


def day_open(conn: psycopg.Connection, event: Event, record: dict[str, Any]) -> None:
    conn.execute(
        """INSERT INTO hq_day (terminal, business_date, outlet_code, open_uuid, opened_seq, opened_by)
           VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING""",
        (event.terminal, record["date"], event.outlet_code, record["uuid"], event.seq, record["user"]),
    )
    with conn.cursor() as cur:
        cur.executemany(
            """INSERT INTO hq_drawer (terminal, business_date, currency, float_minor)
               VALUES (%s, %s, %s, %s) ON CONFLICT (terminal, business_date, currency)
               DO UPDATE SET float_minor = EXCLUDED.float_minor""",
            [(event.terminal, record["date"], code, minor) for code, minor in record["floats"].items()],
        )


def day_close(conn: psycopg.Connection, event: Event, record: dict[str, Any]) -> None:
    conn.execute(
        """UPDATE hq_day SET close_uuid = %s, z_number = %s, closed_by = %s
           WHERE terminal = %s AND business_date = %s AND close_uuid IS NULL""",
        (record["uuid"], record["z_number"], record["user"], event.terminal, record["date"]),
    )
    with conn.cursor() as cur:
        cur.executemany(
            """INSERT INTO hq_drawer (terminal, business_date, currency, expected_minor, counted_minor)
               VALUES (%s, %s, %s, %s, %s)
               ON CONFLICT (terminal, business_date, currency) DO UPDATE
               SET expected_minor = EXCLUDED.expected_minor, counted_minor = EXCLUDED.counted_minor""",
            [
                (event.terminal, record["date"], currency, expected, counted)
                for currency, (expected, counted) in record["counts"].items()
            ],
        )


def cash_movement(conn: psycopg.Connection, event: Event, record: dict[str, Any]) -> None:
    conn.execute(
        """INSERT INTO hq_cash_movement (uuid, terminal, outlet_code, business_date, direction, currency,
               amount_minor, reason, username) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)
           ON CONFLICT DO NOTHING""",
        (
            record["uuid"], event.terminal, event.outlet_code, business_date(conn, event),
            record["direction"], record["currency"], record["amount_minor"], record["reason"], record["user"],
        ),
    )  # fmt: skip


def float_use(conn: psycopg.Connection, event: Event, record: dict[str, Any]) -> None:
    """What one sale consumed of its outlet's float (issue 19): HQ's float report sums these."""
    conn.execute(
        """INSERT INTO hq_float_use (uuid, sale_uuid, terminal, outlet_code, receipt_number, currency,
               amount_minor) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING""",
        (
            record["uuid"], record["sale"], event.terminal, event.outlet_code, record["receipt_number"],
            record["currency"], record["amount_minor"],
        ),
    )  # fmt: skip


def float_return(conn: psycopg.Connection, event: Event, record: dict[str, Any]) -> None:
    """What one refund gave back of its sale's float: HQ's float report takes these off the used."""
    conn.execute(
        """INSERT INTO hq_float_return (uuid, refund_uuid, sale_uuid, terminal, outlet_code, receipt_number,
               currency, amount_minor) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING""",
        (
            record["uuid"], record["refund"], record["sale"], event.terminal, event.outlet_code,
            record["receipt_number"], record["currency"], record["amount_minor"],
        ),
    )  # fmt: skip


def void(conn: psycopg.Connection, event: Event, record: dict[str, Any]) -> None:
    filed = business_date(conn, event)
    conn.execute(
        """INSERT INTO hq_void (uuid, sale_uuid, terminal, outlet_code, business_date, receipt_number, reason,
               username) VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING""",
        (
            record["uuid"], record["sale"], event.terminal, event.outlet_code, filed,
            record["receipt_number"], record["reason"], record["user"],
        ),
    )  # fmt: skip
    _reversal(conn, event, record, filed)


def refund(conn: psycopg.Connection, event: Event, record: dict[str, Any]) -> None:
    filed = business_date(conn, event)
    conn.execute(
        """INSERT INTO hq_refund (uuid, sale_uuid, terminal, outlet_code, business_date, receipt_number,
               currency, amount_minor, username) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)
           ON CONFLICT DO NOTHING""",
        (
            record["uuid"], record["sale"], event.terminal, event.outlet_code, filed,
            record["receipt_number"], record["currency"], record["amount_minor"], record["user"],
        ),
    )  # fmt: skip
    _reversal(conn, event, record, filed)


def _reversal(conn: psycopg.Connection, event: Event, record: dict[str, Any], filed: date) -> None:
    """The top-up a void or refund took back out of a balance (``balance_reversal``), as the
    adjustment entry the terminal wrote, on the correction's business date."""
    taken = record.get("balance_reversal")
    if not isinstance(taken, dict):
        return
    sale = conn.execute("SELECT currency FROM hq_sale WHERE uuid = %s", (record["sale"],)).fetchone()
    currency = record.get("currency") or (sale[0] if sale else None)
    if currency is None:
        raise ValueError(f"the sale {record['sale']} of this balance reversal is not at HQ")
    conn.execute(
        """INSERT INTO hq_balance_entry (customer, entry_key, terminal, outlet_code, day, kind, currency,
               amount_minor, sale_uuid) VALUES (%s, %s, %s, %s, %s, 'adjustment', %s, %s, %s)
           ON CONFLICT DO NOTHING""",
        (
            taken["customer"], taken["entry_key"], event.terminal, event.outlet_code, filed, currency,
            -int(taken["amount_minor"]), record["sale"],
        ),
    )  # fmt: skip


def top_up(conn: psycopg.Connection, event: Event, sale: dict[str, Any]) -> None:
    """The balance credit a top-up sale carries (``top_up`` in its content)."""
    credit = sale.get("top_up")
    if not isinstance(credit, dict):
        return
    conn.execute(
        """INSERT INTO hq_balance_entry (customer, entry_key, terminal, outlet_code, day, kind, currency,
               amount_minor, sale_uuid) VALUES (%s, %s, %s, %s, %s, 'top_up', %s, %s, %s)
           ON CONFLICT DO NOTHING""",
        (
            sale["customer"], credit["entry_key"], event.terminal, event.outlet_code, credit["day"],
            sale["currency"], credit["amount_minor"], sale["uuid"],
        ),
    )  # fmt: skip


def balance_entry(conn: psycopg.Connection, event: Event, entry: dict[str, Any]) -> None:
    """A plan fee, Connect+ fee or refund of the daily run or of a counter's catch-up.

    The engine's keys are one per fee and day or period, so an account run by two databases
    (it should have one owner) is charged once at HQ: the second terminal's entry is not
    taken, and a conflict names both terminals for HQ's managers.
    """
    inserted = conn.execute(
        """INSERT INTO hq_balance_entry (customer, entry_key, terminal, outlet_code, day, kind, currency,
               amount_minor, corrects, period_start, period_end)
           VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING RETURNING terminal""",
        (
            entry["customer"], entry["key"], event.terminal, event.outlet_code, entry["day"], entry["kind"],
            entry["currency"], entry["amount_minor"], entry.get("corrects"), entry.get("period_start"),
            entry.get("period_end"),
        ),
    ).fetchone()  # fmt: skip
    if inserted is not None:
        return
    owner = conn.execute(
        "SELECT terminal FROM hq_balance_entry WHERE customer = %s AND entry_key = %s",
        (entry["customer"], entry["key"]),
    ).fetchone()
    if owner is not None and owner[0] != event.terminal:
        conn.execute(
            """INSERT INTO hq_conflict (kind, outlet_code, subject, details)
               VALUES ('balance_owner', %s, %s, %s) ON CONFLICT (kind, subject) DO NOTHING""",
            (
                event.outlet_code, f"{entry['customer']}:{entry['key']}@{event.terminal}",
                Jsonb({"customer": entry["customer"], "key": entry["key"], "kept": owner[0],
                       "terminal": event.terminal, "seq": event.seq}),
            ),
        )  # fmt: skip


def corporate_account(conn: psycopg.Connection, event: Event, account: dict[str, Any]) -> None:
    """The account as its latest record says (accounts are edited; the last one HQ processed wins)."""
    conn.execute(
        """INSERT INTO hq_corporate_account (uuid, code, outlet_code, currency, details, terminal,
               updated_seq) VALUES (%s, %s, %s, %s, %s, %s, %s)
           ON CONFLICT (uuid) DO UPDATE SET code = EXCLUDED.code, details = EXCLUDED.details,
               terminal = EXCLUDED.terminal, updated_seq = EXCLUDED.updated_seq""",
        (
            account["uuid"], account["code"], account["outlet"], account["currency"], Jsonb(account),
            event.terminal, event.seq,
        ),
    )  # fmt: skip


def corporate_line_event(conn: psycopg.Connection, event: Event, line: dict[str, Any]) -> None:
    conn.execute(
        """INSERT INTO hq_corporate_line_event (uuid, account_uuid, line_uuid, kit_serial, seq, kind, at,
               username, details, terminal) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
           ON CONFLICT DO NOTHING""",
        (
            line["uuid"], line["account"], line["line"], line["kit_serial"], line["seq"], line["kind"],
            datetime.fromisoformat(line["at"]), line["user"], Jsonb(line), event.terminal,
        ),
    )  # fmt: skip


def corporate_invoice(conn: psycopg.Connection, event: Event, invoice: dict[str, Any]) -> None:
    """Filed under its invoice date (the run's billing day), else the terminal's business date."""
    issued = invoice.get("invoice_date")
    filed = date.fromisoformat(issued) if isinstance(issued, str) else business_date(conn, event)
    conn.execute(
        """INSERT INTO hq_corporate_invoice (uuid, number, account_uuid, terminal, outlet_code, business_date,
               invoice_date, currency, total_minor, details) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
           ON CONFLICT DO NOTHING""",
        (
            invoice["uuid"], invoice["number"], invoice["account"], event.terminal, event.outlet_code, filed,
            issued, invoice["currency"], invoice["total"], Jsonb(invoice),
        ),
    )  # fmt: skip


def queue_change(conn: psycopg.Connection, event: Event, change: dict[str, Any], kind: str) -> str:
    """Kept for the queue rebuild, which replays it among the customer's sales; returns the customer."""
    conn.execute(
        """INSERT INTO hq_queue_change (uuid, customer, terminal, at, kind, purchase, details)
           VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING""",
        (
            change["uuid"], change["customer"], event.terminal, event.created_at, kind, change["purchase"],
            Jsonb(change),
        ),
    )  # fmt: skip
    return change["customer"]
