"""Running headquarters: create its schema, register terminals, load reference data, prices.

These run as HQ's owner (the administrator's PostgreSQL role). Terminals get a role of
their own that can only call ``hq_push`` and read the reference tables (decisions.md).
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from urllib.parse import quote, urlparse, urlunparse

import psycopg
from psycopg import sql

from konnect_pos.domain.errors import Conflict, NotFound, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.domain.terminals import clean_terminal_code
from konnect_pos.hq.connection import ADMIN_TIMEOUTS, HQTimeouts, answered_within, hq_connect
from konnect_pos.hq.processing import apply_customer_change
from konnect_pos.hq.schema import migrate

READABLE = (
    "hq_outlet", "hq_bundle", "hq_bundle_price", "hq_user", "hq_customer", "hq_conflict",
    "hq_commission_rate",
    "hq_plan", "hq_plan_price",
)  # fmt: skip


def _database_name(conn: psycopg.Connection) -> str:
    return conn.execute("SELECT current_database()").fetchone()[0]


def group_role(conn: psycopg.Connection) -> str:
    """The NOLOGIN role every terminal of this HQ database belongs to."""
    return _identifier(f"kp_{_database_name(conn)}_terminals")


def _identifier(text: str) -> str:
    return re.sub(r"[^a-z0-9_]", "_", text.lower())[:63]


def init_hq(url: str) -> int:
    """Create or upgrade HQ's schema and the terminals' group role; returns the schema version."""
    with hq_connect(url) as conn:
        version = migrate(conn)
        group = group_role(conn)
        with conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (group,)).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(group)))
            database = _database_name(conn)
            role = sql.Identifier(group)
            conn.execute(sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), role))
            schema = conn.execute("SELECT current_schema()").fetchone()[0]
            conn.execute(sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(sql.Identifier(schema), role))
            for table in READABLE:
                if conn.execute("SELECT to_regclass(%s)", (table,)).fetchone()[0] is None:
                    continue  # a step not applied (a test builds an older HQ)
                conn.execute(sql.SQL("GRANT SELECT ON {} TO {}").format(sql.Identifier(table), role))
            for function in (
                "hq_push(TEXT, JSONB)", "hq_my_outlet()", "hq_journal_head(TEXT)",
                "hq_send_crash_log(TEXT, TEXT, TEXT, TEXT, BOOLEAN)", "hq_my_limits(TEXT)",
                "hq_send_statement(TEXT, JSONB)",
            ):  # fmt: skip
                if conn.execute("SELECT to_regprocedure(%s)", (function,)).fetchone()[0] is None:
                    continue  # a step not applied (a test builds an older HQ)
                conn.execute(sql.SQL(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC"))
                conn.execute(sql.SQL(f"GRANT EXECUTE ON FUNCTION {function} TO {{}}").format(role))
    return version


def add_terminal(url: str, outlet_code: str, terminal_code: str) -> str:
    """Register OUTLET-TERMINAL with a login role of its own; returns the URL the terminal uses."""
    outlet_code, terminal_code = outlet_code.strip().upper(), clean_terminal_code(terminal_code)
    label = f"{outlet_code}-{terminal_code}"
    password = secrets.token_urlsafe(24)
    with hq_connect(url) as conn, conn.transaction():
        if not conn.execute("SELECT 1 FROM hq_outlet WHERE code = %s", (outlet_code,)).fetchone():
            raise NotFound("No outlet with code {code} at headquarters", field="outlet", code=outlet_code)
        if conn.execute("SELECT 1 FROM hq_terminal WHERE label = %s", (label,)).fetchone():
            raise Conflict("Terminal {label} is already registered", field="terminal", label=label)
        role = _identifier(f"kp_{_database_name(conn)}_{label}")
        conn.execute(
            sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                sql.Identifier(role), sql.Literal(password), sql.Identifier(group_role(conn))
            )
        )
        conn.execute(
            "INSERT INTO hq_terminal (label, outlet_code, role_name) VALUES (%s, %s, %s)",
            (label, outlet_code, role),
        )
    parsed = urlparse(url)
    host = parsed.hostname or "127.0.0.1"
    netloc = f"{quote(role)}:{quote(password)}@{host}" + (f":{parsed.port}" if parsed.port else "")
    return urlunparse(parsed._replace(netloc=netloc))


def drop_terminal_roles(url: str) -> None:
    """Remove the login roles of this HQ database's terminals (roles outlive a dropped database)."""
    with hq_connect(url) as conn:
        roles = [row[0] for row in conn.execute("SELECT role_name FROM hq_terminal")]
        for role in [*roles, group_role(conn)]:
            conn.execute(sql.SQL("DROP OWNED BY {}").format(sql.Identifier(role)))
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


def set_price(url: str, country: str, code: str, amount: str, effective_from: date) -> Money:
    """Record a new price for bundle CODE from ``effective_from`` (a local business date)."""
    with hq_connect(url) as conn, conn.transaction():
        row = conn.execute(
            "SELECT currency FROM hq_bundle WHERE country = %s AND code = %s", (country.upper(), code.upper())
        ).fetchone()
        if row is None:
            raise NotFound("No bundle with code {code}", field="bundle", code=code.upper())
        price = Money.of(amount, row[0])
        if price.amount <= 0:
            raise ValidationError("A price must be more than zero", field="price")
        conn.execute(
            """INSERT INTO hq_bundle_price (country, code, effective_from, price_minor)
               VALUES (%s, %s, %s, %s) ON CONFLICT (country, code, effective_from)
               DO UPDATE SET price_minor = EXCLUDED.price_minor""",
            (country.upper(), code.upper(), effective_from, price.to_minor()),
        )
    return price


def registered_terminals(url: str) -> list[dict[str, Any]]:
    with hq_connect(url) as conn, conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
        return cur.execute(
            "SELECT label, outlet_code, acked_seq, chain_broken_seq, last_push_at"
            " FROM hq_terminal ORDER BY label"
        ).fetchall()


@dataclass(frozen=True, slots=True)
class ConflictRow:
    kind: str
    outlet_code: str | None
    subject: str
    details: dict[str, Any]
    detected_at: datetime
    id: int = 0
    resolution: str | None = None

    @property
    def reason(self) -> str:
        return str(self.details.get("reason", ""))


def conflicts(url: str, timeouts: HQTimeouts = ADMIN_TIMEOUTS) -> list[ConflictRow]:
    """HQ's conflicts for managers: all of them for HQ, the own outlet's for a terminal role."""
    with hq_connect(url, timeouts=timeouts) as conn, answered_within(conn, timeouts.answer):
        rows = conn.execute(
            "SELECT kind, outlet_code, subject, details, detected_at, id, resolution FROM hq_conflict"
            " ORDER BY detected_at, id"
        ).fetchall()
    return [ConflictRow(*row) for row in rows]


def resolve_conflict(url: str, conflict_id: int, *, accept: bool) -> ConflictRow:
    """HQ's decision on a conflict. Accepting a held customer change applies it (and terminals
    pull it); rejecting leaves it out for good. Quarantined records can only be rejected."""
    with hq_connect(url) as conn, conn.transaction():
        row = conn.execute(
            "SELECT kind, outlet_code, subject, details, detected_at, id, resolution FROM hq_conflict"
            " WHERE id = %s FOR UPDATE",
            (conflict_id,),
        ).fetchone()
        if row is None:
            raise NotFound("No conflict with number {number}", field="conflict", number=conflict_id)
        found = ConflictRow(*row)
        if found.resolution is not None:
            raise Conflict("Conflict {number} was already decided", field="conflict", number=conflict_id)
        if accept:
            if found.kind != "customer_edit":
                raise ValidationError(
                    "Only a customer change can be accepted; reject conflict {number} instead",
                    field="conflict",
                    number=conflict_id,
                )
            inbound = conn.execute(
                "SELECT terminal, uuid, payload FROM hq_inbound WHERE uuid = %s", (found.details["event"],)
            ).fetchone()
            apply_customer_change(conn, inbound[0], inbound[1], json.loads(inbound[2]))
        elif found.kind == "customer_edit":
            # Touch HQ's row so every terminal pulls it again, the sender's edited copy included.
            conn.execute(
                "UPDATE hq_customer SET updated_at = updated_at WHERE account_number = %s",
                (found.details["account"],),
            )
        resolution = "accepted" if accept else "rejected"
        conn.execute(
            "UPDATE hq_conflict SET resolution = %s, resolved_at = now(), resolved_by = current_user"
            " WHERE id = %s",
            (resolution, conflict_id),
        )
    return ConflictRow(*row[:6], resolution=resolution)
