"""A table read a chunk at a time by id (keyset), so a large table is never held at once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import peewee

CHUNK = 2_000


def in_chunks(query: peewee.ModelSelect, model: type[peewee.Model], size: int = CHUNK) -> Iterator[list[Any]]:
    """The query's rows in chunks of ``size``, in id order."""
    last = 0
    while True:
        rows = list(query.where(model.id > last).order_by(model.id).limit(size))
        if not rows:
            return
        yield rows
        last = rows[-1].id
