"""Connecting to the headquarters PostgreSQL, with one clear message for every failure."""

from __future__ import annotations

import psycopg

from konnect_pos.domain.errors import KonnectError
from konnect_pos.store.database import redact

CONNECT_TIMEOUT = 5


class HQUnreachable(KonnectError):
    """HQ cannot be reached now; everything stays queued for the next try."""


class HQRefused(KonnectError):
    """HQ answered but refused (unknown terminal, wrong role, forked journal)."""


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def hq_connect(url: str, *, timeout: int = CONNECT_TIMEOUT) -> psycopg.Connection:
    if not url.startswith(("postgresql://", "postgres://")):
        raise KonnectError("Headquarters must be a postgresql:// URL, not {url}", url=redact(url))
    try:
        return psycopg.connect(url, connect_timeout=timeout, autocommit=True)
    except psycopg.OperationalError as exc:
        raise HQUnreachable(
            "Headquarters is unreachable at {url}: {reason}", url=redact(url), reason=first_line(exc)
        ) from None


def refused(exc: psycopg.Error) -> KonnectError:
    """An HQ error in the user's terms (HQ's own messages start with KP in their SQLSTATE)."""
    state = getattr(exc, "sqlstate", None) or ""
    if isinstance(exc, psycopg.OperationalError) and not state.startswith("KP"):
        return HQUnreachable("Headquarters connection lost: {reason}", reason=first_line(exc))
    return HQRefused("Headquarters refused: {reason}", reason=first_line(exc))
