"""The daily sales summary (X, Z or outlet) as a PDF, A4 or 80 mm, in en / fr / sw."""

from __future__ import annotations

from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from konnect_pos.documents.pdf_text import money, words
from konnect_pos.domain.money import Money

TITLES = {"X": "X report (day still open)", "Z": "Z report (day closed)", "outlet": "Outlet summary"}


def _m(value: dict[str, Any] | None, lang: str) -> str:
    if value is None:
        return "—"
    return money(Money.from_minor(value["minor"], value["currency"]), lang)


def _reversed(row: dict[str, Any], lang: str) -> str:
    """A top-up taken back out of a customer's balance by this void or refund."""
    taken = row.get("balance_reversed")
    return f" — {words(lang, 'from the balance of')} {taken['account']}: {_m(taken, lang)}" if taken else ""


def render_daily_report(report: dict[str, Any], lang: str = "en", fmt: str = "a4") -> bytes:
    scale = 1.0 if fmt == "a4" else 0.8
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=9 * scale, leading=11 * scale)
    head = ParagraphStyle(
        "head", parent=base, fontName="Helvetica-Bold", fontSize=11 * scale, leading=14 * scale, spaceBefore=6
    )
    title = ParagraphStyle(
        "title", parent=base, fontName="Helvetica-Bold", fontSize=15 * scale, leading=19 * scale
    )
    width = (A4[0] - 30 * mm) if fmt == "a4" else 72 * mm

    def p(text: str, style: ParagraphStyle = base) -> Paragraph:
        return Paragraph(escape(str(text)), style)

    def table(rows: list[list[str]], header: list[str]) -> Table | Paragraph:
        if not rows:
            return p(words(lang, "None"))
        data = [
            [p(words(lang, h), ParagraphStyle("h", parent=base, fontName="Helvetica-Bold")) for h in header]
        ]
        data += [[p(cell) for cell in row] for row in rows]
        result = Table(data, colWidths=[width / len(header)] * len(header), repeatRows=1)
        result.setStyle(
            TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        )
        return result

    story: list[Any] = [
        p(words(lang, "Daily sales summary") + " — " + words(lang, TITLES[report["kind"]]), title),
        p(
            f"{report['outlet']['name']} · {report['terminal'] or words(lang, 'all terminals')} · "
            f"{words(lang, 'Business day')} {report['business_date']}"
        ),
    ]
    for day in report["days"]:
        closed = (
            f" · {words(lang, 'closed by')} {day['closed_by']} {day['closed_at']} · Z {day['z_number']}"
            if day["closed_at"]
            else ""
        )
        story.append(
            p(f"{day['terminal']}: {words(lang, 'opened by')} {day['opened_by']} {day['opened_at']}{closed}")
        )
        if day.get("journal"):
            story.append(p(f"{words(lang, 'Journal')}: {day['journal']}"))
    sections = [
        (
            "Sales",
            ["Currency", "Count", "Total", "VAT", "Refunds", "Net"],
            [
                [
                    s["currency"],
                    s["count"],
                    _m(s["total"], lang),
                    _m(s["vat"], lang),
                    _m(s["refunds"], lang),
                    _m(s["net"], lang),
                ]
                for s in report["sales"]
            ],
        ),
        (
            "By payment method",
            ["Method", "Count", "Amount"],
            [[words(lang, r["method"]), r["count"], _m(r, lang)] for r in report["by_method"]],
        ),
        (
            "Mobile money references",
            ["Provider", "Reference", "Receipt", "Amount"],
            [
                [r["provider"], r["reference"], r["receipt_number"], _m(r, lang)]
                for r in report["mobile_money"]
            ],
        ),
        (
            "By bundle",
            ["Bundle", "Count", "Amount"],
            [[f"{r['code']} {r['name']}", r["count"], _m(r, lang)] for r in report["by_bundle"]],
        ),
        (
            "By agent",
            ["Agent", "Count", "Amount"],
            [[r["name"], r["count"], _m(r, lang)] for r in report["by_agent"]],
        ),
        (
            "By hour",
            ["Hour", "Count", "Amount"],
            [[f"{r['hour']:02d}:00", r["count"], _m(r, lang)] for r in report["by_hour"]],
        ),
        (
            "Voids",
            ["Receipt", "Amount", "Reason", "By / approved"],
            [
                [
                    r["receipt_number"],
                    _m(r, lang) + _reversed(r, lang),
                    r["reason"],
                    f"{r['user']} / {r['approved_by'] or '—'}",
                ]
                for r in report["voids"]
            ],
        ),
        (
            "Refunds",
            ["Receipt", "Amount", "Reason", "By / approved"],
            [
                [
                    r["receipt_number"],
                    f"{_m(r, lang)} ({r['provider'] or r['method']})" + _reversed(r, lang),
                    r["reason"],
                    f"{r['user']} / {r['approved_by'] or '—'}",
                ]
                for r in report["refunds"]
            ],
        ),
        (
            "Cash movements",
            ["Direction", "Amount", "Reason", "By"],
            [
                [words(lang, r["direction"]), _m(r, lang), r["reason"], r["user"]]
                for r in report["cash_movements"]
            ],
        ),
        (
            "Cash drawer",
            ["Currency", "Opening float", "Expected", "Counted", "Variance"],
            [
                [
                    r["currency"],
                    _m(r["float"], lang),
                    _m(r["expected"], lang),
                    _m(r["counted"], lang),
                    _m(r["variance"], lang),
                ]
                for r in report["cash"]
            ],
        ),
    ]
    for name, header, rows in sections:
        story += [p(words(lang, name), head), table(rows, header)]
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
        title=f"{report['kind']} {report['business_date']}",
    ).build(story)
    return buffer.getvalue()
