"""Median time to render one 80 mm receipt (target ≤ 40 ms, issue 4)."""

from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from konnect_pos.documents.receipt_data import ReceiptData, ReceiptLine, ReceiptPayment
from konnect_pos.documents.receipt_pdf import render_receipt
from konnect_pos.domain.money import Money

AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


def sample() -> ReceiptData:
    usd = lambda v: Money.of(v, "USD")  # noqa: E731
    return ReceiptData(
        language="fr",
        outlet_name="Boutique Konnect Gombe",
        outlet_address="Boulevard du 30 Juin, Kinshasa",
        terminal="KIN01-T1",
        receipt_number="KIN01-T1-000123",
        sold_at=AT,
        zone="Africa/Kinshasa",
        agent="Neema Cashier",
        customer_name="Jean-Pierre Kabila",
        account_number="CD00000001",
        kit_serial="KITCD000000001",
        lines=(
            ReceiptLine(
                "Konnect Lite 15 Go",
                "CD-LITE15",
                Decimal(15),
                30,
                usd(17),
                "active_now",
                AT,
                AT + timedelta(days=30),
            ),
            ReceiptLine(
                "Konnect Standard 40 Go",
                "CD-STD40",
                Decimal(40),
                30,
                usd(29),
                "on_data_exhausted",
                AT + timedelta(days=30),
                AT + timedelta(days=60),
                "Konnect Lite 15 Go",
            ),
        ),
        total=usd(46),
        vat=Money.of("6.34", "USD"),
        vat_rate=Decimal("0.16"),
        rounding=usd(0),
        payments=(
            ReceiptPayment("mobile_money", usd(30), "M-Pesa", "880011", "QK7AB12CD3", "+243 812 *** 678"),
            ReceiptPayment("cash", usd(16), tendered=usd(20), change=usd(4)),
        ),
        service_phone="+243 974 802 222",
        service_whatsapp="+225 05 74 54 52 85",
        journal_hash="ab" * 32,
    )


def main() -> int:
    data = sample()
    render_receipt(data)
    times = []
    for _ in range(200):
        start = time.perf_counter()
        render_receipt(data)
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    verdict = "OK" if median <= 40 else "MISSED"
    ratio = median / 40
    print(f"80 mm receipt: median {median:.1f} ms (200 renders) | target ≤ 40 ms ({ratio:.2f}×): {verdict}")
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
