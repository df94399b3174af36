"""peewee without its PostgreSQL driver until a PostgreSQL URL is opened.

peewee imports psycopg (and psycopg2) in its module body whenever they are installed: ~100–180 ms
of start-up and memory that a shop on SQLite never uses. ``install()`` (run by
``konnect_pos/__init__.py``, so before any module of ours can import peewee) makes those imports
fail *only while peewee's own module body runs*; peewee then records "no driver". Opening a
PostgreSQL database calls ``bind()``, which imports psycopg and hands peewee the names its module
body would have set. Everything else (the HQ sync, which talks psycopg directly) imports psycopg
as usual. If peewee was already imported before us, nothing is changed and ``bind()`` is a no-op.
"""

from __future__ import annotations

import sys
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import Any

DRIVERS = ("psycopg", "psycopg2", "psycopg2cffi")


class _PeeweeWithoutDriver:
    """Finds ``peewee`` as usual and runs its body with the PostgreSQL drivers unimportable.

    A meta-path finder and loader by protocol (importlib.abc is not imported: it costs start-up).
    """

    def __init__(self) -> None:
        self.loading = False
        self.inner: Any = None

    def find_spec(
        self, name: str, path: object = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if self.loading and name.partition(".")[0] in DRIVERS:
            raise ModuleNotFoundError(f"{name} is imported only for a PostgreSQL URL", name=name)
        if name != "peewee" or self.inner is not None:
            return None
        spec = PathFinder.find_spec(name)
        if spec is None or spec.loader is None:
            return None
        self.inner = spec.loader
        spec.loader = self
        return spec

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        assert self.inner is not None
        return self.inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        assert self.inner is not None
        self.loading = True
        try:
            self.inner.exec_module(module)
        finally:
            self.loading = False


def install() -> None:
    if "peewee" in sys.modules or any(isinstance(f, _PeeweeWithoutDriver) for f in sys.meta_path):
        return
    sys.meta_path.insert(0, _PeeweeWithoutDriver())


def bind() -> None:
    """Give peewee psycopg 3, as its import would have (called before a PostgreSQL database is made)."""
    import peewee

    if peewee.psycopg is not None:
        return
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    peewee.TransactionStatus = TransactionStatus
    peewee.Json_pg3 = Json
    peewee.Jsonb_pg3 = Jsonb
    peewee.psycopg = psycopg
