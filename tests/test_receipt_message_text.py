"""The SMS / WhatsApp receipt text: its parts counted as an SMS centre counts them, en/fr/sw,
one to three bundles in one SMS, long names and accents shortened in the documented order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from konnect_pos.documents.receipt_data import ReceiptData, ReceiptLine, ReceiptPayment
from konnect_pos.documents.receipt_message import MAX_PARTS, receipt_message
from konnect_pos.domain.money import Money
from konnect_pos.domain.sms import gsm_text, sms_count

SOLD = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "encoding", "units", "parts"),
    [
        ("", "gsm7", 0, 0),
        ("a" * 160, "gsm7", 160, 1),
        ("a" * 161, "gsm7", 161, 2),
        ("a" * 306, "gsm7", 306, 2),
        ("a" * 307, "gsm7", 307, 3),
        ("€" * 80, "gsm7", 160, 1),  # an extension character takes two septets
        ("€" * 81, "gsm7", 162, 2),
        ("é" * 160, "gsm7", 160, 1),  # é è ù à are in the GSM alphabet
        ("ç" + "a" * 69, "ucs2", 70, 1),  # ç is not (Ç is): the whole text is UCS-2
        ("ç" + "a" * 70, "ucs2", 71, 2),
        ("ê" * 134, "ucs2", 134, 2),
        ("ê" * 135, "ucs2", 135, 3),
        ("😀" * 35, "ucs2", 70, 1),  # beyond the BMP: a surrogate pair
    ],
)
def test_parts_are_counted_as_the_sms_centre_counts_them(text, encoding, units, parts):
    count = sms_count(text)
    assert (count.encoding, count.units, count.parts) == (encoding, units, parts)


def test_gsm_folding_keeps_what_the_alphabet_has_and_drops_only_accents():
    assert gsm_text("Reçu : 50,00\u00a0$US – tête") == "Recu : 50,00 $US - tete"
    assert gsm_text("Être à Düsseldorf, Élodie") == "Etre à Düsseldorf, Élodie"  # à, ü, É are GSM
    assert gsm_text("Мир") == "Мир"  # no look-alike: stays, the text goes as UCS-2


def _line(name: str, activation: str, days: int = 0, *, exact: bool = True) -> ReceiptLine:
    start = SOLD + timedelta(days=days)
    return ReceiptLine(
        name=name, code="X", data_gb=Decimal(40), validity_days=30, price=Money(Decimal(25), "USD"),
        activation=activation, starts_at=start, ends_at=start + timedelta(days=30), starts_exact=exact,
    )  # fmt: skip


def _data(lang: str, lines: list[ReceiptLine], *, reference: str = "QK7H2M9XPL") -> ReceiptData:
    total = Money(Decimal(75), "USD")
    payments = (ReceiptPayment(method="mobile_money", amount=total, reference=reference),)
    return ReceiptData(
        language=lang, outlet_name="Konnect Kinshasa Gombe", outlet_address="", terminal="KIN01-T1",
        receipt_number="KIN01-T1-000123", sold_at=SOLD, zone="Africa/Kinshasa", agent="", customer_name="",
        account_number="CD00000001", kit_serial="", lines=tuple(lines), total=total,
        vat=total * 0, vat_rate=Decimal(0), rounding=total * 0, payments=payments,
        service_phone="", service_whatsapp="", journal_hash="",
    )  # fmt: skip


THREE = [
    _line("Konnect Standard 40 GB", "active_now"),
    _line("Konnect Standard 40 GB", "at_period_end", 30),
    _line("Konnect Max 100 GB", "on_data_exhausted", 60, exact=False),
]


def test_english_receipt_of_three_bundles_is_one_sms_with_each_start():
    message = receipt_message(_data("en", THREE), "sms")
    assert message.text == (
        "Konnect receipt KIN01-T1-000123\n"
        "Standard 40 GB: now\n"
        "Standard 40 GB: from 20/12\n"
        "Max 100 GB: when the data runs out\n"
        "Total $75.00\n"
        "Ref QK7H2M9XPL"
    )
    assert (message.count.encoding, message.count.parts) == ("gsm7", 1)


def test_french_and_swahili_fit_one_gsm_sms_and_whatsapp_keeps_the_accents():
    french = receipt_message(_data("fr", THREE), "sms")
    assert french.text.startswith("Recu Konnect KIN01-T1-000123\n")  # ç folded: GSM-7, not UCS-2
    assert "Total 75,00 $US" in french.text
    assert (french.count.encoding, french.count.parts) == ("gsm7", 1)
    swahili = receipt_message(_data("sw", THREE), "sms")
    assert swahili.text.startswith("Risiti ya Konnect KIN01-T1-000123\n")
    assert swahili.count.parts == 1
    whatsapp = receipt_message(_data("fr", THREE), "whatsapp")
    assert whatsapp.text.startswith("Reçu Konnect KIN01-T1-000123\n")
    assert whatsapp.text.endswith("\nKonnect Kinshasa Gombe")  # nothing dropped on WhatsApp


def test_a_start_without_its_exact_moment_says_by_and_another_year_shows_the_year():
    lines = [_line("Mini", "active_now"), _line("Mini", "at_period_end", 50, exact=False)]
    assert "Mini: by 09/01/2027" in receipt_message(_data("en", lines), "sms").text


def test_long_names_are_shortened_before_the_sms_needs_a_second_part():
    long_name = "Konnect Entreprise Illimité Très Haut Débit Prioritaire 250 Go"
    message = receipt_message(_data("fr", [_line(long_name, "active_now")] * 3), "sms")
    assert message.count.parts == 1
    assert "Konnect Kinshasa Gombe" not in message.text  # the outlet's name goes first
    assert "Konnect Entreprise Illimite Tres Haut Debit" not in message.text


@settings(max_examples=60, deadline=None)
@given(
    lang=st.sampled_from(["en", "fr", "sw"]),
    names=st.lists(st.text(min_size=1, max_size=80), min_size=1, max_size=12),
    activation=st.sampled_from(["active_now", "at_period_end", "on_data_exhausted"]),
    reference=st.from_regex(r"[A-Z0-9.-]{6,30}", fullmatch=True),
)
def test_never_more_than_a_few_parts_and_always_the_number_and_reference(lang, names, activation, reference):
    data = _data(lang, [_line(name, activation, 30) for name in names], reference=reference)
    message = receipt_message(data, "sms")
    assert 1 <= message.count.parts <= MAX_PARTS
    assert message.count == sms_count(message.text)
    assert "KIN01-T1-000123" in message.text and reference in message.text
