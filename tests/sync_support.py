"""Headquarters for sync tests: a fresh PostgreSQL database per test, terminals on SQLite files."""

from __future__ import annotations

import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import psycopg

from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.hq import admin as hq_admin
from konnect_pos.services import checkout, demo
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import sign_in
from konnect_pos.store.schema import open_database


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


class StallingProxy:
    """A real TCP proxy in front of PostgreSQL that can stop forwarding mid-conversation.

    ``stall_at(n)``: the client's n-th message naming ``hq_push`` still reaches HQ, then
    nothing more goes either way on any open connection (HQ commits, the answer never
    arrives: the satellite link's worst case). ``heal()`` closes the stalled connections
    and forwards new ones normally again.
    """

    def __init__(self, target_port: int = 5432) -> None:
        import socket
        import threading

        self.target = ("127.0.0.1", target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stall_after: int | None = None
        self.needle = b"hq_push"  # the HQ call whose n-th message stalls the link
        self.pushes = 0
        self.stalled = threading.Event()
        self.lock = threading.Lock()
        self.open: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, terminal_url: str) -> str:
        parsed = urlparse(terminal_url)
        netloc = parsed.netloc.rsplit("@", 1)[0] + f"@127.0.0.1:{self.port}"
        return urlunparse(parsed._replace(netloc=netloc))

    def stall_at(self, pushes: int) -> None:
        with self.lock:
            self.stall_after, self.pushes = pushes, 0

    def heal(self) -> None:
        with self.lock:
            self.stall_after = None
            self.stalled.clear()
            for sock in self.open:
                sock.close()
            self.open.clear()

    def close(self) -> None:
        self.heal()
        self.listener.close()

    def _accept(self) -> None:
        import socket
        import threading

        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            with self.lock:
                self.open += [client, server]
            threading.Thread(target=self._pipe, args=(client, server, True), daemon=True).start()
            threading.Thread(target=self._pipe, args=(server, client, False), daemon=True).start()

    def _pipe(self, source, target, from_client: bool) -> None:
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                return
            with self.lock:
                if self.stalled.is_set():
                    continue  # swallowed: the link is up but nothing gets through
                if from_client and self.stall_after is not None:
                    self.pushes += data.count(self.needle)
                    if self.pushes >= self.stall_after:
                        self.stalled.set()
                try:
                    target.sendall(data)
                except OSError:
                    return


def pushed_sale(receipt: str, total_minor: int) -> dict:
    """A sale's journal content as a terminal pushes it: one line, paid in cash, CD00000001's."""
    return {
        "uuid": new_uuid(), "receipt_number": receipt, "customer": "CD00000001", "user": "cashier",
        "sold_at": "2026-11-20T09:40:00+00:00", "channel": "counter", "currency": "USD",
        "total_minor": total_minor, "vat_minor": 0, "rounding_minor": 0, "paid_minor": total_minor,
        "change_minor": 0,
        "lines": [[1, "CD-WEEK5", "Week 5 GB", "5", 7, total_minor, "0.16", 0, "immediate",
                   "2026-11-20T09:40:00+00:00", True, "2026-11-27T09:40:00+00:00", None]],
        "payments": [[1, "cash", "USD", total_minor, total_minor, 0, None, None, None, None, None, None]],
    }  # fmt: skip
