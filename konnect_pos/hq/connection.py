"""Connecting to the headquarters PostgreSQL, with one clear message for every failure.

Satellite links stall: the TCP connection stays up (or a proxy keeps answering) while
nothing gets through, and a plain client then waits for ever. Every HQ connection
therefore has a connect timeout, a statement timeout on the server, TCP keepalives and
a user timeout, and every statement runs under a watchdog that cuts the socket when
HQ has not answered in time — the only bound that holds when the far side never
receives the query at all. The bounds are in ``HQTimeouts`` (decisions.md, "Sync and HQ").
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import psycopg
from psycopg.conninfo import conninfo_to_dict

from konnect_pos.domain.errors import KonnectError
from konnect_pos.urls import redact

TIMEOUT_ENV = "KONNECT_POS_HQ_TIMEOUT"
DEFAULT_TIMEOUT = 30
ADMIN_STATEMENT_TIMEOUT = 600


class HQUnreachable(KonnectError):
    """HQ cannot be reached now; everything stays queued for the next try."""


class HQRefused(KonnectError):
    """HQ answered but refused (unknown terminal, wrong role, forked journal)."""


@dataclass(frozen=True, slots=True)
class HQTimeouts:
    """Seconds: to connect, for one statement at HQ, and for HQ's answer to reach us."""

    connect: int = DEFAULT_TIMEOUT
    statement: int = DEFAULT_TIMEOUT

    @property
    def answer(self) -> int:
        """The watchdog's bound: the statement's own, plus a little for the network."""
        return self.statement + min(5, self.statement)

    def parameters(self, url: str) -> dict[str, object]:
        """libpq settings for ``url``, keeping any ``options`` the URL already carries."""
        try:
            existing = str(conninfo_to_dict(url).get("options") or "")
        except psycopg.Error:
            existing = ""
        idle = max(1, min(30, self.statement // 3))
        return {
            "connect_timeout": self.connect,
            "keepalives": 1,
            "keepalives_idle": idle,
            "keepalives_interval": max(1, idle // 3),
            "keepalives_count": 3,
            "tcp_user_timeout": self.answer * 1000,
            # JIT compiling a report's plan took 490 ms of 540 for ``hq floats`` (docs/performance.md):
            # HQ's statements are short and its reports small, so it never pays back.
            "options": f"{existing} -c statement_timeout={self.statement * 1000} -c jit=off".strip(),
        }


def terminal_timeouts(seconds: int | None = None) -> HQTimeouts:
    """The terminal's bounds: ``seconds``, else ``KONNECT_POS_HQ_TIMEOUT``, else 30 s."""
    if seconds is None:
        text = os.environ.get(TIMEOUT_ENV, "").strip()
        seconds = int(text) if text.isdigit() and int(text) > 0 else DEFAULT_TIMEOUT
    return HQTimeouts(connect=seconds, statement=seconds)


ADMIN_TIMEOUTS = HQTimeouts(connect=DEFAULT_TIMEOUT, statement=ADMIN_STATEMENT_TIMEOUT)


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def hq_connect(url: str, *, timeouts: HQTimeouts = ADMIN_TIMEOUTS) -> psycopg.Connection:
    if not url.startswith(("postgresql://", "postgres://")):
        raise KonnectError("Headquarters must be a postgresql:// URL, not {url}", url=redact(url))
    try:
        return psycopg.connect(url, autocommit=True, **timeouts.parameters(url))
    except psycopg.OperationalError as exc:
        raise HQUnreachable(
            "Headquarters is unreachable at {url}: {reason}", url=redact(url), reason=first_line(exc)
        ) from None


def _cut(conn: psycopg.Connection, fired: threading.Event) -> None:
    """Shut the socket down: a read that waits on it returns at once with an error."""
    fired.set()
    try:
        stalled = socket.socket(fileno=os.dup(conn.fileno()))
    except (OSError, psycopg.Error):
        return
    with stalled:
        try:
            stalled.shutdown(socket.SHUT_RDWR)
        except OSError:
            return


@contextmanager
def answered_within(conn: psycopg.Connection, seconds: float) -> Iterator[None]:
    """Run statements on ``conn`` that must be answered within ``seconds``, else HQUnreachable."""
    fired = threading.Event()
    timer = threading.Timer(seconds, _cut, (conn, fired))
    timer.daemon = True
    timer.start()
    try:
        yield
    except psycopg.OperationalError:
        if fired.is_set():
            raise HQUnreachable(
                "Headquarters did not answer within {seconds} s; everything stays queued", seconds=seconds
            ) from None
        raise
    finally:
        timer.cancel()


def refused(exc: psycopg.Error) -> KonnectError:
    """An HQ error in the user's terms (HQ's own messages start with KP in their SQLSTATE)."""
    state = getattr(exc, "sqlstate", None) or ""
    if isinstance(exc, psycopg.OperationalError) and not state.startswith("KP"):
        return HQUnreachable("Headquarters connection lost: {reason}", reason=first_line(exc))
    return HQRefused("Headquarters refused: {reason}", reason=first_line(exc))
