"""The outlet's float and offline limits as HQ has them, pulled at each sync (issue 19).

Kept apart from ``outlet_limits`` so a sale at a SQLite counter never imports psycopg."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import psycopg

from konnect_pos.hq.connection import answered_within
from konnect_pos.services import journal
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.outlet_limits import latest_pull, pull_payload
from konnect_pos.services.outlets import TerminalView
from konnect_pos.store.database import write_transaction
from konnect_pos.store.limit_models import FloatPull


def pull_limits(conn: psycopg.Connection, terminal: TerminalView, now: datetime, answer: float) -> bool:
    """Store the outlet's float and limits as HQ has them now; True when they changed.

    Called by sync after the push, so HQ's figures include every record it just acknowledged."""
    with answered_within(conn, answer):
        if conn.execute("SELECT to_regprocedure('hq_my_limits(text)')").fetchone()[0] is None:
            return False  # an HQ from before schema step 7
        row = conn.execute(
            "SELECT currency, credit_limit_minor, topped_up_minor, used_minor, included, offline_days,"
            " offline_sales, offline_amount_minor FROM hq_my_limits(%s)",
            (terminal.label,),
        ).fetchone()
    if row is None:
        return False
    currency, credit, topped_up, used, included, days, sales, amount = row
    values = {
        "currency": currency, "credit_limit_minor": credit, "topped_up_minor": int(topped_up),
        "used_minor": int(used), "included": json.dumps(dict(sorted(included.items()))),
        "offline_days": days, "offline_sales": sales, "offline_amount_minor": amount,
    }  # fmt: skip
    last = latest_pull(terminal.outlet.id, terminal.id)
    if last is not None and all(getattr(last, name) == value for name, value in values.items()):
        return False
    with write_transaction():
        journal.lock_terminal(terminal.id)
        pull = FloatPull.create(
            uuid=new_uuid(),
            terminal=terminal.id,
            outlet=terminal.outlet.id,
            pulled_at=now.astimezone(UTC),
            **values,
        )
        journal.append(terminal.id, "float_pull", pull.uuid, now, pull_payload(pull, terminal.outlet.code))
    return True
