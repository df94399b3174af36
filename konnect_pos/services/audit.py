"""The audit trail: who did what and when, read from the terminals' hash-chained journals."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from konnect_pos.domain.errors import ValidationError
from konnect_pos.domain.roles import Right
from konnect_pos.services.session import Counter
from konnect_pos.store.models import JournalEntry, Outlet, Terminal

MAX_ROWS = 1000


@dataclass(frozen=True, slots=True)
class AuditRow:
    at: datetime
    terminal: str
    kind: str
    user: str
    approved_by: str | None
    subject: str  # receipt number, username, date… whatever the action was about
    details: dict


def audit_trail(
    counter: Counter,
    *,
    user: str | None = None,
    kind: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 200,
) -> list[AuditRow]:
    """Newest first, filtered by user, kind (prefix, e.g. ``day`` or ``user_``) and time."""
    counter.require(Right.REPORTS)
    if not 1 <= limit <= MAX_ROWS:
        raise ValidationError("Show between 1 and {max} rows", field="limit", max=MAX_ROWS)
    query = (
        JournalEntry.select(JournalEntry, Terminal, Outlet)
        .join(Terminal)
        .join(Outlet)
        .order_by(JournalEntry.at.desc(), JournalEntry.seq.desc())
    )
    if kind:
        query = query.where(JournalEntry.kind.startswith(kind.strip()))
    if since:
        query = query.where(JournalEntry.at >= since)
    if until:
        query = query.where(JournalEntry.at < until)
    rows: list[AuditRow] = []
    wanted = (user or "").strip().lower()
    for entry in query.iterator():
        payload = json.loads(entry.payload)
        who = str(payload.get("user", ""))
        if wanted and wanted not in (who, str(payload.get("approved_by") or "")):
            continue
        subject = str(
            payload.get("receipt_number")
            or payload.get("username")
            or payload.get("date")
            or payload.get("customer")
            or ""
        )
        rows.append(
            AuditRow(
                entry.at,
                f"{entry.terminal.outlet.code}-{entry.terminal.code}",
                entry.kind,
                who,
                payload.get("approved_by"),
                subject,
                payload,
            )
        )
        if len(rows) >= limit:
            break
    return rows
