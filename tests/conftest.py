"""Shared fixtures: offscreen Qt, hypothesis profile, fresh real databases per test.

Store tests run on SQLite and on a real PostgreSQL server (``KONNECT_TEST_PG_URL``,
default ``postgresql://postgres@127.0.0.1:5432/test``). Each PostgreSQL test gets a
schema of its own. Under ``CI=true`` an unreachable server fails the tests; elsewhere
they skip with the reason.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import quote

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KONNECT_POS_LANG", "en")
import peewee
import pytest
from hypothesis import settings

from tests.support import ManualClock

# The user's own folders stay untouched: databases, backups, settings, HQ credentials and crash
# logs written by the app under test (and by the processes it starts) go to a folder of this run.
_RUN_HOME = tempfile.mkdtemp(prefix="konnect-pos-tests-")
for _variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
    os.environ[_variable] = os.path.join(_RUN_HOME, _variable.lower())
atexit.register(shutil.rmtree, _RUN_HOME, ignore_errors=True)

from tests.coverage_qt import trace_qt_pools  # noqa: E402 - after the Qt platform is chosen

trace_qt_pools()

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/test"


def pg_base_url() -> str:
    return os.environ.get("KONNECT_TEST_PG_URL", DEFAULT_PG_URL)


def _pg_admin() -> peewee.PostgresqlDatabase:
    from konnect_pos.store.database import connect

    return connect(pg_base_url())


_GUI_COLLECTOR: list = []  # the session's GuiGarbageCollector, once a test has a QApplication


@pytest.fixture(autouse=True)
def _cycles_collected_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """As in the app (konnect_pos/ui/gc_guard.py): once Qt runs, Python's cycle collector runs
    only on the GUI thread at quiet points, never inside an event or on a worker thread. A test's
    end is such a point: its widgets are deleted, its workers idle, then the due generations go."""
    if not _GUI_COLLECTOR and "qapp" in request.fixturenames:
        from konnect_pos.ui.gc_guard import GuiGarbageCollector

        _GUI_COLLECTOR.append(GuiGarbageCollector(request.getfixturevalue("qapp")))
    yield
    if _GUI_COLLECTOR:
        from PySide6.QtCore import QCoreApplication, QEvent

        from konnect_pos.ui.worker import wait_for_all

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        wait_for_all()
        _GUI_COLLECTOR[0].collect()


@pytest.fixture(scope="session")
def pg_server() -> str:
    """The PostgreSQL base URL, or skip (fail under CI) with the reason."""
    from konnect_pos.domain.errors import KonnectError

    try:
        admin = _pg_admin()
        admin.execute_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        _vacuum_catalogs(admin, full=True)
        admin.close()
    except KonnectError as error:
        reason = f"PostgreSQL not reachable at {pg_base_url()}: {error.message}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return pg_base_url()


# Every PostgreSQL test makes a schema of ~70 tables and drops it. With autovacuum off (as on this
# project's CI server) the dead catalog rows pile up across runs: the test database had grown to
# 2 GB, peewee's table lookups took 35–70 ms instead of 2 ms and each test's migrations 1.7 s
# instead of ~0.8 s. So the run starts with the catalogs compacted and vacuums them as it goes.
CATALOGS = (
    "pg_class, pg_attribute, pg_depend, pg_type, pg_index, pg_constraint, pg_attrdef, pg_namespace,"
    " pg_trigger, pg_proc, pg_description, pg_sequence, pg_statistic"
)
VACUUM_EVERY = 40  # dropped schemas
_dropped = [0]


def _vacuum_catalogs(admin: peewee.Database, *, full: bool) -> None:
    """Only a superuser may vacuum the catalogs; on a user's own server without that right the
    tests run as they are, only slower (nothing is skipped)."""
    with contextlib.suppress(peewee.DatabaseError):
        admin.execute_sql(f"VACUUM {'FULL ' if full else ''}{CATALOGS}")


def _drop_schema(admin: peewee.Database, schema: str) -> None:
    """DROP SCHEMA, again if PostgreSQL ends it as a deadlock's victim: a GUI test's database
    thread may still be reading the schema when the test ends (seen once in 1,370 tests run two at
    a time). The thread's next statement then fails, after its test."""
    for attempt in range(5):
        try:
            admin.execute_sql(f"DROP SCHEMA {schema} CASCADE")
            return
        except peewee.OperationalError as error:
            if "deadlock" not in str(error) or attempt == 4:
                raise
            time.sleep(0.2)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A URL whose search_path is a fresh schema, dropped after the test."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    admin.execute_sql(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in pg_server else "?"
    yield f"{pg_server}{separator}options={quote(f'-c search_path={schema},public')}"
    _drop_schema(admin, schema)
    _dropped[0] += 1
    if _dropped[0] % VACUUM_EVERY == 0:
        _vacuum_catalogs(admin, full=False)
    admin.close()


@pytest.fixture
def hq(pg_server: str) -> Iterator[object]:
    """A fresh HQ database on the PostgreSQL server (tests/sync_support.HQ), dropped after the test."""
    from tests.sync_support import HQ

    created = HQ(pg_server)
    yield created
    created.drop()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'konnect.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest) -> str:
    """Both backends: the test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def database(db_url: str) -> Iterator[peewee.Database]:
    from konnect_pos.store.schema import open_database

    opened = open_database(db_url)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 11, 20, 9, 30, tzinfo=UTC))


@pytest.fixture
def demo_db(database: peewee.Database, clock: ManualClock) -> peewee.Database:
    """The demo shop with 200 customers on the test's database."""
    from konnect_pos.services import demo

    demo.seed(clock, customers=200)
    return database
