"""HQ records each schema step as the terminal does; an HQ left at step 1 upgrades to a fresh one."""

from __future__ import annotations

import psycopg

from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq import schema
from tests.sync_support import HQ

# An HQ as the first release of HQ left it: step 1 and a version table saying 1, no step records,
# with reference data, a terminal and a record it pushed.
AT_STEP_1 = """
INSERT INTO hq_outlet (code, name, kind, country, zone, vat_rate, merchant_numbers)
    VALUES ('KIN01', 'Kinshasa Gombe', 'shop', 'CD', 'WAT', '0.16', '{"orange": "0850001122"}');
INSERT INTO hq_bundle (country, code, name, price_minor, currency, data_gb, validity_days)
    VALUES ('CD', 'CD-WEEK5', 'Week 5 GB', 600, 'USD', '5', 7);
INSERT INTO hq_terminal (label, outlet_code, role_name) VALUES ('KIN01-T1', 'KIN01', 'kp_old_kin01_t1');
INSERT INTO hq_inbound (uuid, terminal, seq, kind, record_uuid, payload, hash, created_at)
    VALUES ('0193-a', 'KIN01-T1', 1, 'customer', '0193-c', '{}', repeat('a', 64), '2026-11-20 09:30+00');
"""

SHAPE = """
SELECT 'column', table_name || '.' || column_name, data_type || ' ' || is_nullable || ' '
    || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public'
UNION ALL SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
UNION ALL SELECT 'constraint', conrelid::regclass::text || '.' || conname, pg_get_constraintdef(oid)
    FROM pg_constraint WHERE connamespace = 'public'::regnamespace
UNION ALL SELECT 'function', proname, md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
    AND left(proname, 3) = 'hq_'
ORDER BY 1, 2, 3
"""


def test_an_hq_at_step_1_upgrades_to_the_fresh_schema_and_records_each_step(pg_server):
    fresh = HQ(pg_server)
    old = HQ.__new__(HQ)
    old.name, old.admin_url = f"{fresh.name}_old", fresh.admin_url
    old.url = fresh.url.replace(fresh.name, old.name)
    with psycopg.connect(old.admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {old.name}")
    try:
        with psycopg.connect(old.url, autocommit=True) as conn:
            conn.execute(schema.STEP_1)
            conn.execute(f"CREATE TABLE {schema.VERSION_TABLE} (version INTEGER NOT NULL)")
            conn.execute(f"INSERT INTO {schema.VERSION_TABLE} (version) VALUES (1)")
            conn.execute(AT_STEP_1)
            assert schema.applied_versions(conn) == {1}
        inbound = old.query("SELECT uuid, terminal, seq, kind, payload, hash FROM hq_inbound")

        assert hq_admin.init_hq(old.url) == schema.latest_version()
        assert old.query(SHAPE) == fresh.query(SHAPE)
        everything = {number for number, _ in schema.STEPS}
        for hq in (old, fresh):
            assert {row[0] for row in hq.query(f"SELECT version FROM {schema.STEP_TABLE}")} == everything
            assert hq.query(f"SELECT version FROM {schema.VERSION_TABLE}") == [(schema.latest_version(),)]
        assert old.query("SELECT uuid, terminal, seq, kind, payload, hash FROM hq_inbound") == inbound
        assert old.query("SELECT code, merchant_numbers FROM hq_outlet") == [
            ("KIN01", {"orange": "0850001122"})
        ]
        assert old.query("SELECT quarantine, processed FROM hq_inbound") == [(None, False)]  # steps 2 and 4

        assert hq_admin.init_hq(old.url) == schema.latest_version()  # again: nothing applied twice
        assert len(old.query(f"SELECT version FROM {schema.STEP_TABLE}")) == len(everything)
    finally:
        with psycopg.connect(old.url, autocommit=True) as conn:  # its terminal never got a role
            conn.execute("TRUNCATE hq_inbound, hq_terminal CASCADE")  # and what refers to terminals
        old.drop()
        fresh.drop()


def test_a_step_missing_below_the_highest_is_still_applied(pg_server):
    """Two HQ steps landed in either order: an HQ that has 1, 2 and 4 but not 3 gets 3."""
    hq = HQ(pg_server)
    try:
        with psycopg.connect(hq.url, autocommit=True) as conn:
            conn.execute("DROP FUNCTION hq_journal_head(TEXT)")
            conn.execute(f"DELETE FROM {schema.STEP_TABLE} WHERE version = 3")
            assert schema.applied_versions(conn) == {number for number, _ in schema.STEPS} - {3}
        hq_admin.init_hq(hq.url)
        assert hq.query("SELECT count(*) FROM pg_proc WHERE proname = 'hq_journal_head'") == [(1,)]
        assert 3 in {row[0] for row in hq.query(f"SELECT version FROM {schema.STEP_TABLE}")}
    finally:
        hq.drop()
