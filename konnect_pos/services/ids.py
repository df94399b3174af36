"""Record identity: UUIDv7 (time-ordered) for every record that syncs."""

from __future__ import annotations

from uuid6 import uuid7


def new_uuid() -> str:
    return str(uuid7())
