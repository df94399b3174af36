"""The receipt as ESC/POS bytes for a 58 mm or 80 mm thermal printer, from the same frozen data as the PDF.

Text goes out in one code page, CP858 (CP850 with the euro sign): it holds every accented letter
French needs, and Swahili needs none. The page is chosen once, after the printer is reset
(ESC @), because python-escpos's automatic switching follows what it *thinks* the printer holds,
which goes wrong when the printer kept another page from an earlier job (python-escpos #272).
The QR code is printed by the printer itself (GS ( k), not sent as a picture: a few bytes and
no imaging on our side. A cash sale ends with a drawer pulse (ESC p); a reprint never opens it.
"""

from __future__ import annotations

from konnect_pos.documents.pdf_text import calendar_date, data_amount, local_time, money, words
from konnect_pos.documents.receipt_data import ReceiptData, ReceiptTopUp
from konnect_pos.documents.receipt_pdf import COPY_MARK, HOURS, activation_words, payment_rows
from konnect_pos.i18n import ngettext

CODE_PAGE = "CP858"
COLUMNS = {"58mm": 32, "80mm": 48}  # font A, 12 dots a character: 384 and 576 dots a line
PAPERS = tuple(COLUMNS)
DRAWER_PIN = 2


def opens_drawer(data: ReceiptData) -> bool:
    """A new sale paid (partly) in cash opens the drawer; a copy never does."""
    return not data.is_copy and any(payment.method == "cash" for payment in data.payments)


class _Roll:
    """A receipt being written: fixed-width lines on a python-escpos printer that only records bytes."""

    def __init__(self, paper: str) -> None:
        if paper not in COLUMNS:
            raise ValueError(f"unknown paper {paper!r}")
        from escpos.printer import Dummy  # ~130 ms to import: paid by the first print, on its thread

        self.columns = COLUMNS[paper]
        self.out = Dummy()
        self.out.hw("INIT")
        self.out.charcode(CODE_PAGE)

    def line(self, text: str = "", *, bold: bool = False, align: str = "left", big: bool = False) -> None:
        self.out.set(align=align, bold=bold, double_height=big, double_width=False, normal_textsize=not big)
        for piece in _wrap(text, self.columns) or [""]:
            self.out.text(piece + "\n")

    def pair(self, left: str, right: str, *, bold: bool = False) -> None:
        """The label on the left, the value flush right; a long label wraps above its value."""
        self.out.set(align="left", bold=bold, normal_textsize=True)
        room = self.columns - len(right) - 1
        pieces = _wrap(left, max(room, 1)) if room > 0 else [*_wrap(left, self.columns), ""]
        for piece in pieces[:-1]:
            self.out.text(piece + "\n")
        last = pieces[-1] if pieces else ""
        if len(last) + 1 + len(right) > self.columns:
            self.out.text(last + "\n")
            last = ""
        self.out.text(last + " " * (self.columns - len(last) - len(right)) + right + "\n")

    def rule(self) -> None:
        self.out.set(align="left", bold=False, normal_textsize=True)
        self.out.text("-" * self.columns + "\n")

    def finish(self, qr_text: str, *, drawer: bool) -> bytes:
        self.out.set(align="center", bold=False, normal_textsize=True)
        if qr_text:
            self.out.qr(qr_text, size=5 if self.columns > 32 else 4, native=True, center=False)
        self.out.set(align="left")
        self.out.cut()  # feeds the paper past the blade first
        if drawer:
            self.out.cashdraw(DRAWER_PIN)
        return self.out.output


def _wrap(text: str, width: int) -> list[str]:
    """Words kept whole where they fit; a word longer than the line is cut."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def render_receipt_escpos(data: ReceiptData, paper: str = "80mm", *, drawer: bool | None = None) -> bytes:
    """The printer's bytes; ``drawer`` defaults to :func:`opens_drawer`."""
    roll, lang = _Roll(paper), data.language
    if data.is_copy:
        roll.line(COPY_MARK[lang], bold=True, align="center", big=True)
    roll.line(data.outlet_name, bold=True, align="center", big=True)
    roll.line(data.outlet_address, align="center")
    roll.line()
    roll.line(words(lang, "Receipt") + " " + data.receipt_number, bold=True, align="center")
    roll.pair(words(lang, "Date"), local_time(data.sold_at, data.zone, lang))
    roll.pair(words(lang, "Terminal"), data.terminal)
    roll.pair(words(lang, "Sales agent"), data.agent)
    roll.rule()
    roll.pair(words(lang, "Customer"), data.customer_name)
    roll.pair(words(lang, "Account"), data.account_number)
    if data.kit_serial:
        roll.pair(words(lang, "Kit serial"), data.kit_serial)
    roll.rule()
    for line in data.lines:
        roll.pair(line.name, money(line.price, lang), bold=True)
        days = ngettext(lang, "{n} day", "{n} days", line.validity_days)
        roll.line(f"{line.code} - {data_amount(line.data_gb, lang)} - {days}")
        roll.line(activation_words(line, data))
    if data.top_up is not None:
        _top_up(roll, data.top_up, lang)
    roll.rule()
    rate = f"{(data.vat_rate * 100).normalize():f} %"
    roll.pair(words(lang, "Subtotal (excl. VAT)"), money(data.subtotal, lang))
    roll.pair(words(lang, "VAT {rate}", rate=rate), money(data.vat, lang))
    if data.rounding:
        roll.pair(words(lang, "Cash rounding"), money(data.rounding, lang))
    roll.pair(words(lang, "Total"), money(data.charged, lang), bold=True)
    roll.rule()
    for payment in data.payments:
        for label, value in payment_rows(payment, lang):
            roll.pair(label, value)
    roll.rule()
    roll.line(words(lang, "Customer Service"), bold=True)
    roll.line(f"{words(lang, 'Phone')}: {data.service_phone}")
    roll.line(f"WhatsApp: {data.service_whatsapp}")
    roll.line(words(lang, HOURS))
    roll.line()
    roll.line(words(lang, "The invoice for this purchase is posted to your My Konnect account."))
    roll.line()
    roll.line(data.journal_hash[:16], align="center")
    return roll.finish(
        f"{data.receipt_number}|{data.journal_hash}", drawer=opens_drawer(data) if drawer is None else drawer
    )


def _top_up(roll: _Roll, top_up: ReceiptTopUp, lang: str) -> None:
    roll.pair(words(lang, "Balance top-up"), money(top_up.amount, lang), bold=True)
    roll.line(words(lang, "New balance: {balance}", balance=money(top_up.balance_after, lang)))
    if top_up.renewed_until is not None:
        until = calendar_date(top_up.renewed_until, lang)
        renewed = words(lang, "Plan {plan} renewed until {date}", plan=top_up.plan_name, date=until)
        roll.line(renewed, bold=True)
    elif top_up.connect_plus_fee is not None:
        fee = money(top_up.connect_plus_fee, lang)
        roll.line(words(lang, "Connect+ active: {fee} per day", fee=fee), bold=True)


def render_test_page(lang: str, paper: str, printer: str) -> bytes:
    """A page that shows the printer works: its width, the accents of the code page, a QR code, a cut."""
    roll = _Roll(paper)
    roll.line(words(lang, "Printer test page"), bold=True, align="center", big=True)
    roll.pair(words(lang, "Printer"), printer)
    roll.pair(words(lang, "Paper"), paper.replace("mm", " mm"))
    roll.line("1234567890" * (roll.columns // 10) + "1234567890"[: roll.columns % 10])
    roll.line("àâçéèêëîïôûùü ÀÇÉÈ € « »")
    roll.line(words(lang, "If you can read this, the printer is ready."))
    return roll.finish("Konnect POS", drawer=False)
