"""Opening databases: pragmas, migrations, refusals, on SQLite and PostgreSQL."""

import re
from pathlib import Path

import pytest

from konnect_pos.store.database import StoreError, connect
from konnect_pos.store.schema import (
    STEP_TABLE,
    VERSION_TABLE,
    current_version,
    latest_version,
    migrate,
    open_database,
    steps,
)
from konnect_pos.urls import redact


def test_sqlite_pragmas_for_money(sqlite_url):
    database = open_database(sqlite_url)
    pragma = {
        name: database.execute_sql(f"PRAGMA {name}").fetchone()[0]
        for name in ("journal_mode", "foreign_keys", "synchronous", "busy_timeout")
    }
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2, "busy_timeout": 10_000}


def test_fresh_database_is_at_the_latest_version(database):
    assert current_version(database) == latest_version()


def test_reopening_applies_nothing_twice(db_url):
    first = open_database(db_url)
    first.close()
    again = open_database(db_url)
    assert current_version(again) == latest_version()
    assert again.execute_sql(f"SELECT COUNT(*) FROM {VERSION_TABLE}").fetchone()[0] == 1
    recorded = [row[0] for row in again.execute_sql(f"SELECT version FROM {STEP_TABLE} ORDER BY version")]
    assert recorded == [step.VERSION for step in steps()]  # each step once, none twice


def test_step_by_step_upgrade_matches_a_fresh_schema(tmp_path):
    stepwise = connect(f"sqlite:///{tmp_path / 'old.db'}")
    for version in [step.VERSION for step in steps()]:
        assert migrate(stepwise, target=version) == version
    fresh = connect(f"sqlite:///{tmp_path / 'new.db'}")
    migrate(fresh)
    schema = "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    assert stepwise.execute_sql(schema).fetchall() == fresh.execute_sql(schema).fetchall()


def test_upgrade_backs_up_the_sqlite_file_first(tmp_path):
    path = tmp_path / "shop.db"
    database = connect(f"sqlite:///{path}")
    migrate(database, target=1)
    database.close()
    if latest_version() == 1:
        pytest.skip("only one schema version exists: nothing to upgrade yet")
    open_database(f"sqlite:///{path}")
    assert (tmp_path / "shop.db.schema-v1.bak").exists()


def test_a_database_from_a_newer_app_is_refused(db_url):
    database = open_database(db_url)
    database.execute_sql(f"UPDATE {VERSION_TABLE} SET version = 999")
    database.close()
    with pytest.raises(StoreError, match="newer Konnect POS"):
        open_database(db_url)


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"these are my notes, not a database" * 10)
    with pytest.raises(StoreError, match="not a Konnect POS database"):
        open_database(f"sqlite:///{path}")
    assert path.read_bytes() == b"these are my notes, not a database" * 10


def test_a_corrupt_sqlite_file_is_refused(tmp_path, sqlite_url):
    database = open_database(sqlite_url)
    database.close()
    path = Path(sqlite_url[len("sqlite:///") :])
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # header kept, first page destroyed
    path.write_bytes(bytes(data))
    Path(str(path) + "-wal").unlink(missing_ok=True)
    with pytest.raises(StoreError):
        open_database(sqlite_url)


def test_unreachable_postgres_is_one_clear_error():
    with pytest.raises(
        StoreError, match=re.escape("Cannot open database postgresql://konnect:***@127.0.0.1:1/")
    ):
        open_database("postgresql://konnect:secret@127.0.0.1:1/hq")


def test_unsupported_url():
    with pytest.raises(StoreError, match="Unsupported database URL"):
        open_database("mysql://localhost/x")


def test_passwords_never_printed():
    assert redact("postgresql://user:pa55@host/db") == "postgresql://user:***@host/db"


def test_models_mirror_the_migrated_schema(database):
    from konnect_pos.store.models import MODELS

    for model in MODELS:
        table = model._meta.table_name
        columns = {column.name for column in database.get_columns(table)}
        assert {field.column_name for field in model._meta.sorted_fields} == columns, table


def test_a_step_that_landed_after_a_higher_one_is_still_applied(tmp_path):
    """Two branches merged in another order: a database got step 6 before 4 and 5 existed."""
    from konnect_pos.store.schema import STEP_TABLE, applied_versions

    database = connect(f"sqlite:///{tmp_path / 'dev.db'}")
    migrate(database, target=3)
    database.execute_sql(f"DELETE FROM {STEP_TABLE} WHERE version > 3")
    six = next(step for step in steps() if step.VERSION == 6)
    six.apply(database, "sqlite")
    database.execute_sql(f"INSERT INTO {STEP_TABLE} (version) VALUES (6)")
    database.execute_sql(f"UPDATE {VERSION_TABLE} SET version = 6")
    assert 4 not in applied_versions(database) and not database.table_exists("plan")

    assert migrate(database) == latest_version()
    assert database.table_exists("plan") and database.table_exists("corporate_account")
    assert applied_versions(database) == {step.VERSION for step in steps()}
    assert migrate(database) == latest_version()  # nothing left to apply


def test_a_database_from_before_step_records_counts_its_version_as_applied(tmp_path):
    from konnect_pos.store.schema import STEP_TABLE, applied_versions

    database = connect(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(database, target=3)
    database.execute_sql(f"DROP TABLE {STEP_TABLE}")  # as landed databases were
    assert applied_versions(database) == {1, 2, 3}
    assert migrate(database) == latest_version()
    assert applied_versions(database) == {step.VERSION for step in steps()}
