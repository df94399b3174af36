"""The mobile-money reconciliation of an outlet's day: lines for the screen and an A4 PDF.

Takes the service's ``ReconciliationReport`` (plain frozen data) and the language.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from konnect_pos.documents.pdf_text import calendar_date, money, words
from konnect_pos.domain.reconciliation import OUTCOME_WORDS, STATE_WORDS
from konnect_pos.payment_names import provider_name

HEADER = ("Provider", "Reference", "Receipt", "Ours", "Statement", "Result", "State")


def _m(value: Any, lang: str) -> str:
    return "—" if value is None else money(value, lang)


def row_cells(row: Any, lang: str) -> list[str]:
    return [
        provider_name(row.provider),
        row.reference,
        ", ".join(row.receipts) or "—",
        _m(row.ours, lang),
        _m(row.theirs, lang),
        words(lang, OUTCOME_WORDS[row.outcome]),
        words(lang, STATE_WORDS[row.state]) if row.state else "—",
    ]


def summary_lines(report: Any, lang: str) -> list[str]:
    """The title and the counts per outcome, as the screen and the PDF say them."""
    checked = ", ".join(provider_name(p) for p in report.providers_checked) or words(lang, "none")
    lines = [
        words(
            lang,
            "Mobile-money reconciliation, {outlet} ({terminal}), {day}",
            outlet=report.outlet,
            terminal=report.terminal,
            day=calendar_date(report.day, lang),
        ),
        words(lang, "Statements imported for: {providers}", providers=checked),
    ]
    for outcome, count in report.counts.items():
        lines.append(f"{words(lang, OUTCOME_WORDS[outcome])}: {count}")
    for currency, total in report.our_total.items():
        theirs = report.statement_total.get(currency)
        lines.append(
            words(
                lang,
                "Our mobile-money total {ours}; on the statements {theirs}",
                ours=money(total, lang),
                theirs=_m(theirs, lang),
            )
        )
    return lines


def render_reconciliation(report: Any, lang: str = "en") -> bytes:
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=8.5, leading=10.5)
    bold = ParagraphStyle("bold", parent=base, fontName="Helvetica-Bold")
    title = ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=14, leading=18)
    summary = summary_lines(report, lang)
    story: list[Any] = [Paragraph(escape(summary[0]), title), Spacer(1, 3 * mm)]
    story += [Paragraph(escape(line), base) for line in summary[1:]]
    story.append(Spacer(1, 4 * mm))
    data = [[Paragraph(escape(words(lang, h)), bold) for h in HEADER]]
    data += [[Paragraph(escape(cell), base) for cell in row_cells(row, lang)] for row in report.rows]
    if not report.rows:
        story.append(Paragraph(escape(words(lang, "No mobile-money payment on this day")), base))
    else:
        table = Table(
            data, colWidths=[24 * mm, 34 * mm, 30 * mm, 22 * mm, 22 * mm, 30 * mm, 20 * mm], repeatRows=1
        )
        table.setStyle(
            TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
        )
        story.append(table)
    out = BytesIO()
    SimpleDocTemplate(
        out, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=14 * mm, bottomMargin=14 * mm
    ).build(story)
    return out.getvalue()
