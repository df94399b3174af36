"""The daily sales summary (X, Z or outlet) as a PDF, A4 or 80 mm, in en / fr / sw."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from konnect_pos.documents.pdf_text import calendar_date, local_time, money, words
from konnect_pos.domain.money import Money
from konnect_pos.payment_names import method_name, payment_name, provider_name

if TYPE_CHECKING:
    from konnect_pos.domain.daily_report import DailyReport, RefundLine, VoidLine

TITLES = {"X": "X report (day still open)", "Z": "Z report (day closed)", "outlet": "Outlet summary"}


def _m(value: Money | None, lang: str) -> str:
    return "—" if value is None else money(value, lang)


def _at(moment: datetime, zone: str, lang: str) -> str:
    """A stored instant as the outlet's local time to the minute."""
    return local_time(moment, zone, lang)


def _by(row: VoidLine | RefundLine) -> str:
    user = row.user_name or row.user
    approver = row.approved_by_name or row.approved_by or "—"
    return f"{user} / {approver}"


def tie_out_lines(report: DailyReport, lang: str) -> list[str]:
    """One line per currency that shows how Net is made: Total + cash rounding − refunds."""
    return [
        words(
            lang,
            "Net {currency} = total {total} + cash rounding {rounding} - refunds {refunds} = {net}",
            currency=s.currency,
            total=_m(s.total, lang),
            rounding=_m(s.rounding, lang),
            refunds=_m(s.refunds, lang),
            net=_m(s.net, lang),
        )
        for s in report.sections.sales
    ]


def _reversed(row: VoidLine | RefundLine, lang: str) -> str:
    """A top-up taken back out of a customer's balance by this void or refund."""
    taken = row.balance_reversed
    return (
        f" — {words(lang, 'from the balance of')} {taken.account}: {_m(taken.amount, lang)}" if taken else ""
    )


def _handed(row: RefundLine, lang: str) -> str:
    """A cash refund handed back in the other currency too: the notes counted out."""
    return f": {' + '.join(_m(m, lang) for m in row.handed_other)}" if row.handed_other else ""


# On a till roll (72 mm printable), a table wider than this is printed row by row (``_by_row``).
NARROW_COLUMNS = 3


def render_daily_report(report: DailyReport, lang: str = "en", fmt: str = "a4") -> bytes:
    scale = 1.0 if fmt == "a4" else 0.8
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=9 * scale, leading=11 * scale)
    head = ParagraphStyle(
        "head", parent=base, fontName="Helvetica-Bold", fontSize=11 * scale, leading=14 * scale, spaceBefore=6
    )
    title = ParagraphStyle(
        "title", parent=base, fontName="Helvetica-Bold", fontSize=15 * scale, leading=19 * scale
    )
    bold = ParagraphStyle("h", parent=base, fontName="Helvetica-Bold")
    width = (A4[0] - 30 * mm) if fmt == "a4" else 72 * mm

    def p(text: str, style: ParagraphStyle = base) -> Paragraph:
        return Paragraph(escape(str(text)), style)

    def table(
        rows: list[list[str]], header: list[str], weights: list[int] | None = None
    ) -> Table | Paragraph:
        if not rows:
            return p(words(lang, "None"))
        if fmt != "a4" and len(header) > NARROW_COLUMNS:
            return _by_row(rows, header)
        data = [[p(words(lang, h), bold) for h in header]]
        data += [[p(cell) for cell in row] for row in rows]
        weights = weights or [1] * len(header)
        widths = [width * w / sum(weights) for w in weights]
        result = Table(data, colWidths=widths, repeatRows=1)
        result.setStyle(
            TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        )
        return result

    def _by_row(rows: list[list[str]], header: list[str]) -> Table:
        """A wide table on a till roll: each row as its first cell, then one label and value per
        line (a 7-column table in 72 mm broke its headers letter by letter)."""
        data: list[list[Any]] = []
        rules = []
        for row in rows:
            rules.append(("LINEABOVE", (0, len(data)), (-1, len(data)), 0.6, "black"))
            rules.append(("SPAN", (0, len(data)), (-1, len(data))))  # the row's title, the roll's width
            data.append([p(f"{words(lang, header[0])}: {row[0]}", bold), ""])
            data += [
                [p(words(lang, label)), p(cell)] for label, cell in zip(header[1:], row[1:], strict=True)
            ]
        result = Table(data, colWidths=[width * 0.45, width * 0.55])
        result.setStyle(TableStyle([*rules, ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return result

    business_date = calendar_date(report.business_date, lang)
    story: list[Any] = [
        p(words(lang, "Daily sales summary") + " — " + words(lang, TITLES[report.kind]), title),
        p(
            f"{report.outlet.name} · {report.terminal or words(lang, 'all terminals')} · "
            f"{words(lang, 'Business day')} {business_date}"
        ),
    ]
    zone = report.outlet.zone
    for day in report.days:
        closed = (
            f" · {words(lang, 'closed by')} {day.closed_by_name or day.closed_by} "
            f"{_at(day.closed_at, zone, lang)} · Z {day.z_number}"
            if day.closed_at
            else ""
        )
        opened = f"{day.opened_by_name or day.opened_by} {_at(day.opened_at, zone, lang)}"
        story.append(p(f"{day.terminal}: {words(lang, 'opened by')} {opened}{closed}"))
        if day.comment:
            story.append(p(f"{words(lang, 'Comment at close')}: {day.comment}"))
        if day.journal:
            story.append(p(f"{words(lang, 'Journal')}: {day.journal}"))
    sections = report.sections
    tables = [
        (
            "Sales",
            ["Currency", "Count", "Total", "VAT", "Cash rounding", "Refunds", "Net"],
            [
                [
                    s.currency,
                    s.count,
                    _m(s.total, lang),
                    _m(s.vat, lang),
                    _m(s.rounding, lang),
                    _m(s.refunds, lang),
                    _m(s.net, lang),
                ]
                for s in sections.sales
            ],
        ),
        (
            "By payment method",
            ["Method", "Count", "Amount"],
            [[method_name(r.method, lang), r.count, _m(r.amount, lang)] for r in sections.by_method],
        ),
        (
            "Mobile money references",
            ["Provider", "Reference", "Receipt", "Amount"],
            [
                [provider_name(r.provider), r.reference, r.receipt_number, _m(r.amount, lang)]
                for r in sections.mobile_money
            ],
        ),
        (
            "By bundle",
            ["Bundle", "Count", "Amount"],
            [[f"{r.code} {r.name}", r.count, _m(r.amount, lang)] for r in sections.by_bundle],
        ),
        (
            "By agent",
            ["Agent", "Count", "Amount"],
            [[r.name, r.count, _m(r.amount, lang)] for r in sections.by_agent],
        ),
        (
            "By hour",
            ["Hour", "Count", "Amount"],
            [[f"{r.hour:02d}:00", r.count, _m(r.amount, lang)] for r in sections.by_hour],
        ),
        (
            "Voids",
            ["Receipt", "Amount", "Reason", "By / approved"],
            [
                [r.receipt_number, _m(r.amount, lang) + _reversed(r, lang), r.reason, _by(r)]
                for r in sections.voids
            ],
        ),
        (
            "Refunds",
            ["Receipt", "Amount", "Reason", "By / approved"],
            [
                [
                    r.receipt_number,
                    f"{_m(r.amount, lang)} ({payment_name(r.method, r.provider, lang)}{_handed(r, lang)})"
                    + _reversed(r, lang),
                    r.reason,
                    _by(r),
                ]
                for r in sections.refunds
            ],
        ),
        (
            "Cash movements",
            ["Direction", "Amount", "Reason", "By"],
            [
                [words(lang, r.direction), _m(r.amount, lang), r.reason, r.user_name or r.user]
                for r in sections.cash_movements
            ],
        ),
        (
            "Cash drawer",
            ["Currency", "Opening float", "Expected", "Counted", "Variance"],
            [
                [
                    r.currency,
                    _m(r.opening_float, lang),
                    _m(r.expected, lang),
                    _m(r.counted, lang),
                    _m(r.variance, lang),
                ]
                for r in sections.cash
            ],
        ),
    ]
    for name, header, rows in tables:
        weights = [2, 2, 3, 3, 3, 4, 3] if name == "Sales" else None  # money columns get the room
        story += [p(words(lang, name), head), table(rows, header, weights)]
        if name == "Sales":  # every total explained: the arithmetic on the page ties out
            story += [p(line) for line in tie_out_lines(report, lang)]
    story += [
        Spacer(1, 12 * mm),
        p(words(lang, "Cashier signature") + ": ______________________"),
        Spacer(1, 6 * mm),
        p(words(lang, "Manager signature") + ": ______________________"),
    ]
    buffer = BytesIO()
    margin = 15 * mm if fmt == "a4" else 4 * mm
    if fmt == "a4":
        size = A4
    else:  # a roll is exactly as long as the report
        height = sum(f.wrap(width, 100_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)
        size = (80 * mm, height + 2 * margin + 10 * mm)
    SimpleDocTemplate(
        buffer,
        pagesize=size,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=f"{report.kind} {report.business_date.isoformat()}",
    ).build(story)
    return buffer.getvalue()
