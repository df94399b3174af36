"""Receipts terminals asked to send by SMS or WhatsApp, queued at HQ for its gateway.

Processing puts each ``receipt_message`` record in ``hq_message_queue`` (HQ schema step 11),
keyed by the record's UUID so a record pushed or processed again is queued once. The gateway
(configured at HQ, outside this code) sends what is ``queued`` and marks it ``sent`` or ``failed``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg

from konnect_pos.hq.connection import ADMIN_TIMEOUTS, HQTimeouts, answered_within, hq_connect
from konnect_pos.hq.projections import Event


@dataclass(frozen=True, slots=True)
class QueuedMessage:
    uuid: str
    terminal: str
    receipt_number: str
    channel: str
    phone: str
    language: str
    text: str
    parts: int
    status: str
    queued_at: datetime


def queue_message(conn: psycopg.Connection, event: Event, record: dict[str, Any]) -> None:
    """One request into the gateway's queue (nothing when it is there already)."""
    conn.execute(
        """INSERT INTO hq_message_queue (uuid, terminal, outlet_code, receipt_number, channel, phone,
               language, text, parts, requested_at, requested_by)
           VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (uuid) DO NOTHING""",
        (
            record["uuid"], event.terminal, event.outlet_code, record["receipt"], record["channel"],
            record["phone"], record["language"], record["text"], record["parts"],
            record["at"], record["user"],
        ),
    )  # fmt: skip


def queued_messages(
    url: str, status: str | None = "queued", timeouts: HQTimeouts = ADMIN_TIMEOUTS
) -> list[QueuedMessage]:
    """The gateway's queue, oldest first: only ``status`` (queued, sent, failed), or all for None."""
    with hq_connect(url, timeouts=timeouts) as conn, answered_within(conn, timeouts.answer):
        rows = conn.execute(
            """SELECT uuid, terminal, receipt_number, channel, phone, language, text, parts, status, queued_at
               FROM hq_message_queue WHERE %(s)s::TEXT IS NULL OR status = %(s)s ORDER BY queued_at, uuid""",
            {"s": status},
        ).fetchall()
    return [QueuedMessage(*row) for row in rows]
