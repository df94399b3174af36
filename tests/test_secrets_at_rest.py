"""Secrets at rest: the database, its -wal/-shm and its backups are the owner's only (0600);
managers' and administrators' PINs are 6 to 8 digits, cashiers' 4 to 8."""

from __future__ import annotations

import os
import stat

import pytest

from konnect_pos.domain.errors import ValidationError
from konnect_pos.services import users
from konnect_pos.services.session import sign_in
from konnect_pos.store.database import connect
from konnect_pos.store.schema import migrate, open_database


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_new_database_and_its_wal_and_shm_are_the_owners_only(tmp_path):
    old_umask = os.umask(0o022)  # the usual desktop umask, which gives 0644 files
    try:
        database = open_database(f"sqlite:///{tmp_path / 'shop.db'}")
        database.execute_sql("CREATE TABLE scratch (x)")  # a write: the -wal and -shm exist now
        names = sorted(p.name for p in tmp_path.iterdir())
        assert names == ["shop.db", "shop.db-shm", "shop.db-wal"]
        assert {name: mode(tmp_path / name) for name in names} == dict.fromkeys(names, 0o600)
        database.close()
    finally:
        os.umask(old_umask)


def test_a_database_created_world_readable_is_made_private_when_opened(tmp_path):
    path = tmp_path / "old.db"
    connect(f"sqlite:///{path}").close()
    path.chmod(0o644)  # as earlier versions created it
    open_database(f"sqlite:///{path}").close()
    assert mode(path) == 0o600


def test_the_backup_taken_before_an_upgrade_is_private(tmp_path):
    path = tmp_path / "shop.db"
    database = connect(f"sqlite:///{path}")
    migrate(database, target=1)
    database.close()
    old_umask = os.umask(0o022)
    try:
        open_database(f"sqlite:///{path}").close()
    finally:
        os.umask(old_umask)
    assert mode(tmp_path / "shop.db.schema-v1.bak") == 0o600


@pytest.fixture
def shop(sqlite_url, clock):
    """PINs are checked above the store: one backend is enough."""
    from konnect_pos.services import demo

    database = open_database(sqlite_url)
    demo.seed(clock, customers=10)
    yield database
    database.close()


@pytest.fixture
def admin(shop, clock):
    return sign_in("KIN01-T1", "admin", "999999", clock)


@pytest.mark.parametrize("role", ["manager", "admin"])
def test_managers_and_administrators_need_six_digits(admin, clock, role):
    for short in ("1234", "12345"):
        with pytest.raises(ValidationError, match="6 to 8 digits"):
            users.add_user(admin, f"new{role}", "New Person", role, short)
    users.add_user(admin, f"new{role}", "New Person", role, "482913")
    assert sign_in("KIN01-T1", f"new{role}", "482913", clock).user.role == role
    with pytest.raises(ValidationError, match="6 to 8 digits"):
        users.reset_pin(admin, f"new{role}", "4829")
    assert sign_in("KIN01-T1", f"new{role}", "482913", clock).user.role == role  # the old PIN still works


def test_cashiers_keep_four_digits(admin, clock):
    users.add_user(admin, "amina", "Amina Juma", "cashier", "4321")
    users.reset_pin(admin, "amina", "8765")
    assert sign_in("KIN01-T1", "amina", "8765", clock).user.role == "cashier"


def test_the_demo_managers_have_six_digit_pins(shop, clock):
    assert sign_in("KIN01-T1", "manager", "222222", clock).user.role == "manager"
    assert sign_in("KIN01-T1", "admin", "999999", clock).user.role == "admin"
