"""Real faults give one translated line (exit 2 in the CLI) and lose nothing committed.

Each fault is made for real: a small tmpfs filled up (or a file-size limit, RLIMIT_FSIZE, when
mounting is not allowed), a database file and folder made read-only (as root, the process runs
without the capabilities that bypass file permissions), a TCP proxy in front of PostgreSQL that
drops the link at a chosen statement, and pages of the file overwritten with garbage.
"""

from __future__ import annotations

import contextlib
import os
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from konnect_pos.cli import main

ROOT = Path(__file__).resolve().parent.parent
SALE = [
    "sell",
    "--terminal",
    "KIN01-T1",
    "--customer",
    "CD00000001",
    "--bundle",
    "CD-WEEK5",
    "--pay",
    "cash:6",
]
CASHIER = {"KONNECT_POS_USER": "cashier", "KONNECT_POS_PIN": "1111"}
DROP_FILE_RIGHTS = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]


def seed(url: str, customers: int = 10) -> None:
    from konnect_pos.store.database import db

    assert main(["demo", "--no-gui", "--customers", str(customers), "--db", url]) == 0
    db.close()


@pytest.fixture(scope="module")
def template_shop(tmp_path_factory) -> Path:
    """One demo shop file per module; each test works on its own copy."""
    path = tmp_path_factory.mktemp("template") / "shop.db"
    seed(f"sqlite:///{path}")
    return path


@pytest.fixture
def shop_copy(template_shop):
    def copy(target: Path) -> str:
        shutil.copyfile(template_shop, target)
        target.chmod(0o600)
        return f"sqlite:///{target}"

    return copy


def cli(*argv: str, prefix: list[str] | None = None, preexec=None, **env: str) -> subprocess.CompletedProcess:
    environment = {
        **os.environ,
        **CASHIER,
        "KONNECT_POS_LANG": "en",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        **env,
    }
    return subprocess.run(
        [*(prefix or []), sys.executable, "-m", "konnect_pos.cli", *argv],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        preexec_fn=preexec,
        check=False,
    )


def assert_one_line(code: int, err: str, text: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err and err.count("\n") == 1, err
    assert text in err, err


def counts(path: Path) -> tuple[int, int, int]:
    """Sales, journal entries and payments as the file holds them (read behind the app's back)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        return tuple(
            con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("sale", "journal_entry", "payment")
        )


def sell_and_verify_afterwards(url: str, path: Path, before: tuple[int, int, int]) -> None:
    """Nothing committed was lost or half-written, and the shop sells again once the fault is gone."""
    assert counts(path) == before
    assert cli("verify", "--db", url).returncode == 0
    sold = cli(*SALE, "--db", url)
    assert sold.returncode == 0, sold.stderr
    assert counts(path)[0] == before[0] + 1


# --- a full disk -------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(
            f"mounting a tmpfs is not allowed here ({done.stderr.strip()}); the RLIMIT_FSIZE test runs"
        )
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path, leave_kib: int) -> Path:
    stats = os.statvfs(folder)
    filler = folder / "filler"
    with filler.open("wb") as handle:
        handle.write(b"\0" * (stats.f_bavail * stats.f_frsize - leave_kib * 1024))
    return filler


def test_disk_full_during_a_sale_is_one_line_and_loses_nothing(small_disk, shop_copy):
    path = small_disk / "shop.db"
    url = shop_copy(path)
    assert cli(*SALE, "--db", url).returncode == 0
    before = counts(path)
    filler = fill(small_disk, leave_kib=64)  # enough to sign in, not for a sale
    failed = cli(*SALE, "--db", url, KONNECT_POS_LANG="fr")
    assert_one_line(failed.returncode, failed.stderr, "Le disque est plein : rien n'a été enregistré")
    filler.unlink()
    sell_and_verify_afterwards(url, path, before)


def test_a_file_size_limit_during_a_sale_is_one_line_and_loses_nothing(tmp_path, shop_copy):
    """The same fault without root: writes past RLIMIT_FSIZE fail with EFBIG, which SQLite reports
    as an I/O error rather than a full disk; the line says so."""
    path = tmp_path / "shop.db"
    url = shop_copy(path)
    before = counts(path)

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (40 * 1024, resource.RLIM_INFINITY))

    failed = cli(*SALE, "--db", url, preexec=limited)
    assert_one_line(failed.returncode, failed.stderr, "The disk could not be read or written (full, removed")
    sell_and_verify_afterwards(url, path, before)


# --- a read-only file ----------------------------------------------------------------------------


def read_only_runner() -> list[str]:
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root ignores file permissions and setpriv is missing to drop that right")
    return DROP_FILE_RIGHTS


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_database_is_one_line_and_loses_nothing(tmp_path, shop_copy, what):
    folder = tmp_path / "shop"
    folder.mkdir()
    path = folder / "shop.db"
    url = shop_copy(path)
    before = counts(path)
    locked = path if what == "file" else folder
    locked.chmod(0o444 if what == "file" else 0o555)
    try:
        if what == "folder":
            path.chmod(0o444)  # a read-only folder alone lets SQLite write the file in place
        failed = cli(*SALE, "--db", url, prefix=read_only_runner())
    finally:
        folder.chmod(0o755)
        path.chmod(0o600)
    assert_one_line(
        failed.returncode, failed.stderr, "The database cannot be written (read-only file or folder)"
    )
    sell_and_verify_afterwards(url, path, before)


# --- damaged pages ---------------------------------------------------------------------------------


def test_damaged_pages_are_one_line(tmp_path, shop_copy, capsys, monkeypatch):
    path = tmp_path / "shop.db"
    url = shop_copy(path)
    with sqlite3.connect(path) as con:
        page_size = con.execute("PRAGMA page_size").fetchone()[0]
        root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'customer'").fetchone()[0]
    con.close()
    with path.open("r+b") as handle:  # the customer table's root page overwritten with garbage
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    for key, value in CASHIER.items():
        monkeypatch.setenv(key, value)
    for argv in (["customers", "search", "CD000"], SALE):
        code = main([*argv, "--db", url])
        assert_one_line(code, capsys.readouterr().err, "The database file is damaged: run konnect-pos verify")


# --- the PostgreSQL link dropped ---------------------------------------------------------------------


class CuttableLink:
    """A TCP proxy in front of PostgreSQL that drops the link once the client has sent given statements.

    ``cut_after(b'INSERT INTO "sale"', b"COMMIT")`` drops it when the COMMIT that follows the sale's
    insert is on its way: the server never receives it, the client never hears back.
    """

    def __init__(self, host: str, port: int) -> None:
        self.upstream = (host, port)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.markers: list[bytes] = []
        self.cuts = 0
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_after(self, *markers: bytes) -> None:
        with self.lock:
            self.markers = list(markers)

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.upstream)
            threading.Thread(target=self._pump, args=(client, upstream, True), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, False), daemon=True).start()

    def _should_cut(self, data: bytes) -> bool:
        with self.lock:
            while self.markers and self.markers[0] in data:
                self.markers.pop(0)
                if not self.markers:
                    self.cuts += 1
                    return True
            return False

    def _pump(self, source: socket.socket, target: socket.socket, from_client: bool) -> None:
        try:
            while data := source.recv(65536):
                if from_client and self._should_cut(data):
                    break
                target.sendall(data)
        except OSError:
            pass
        for end in (source, target):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)
            end.close()

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def pg_shop(pg_url):
    seed(pg_url)
    parsed = urlparse(pg_url)
    link = CuttableLink(parsed.hostname or "127.0.0.1", parsed.port or 5432)
    netloc = f"{parsed.username + '@' if parsed.username else ''}127.0.0.1:{link.port}"
    through = parsed._replace(netloc=netloc).geturl()
    yield pg_url, through, link
    link.close()


def pg_state(url: str) -> tuple[int, int, int]:
    from konnect_pos.store.database import db
    from konnect_pos.store.models import JournalEntry, Sale, User
    from konnect_pos.store.schema import open_database

    open_database(url)
    try:
        return (
            Sale.select().count(),
            JournalEntry.select().count(),
            User.get(User.username == "cashier").failed_pins,
        )
    finally:
        db.close()


@pytest.mark.parametrize(
    "markers",
    [
        pytest.param((b'UPDATE "user"',), id="during-sign-in"),
        pytest.param((b'INSERT INTO "sale"',), id="during-the-sale"),
        pytest.param((b'INSERT INTO "sale"', b"COMMIT"), id="at-the-sale-commit"),
    ],
)
def test_postgres_link_lost_is_one_line_and_loses_nothing(pg_shop, capsys, monkeypatch, markers):
    direct, through, link = pg_shop
    for key, value in CASHIER.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("KONNECT_POS_LANG", "sw")
    assert main([*SALE, "--db", through]) == 0
    capsys.readouterr()
    before = pg_state(direct)
    link.cut_after(*markers)
    code = main([*SALE, "--db", through])
    assert link.cuts == 1
    assert_one_line(code, capsys.readouterr().err, "Muunganisho na seva ya hifadhidata umekatika")
    assert pg_state(direct) == before
    assert main([*SALE, "--db", through]) == 0  # the link is back: the next sale goes through
    assert pg_state(direct)[0] == before[0] + 1


# --- the counter window: the failure path of the database worker ------------------------------------


def test_the_counter_shows_one_line_and_keeps_the_cart_when_the_link_drops(pg_shop, qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.i18n import set_language
    from konnect_pos.ui.settings import LocalSettings
    from tests.test_ui_counter import WAIT, find_customer, sign_in

    direct, through, link = pg_shop
    database = open_database(through)
    settings = LocalSettings(tmp_path / "counter.ini")
    settings.save(
        language="fr", receipt_format="80mm", auto_print=False, idle_minutes=30
    )  # a Kinshasa counter
    app = App("KIN01-T1", settings)
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    try:
        window = sign_in(app, qtbot)
        find_customer(window, qtbot)
        qtbot.keyClick(window.cart, Qt.Key.Key_1)
        qtbot.waitUntil(lambda: window.preview is not None and window.cart.rowCount() == 1, timeout=WAIT)
        qtbot.keyClick(window, Qt.Key.Key_F9)
        qtbot.waitUntil(
            lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
        )
        dialog = window.payment_dialog
        qtbot.keyClick(dialog, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # cash
        qtbot.keyClicks(dialog.tendered, "10")
        qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)  # adds the cash: fully paid
        qtbot.waitUntil(lambda: dialog.confirm_button.isEnabled(), timeout=WAIT)
        link.cut_after(b'INSERT INTO "sale"')
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)  # the link drops mid-sale
        qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
        assert dialog.error.text() == (
            "La connexion au serveur de base de données a été perdue : vérifiez le réseau, "
            "puis consultez le dernier reçu avant de réessayer"
        )
        assert dialog.isVisible() and window.cart.rowCount() == 1 and window.receipt_dialog is None
        assert pg_state(direct)[0] == 0
        qtbot.waitUntil(lambda: dialog.confirm_button.isEnabled(), timeout=WAIT)
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)  # the same cart, once more
        qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=WAIT)
        assert window.cart.rowCount() == 0
        assert pg_state(direct)[0] == 1
    finally:
        if app.counter_window is not None:
            app.counter_window.close()
        app.worker.wait()
        set_language("en")
        database.close()


def test_the_counter_keeps_the_cart_when_the_disk_is_full(small_disk, qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.i18n import set_language
    from konnect_pos.ui.settings import LocalSettings
    from tests.test_ui_counter import WAIT, find_customer, sign_in

    path = small_disk / "shop.db"
    url = f"sqlite:///{path}"
    seed(url)  # today's business day, on the real clock the app runs on
    database = open_database(url)
    app = App("KIN01-T1", LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    try:
        window = sign_in(app, qtbot)
        find_customer(window, qtbot)
        qtbot.keyClick(window.cart, Qt.Key.Key_1)
        qtbot.waitUntil(lambda: window.preview is not None and window.cart.rowCount() == 1, timeout=WAIT)
        qtbot.keyClick(window, Qt.Key.Key_F9)
        qtbot.waitUntil(
            lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
        )
        dialog = window.payment_dialog
        qtbot.keyClicks(dialog.tendered, "10")
        qtbot.keyClick(dialog.tendered, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.confirm_button.isEnabled(), timeout=WAIT)
        before = counts(path)
        filler = fill(small_disk, leave_kib=0)
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
        assert dialog.error.text() == "The disk is full: nothing was saved. Free some space and try again"
        assert dialog.isVisible() and window.cart.rowCount() == 1 and window.receipt_dialog is None
        filler.unlink()
        assert counts(path) == before
        qtbot.waitUntil(lambda: dialog.confirm_button.isEnabled(), timeout=WAIT)
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)  # space freed: the same cart
        qtbot.waitUntil(lambda: window.receipt_dialog is not None, timeout=WAIT)
        assert window.cart.rowCount() == 0 and counts(path)[0] == before[0] + 1
    finally:
        if app.counter_window is not None:
            app.counter_window.close()
        app.worker.wait()
        set_language("en")
        database.close()


def test_after_a_lost_link_the_next_read_connects_again(pg_shop):
    from konnect_pos.services.customers import search_customers
    from konnect_pos.services.faults import fault_error
    from konnect_pos.store.schema import open_database

    _direct, through, link = pg_shop
    database = open_database(through)
    try:
        assert search_customers("CD000", region="CD")
        link.cut_after(b"search_text")
        with pytest.raises(Exception) as lost:  # a read outside any transaction
            search_customers("CD000", region="CD")
        assert fault_error(lost.value).template.startswith("The connection to the database server was lost")
        assert search_customers("CD000", region="CD")  # not stuck on the dead socket
    finally:
        database.close()


def test_the_sign_in_screen_shows_one_line_when_the_link_drops(pg_shop, qtbot, tmp_path):
    from PySide6.QtCore import Qt

    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.i18n import set_language
    from konnect_pos.ui.settings import LocalSettings
    from tests.test_ui_counter import WAIT

    direct, through, link = pg_shop
    database = open_database(through)
    settings = LocalSettings(tmp_path / "counter.ini")
    settings.save(language="sw", receipt_format="80mm", auto_print=False, idle_minutes=30)
    app = App("KIN01-T1", settings)
    login = app.login
    qtbot.addWidget(login)
    login.show()
    qtbot.waitUntil(lambda: login.user.count() == 3, timeout=WAIT)
    try:
        login.user.setCurrentIndex(login.user.findData("cashier"))
        link.cut_after(b'UPDATE "user"')
        qtbot.keyClicks(login.pin, "1111")
        qtbot.keyClick(login.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: login.error.text() != "", timeout=WAIT)
        assert login.error.text().startswith("Muunganisho na seva ya hifadhidata umekatika")
        assert app.counter_window is None and pg_state(direct)[2] == 0  # no wrong PIN counted
        qtbot.waitUntil(lambda: login.sign_in_button.isEnabled(), timeout=WAIT)
        login.pin.clear()
        qtbot.keyClicks(login.pin, "1111")
        qtbot.keyClick(login.pin, Qt.Key.Key_Return)  # the link is back
        qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    finally:
        if app.counter_window is not None:
            qtbot.addWidget(app.counter_window)
            app.counter_window.close()
        app.worker.wait()
        set_language("en")
        database.close()
