"""The terminal's HQ password lives outside the database: OS credential store or a 0600 file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from konnect_pos.cli import main
from konnect_pos.hq import admin as hq_admin
from konnect_pos.services.sync import client, credentials, reference
from konnect_pos.services.sync.credentials import split_url
from konnect_pos.store.models import SyncLink
from tests.sync_support import open_terminal_db, private_credentials, sell_cash

T1 = "KIN01-T1"


@pytest.fixture(autouse=True)
def config(monkeypatch, tmp_path) -> Path:
    return private_credentials(monkeypatch, tmp_path)


def _database_bytes(path: Path) -> bytes:
    """The database file and whatever SQLite keeps beside it (WAL, rollback journal)."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())


def test_without_an_os_store_the_password_goes_to_a_private_file_not_the_database(
    tmp_path, clock, hq, config, capsys, monkeypatch
):
    monkeypatch.setenv("KONNECT_POS_USER", "admin")  # linking is an administrator's call
    monkeypatch.setenv("KONNECT_POS_PIN", "999999")
    assert credentials.where() == str(config / "konnect-pos" / "hq-credentials.json")  # no keyring here
    path = tmp_path / "kin.db"
    url = open_terminal_db(path, clock)
    reference.load_reference(hq.url)
    terminal_url = hq_admin.add_terminal(hq.url, "KIN01", "T1")
    password = split_url(terminal_url).password
    assert main(["sync", "link", terminal_url, "--terminal", T1, "--db", url]) == 0
    assert "not in the database" in capsys.readouterr().out
    assert password.encode() not in _database_bytes(path)
    assert SyncLink.get().hq_url == split_url(terminal_url).stored  # user:@host — "look it up"
    kept = credentials.credentials_file()
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert password in kept.read_text()
    sell_cash(clock, T1, "CD00000001")
    assert main(["sync", "--once", "--db", url]) == 0


@pytest.mark.parametrize("move", ["link", "first sync"])
def test_an_old_plaintext_url_is_moved_out_and_zeroed_in_the_file(tmp_path, clock, hq, move):
    path = tmp_path / "kin.db"
    url = open_terminal_db(path, clock)
    reference.load_reference(hq.url)
    terminal_url = hq_admin.add_terminal(hq.url, "KIN01", "T1")
    password = split_url(terminal_url).password
    client.link(T1, terminal_url, clock)
    SyncLink.update(hq_url=terminal_url).execute()  # what an older version stored
    credentials.credentials_file().unlink()
    assert password.encode() in _database_bytes(path)

    if move == "link":
        assert main(["sync", "link", "--db", url]) == 0
    else:
        sell_cash(clock, T1, "CD00000001")
        assert main(["sync", "--once", "--db", url]) == 0
    assert password.encode() not in _database_bytes(path)
    assert credentials.load_password(split_url(terminal_url).key) == password
    assert main(["sync", "--once", "--db", url]) == 0


def test_a_missing_password_is_one_clear_line_and_keeps_everything(tmp_path, clock, hq, capsys):
    url = open_terminal_db(tmp_path / "kin.db", clock)
    reference.load_reference(hq.url)
    client.link(T1, hq_admin.add_terminal(hq.url, "KIN01", "T1"), clock)
    credentials.credentials_file().unlink()  # a laptop restored without its user profile
    sell_cash(clock, T1, "CD00000001")
    waiting = client.status(T1).waiting
    capsys.readouterr()
    assert main(["sync", "--once", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "HQ password of this terminal is not on this computer" in err and err.count("\n") == 1
    assert client.status(T1).waiting == waiting
