"""The A4 invoice of a corporate account for one billing period, in en/fr/sw.

Every line explains itself (the prorated ones with the exact time counted), then the subtotal,
VAT and total, and the due date. Input is plain data built by the services.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

from babel.dates import format_date
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from konnect_pos.documents.pdf_text import clean, money, words
from konnect_pos.domain.money import Money
from konnect_pos.i18n import BABEL_LOCALES, tr

BASE = ParagraphStyle("corp-base", fontName="Helvetica", fontSize=9.5, leading=12)
SMALL = ParagraphStyle(
    "corp-small", parent=BASE, fontSize=8, leading=10, textColor=colors.HexColor("#444444")
)
BOLD = ParagraphStyle("corp-bold", parent=BASE, fontName="Helvetica-Bold")
RIGHT = ParagraphStyle("corp-right", parent=BASE, alignment=2)
RIGHT_BOLD = ParagraphStyle("corp-right-bold", parent=BOLD, alignment=2)
TITLE = ParagraphStyle("corp-title", parent=BASE, fontName="Helvetica-Bold", fontSize=18, leading=22)


@dataclass(frozen=True, slots=True)
class CorporateInvoiceLineData:
    kit_serial: str
    template: str
    params: dict[str, object]  # prices as Money, written in the invoice's language
    amount: Money


@dataclass(frozen=True, slots=True)
class CorporateInvoiceData:
    number: str
    language: str
    outlet_name: str
    outlet_address: str
    company: str
    address: str
    tax_id: str
    account_code: str
    invoice_date: date
    due_date: date
    period_start: datetime
    period_end: datetime
    zone: str
    lines: tuple[CorporateInvoiceLineData, ...]
    subtotal: Money
    vat_rate: Decimal
    vat: Money
    total: Money


def _p(text: str, style: ParagraphStyle = BASE) -> Paragraph:
    return Paragraph(escape(clean(text)), style)


def _date(day: date, lang: str) -> str:
    return clean(format_date(day, "long", locale=BABEL_LOCALES[lang]))


def render_corporate_invoice(data: CorporateInvoiceData, lang: str | None = None) -> bytes:
    """The invoice as PDF bytes, in ``lang`` (default: the language it was issued in)."""
    lang = lang or data.language
    buffer = BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=data.number,
        author=data.outlet_name,
    )
    width = A4[0] - 36 * mm
    zone = ZoneInfo(data.zone)
    first_day = data.period_start.astimezone(zone).date()
    last_day = data.period_end.astimezone(zone).date() - timedelta(days=1)
    parties = Table(
        [
            [_p(data.outlet_name, BOLD), _p(data.company, BOLD)],
            [_p(data.outlet_address), _p(data.address)],
            [_p(""), _p(f"{words(lang, 'Tax id')}: {data.tax_id}")],
            [_p(""), _p(f"{words(lang, 'Account')}: {data.account_code}")],
        ],
        colWidths=[width / 2, width / 2],
    )
    facts = Table(
        [
            [_p(words(lang, "Invoice date"), BOLD), _p(_date(data.invoice_date, lang))],
            [_p(words(lang, "Due date"), BOLD), _p(_date(data.due_date, lang), BOLD)],
            [
                _p(words(lang, "Billing period"), BOLD),
                _p(f"{_date(first_day, lang)} - {_date(last_day, lang)}"),
            ],
        ],
        colWidths=[width * 0.3, width * 0.7],
    )
    rows = [
        [
            _p(words(lang, "Kit serial"), BOLD),
            _p(words(lang, "Description"), BOLD),
            _p(words(lang, "Amount"), RIGHT_BOLD),
        ]
    ]
    for line in data.lines:
        rows.append(
            [
                _p(line.kit_serial, SMALL),
                _p(tr(lang, line.template, **line.params)),
                _p(money(line.amount, lang), RIGHT),
            ]
        )
    lines = Table(rows, colWidths=[width * 0.2, width * 0.62, width * 0.18], repeatRows=1)
    lines.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
            ]
        )
    )
    rate = f"{(data.vat_rate * 100).normalize():f} %"
    totals = Table(
        [
            [_p(words(lang, "Subtotal (excl. VAT)"), RIGHT), _p(money(data.subtotal, lang), RIGHT)],
            [_p(words(lang, "VAT {rate}", rate=rate), RIGHT), _p(money(data.vat, lang), RIGHT)],
            [_p(words(lang, "Total"), RIGHT_BOLD), _p(money(data.total, lang), RIGHT_BOLD)],
        ],
        colWidths=[width * 0.8, width * 0.2],
    )
    totals.setStyle(TableStyle([("LINEABOVE", (0, 2), (-1, 2), 0.8, colors.black)]))
    story = [
        _p(f"{words(lang, 'Invoice')} {data.number}", TITLE),
        Spacer(1, 4 * mm),
        parties,
        Spacer(1, 5 * mm),
        facts,
        Spacer(1, 6 * mm),
        lines,
        Spacer(1, 3 * mm),
        totals,
        Spacer(1, 8 * mm),
        _p(words(lang, "Payment due by {date}.", date=_date(data.due_date, lang)), BOLD),
        Spacer(1, 2 * mm),
        _p(
            words(
                lang,
                "Monthly fees are billed in advance; changes during the last period are prorated to the "
                "second over the whole period. Prices exclude VAT.",
            ),
            SMALL,
        ),
    ]
    doc.build(story)
    return buffer.getvalue()
