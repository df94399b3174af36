"""konnect-pos backup / restore / day close's backup, on real SQLite files."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from konnect_pos.cli import main
from tests.support import ManualClock


@pytest.fixture(autouse=True)
def own_folders(tmp_path, monkeypatch):
    """Settings and the default backups folder of this test only."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def make_shop(path: Path, capsys) -> str:
    url = f"sqlite:///{path}"
    assert run(capsys, "demo", "--no-gui", "--customers", "20", "--db", url)[0] == 0
    return url


@pytest.fixture
def shop(tmp_path, capsys, monkeypatch) -> str:
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_USER", "manager")
    monkeypatch.setenv("KONNECT_POS_PIN", "222222")
    return make_shop(tmp_path / "shop" / "konnect.db", capsys)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """One command, its connection closed after it as when its process ends."""
    from konnect_pos.store.database import db

    code = main(list(argv))
    if db.obj is not None:
        db.obj.close()
    out, err = capsys.readouterr()
    return code, out, err


def sell(capsys, url: str, account: str) -> None:
    argv = ["sell", "--customer", account, "--bundle", "CD-WEEK5", "--pay", "cash:6", "--db", url]
    assert run(capsys, *argv)[0] == 0


def row_counts(url: str) -> dict[str, int]:
    connection = sqlite3.connect(url[len("sqlite:///") :])
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


def every_row(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, in order: what "the same rows" means, beyond their number."""
    connection = sqlite3.connect(url[len("sqlite:///") :])
    try:
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: connection.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    finally:
        connection.close()


def backup_to(capsys, url: str, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    code, out, err = run(capsys, "backup", "--to", str(folder), "--db", url)
    assert code == 0, err
    (written,) = [p for p in folder.glob("*.db") if p.name in out]
    return written


def test_backup_then_restore_gives_the_same_verify_and_rows(shop, capsys, tmp_path):
    sell(capsys, shop, "CD00000001")
    sell(capsys, shop, "CD00000005")
    verified = run(capsys, "verify", "--db", shop)
    counts, rows = row_counts(shop), every_row(shop)
    backup = backup_to(capsys, shop, tmp_path / "stick")
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert backup.name.startswith("konnect-pos-KIN01-T1-")
    sell(capsys, shop, "CD00000005")  # after the backup: gone again once restored
    assert row_counts(shop)["sale"] == counts["sale"] + 1

    code, out, err = run(capsys, "restore", str(backup), "--db", shop)

    assert code == 0, err
    assert "2 sales" in out and "journal verified" in out
    assert run(capsys, "verify", "--db", shop) == verified
    assert row_counts(shop) == counts and every_row(shop) == rows
    (aside,) = (tmp_path / "shop").glob("konnect.before-restore-*.db")
    assert row_counts(f"sqlite:///{aside}")["sale"] == counts["sale"] + 1


def test_a_damaged_backup_is_refused_and_nothing_changes(shop, capsys, tmp_path):
    sell(capsys, shop, "CD00000001")
    backup = backup_to(capsys, shop, tmp_path / "stick")
    page = sqlite3.connect(backup).execute("PRAGMA page_size").fetchone()[0]
    with backup.open("r+b") as handle:  # garbage over the second and third pages (table b-trees)
        handle.seek(page)
        handle.write(bytes(range(256)) * (2 * page // 256))
    before = row_counts(shop)
    files = sorted((tmp_path / "shop").iterdir())

    code, out, err = run(capsys, "restore", str(backup), "--db", shop)

    assert code == 2 and out == ""
    assert err.startswith("konnect-pos: The backup ") and "is damaged" in err and err.count("\n") == 1
    assert row_counts(shop) == before
    assert sorted((tmp_path / "shop").iterdir()) == files


def test_a_backup_of_another_terminal_needs_force(shop, capsys, tmp_path):
    other = make_shop(tmp_path / "other" / "konnect.db", capsys)  # another laptop: its own terminals
    backup = backup_to(capsys, other, tmp_path / "stick")
    sell(capsys, shop, "CD00000001")
    before = row_counts(shop)

    code, _, err = run(capsys, "restore", str(backup), "--db", shop)

    assert code == 2 and "backup of another terminal" in err and "--force" in err and err.count("\n") == 1
    assert row_counts(shop) == before
    assert run(capsys, "restore", str(backup), "--force", "--db", shop)[0] == 0
    assert row_counts(shop)["sale"] == 0


def test_only_the_last_backups_are_kept(shop, capsys, tmp_path):
    from konnect_pos.services.backup import back_up
    from konnect_pos.services.outlets import get_terminal
    from konnect_pos.store.schema import open_database

    assert run(capsys, "backup-settings", "--keep", "2")[0] == 0
    open_database(shop, create=False)
    clock = ManualClock(datetime(2026, 11, 20, 9, 0, tzinfo=UTC))
    folder = tmp_path / "stick"
    folder.mkdir()
    made = []
    for hour in range(4):
        if hour:
            clock.advance(hours=1)
        made.append(back_up(get_terminal("KIN01-T1"), clock, folder).path)
    made.append(back_up(get_terminal("KIN01-T1"), clock, folder).path)  # same second: a -2 suffix
    assert made[-1].name == "konnect-pos-KIN01-T1-20261120-130000-2.db"
    assert sorted(folder.glob("*.db")) == sorted(made[-2:])
    assert (folder / "anchor.json").exists()  # the journal heads beside the backups
    assert made[0].name == "konnect-pos-KIN01-T1-20261120-100000.db"  # Kinshasa's local time


@pytest.mark.parametrize(("command", "tool"), [("backup", "pg_dump"), ("restore", "pg_restore")])
def test_postgresql_is_backed_up_by_its_own_tools(capsys, command, tool):
    argv = [command, "--db", "postgresql://postgres@127.0.0.1:5432/test"]
    code, out, err = run(capsys, *([*argv, "some.db"] if command == "restore" else argv))
    assert code == 2 and out == "" and tool in err and err.count("\n") == 1


def test_day_close_backs_up_to_the_configured_folder(shop, capsys, tmp_path):
    stick = tmp_path / "stick"
    stick.mkdir()
    assert run(capsys, "backup-settings", "--folder", str(stick))[0] == 0
    sell(capsys, shop, "CD00000001")

    code, out, _ = run(
        capsys, "day", "close", "--count", "USD:note:20=1", "--comment", "counted", "--db", shop
    )

    assert code == 0 and "Z report 1" in out
    (written,) = stick.glob("*.db")
    assert f"Backup written: {written}" in out
    assert row_counts(f"sqlite:///{written}")["day_close"] == 1


def test_day_close_without_the_stick_still_closes_and_says_why(shop, capsys, tmp_path):
    stick = tmp_path / "stick-not-plugged-in"
    assert run(capsys, "backup-settings", "--folder", str(stick))[0] == 0

    code, out, err = run(
        capsys, "day", "close", "--count", "USD:note:20=1", "--comment", "counted", "--db", shop
    )

    assert code == 0 and "Z report 1" in out
    assert err == f"The backup failed: The backup folder {stick} does not exist (is the USB stick in?)\n"
    assert not stick.exists()
