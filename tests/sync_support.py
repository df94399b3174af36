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
