"""What sync carries for distributors' money (issue 19): commission rates pulled from HQ like
prices, and the outlet's imported mobile-money statements sent to HQ as evidence.

A statement goes through HQ's ``hq_send_statement`` under the push's timeouts, after the records
(never a journal or outbox record: it is the provider's word, not ours); HQ stores it once by its
id, so a statement resent after a lost answer changes nothing. Only statements imported at this
terminal are sent: another counter of the same database sends its own.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import peewee
import psycopg
from psycopg.types.json import Jsonb

from konnect_pos.domain.commissions import plain_percent
from konnect_pos.hq.connection import answered_within, refused
from konnect_pos.store.commission_models import CommissionRate, MobileStatementSent
from konnect_pos.store.database import write_transaction
from konnect_pos.store.models import Bundle, User
from konnect_pos.store.statement_models import MobileStatement, MobileStatementLine


def apply_commission_rates(rows: list[dict[str, Any]], now: datetime) -> None:
    """HQ's commission rate versions, by bundle, outlet kind and first local date."""
    for row in rows:
        bundle = Bundle.get((Bundle.country == row["country"]) & (Bundle.code == row["code"]))
        percent = plain_percent(Decimal(row["percent"]))
        CommissionRate.insert(
            bundle=bundle.id,
            outlet_kind=row["outlet_kind"],
            effective_from=row["effective_from"].isoformat(),
            percent=percent,
        ).on_conflict(
            conflict_target=[
                CommissionRate.bundle,
                CommissionRate.outlet_kind,
                CommissionRate.effective_from,
            ],
            update={CommissionRate.percent: percent},
        ).execute()


def _statement_json(statement: MobileStatement) -> dict[str, Any]:
    lines = MobileStatementLine.select().where(MobileStatementLine.statement == statement.id)
    return {
        "uuid": statement.uuid,
        "provider": statement.provider,
        "layout_name": statement.layout_name,
        "file_name": statement.file_name,
        "file_sha256": statement.file_sha256,
        "first_day": statement.first_day,
        "last_day": statement.last_day,
        "imported_at": statement.imported_at.isoformat(),
        "imported_by": User.get_by_id(statement.imported_by_id).username,
        "lines": [
            {
                "row_number": line.row_number,
                "reference": line.reference,
                "currency": line.currency,
                "amount_minor": line.amount_minor,
                "local_day": line.local_day,
                "paid_at": None if line.paid_at is None else line.paid_at.isoformat(),
                "phone": line.phone,
            }
            for line in lines.order_by(MobileStatementLine.row_number)
        ],
    }


def send_statements(
    conn: psycopg.Connection, terminal_id: int, label: str, answer: float, now: datetime
) -> int:
    """Send this terminal's statements HQ has not acknowledged; returns how many HQ stored."""
    with answered_within(conn, answer):
        if conn.execute("SELECT to_regprocedure('hq_send_statement(TEXT, JSONB)')").fetchone()[0] is None:
            return 0  # an HQ not upgraded yet: sent after its upgrade
    unsent = (
        MobileStatement.select()
        .join(
            MobileStatementSent,
            peewee.JOIN.LEFT_OUTER,
            on=(MobileStatementSent.statement == MobileStatement.id),
        )
        .where((MobileStatement.terminal == terminal_id) & MobileStatementSent.statement.is_null())
        .order_by(MobileStatement.id)
    )
    stored = 0
    for statement in list(unsent):
        try:
            with answered_within(conn, answer):
                new = conn.execute(
                    "SELECT hq_send_statement(%s, %s)", (label, Jsonb(_statement_json(statement)))
                ).fetchone()[0]
        except psycopg.Error as exc:
            raise refused(exc) from None
        with write_transaction():
            MobileStatementSent.insert(statement=statement.id, sent_at=now).on_conflict_ignore().execute()
        stored += int(bool(new))
    return stored
