"""The corporate invoice as a real A4 PDF in en/fr/sw, read back with pypdf."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from konnect_pos.domain.errors import KonnectError, NotFound
from konnect_pos.services import corporate
from konnect_pos.services.session import sign_in


def text_of(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    width, height = reader.pages[0].mediabox.width, reader.pages[0].mediabox.height
    assert (round(float(width)), round(float(height))) == (595, 842)  # A4 in points
    return " ".join("".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def issued(database, clock) -> tuple:
    from konnect_pos.services import demo

    demo.seed(clock, customers=0)
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    run = corporate.invoices_run(manager, date(2026, 11, 4))
    return manager, run.issued[0]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Invoice KIN01-INV-000001",
                "Due date",
                "November 11, 2026",
                "Upgrade to BIZ-PRIORITY on 2026-10-24 15:30 WAT: 10 d 8 h 30 min 0 s of 31 d × $75.00",
                "Local Priority data blocks",
                "VAT 16 %",
                "Payment due by November 11, 2026.",
            ],
        ),
        (
            "fr",
            [
                "Facture KIN01-INV-000001",
                "Date d'échéance",
                "au prorata : 10 j 8 h 30 min 0 s sur 31 j",
                "TVA 16 %",
            ],
        ),
        ("sw", ["Ankara KIN01-INV-000001", "Tarehe ya mwisho ya kulipa", "kwa uwiano", "Jumla"]),
    ],
)
def test_invoice_pdf_explains_each_prorated_line(issued, lang, expected):
    manager, number = issued
    text = text_of(corporate.invoice_pdf(manager, number, language=lang))
    for fragment in expected:
        assert " ".join(fragment.split()) in text
    invoice = corporate.get_invoice(manager, number)
    assert invoice.total.amount == invoice.subtotal.amount + invoice.vat.amount


def test_invoice_pdf_defaults_to_the_account_language_and_refuses_bad_input(issued):
    manager, number = issued
    assert "Facture" in text_of(corporate.invoice_pdf(manager, number))  # the account reads French
    with pytest.raises(NotFound):
        corporate.invoice_pdf(manager, "KIN01-INV-000099")
    with pytest.raises(KonnectError):
        corporate.invoice_pdf(manager, number, language="de")


def test_a_french_invoice_writes_every_price_the_french_way(issued):
    """Prices inside the line explanations are stored as "50.00 USD" (as in every invoice already
    issued) and written at the edge in the reader's language: no "USD" on a French invoice."""
    manager, number = issued
    text = text_of(corporate.invoice_pdf(manager, number, language="fr")).replace("\u202f", " ")
    assert "× 50,00 $US" in text.replace("\u00a0", " ")
    assert "× 75,00 $US" in text.replace("\u00a0", " ")
    assert "USD" not in text


def test_the_invoice_pdf_prints_each_amount_and_they_add_up(issued):
    """The amounts read back from the page: each line, the subtotal, VAT at 16 % and the total."""
    import re
    from decimal import Decimal

    manager, number = issued
    text = text_of(corporate.invoice_pdf(manager, number, language="en"))
    printed = [  # every amount that is not a unit price ("× $50.00")
        Decimal(found.replace("$", "").replace(",", ""))
        for found in re.findall(r"(?<!× )(-?\$[\d,]+\.\d\d)", text)
    ]
    *lines, subtotal, vat, total = printed
    # 30 d 12 h 45 min of 31 d × 50 = 49.24; 10 d 8 h 30 min of 31 d × 50 = 16.70, × 75 = 25.05; …
    expected = ["49.24", "20.00", "-16.70", "25.05", "75.00", "20.00", "15.65", "25.00", "20.04", "75.00"]
    assert lines == [Decimal(value) for value in expected]
    assert (subtotal, vat, total) == (Decimal("308.28"), Decimal("49.32"), Decimal("357.60"))
    assert sum(lines) == subtotal and (subtotal * Decimal("0.16")).quantize(Decimal("0.01")) == vat
    assert subtotal + vat == total
