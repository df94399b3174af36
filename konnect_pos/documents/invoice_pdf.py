"""The A4 invoice of one sale, for the customer's My Konnect account."""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from konnect_pos.documents.pdf_text import clean, local_date, money, words
from konnect_pos.documents.receipt_data import ReceiptData
from konnect_pos.domain.money import vat_included
from konnect_pos.payment_names import method_name

BASE = ParagraphStyle("base", fontName="Helvetica", fontSize=10, leading=13)
BOLD = ParagraphStyle("bold", parent=BASE, fontName="Helvetica-Bold")
TITLE = ParagraphStyle("title", parent=BASE, fontName="Helvetica-Bold", fontSize=18, leading=22)


def _p(text: str, style: ParagraphStyle = BASE) -> Paragraph:
    return Paragraph(escape(text), style)


def render_sale_invoice(data: ReceiptData) -> bytes:
    lang = data.language
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"INV-{data.receipt_number}",
    )
    width = A4[0] - 40 * mm
    parties = Table(
        [
            [_p(data.outlet_name, BOLD), _p(words(lang, "Customer"), BOLD)],
            [_p(data.outlet_address), _p(data.customer_name)],
            [
                _p(f"{words(lang, 'Terminal')}: {data.terminal}"),
                _p(f"{words(lang, 'Account')}: {data.account_number}"),
            ],
        ],
        colWidths=[width / 2, width / 2],
    )
    header = [
        words(lang, "Bundle"),
        words(lang, "Code"),
        words(lang, "Price excl. VAT"),
        words(lang, "VAT"),
        words(lang, "Price"),
    ]
    rows = [[_p(h, BOLD) for h in header]]
    for line in data.lines:
        vat = vat_included(line.price, data.vat_rate)
        rows.append(
            [
                _p(line.name),
                _p(line.code),
                _p(money(line.price - vat, lang)),
                _p(money(vat, lang)),
                _p(money(line.price, lang)),
            ]
        )
    lines = Table(rows, colWidths=[width * 0.34, width * 0.16, width * 0.18, width * 0.14, width * 0.18])
    lines.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
            ]
        )
    )
    rate = f"{(data.vat_rate * 100).normalize():f} %"
    totals = [
        (words(lang, "Subtotal (excl. VAT)"), money(data.subtotal, lang)),
        (words(lang, "VAT {rate}", rate=rate), money(data.vat, lang)),
    ]
    if data.rounding:
        totals.append((words(lang, "Cash rounding"), money(data.rounding, lang)))
    totals += [
        (words(lang, "Total"), money(data.charged, lang)),
        (words(lang, "Paid"), money(data.charged, lang)),
    ]
    total_table = Table([[_p(a), _p(b, BOLD)] for a, b in totals], colWidths=[width * 0.7, width * 0.3])
    paid_by = ", ".join(
        f"{clean(method_name(p.method, lang))}{' ' + p.provider_name if p.provider_name else ''} "
        f"{p.reference} {money(p.amount, lang)}".replace("  ", " ")
        for p in data.payments
    )
    story = [
        _p(f"{words(lang, 'Invoice')} INV-{data.receipt_number}", TITLE),
        _p(f"{words(lang, 'Date')}: {local_date(data.sold_at, data.zone, lang)}"),
        Spacer(1, 6 * mm),
        parties,
        Spacer(1, 8 * mm),
        lines,
        Spacer(1, 4 * mm),
        total_table,
        Spacer(1, 6 * mm),
        _p(f"{words(lang, 'Payments')}: {paid_by}"),
    ]
    doc.build(story)
    return buffer.getvalue()
