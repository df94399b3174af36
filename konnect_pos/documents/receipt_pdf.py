"""The receipt: an 80 mm thermal roll (default) or A4, in en / fr / sw."""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from konnect_pos.documents.pdf_text import (
    calendar_date,
    clean,
    data_amount,
    local_date,
    local_time,
    money,
    words,
)
from konnect_pos.documents.receipt_data import ReceiptData, ReceiptLine, ReceiptPayment, ReceiptTopUp
from konnect_pos.i18n import ngettext
from konnect_pos.payment_names import method_name

ROLL_WIDTH = 80 * mm
ROLL_MARGIN = 4 * mm
FORMATS = ("80mm", "a4")
COPY_MARK = {"en": "COPY", "fr": "DUPLICATA", "sw": "NAKALA"}
HOURS = "Monday to Saturday, 9am–6pm"


def _styles(scale: float) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=8 * scale, leading=10 * scale)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7 * scale, leading=8.6 * scale),
        "bold": ParagraphStyle("bold", parent=base, fontName="Helvetica-Bold"),
        "value": ParagraphStyle("value", parent=base, alignment=TA_RIGHT),
        "value_bold": ParagraphStyle(
            "value_bold", parent=base, fontName="Helvetica-Bold", alignment=TA_RIGHT
        ),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=11 * scale,
            leading=14 * scale,
            alignment=TA_CENTER,
        ),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "copy": ParagraphStyle(
            "copy",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=16 * scale,
            leading=20 * scale,
            alignment=TA_CENTER,
            textColor=colors.white,
            backColor=colors.black,
        ),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def activation_words(line: ReceiptLine, data: ReceiptData) -> str:
    lang = data.language
    until = local_date(line.ends_at, data.zone, lang)
    start = local_date(line.starts_at, data.zone, lang)
    if line.activation == "active_now":
        return words(lang, "active now until {date}", date=until)
    if line.activation == "on_data_exhausted":
        return words(
            lang,
            "then, when the high-speed data of {previous} is used up (no later than {date})",
            previous=line.previous_name,
            date=start,
        )
    if not line.starts_exact:  # it follows a bundle whose hand-over is not known yet: only a bound
        return words(lang, "then, at the end of the period: no later than {date}", date=start)
    return words(lang, "then, at the end of the period: {date}", date=start)


def _pairs(
    rows: list[tuple[str, str]], width: float, s: dict[str, ParagraphStyle], bold_last: bool = False
) -> Table:
    table = Table(
        [
            [_p(a, s["base"]), _p(b, s["value_bold"] if bold_last and i == len(rows) - 1 else s["value"])]
            for i, (a, b) in enumerate(rows)
        ],
        colWidths=[width * 0.55, width * 0.45],
    )
    table.setStyle(
        TableStyle(
            [
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return table


def payment_rows(payment: ReceiptPayment, lang: str) -> list[tuple[str, str]]:
    label = clean(method_name(payment.method, lang))
    if payment.provider_name:
        label = f"{label} - {payment.provider_name}"
    rows = [(label, money(payment.amount, lang))]
    if payment.merchant_number:
        rows.append((words(lang, "Merchant number"), payment.merchant_number))
    if payment.reference:
        rows.append((words(lang, "Reference"), payment.reference))
    if payment.phone_masked:
        rows.append((words(lang, "Phone"), payment.phone_masked))
    if payment.approval_code:
        rows.append((words(lang, "Approval code"), payment.approval_code))
    if payment.last4:
        rows.append((words(lang, "Card"), f"**** {payment.last4}"))
    if payment.tendered is not None:
        rows.append((words(lang, "Amount tendered"), money(payment.tendered, lang)))
    if payment.change is not None:
        rows.append((words(lang, "Change due"), money(payment.change, lang)))
    if payment.settles is not None:
        rows.append((words(lang, "Counts for"), money(payment.settles, lang)))
    if payment.rate:
        rows.append((words(lang, "Exchange rate"), payment.rate))
    return rows


class _Rule(Flowable):
    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, 3

    def draw(self) -> None:
        self.canv.setDash(1, 2)
        self.canv.line(0, 1.5, self.width, 1.5)


class _QrCode(Flowable):
    """A QR code drawn module by module: encoded once, far cheaper than the graphics widget."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(text)
        code.make()
        count = code.getModuleCount()
        self.dark = [(r, c) for r in range(count) for c in range(count) if code.isDark(r, c)]
        self.count, self.width, self.height, self.hAlign = count, size, size, "CENTER"

    def draw(self) -> None:
        module = self.width / (self.count + 4)  # a quiet zone of two modules all round
        path = self.canv.beginPath()
        for row, col in self.dark:
            path.rect((col + 2) * module, self.height - (row + 3) * module, module, module)
        self.canv.drawPath(path, stroke=0, fill=1)


def _story(data: ReceiptData, width: float, scale: float) -> list[Flowable]:
    s, lang = _styles(scale), data.language
    story: list[Flowable] = []
    if data.is_copy:
        story += [_p(COPY_MARK[lang], s["copy"]), Spacer(1, 2 * mm)]
    story += [
        _p(data.outlet_name, s["title"]),
        _p(data.outlet_address, s["center"]),
        Spacer(1, 1.5 * mm),
        _p(words(lang, "Receipt") + " " + data.receipt_number, s["title"]),
        _pairs(
            [
                (words(lang, "Date"), local_time(data.sold_at, data.zone, lang)),
                (words(lang, "Terminal"), data.terminal),
                (words(lang, "Sales agent"), data.agent),
            ],
            width,
            s,
        ),
        _Rule(width),
        _pairs(
            [(words(lang, "Customer"), data.customer_name), (words(lang, "Account"), data.account_number)]
            + ([(words(lang, "Kit serial"), data.kit_serial)] if data.kit_serial else []),
            width,
            s,
        ),
        _Rule(width),
    ]
    for line in data.lines:
        story.append(
            _pairs(
                [(line.name, money(line.price, lang))],
                width,
                {**s, "base": s["bold"], "value": s["value_bold"]},
            )
        )
        story.append(
            _p(
                f"{line.code} - {data_amount(line.data_gb, lang)} - "
                + clean(ngettext(lang, "{n} day", "{n} days", line.validity_days)),
                s["small"],
            )
        )
        story.append(_p(activation_words(line, data), s["small"]))
        story.append(Spacer(1, 1 * mm))
    if data.top_up is not None:
        story += _top_up(data.top_up, lang, width, s)
    rate = f"{(data.vat_rate * 100).normalize():f} %"
    totals = [
        (words(lang, "Subtotal (excl. VAT)"), money(data.subtotal, lang)),
        (words(lang, "VAT {rate}", rate=rate), money(data.vat, lang)),
    ]
    if data.rounding:
        totals.append((words(lang, "Cash rounding"), money(data.rounding, lang)))
    totals.append((words(lang, "Total"), money(data.charged, lang)))
    story += [_Rule(width), _pairs(totals, width, s, bold_last=True), _Rule(width)]
    for payment in data.payments:
        story.append(_pairs(payment_rows(payment, lang), width, s))
        story.append(Spacer(1, 1 * mm))
    story += [
        _Rule(width),
        _p(words(lang, "Customer Service"), s["bold"]),
        _p(f"{words(lang, 'Phone')}: {data.service_phone}", s["small"]),
        _p(f"WhatsApp: {data.service_whatsapp}", s["small"]),
        _p(words(lang, HOURS), s["small"]),
        Spacer(1, 1.5 * mm),
        _p(words(lang, "The invoice for this purchase is posted to your My Konnect account."), s["small"]),
        Spacer(1, 2 * mm),
        _QrCode(f"{data.receipt_number}|{data.journal_hash}", 24 * mm * scale),
        _p(data.journal_hash[:16], s["center"]),
    ]
    return story


def _top_up(top_up: ReceiptTopUp, lang: str, width: float, s: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = [
        _pairs(
            [(words(lang, "Balance top-up"), money(top_up.amount, lang))],
            width,
            {**s, "base": s["bold"], "value": s["value_bold"]},
        ),
        _p(words(lang, "New balance: {balance}", balance=money(top_up.balance_after, lang)), s["base"]),
    ]
    if top_up.renewed_until is not None:
        until = calendar_date(top_up.renewed_until, lang)
        story.append(
            _p(words(lang, "Plan {plan} renewed until {date}", plan=top_up.plan_name, date=until), s["bold"])
        )
    elif top_up.connect_plus_fee is not None:
        fee = money(top_up.connect_plus_fee, lang)
        story.append(_p(words(lang, "Connect+ active: {fee} per day", fee=fee), s["bold"]))
    story.append(Spacer(1, 1 * mm))
    return story


def render_receipt(data: ReceiptData, fmt: str = "80mm") -> bytes:
    """PDF bytes of the receipt; an 80 mm roll is exactly as long as its content."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown receipt format {fmt}")
    buffer = BytesIO()
    title = f"{data.receipt_number}"
    if fmt == "a4":
        width = A4[0] - 40 * mm
        doc = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=20 * mm,
            rightMargin=20 * mm,
            topMargin=15 * mm,
            bottomMargin=15 * mm,
            title=title,
        )
        doc.build(_story(data, width, 1.3))
        return buffer.getvalue()
    width = ROLL_WIDTH - 2 * ROLL_MARGIN
    story = _story(data, width, 1.0)
    height = sum(item.wrap(width, 10_000)[1] + item.getSpaceBefore() + item.getSpaceAfter() for item in story)
    page = (ROLL_WIDTH, height + 2 * ROLL_MARGIN + 6 * mm)
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page,
        leftMargin=ROLL_MARGIN,
        rightMargin=ROLL_MARGIN,
        topMargin=ROLL_MARGIN,
        bottomMargin=ROLL_MARGIN,
        title=title,
    )
    doc.build(story)
    return buffer.getvalue()
