"""Crash logs terminals sent (issue 16): HQ lists them and shows one, as HQ's owner.

Terminals write them only through ``hq_send_crash_log`` (HQ schema step 6); they are never
journal or outbox records and never processed into money tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from konnect_pos.domain.errors import NotFound
from konnect_pos.hq.connection import ADMIN_TIMEOUTS, HQTimeouts, answered_within, hq_connect


@dataclass(frozen=True, slots=True)
class CrashLogRow:
    id: int
    terminal: str
    file_name: str
    size: int
    truncated: bool
    received_at: datetime


@dataclass(frozen=True, slots=True)
class CrashLog:
    row: CrashLogRow
    content: str


_COLUMNS = "id, terminal, file_name, octet_length(content), truncated, received_at"


def crash_logs(
    url: str, terminal: str | None = None, timeouts: HQTimeouts = ADMIN_TIMEOUTS
) -> list[CrashLogRow]:
    """Every crash log received, oldest first; only ``terminal``'s when given."""
    with hq_connect(url, timeouts=timeouts) as conn, answered_within(conn, timeouts.answer):
        rows = conn.execute(
            f"SELECT {_COLUMNS} FROM hq_crash_log WHERE %(t)s::TEXT IS NULL OR terminal = %(t)s ORDER BY id",
            {"t": terminal.strip().upper() if terminal else None},
        ).fetchall()
    return [CrashLogRow(*row) for row in rows]


def crash_log(url: str, number: int, timeouts: HQTimeouts = ADMIN_TIMEOUTS) -> CrashLog:
    with hq_connect(url, timeouts=timeouts) as conn, answered_within(conn, timeouts.answer):
        query = f"SELECT {_COLUMNS}, content FROM hq_crash_log WHERE id = %s"
        row = conn.execute(query, (number,)).fetchone()
    if row is None:
        raise NotFound("No crash log with number {number}", field="crash_log", number=number)
    return CrashLog(CrashLogRow(*row[:6]), row[6])
