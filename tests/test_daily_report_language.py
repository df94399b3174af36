"""The daily report in the outlet's language, with every total explained: read back with pypdf."""

import io
import re
from datetime import date
from decimal import Decimal

from babel.numbers import parse_decimal
from pypdf import PdfReader

from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender, MobileMoneyTender
from konnect_pos.services import checkout, corrections
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.daily_report import daily_report, daily_report_pdf
from konnect_pos.services.session import sign_in

DAY = date(2026, 11, 20)


def pdf_text(pdf: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return text.replace("\u00a0", " ")  # babel's no-break spaces, as a reader sees them


def amount(text: str, locale: str) -> Decimal:
    """An amount as printed ("-TSh 20.00"), read back in the document's locale."""
    number = re.search(r"[0-9][0-9.,\s]*", text).group().strip()
    return parse_decimal(number, locale=locale) * (-1 if "-" in text else 1)


def test_a_french_outlet_gets_its_report_in_french_with_names_and_local_times(demo_db, clock):
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    checkout.sell(cashier, "CD00000001", [CartItem("CD-WEEK5")], [CashTender(Money.of(10, "USD"))])
    text = pdf_text(daily_report_pdf(manager, DAY))  # no language asked: the outlet's (fr)
    assert "Récapitulatif des ventes du jour" in text and "Rapport X" in text
    assert "ouverte par Joseph Manager 20/11/2026 10:30" in text  # 09:30 UTC is 10:30 in Kinshasa
    assert "Journée 20 nov. 2026" in text
    assert "Net USD = total 6,00 $US + arrondi espèces 0,00 $US - remboursements 0,00 $US = 6,00 $US" in text
    assert "T00:" not in text and "+00:00" not in text  # no raw UTC instants


def test_cash_rounding_is_printed_so_net_equals_total_plus_rounding_minus_refunds(demo_db, clock):
    cashier = sign_in("DAR01-T1", "cashier", "1111", clock)
    manager = sign_in("DAR01-T1", "manager", "222222", clock)
    tenders = [
        MobileMoneyTender("mpesa", "QK7AB12CD4", "0712345678", Money.of(11_930, "TZS")),
        CashTender(Money.of(100, "TZS")),
    ]
    sale = checkout.sell(cashier, "TZ00000004", [CartItem("TZ-WEEK5")], tenders)  # 70 left: 50 in cash
    corrections.refund_sale(manager, sale.receipt_number, "1000", "late activation", method="cash")
    (sales,) = daily_report(manager, DAY).sections.sales
    assert sales.rounding == Money.of("-20.00", sales.currency)
    text = pdf_text(daily_report_pdf(manager, DAY))  # DAR01 speaks Swahili
    line = re.search(
        r"Halisi TZS = jumla (.+?) \+ kuzungusha pesa taslimu (.+?) - marejesho (.+?) = (.+)", text
    )
    assert line is not None, text
    total, rounding, refunds, net = (amount(part, "sw") for part in line.groups())
    assert (total, rounding, refunds) == (12_000, -20, 1_000)
    assert net == total + rounding - refunds == 10_980
