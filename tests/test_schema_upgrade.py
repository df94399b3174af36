"""A first-release database, with rows, upgrades to the schema a fresh install gets.

The version-1 databases in ``tests/fixtures`` were made once by step 1 as it landed (see
``make_schema_v1.py``) and are never regenerated: if a landed step is edited, a fresh install
and an upgraded one part ways and this test says where (decisions.md, "Schema steps").
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path
from urllib.parse import quote

import peewee
import pytest

from konnect_pos.store.database import connect
from konnect_pos.store.schema import STEP_TABLE, VERSION_TABLE, latest_version, open_database, steps

FIXTURES = Path(__file__).parent / "fixtures"
V1_TABLES = ("outlet", "merchant_number", "terminal", '"user"', "customer", "bundle")


def _sqlite_shape(database: peewee.Database) -> dict:
    shape: dict = {}
    for kind, name, table, sql in database.execute_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall():
        if kind == "table":
            shape[f"columns {name}"] = database.execute_sql(f'PRAGMA table_xinfo("{name}")').fetchall()
            shape[f"foreign keys {name}"] = database.execute_sql(
                f'PRAGMA foreign_key_list("{name}")'
            ).fetchall()
        elif kind == "index":
            unique = [
                row[2] for row in database.execute_sql(f'PRAGMA index_list("{table}")') if row[1] == name
            ]
            columns = [row[2] for row in database.execute_sql(f'PRAGMA index_info("{name}")')]
            shape[f"index {name}"] = (table, unique, columns, sql)
        else:  # triggers keep the search index in step with customers
            shape[f"{kind} {name}"] = (table, sql)
    return shape


def _postgres_shape(database: peewee.Database, schema: str) -> dict:
    shape: dict = {}
    for table, column, data_type, nullable, default in database.execute_sql(
        "SELECT table_name, column_name, data_type, is_nullable, column_default "
        "FROM information_schema.columns WHERE table_schema = %s ORDER BY table_name, ordinal_position",
        (schema,),
    ):
        shape.setdefault(f"columns {table}", []).append((column, data_type, nullable, default))
    for table, name, definition in database.execute_sql(
        "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = %s", (schema,)
    ):
        shape[f"index {name}"] = (table, definition.replace(f"{schema}.", ""))
    for table, name, definition in database.execute_sql(
        "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
        "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = %s",
        (schema,),
    ):
        shape[f"constraint {name}"] = (table.replace(f"{schema}.", ""), definition)
    for table, name in database.execute_sql(
        "SELECT event_object_table, trigger_name FROM information_schema.triggers WHERE trigger_schema = %s",
        (schema,),
    ):
        shape[f"trigger {name}"] = table
    return shape


def _rows(database: peewee.Database, table: str, columns: list[str] | None = None) -> list[tuple]:
    listed = ", ".join(f'"{column}"' for column in columns) if columns else "*"
    return [tuple(row) for row in database.execute_sql(f"SELECT {listed} FROM {table} ORDER BY 1").fetchall()]


def _column_names(database: peewee.Database, table: str) -> list[str]:
    return [column.name for column in database.get_columns(table.strip('"'))]


def _assert_upgraded_like_fresh(v1_rows: dict, upgraded: peewee.Database, fresh: peewee.Database) -> None:
    for table, (columns, rows) in v1_rows.items():
        assert _rows(upgraded, table, columns) == rows, table
    # Rows the steps themselves write (step records, any seeded reference data) match too.
    for (table,) in fresh.execute_sql(_TABLES[_dialect(fresh)]).fetchall():
        if table in V1_TABLES or f'"{table}"' in V1_TABLES:
            continue
        assert _rows(upgraded, f'"{table}"') == _rows(fresh, f'"{table}"'), table
    assert {row[0] for row in upgraded.execute_sql(f"SELECT version FROM {STEP_TABLE}")} == {
        step.VERSION for step in steps()
    }


_TABLES = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
    "AND name NOT LIKE 'customer_fts%'",
    "postgres": "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
}


def _dialect(database: peewee.Database) -> str:
    return "sqlite" if isinstance(database, peewee.SqliteDatabase) else "postgres"


def _v1_rows(database: peewee.Database) -> dict:
    found = {}
    for table in V1_TABLES:
        columns = _column_names(database, table)
        found[table] = (columns, _rows(database, table, columns))
    assert all(rows for _, rows in found.values()), "the fixture has rows in every table"
    return found


def test_a_first_release_sqlite_file_upgrades_to_the_fresh_schema(tmp_path):
    path = tmp_path / "shop.db"
    shutil.copyfile(FIXTURES / "schema_v1.sqlite", path)
    old = connect(f"sqlite:///{path}")
    v1_rows = _v1_rows(old)
    old.close()

    upgraded = open_database(f"sqlite:///{path}")
    fresh = open_database(f"sqlite:///{tmp_path / 'fresh.db'}")
    assert upgraded.execute_sql(f"SELECT version FROM {VERSION_TABLE}").fetchone()[0] == latest_version()
    assert _sqlite_shape(upgraded) == _sqlite_shape(fresh)
    _assert_upgraded_like_fresh(v1_rows, upgraded, fresh)
    # The search index built by step 1 still finds the customers it had.
    assert upgraded.execute_sql(
        "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?", ('"kamau"',)
    ).fetchall() == [(1,)]
    assert (tmp_path / "shop.db.schema-v1.bak").exists()


@pytest.fixture
def two_pg_schemas(pg_server: str):
    from tests.conftest import _pg_admin

    admin = _pg_admin()
    names = [f"t_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    for name in names:
        admin.execute_sql(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in pg_server else "?"
    yield [
        (name, f"{pg_server}{separator}options={quote(f'-c search_path={name},public')}") for name in names
    ]
    for name in names:
        admin.execute_sql(f"DROP SCHEMA {name} CASCADE")
    admin.close()


def test_a_first_release_postgres_dump_upgrades_to_the_fresh_schema(two_pg_schemas):
    (old_schema, old_url), (fresh_schema, fresh_url) = two_pg_schemas
    old = connect(old_url)
    dump = (FIXTURES / "schema_v1.postgres.sql").read_text(encoding="utf-8")
    with old.atomic():
        old.execute_sql(dump)
    old.execute_sql(f"SET search_path = {old_schema}, public")  # the dump's SETs are session-wide
    v1_rows = _v1_rows(old)
    old.close()

    upgraded = open_database(old_url)
    fresh = open_database(fresh_url)
    assert upgraded.execute_sql(f"SELECT version FROM {VERSION_TABLE}").fetchone()[0] == latest_version()
    upgraded_shape = _postgres_shape(upgraded, old_schema)
    fresh_shape = _postgres_shape(fresh, fresh_schema)
    assert sorted(upgraded_shape) == sorted(fresh_shape)
    for key, value in fresh_shape.items():
        assert upgraded_shape[key] == value, key
    _assert_upgraded_like_fresh(v1_rows, upgraded, fresh)
    # A new customer gets the next number: the dump carried its sequences.
    assert upgraded.execute_sql("SELECT nextval('customer_id_seq')").fetchone()[0] == 3
