"""Record identity: UUIDv7 (time-ordered) for every record that syncs."""

from __future__ import annotations


def new_uuid() -> str:
    from uuid6 import uuid7  # here: uuid6 reads its own version through importlib.metadata (~20 ms)

    return str(uuid7())
