"""ESC/POS receipts sent to a real TCP listener (a printer's port 9100 stand-in) and decoded back."""

from __future__ import annotations

import json
import socket
import threading

import pytest

from konnect_pos.cli import main
from konnect_pos.documents.receipt_escpos import CODE_PAGE

ENV = {"KONNECT_POS_USER": "cashier", "KONNECT_POS_PIN": "1111", "KONNECT_POS_TERMINAL": "KIN01-T1"}
QR = b"\x1d(k"
CUT = b"\x1dV"
DRAWER = b"\x1bp"


class Listener:
    """A printer's port: accepts connections and keeps every byte it is sent."""

    def __init__(self, *, read: bool = True) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.jobs: list[bytes] = []
        self.read = read
        self.held: list[socket.socket] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"tcp://127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            if not self.read:  # a stuck printer: takes the connection, never reads
                self.held.append(conn)
                continue
            chunks = []
            with conn:
                while data := conn.recv(65536):
                    chunks.append(data)
            self.jobs.append(b"".join(chunks))

    def job(self) -> bytes:
        for _ in range(200):
            if self.jobs:
                return self.jobs.pop(0)
            threading.Event().wait(0.01)
        raise AssertionError("the listener received nothing")

    def close(self) -> None:
        self.server.close()
        for conn in self.held:
            conn.close()


@pytest.fixture
def listener():
    printer = Listener()
    yield printer
    printer.close()


@pytest.fixture
def shop(sqlite_url, capsys, monkeypatch):
    for key, value in ENV.items():
        monkeypatch.setenv(key, value)
    assert main(["demo", "--no-gui", "--customers", "20", "--db", sqlite_url]) == 0
    capsys.readouterr()
    return sqlite_url


def sell(shop, capsys, *pay: str) -> str:
    args = ["sell", "--db", shop, "--customer", "CD00000001", "--bundle", "CD-LITE15", "--json"]
    for tender in pay:
        args += ["--pay", tender]
    assert main(args) == 0
    return json.loads(capsys.readouterr().out)["receipt_number"]


def text_of(job: bytes) -> str:
    return job.decode(CODE_PAGE.lower(), errors="replace")


def test_a_cash_sale_prints_in_french_with_qr_cut_and_drawer_kick(shop, capsys, listener):
    number = sell(shop, capsys, "cash:20")
    code = main(["receipt", number, "--db", shop, "--printer", listener.url, "--language", "fr"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert number in out and "drawer" in out
    job = listener.job()
    text = text_of(job)
    for expected in (number, "Reçu", "Boutique Konnect Gombe", "Konnect Lite 15 Go", "Espèces", "Total"):
        assert expected in text, expected
    assert job.startswith(b"\x1b@")  # the printer is reset before the code page is chosen
    assert QR in job and number.encode() in job.split(QR, 1)[1]  # the QR code holds the receipt number
    assert CUT in job and DRAWER in job
    assert job.index(QR) < job.index(CUT) < job.index(DRAWER)
    widest = max(len(line) for line in text.split("\n") if "\x1b" not in line and "\x1d" not in line)
    assert widest <= 48


def test_a_mobile_money_sale_on_58mm_in_swahili_opens_no_drawer(shop, capsys, listener):
    number = sell(shop, capsys, "mobile:mpesa:QK7AB12CD3:0812345678")
    code = main(
        ["receipt", number, "--db", shop, "--printer", listener.url, "--paper", "58mm", "--language", "sw"]
    )
    assert code == 0, capsys.readouterr().err
    job = listener.job()
    text = text_of(job)
    assert number in text and "QK7AB12CD3" in text
    assert QR in job and CUT in job and DRAWER not in job
    plain = [line for line in text.split("\n") if "\x1b" not in line and "\x1d" not in line]
    assert plain and max(len(line) for line in plain) <= 32


def test_a_reprint_is_marked_and_opens_no_drawer(shop, capsys, listener):
    number = sell(shop, capsys, "cash:20")
    code = main(["receipt", number, "--db", shop, "--printer", listener.url, "--copy", "--language", "fr"])
    assert code == 0, capsys.readouterr().err
    job = listener.job()
    assert "DUPLICATA" in text_of(job) and DRAWER not in job


def test_print_test_page_shows_the_accents_of_the_code_page(capsys, listener):
    assert main(["print-test", "--printer", listener.url, "--paper", "58mm", "--language", "fr"]) == 0
    job = listener.job()
    assert "àâçéèêëîïôûùü" in text_of(job) and CUT in job and DRAWER not in job


def test_a_printer_that_is_off_gives_one_line_and_the_sale_stays(shop, capsys):
    number = sell(shop, capsys, "cash:20")
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    code = main(["receipt", number, "--db", shop, "--printer", f"tcp://127.0.0.1:{port}"])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "did not print" in err
    assert main(["receipt", number, "--db", shop, "--out", str(shop.split("///")[1] + ".pdf")]) == 0


@pytest.mark.parametrize("url", ["lpt1", "tcp://", "usb://zz:1", "serial://"])
def test_a_malformed_printer_url_is_one_line(url, capsys):
    assert main(["print-test", "--printer", url]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "tcp://HOST:9100" in err


def test_a_stuck_printer_times_out_instead_of_hanging():
    from konnect_pos.services.receipt_printer import PrinterFault, send

    stuck = Listener(read=False)
    try:
        with pytest.raises(PrinterFault):
            send(stuck.url, b"x" * 64_000_000, timeout=0.3)
    finally:
        stuck.close()


def test_a_manager_opening_the_drawer_is_journaled(demo_db, clock):
    from konnect_pos.domain.errors import PermissionDenied
    from konnect_pos.services.audit import audit_trail
    from konnect_pos.services.receipt_printer import open_drawer
    from konnect_pos.services.session import sign_in

    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    with pytest.raises(PermissionDenied):
        open_drawer(cashier, "tcp://127.0.0.1:9100")
    pulse = open_drawer(manager, "tcp://127.0.0.1:9100")
    assert DRAWER in pulse
    rows = audit_trail(manager, kind="drawer_opened")
    assert [(row.kind, row.user) for row in rows] == [("drawer_opened", "manager")]
    from konnect_pos.hq.door import parse
    from konnect_pos.store.models import OutboxEvent

    event = OutboxEvent.get(OutboxEvent.kind == "drawer_opened")  # HQ takes it in, not quarantined
    assert parse(event.kind, event.record_uuid, event.payload)["user"] == "manager"


def test_a_serial_printer_that_is_not_plugged_in_is_one_translated_line(capsys, tmp_path):
    missing = tmp_path / "ttyUSB9"
    assert main(["print-test", "--printer", f"serial://{missing}", "--language", "fr"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_balance_top_up_prints_its_new_balance(shop, capsys, listener):
    import sqlite3

    with sqlite3.connect(shop.split("///", 1)[1]) as con:
        (account,) = con.execute(
            "SELECT c.account_number FROM plan_account p JOIN customer c ON c.id = p.customer_id "
            "WHERE c.account_number LIKE 'CD%' ORDER BY c.id LIMIT 1"
        ).fetchone()
    assert main(["topup", account, "30", "--pay", "cash:30", "--db", shop]) == 0
    number = capsys.readouterr().out.split()[1].rstrip(":")
    assert main(["receipt", number, "--db", shop, "--printer", listener.url, "--language", "en"]) == 0
    text = text_of(listener.job())
    assert "Balance top-up" in text and "New balance" in text
