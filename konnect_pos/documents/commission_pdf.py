"""An outlet's commission statement for a period: lines for the screen and an A4 PDF.

Takes the domain's ``CommissionStatement`` (plain frozen data) and the language.
"""

from __future__ import annotations

from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from konnect_pos.documents.pdf_text import calendar_date, money, words
from konnect_pos.domain.commissions import CommissionStatement, StatementEntry

HEADER = ("Date", "Receipt", "Entry", "Bundle", "Amount", "Rate", "Commission")
KIND_WORDS = {"sale": "sale", "void": "void", "refund": "refund"}
# Every msgid the statement says (translated in resources/locale/*/commissions.po).
MSGIDS = (
    *HEADER,
    *KIND_WORDS.values(),
    "Commission statement, {outlet} {name} ({kind}), {first} to {last}",
    "Sales {sales} on {lines} line(s); voids and refunds {reversed}; net sales {net}",
    "Commission earned {earned}; taken back {taken_back}; net commission {net}",
    "Owed to Konnect (net sales less net commission): {wholesale}",
    "No sale in this period",
    "shop",
    "distributor",
    "customer_service",
)


def summary_lines(statement: CommissionStatement, lang: str) -> list[str]:
    """The title and the totals per currency, as the screen and the PDF say them."""
    lines = [
        words(
            lang,
            "Commission statement, {outlet} {name} ({kind}), {first} to {last}",
            outlet=statement.outlet,
            name=statement.outlet_name,
            kind=words(lang, statement.outlet_kind),
            first=calendar_date(statement.first, lang),
            last=calendar_date(statement.last, lang),
        )
    ]
    for total in statement.totals:
        lines.append(
            words(
                lang,
                "Sales {sales} on {lines} line(s); voids and refunds {reversed}; net sales {net}",
                sales=money(total.sales, lang),
                lines=total.lines,
                reversed=money(total.reversed, lang),
                net=money(total.net_sales, lang),
            )
        )
        lines.append(
            words(
                lang,
                "Commission earned {earned}; taken back {taken_back}; net commission {net}",
                earned=money(total.earned, lang),
                taken_back=money(total.taken_back, lang),
                net=money(total.net_commission, lang),
            )
        )
        lines.append(
            words(
                lang,
                "Owed to Konnect (net sales less net commission): {wholesale}",
                wholesale=money(total.wholesale, lang),
            )
        )
    if not statement.totals:
        lines.append(words(lang, "No sale in this period"))
    return lines


def entry_cells(entry: StatementEntry, lang: str) -> list[str]:
    return [
        calendar_date(entry.day, lang),
        entry.receipt,
        words(lang, KIND_WORDS[entry.kind]),
        entry.bundle,
        money(entry.amount, lang),
        "—" if entry.percent is None else f"{entry.percent} %",
        money(entry.commission, lang),
    ]


def _table(statement: CommissionStatement, lang: str, base: ParagraphStyle, bold: ParagraphStyle) -> Table:
    data = [[Paragraph(escape(words(lang, h)), bold) for h in HEADER]]
    data += [[Paragraph(escape(cell), base) for cell in entry_cells(e, lang)] for e in statement.entries]
    table = Table(
        data, colWidths=[24 * mm, 42 * mm, 18 * mm, 40 * mm, 22 * mm, 14 * mm, 24 * mm], repeatRows=1
    )
    table.setStyle(
        TableStyle([("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return table


def render_commission_statement(statement: CommissionStatement, lang: str = "en") -> bytes:
    return render_commission_statements([statement], lang)


def render_commission_statements(statements: list[CommissionStatement], lang: str = "en") -> bytes:
    """One statement after another, each from a new page (HQ prints every outlet's at once)."""
    base = ParagraphStyle("base", fontName="Helvetica", fontSize=8.5, leading=10.5)
    bold = ParagraphStyle("bold", parent=base, fontName="Helvetica-Bold")
    title = ParagraphStyle("title", parent=base, fontName="Helvetica-Bold", fontSize=13, leading=17)
    story: list[Any] = []
    for statement in statements:
        if story:
            story.append(PageBreak())
        summary = summary_lines(statement, lang)
        story += [Paragraph(escape(summary[0]), title), Spacer(1, 3 * mm)]
        story += [Paragraph(escape(line), base) for line in summary[1:]]
        story.append(Spacer(1, 4 * mm))
        if statement.entries:
            data = [[Paragraph(escape(words(lang, h)), bold) for h in HEADER]]
            data += [
                [Paragraph(escape(cell), base) for cell in entry_cells(e, lang)] for e in statement.entries
            ]
            table = Table(
                data, colWidths=[24 * mm, 42 * mm, 18 * mm, 40 * mm, 22 * mm, 14 * mm, 24 * mm], repeatRows=1
            )
            table.setStyle(
                TableStyle(
                    [("LINEBELOW", (0, 0), (-1, 0), 0.6, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
                )
            )
            story.append(table)
    if not story:
        story.append(Paragraph(escape(words(lang, "No sale in this period")), base))
    out = BytesIO()
    SimpleDocTemplate(
        out, pagesize=A4, leftMargin=12 * mm, rightMargin=12 * mm, topMargin=14 * mm, bottomMargin=14 * mm
    ).build(story)
    return out.getvalue()
