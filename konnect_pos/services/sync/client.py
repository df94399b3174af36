"""The terminal's side of sync: push the outbox to HQ exactly once, then pull reference data.

Push: HQ says which sequence it holds contiguously for this terminal; everything up to
it is marked sent, everything after it is (re)sent in order, in batches, each batch one
HQ transaction (``hq_push``). A local row is marked sent only after HQ's commit, so a
crash anywhere means a resend, which HQ ignores (UUIDv7 keys, ``ON CONFLICT DO NOTHING``).

Pull: per reference table, the rows whose HQ ``version`` is above the local cursor,
applied with the cursor in one local transaction per batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from konnect_pos.domain.customers import record_search_text
from konnect_pos.domain.errors import KonnectError, NotFound
from konnect_pos.domain.roles import Right, require
from konnect_pos.hq.admin import ConflictRow, conflicts
from konnect_pos.hq.connection import (
    HQRefused,
    HQTimeouts,
    HQUnreachable,
    answered_within,
    hq_connect,
    refused,
    terminal_timeouts,
)
from konnect_pos.services.catalog_admin import connect_plus_columns
from konnect_pos.services.clock import Clock
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.journal import pending_count
from konnect_pos.services.outlets import get_terminal
from konnect_pos.services.session import Counter
from konnect_pos.services.sync.crash_logs import send_crash_logs, sends_to_hq
from konnect_pos.services.sync.credentials import load_password, save_password, split_url, with_password
from konnect_pos.services.sync.hq_money import apply_commission_rates, send_statements
from konnect_pos.services.sync.limits import pull_limits
from konnect_pos.store import statements
from konnect_pos.store.database import db, is_postgres, large_cache, write_transaction
from konnect_pos.store.models import (
    Bundle,
    BundlePrice,
    Customer,
    JournalEntry,
    MerchantNumber,
    OutboxEvent,
    Outlet,
    Plan,
    PlanPrice,
    SyncCursor,
    SyncLink,
    Terminal,
    User,
)

PUSH_BATCH = 500
PULL_BATCH = 5_000

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class SyncStatus:
    terminal: str
    linked: bool
    waiting: int
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str

    @property
    def online(self) -> bool:
        return self.linked and not self.last_error and self.last_success_at is not None


@dataclass(slots=True)
class SyncResult:
    pushed: int = 0
    hq_holds: int = 0
    pulled: dict[str, int] = field(default_factory=dict)
    waiting: int = 0
    crash_logs: int = 0  # crash log pieces HQ stored (only when this machine opted in)
    limits_changed: bool = False  # the outlet's float or offline limits as HQ has them now (issue 19)


def link(terminal_label: str, hq_url: str, clock: Clock, timeouts: HQTimeouts | None = None) -> int:
    """Remember HQ for this terminal after checking HQ knows it; returns HQ's acknowledged count.

    The password goes to the credential store; the database keeps the URL without it.
    """
    terminal = get_terminal(terminal_label)
    bounds = timeouts or terminal_timeouts()
    with hq_connect(hq_url, timeouts=bounds) as conn:
        acked = _acked(conn, terminal.label, bounds.answer)
    split = split_url(hq_url)
    if split.password is not None:
        save_password(split.key, split.password)
    now = clock()
    with _overwriting_secrets(), write_transaction():
        SyncLink.insert(terminal=terminal.id, hq_url=split.stored, linked_at=now).on_conflict(
            conflict_target=[SyncLink.terminal],
            update={SyncLink.hq_url: split.stored, SyncLink.linked_at: now, SyncLink.last_error: ""},
        ).execute()
    return acked


def _link(terminal_id: int) -> SyncLink:
    found = SyncLink.get_or_none(SyncLink.terminal == terminal_id)
    if found is None:
        raise NotFound("This terminal is not linked to headquarters yet: run konnect-pos sync link")
    return found


def move_password_out(terminal_label: str) -> bool:
    """An old link's plaintext password goes to the credential store; True when one was moved."""
    found = _link(get_terminal(terminal_label).id)
    split = split_url(found.hq_url)
    if not split.password:
        return False
    save_password(split.key, split.password)
    with _overwriting_secrets(), write_transaction():
        SyncLink.update(hq_url=split.stored).where(SyncLink.id == found.id).execute()
    return True


@contextmanager
def _overwriting_secrets() -> Iterator[None]:
    """On SQLite, the replaced URL's bytes are zeroed, not left in free space or the WAL."""
    if is_postgres(db):
        yield
        return
    before = db.execute_sql("PRAGMA secure_delete").fetchone()[0]
    db.execute_sql("PRAGMA secure_delete = ON")
    try:
        yield
    finally:
        db.execute_sql(f"PRAGMA secure_delete = {int(before)}")
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _hq_url(found: SyncLink, label: str) -> str:
    """The URL to connect with: the stored one and the password from the credential store."""
    split = split_url(found.hq_url)
    if split.password:  # written by an older version: move it out first
        move_password_out(label)
        return found.hq_url
    if split.password is None:
        return found.hq_url
    password = load_password(split.key)
    if password is None:
        raise HQRefused(
            "The HQ password of this terminal is not on this computer: run konnect-pos sync link with "
            "the URL that hq add-terminal printed"
        )
    return with_password(split.stored, password)


def status(terminal_label: str) -> SyncStatus:
    terminal = get_terminal(terminal_label)
    found = SyncLink.get_or_none(SyncLink.terminal == terminal.id)
    return SyncStatus(
        terminal=terminal.label,
        linked=found is not None,
        waiting=pending_count(terminal.id),
        last_success_at=found.last_success_at if found else None,
        last_attempt_at=found.last_attempt_at if found else None,
        last_error=found.last_error if found else "",
    )


def sync(
    terminal_label: str,
    clock: Clock,
    progress: Progress | None = None,
    *,
    batch: int = PUSH_BATCH,
    timeouts: HQTimeouts | None = None,
) -> SyncResult:
    """Push then pull for one terminal; records the outcome for the status bar.

    Every HQ statement must be answered within the timeouts' bound, so a stalled link
    ends the pass with HQUnreachable (everything not acknowledged stays queued).
    """
    terminal = get_terminal(terminal_label)
    found = _link(terminal.id)
    bounds = timeouts or terminal_timeouts()
    started = clock()
    try:
        with hq_connect(_hq_url(found, terminal.label), timeouts=bounds) as conn:
            result = SyncResult()
            result.pushed, result.hq_holds = push(
                conn, terminal.id, terminal.label, clock, progress, batch, answer=bounds.answer
            )
            result.pulled = pull(conn, clock, progress, answer=bounds.answer)
            result.limits_changed = pull_limits(conn, terminal, clock(), bounds.answer)
            send_statements(conn, terminal.id, terminal.label, bounds.answer, clock())  # after the records
            if sends_to_hq():  # after the records: a log never holds a sale back
                result.crash_logs = send_crash_logs(conn, terminal.label, bounds.answer)
    except KonnectError as error:
        _record(terminal.id, started, error.message.format(**error.params))
        raise
    except psycopg.Error as exc:
        error = refused(exc)
        _record(terminal.id, started, error.message.format(**error.params))
        raise error from None
    _record(terminal.id, started, "", success=clock())
    result.waiting = pending_count(terminal.id)
    return result


def _record(terminal_id: int, attempt: datetime, error: str, success: datetime | None = None) -> None:
    update: dict[Any, Any] = {SyncLink.last_attempt_at: attempt, SyncLink.last_error: error[:500]}
    if success is not None:
        update[SyncLink.last_success_at] = success
    with write_transaction():
        SyncLink.update(update).where(SyncLink.terminal == terminal_id).execute()


def _acked(conn: psycopg.Connection, label: str, answer: float | None = None) -> int:
    return _hq_push(conn, label, [], answer)


def _hq_push(conn: psycopg.Connection, label: str, events: list[dict[str, Any]], answer: float | None) -> int:
    try:
        with answered_within(conn, answer or terminal_timeouts().answer):
            return int(conn.execute("SELECT hq_push(%s, %s)", (label, Jsonb(events))).fetchone()[0])
    except psycopg.Error as exc:
        raise refused(exc) from None


def push(
    conn: psycopg.Connection,
    terminal_id: int,
    label: str,
    clock: Clock,
    progress: Progress | None = None,
    batch_size: int = PUSH_BATCH,
    *,
    answer: float | None = None,
) -> tuple[int, int]:
    """Send every event HQ does not hold yet; returns (events sent, HQ's contiguous count)."""
    acked = _acked(conn, label, answer)
    with write_transaction():
        _mark_sent(terminal_id, acked, clock())
        # HQ restored from an older backup holds less than we marked sent: send those again.
        mine = OutboxEvent.terminal == terminal_id
        OutboxEvent.update(sent_at=None).where(mine & (OutboxEvent.seq > acked)).execute()
    total = pending_count(terminal_id)
    sent = 0
    while True:
        batch = _unsent(terminal_id, batch_size)
        if not batch:
            break
        acked = _hq_push(conn, label, batch, answer)
        if acked < batch[0]["seq"]:
            raise HQUnreachable(
                "Headquarters did not accept record {seq} of {terminal}", seq=batch[0]["seq"], terminal=label
            )
        with write_transaction():
            _mark_sent(terminal_id, acked, clock())
        sent += sum(1 for event in batch if event["seq"] <= acked)
        if progress:
            progress("push", sent, total)
    return sent, acked


def _mark_sent(terminal_id: int, upto: int, now: datetime) -> None:
    OutboxEvent.update(sent_at=now).where(
        (OutboxEvent.terminal == terminal_id) & (OutboxEvent.seq <= upto) & OutboxEvent.sent_at.is_null()
    ).execute()


def _unsent(terminal_id: int, limit: int) -> list[dict[str, Any]]:
    rows = (
        OutboxEvent.select(OutboxEvent, JournalEntry.hash)
        .join(
            JournalEntry,
            on=(JournalEntry.terminal == OutboxEvent.terminal) & (JournalEntry.seq == OutboxEvent.seq),
        )
        .where((OutboxEvent.terminal == terminal_id) & OutboxEvent.sent_at.is_null())
        .order_by(OutboxEvent.seq)
        .limit(limit)
        .objects()
    )
    return [
        {
            "uuid": row.uuid,
            "seq": row.seq,
            "kind": row.kind,
            "record_uuid": row.record_uuid,
            "payload": row.payload,
            "hash": row.hash,
            "created_at": row.created_at.isoformat(),
        }
        for row in rows
    ]


# --- pull ---------------------------------------------------------------------------


def pull(
    conn: psycopg.Connection, clock: Clock, progress: Progress | None = None, *, answer: float | None = None
) -> dict[str, int]:
    """Apply HQ's changes since the local cursors; returns rows applied per table."""
    bound = answer or terminal_timeouts().answer
    with answered_within(conn, bound):  # an HQ not upgraded yet lacks the newer tables: pulled later
        held = {row[0] for row in conn.execute("SELECT relname FROM pg_class WHERE relname = ANY(%s)",
                                                ([name for name, _, _ in PULLS],))}  # fmt: skip
    with large_cache():
        return {
            name: _pull_table(conn, clock, progress, name, query, apply, bound)
            for name, query, apply in PULLS
            if name in held
        }


def _pull_table(
    conn: psycopg.Connection,
    clock: Clock,
    progress: Progress | None,
    name: str,
    query: str,
    apply: Callable[[list[dict[str, Any]], datetime], None],
    answer: float,
) -> int:
    cursor_row = SyncCursor.get_or_none(SyncCursor.name == name)
    cursor = cursor_row.version if cursor_row else 0
    with answered_within(conn, answer):
        total = conn.execute(f"SELECT count(*) FROM {name} WHERE version > %s", (cursor,)).fetchone()[0]
    done = 0
    for batch in _batches(conn, query, cursor, answer):
        with write_transaction():
            apply(batch, clock())
            cursor = batch[-1]["version"]
            SyncCursor.insert(name=name, version=cursor).on_conflict(
                conflict_target=[SyncCursor.name], update={SyncCursor.version: cursor}
            ).execute()
        done += len(batch)
        if progress:
            progress(name, done, total)
    return done


def _batches(
    conn: psycopg.Connection, query: str, cursor: int, answer: float
) -> Iterator[list[dict[str, Any]]]:
    while True:
        with answered_within(conn, answer), conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
            rows = cur.execute(query + " WHERE version > %s ORDER BY version LIMIT %s", (cursor, PULL_BATCH))
            batch = rows.fetchall()
        if not batch:
            return
        yield batch
        cursor = batch[-1]["version"]


def _apply_outlets(rows: list[dict[str, Any]], now: datetime) -> None:
    for row in rows:
        outlet = Outlet.get_or_none(Outlet.code == row["code"])
        fields = {
            "name": row["name"],
            "kind": row["kind"],
            "country": row["country"],
            "zone": row["zone"],
            "address": row["address"],
            "vat_rate": Decimal(row["vat_rate"]),
            "accepts_card": row["accepts_card"],
            "language": row["language"],
            "receipt_format": row["receipt_format"],
            **_place(row),
        }
        if outlet is None:
            outlet = Outlet.create(uuid=new_uuid(), code=row["code"], created_at=now, **fields)
        else:
            Outlet.update(fields).where(Outlet.id == outlet.id).execute()
        MerchantNumber.delete().where(MerchantNumber.outlet == outlet.id).execute()
        for provider, number in sorted(row["merchant_numbers"].items()):
            MerchantNumber.create(outlet=outlet.id, provider=provider, number=number)


def _place(row: dict[str, Any]) -> dict[str, Any]:
    """Where the outlet is and when it opens (HQ step 5; an older HQ has none of it)."""
    return {
        "town": row.get("town") or "",
        "district": row.get("district") or "",
        "latitude": None if row.get("latitude") is None else Decimal(row["latitude"]),
        "longitude": None if row.get("longitude") is None else Decimal(row["longitude"]),
        "opening_hours": row.get("opening_hours") or "",
        "phone": row.get("phone") or "",
    }


def _apply_bundles(rows: list[dict[str, Any]], now: datetime) -> None:
    for row in rows:
        fields = {
            "name": row["name"],
            "price_minor": row["price_minor"],
            "currency": row["currency"],
            "data_gb": Decimal(row["data_gb"]),
            "validity_days": row["validity_days"],
            "speed_label": row["speed_label"],
            "active": row["active"],
            "position": row["position"],
        }
        Bundle.insert(uuid=new_uuid(), country=row["country"], code=row["code"], **fields).on_conflict(
            conflict_target=[Bundle.country, Bundle.code], update=fields
        ).execute()


def _apply_prices(rows: list[dict[str, Any]], now: datetime) -> None:
    for row in rows:
        bundle = Bundle.get((Bundle.country == row["country"]) & (Bundle.code == row["code"]))
        BundlePrice.insert(
            bundle=bundle.id, effective_from=row["effective_from"].isoformat(), price_minor=row["price_minor"]
        ).on_conflict(
            conflict_target=[BundlePrice.bundle, BundlePrice.effective_from],
            update={BundlePrice.price_minor: row["price_minor"]},
        ).execute()


def _apply_plans(rows: list[dict[str, Any]], now: datetime) -> None:
    """A new plan gets the Connect+ terms the published rules give its name; a known one keeps them."""
    for row in rows:
        fields = {
            "name": row["name"], "country": row["country"], "currency": row["currency"],
            "fee_minor": row["fee_minor"], "period_days": row["period_days"], "active": row["active"],
        }  # fmt: skip
        plan = Plan.get_or_none(Plan.code == row["code"])
        if plan is not None:
            Plan.update(fields).where(Plan.id == plan.id).execute()
            continue
        Plan.create(code=row["code"], **fields, **connect_plus_columns(row["name"], row["currency"]))


def _apply_plan_prices(rows: list[dict[str, Any]], now: datetime) -> None:
    for row in rows:
        plan = Plan.get(Plan.code == row["code"])
        PlanPrice.insert(
            plan=plan.id, effective_from=row["effective_from"].isoformat(), fee_minor=row["fee_minor"]
        ).on_conflict(
            conflict_target=[PlanPrice.plan, PlanPrice.effective_from],
            update={PlanPrice.fee_minor: row["fee_minor"]},
        ).execute()


def _apply_users(rows: list[dict[str, Any]], now: datetime) -> None:
    for row in rows:
        fields = {
            "full_name": row["full_name"],
            "role": row["role"],
            "pin_hash": row["pin_hash"],
            "active": row["active"],
            "language": row["language"],
        }
        User.insert(uuid=new_uuid(), username=row["username"], created_at=now, **fields).on_conflict(
            conflict_target=[User.username], update=fields
        ).execute()


CUSTOMER_COLUMNS = (
    "uuid", "account_number", "name", "phone", "country", "kit_serial", "language", "search_text",
    "created_at", "updated_at",
)  # fmt: skip
CUSTOMER_CHANGING = ("name", "phone", "country", "kit_serial", "language", "search_text", "updated_at")


def _apply_customers(rows: list[dict[str, Any]], now: datetime) -> None:
    """Upsert by account number in one statement per batch (the first pull brings a million)."""
    stored = Customer.created_at.db_value
    values = [
        (
            row["uuid"], row["account_number"], row["name"], row["phone"], row["country"], row["kit_serial"],
            row["language"],
            row["search_text"] or record_search_text(row["account_number"], row),
            stored(row["created_at"]), stored(row["updated_at"]),
        )
        for row in rows
    ]  # fmt: skip
    statements.insert_many(
        "customer", CUSTOMER_COLUMNS, values, conflict="account_number", update=CUSTOMER_CHANGING
    )


PULLS: tuple[tuple[str, str, Callable[[list[dict[str, Any]], datetime], None]], ...] = (
    ("hq_outlet", "SELECT * FROM hq_outlet", _apply_outlets),
    ("hq_bundle", "SELECT * FROM hq_bundle", _apply_bundles),
    ("hq_bundle_price", "SELECT * FROM hq_bundle_price", _apply_prices),
    ("hq_plan", "SELECT * FROM hq_plan", _apply_plans),
    ("hq_plan_price", "SELECT * FROM hq_plan_price", _apply_plan_prices),
    ("hq_user", "SELECT * FROM hq_user", _apply_users),
    ("hq_customer", "SELECT * FROM hq_customer", _apply_customers),
    ("hq_commission_rate", "SELECT * FROM hq_commission_rate", apply_commission_rates),
)


def linked_terminals() -> list[str]:
    rows = SyncLink.select(SyncLink, Terminal, Outlet).join(Terminal).join(Outlet)
    return [f"{row.terminal.outlet.code}-{row.terminal.code}" for row in rows]


def hq_conflicts(counter: Counter) -> list[ConflictRow]:
    """What HQ flagged for this outlet (reused references, journal breaks), for its managers."""
    require(counter.user.role, Right.REVIEW_CONFLICTS)
    return conflicts(_hq_url(_link(counter.terminal.id), counter.terminal.label), terminal_timeouts())
