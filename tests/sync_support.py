"""Headquarters for sync tests: a fresh PostgreSQL database per test, terminals on SQLite files."""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import psycopg

from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.services import checkout, demo
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.session import sign_in
from konnect_pos.store.schema import open_database
from konnect_pos.sync import hq_admin


def database_url(base: str, name: str) -> str:
    parsed = urlparse(base)
    return urlunparse(parsed._replace(path=f"/{name}", query=""))


class HQ:
    """A real HQ database on the test server, dropped (with its terminal roles) afterwards."""

    def __init__(self, server: str) -> None:
        self.name = f"hq_{uuid.uuid4().hex[:10]}"
        self.admin_url = database_url(server, "postgres")
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {self.name}")
        self.url = database_url(server, self.name)
        hq_admin.init_hq(self.url)

    def drop(self) -> None:
        hq_admin.drop_terminal_roles(self.url)
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {self.name} WITH (FORCE)")

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(self.url) as conn:
            return conn.execute(sql, params).fetchall()


def open_terminal_db(path: Path, clock, *, seed: bool = True, customers: int = 20) -> str:
    url = f"sqlite:///{path}"
    open_database(url)
    if seed:
        demo.seed(clock, customers=customers, only_country="CD")
    return url


def sell_cash(clock, terminal: str, account: str, code: str = "CD-WEEK5", amount: str = "6") -> str:
    counter = sign_in(terminal, "cashier", "1111", clock)
    result = checkout.sell(counter, account, [CartItem(code)], [CashTender(Money.of(amount, "USD"))])
    return result.receipt_number


def sell_mpesa(clock, terminal: str, account: str, reference: str, code: str = "CD-WEEK5") -> str:
    counter = sign_in(terminal, "cashier", "1111", clock)
    tender = MobileMoneyTender("mpesa", reference, "0812345678", None)
    return checkout.sell(counter, account, [CartItem(code)], [tender]).receipt_number


def private_credentials(monkeypatch, tmp_path: Path) -> Path:
    """HQ passwords of this test go to a file under tmp_path (no OS credential store, like CI)."""
    import keyring.core
    from keyring.backends import fail

    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # subprocesses too
    monkeypatch.setattr(keyring.core, "_keyring_backend", fail.Keyring())
    return config


def push_as(terminal_url: str, label: str, records: list[tuple[str, str, object]], *, first_seq: int = 1,
            prev_hash: str | None = None) -> int:  # fmt: skip
    """What a terminal's own credentials can send: records (kind, record uuid, payload dict or raw text)
    chained like a real journal, through ``hq_push``. Returns HQ's contiguous count."""
    from datetime import UTC, datetime

    from psycopg.types.json import Jsonb

    from konnect_pos.domain.journal import GENESIS, canonical, chain_hash
    from konnect_pos.services.ids import new_uuid

    prev = prev_hash or GENESIS
    events = []
    for seq, (kind, record_uuid, payload) in enumerate(records, start=first_seq):
        text = payload if isinstance(payload, str) else canonical(payload)
        prev = chain_hash(prev, seq, kind, text)
        events.append({
            "uuid": new_uuid(), "seq": seq, "kind": kind, "record_uuid": record_uuid, "payload": text,
            "hash": prev, "created_at": datetime.now(UTC).isoformat(),
        })  # fmt: skip
    with psycopg.connect(terminal_url, autocommit=True) as conn:
        return conn.execute("SELECT hq_push(%s, %s)", (label, Jsonb(events))).fetchone()[0]
