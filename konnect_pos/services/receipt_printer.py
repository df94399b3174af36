"""Thermal receipt printers and the cash drawer behind them, addressed by a printer URL.

``tcp://HOST[:PORT]`` (a network printer, port 9100 by default), ``usb://VID:PID`` (hex ids),
``serial:///dev/ttyUSB0[?baud=9600]``, ``win32://PRINTER NAME`` (the Windows spooler, raw).
No URL means no thermal printer: receipts go through the PDF preview and the OS, as before.

Building the bytes reads the database (the DB worker); sending them talks to a device that may be
off or stuck, so it is a separate call with a timeout, made on its own thread by the GUI. A sale
is committed before anything is printed: a printer fault never undoes or blocks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from escpos.constants import CD_KICK_2

from konnect_pos.documents.receipt_escpos import (
    DRAWER_PIN,
    PAPERS,
    opens_drawer,
    render_receipt_escpos,
    render_test_page,
)
from konnect_pos.domain.errors import KonnectError, ValidationError
from konnect_pos.domain.roles import Right
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.receipts import receipt_data
from konnect_pos.services.session import Counter
from konnect_pos.store.database import write_transaction

DEFAULT_PORT = 9100
TIMEOUT = 5.0  # seconds: a printer that has not taken the bytes by then is reported, not waited for


class PrinterFault(KonnectError):
    """The printer could not be reached or did not take the bytes."""


@dataclass(frozen=True, slots=True)
class PrinterAddress:
    kind: str  # tcp | usb | serial | win32
    host: str = ""
    port: int = DEFAULT_PORT
    vendor: int = 0
    product: int = 0
    device: str = ""
    baudrate: int = 9600
    name: str = ""


@dataclass(frozen=True, slots=True)
class ThermalReceipt:
    receipt_number: str
    payload: bytes
    opens_drawer: bool


def parse_printer(url: str) -> PrinterAddress:
    """The address in a printer URL; a malformed one is refused with what to write instead."""
    text = (url or "").strip()
    parts = urlsplit(text)
    try:
        if parts.scheme == "tcp" and parts.hostname:
            return PrinterAddress("tcp", host=parts.hostname, port=parts.port or DEFAULT_PORT)
        if parts.scheme == "usb" and parts.netloc:
            vendor, _, product = parts.netloc.partition(":")
            return PrinterAddress("usb", vendor=int(vendor, 16), product=int(product, 16))
        if parts.scheme == "serial" and parts.path:
            baud = parse_qs(parts.query).get("baud", ["9600"])[0]
            return PrinterAddress("serial", device=parts.path, baudrate=int(baud))
        if parts.scheme == "win32" and (parts.netloc or parts.path):
            return PrinterAddress("win32", name=unquote(parts.netloc + parts.path))
    except ValueError:
        pass
    raise ValidationError(
        "Printer {printer} not understood: use tcp://HOST:9100, usb://VID:PID or serial:///dev/ttyUSB0",
        field="printer",
        printer=text[:60],
    )


def check_paper(paper: str) -> str:
    if paper not in PAPERS:
        raise ValidationError("Paper must be 58mm or 80mm", field="paper")
    return paper


def _device(address: PrinterAddress, timeout: float):
    """A python-escpos printer for the address (its imports are heavy: only when printing)."""
    if address.kind == "tcp":
        from escpos.printer import Network

        return Network(address.host, address.port, timeout=timeout)
    if address.kind == "usb":
        from escpos.printer import Usb

        return Usb(address.vendor, address.product, timeout=int(timeout * 1000))
    if address.kind == "serial":
        from escpos.printer import Serial

        return Serial(address.device, baudrate=address.baudrate, timeout=timeout)
    from escpos.printer import Win32Raw

    return Win32Raw(address.name)


def send(printer: str, payload: bytes, *, timeout: float = TIMEOUT) -> None:
    """The bytes to the printer, or a PrinterFault in one line (off, unplugged, stuck, refused)."""
    address = parse_printer(printer)
    try:
        device = _device(address, timeout)
        device.open()
        try:
            device._raw(payload)
        finally:
            device.close()
    except Exception as error:  # socket, USB, serial and spooler faults all mean "not printed"
        reason = str(error).strip().splitlines()[-1][:120] if str(error).strip() else type(error).__name__
        raise PrinterFault(
            "The receipt printer {printer} did not print: {reason}", printer=printer[:60], reason=reason
        ) from None


def thermal_receipt(
    counter: Counter,
    receipt_number: str,
    *,
    paper: str = "80mm",
    copy: bool = False,
    language: str | None = None,
    drawer: bool | None = None,
) -> ThermalReceipt:
    """The receipt's printer bytes from the committed sale; a new cash sale's end with a drawer pulse.

    ``drawer=False``: printed again from the preview, the drawer stays shut.
    """
    counter.require(Right.REPRINT if copy else Right.SELL)
    data = receipt_data(receipt_number, copy=copy, language=language)
    kick = opens_drawer(data) if drawer is None else drawer and opens_drawer(data)
    return ThermalReceipt(
        data.receipt_number, render_receipt_escpos(data, check_paper(paper), drawer=kick), kick
    )


def printer_test_page(printer: str, paper: str, language: str) -> bytes:
    """The test page's bytes (the URL is checked first, so a typo is said before anything is sent)."""
    parse_printer(printer)
    return render_test_page(language, check_paper(paper), printer)


def open_drawer(counter: Counter, printer: str) -> bytes:
    """A manager opens the drawer with no sale: journaled first, then the pulse is returned to send.

    The journal entry says who and when, so an open drawer without a sale is never unexplained.
    """
    counter.require(Right.CASH_MOVEMENTS)
    parse_printer(printer)
    from konnect_pos.services import journal

    uuid = new_uuid()
    with write_transaction():
        journal.lock_terminal(counter.terminal.id)
        journal.append(
            counter.terminal.id,
            "drawer_opened",
            uuid,
            counter.clock(),
            {"uuid": uuid, "user": counter.user.username, "pin": DRAWER_PIN},
        )
    return b"\x1b@" + CD_KICK_2
