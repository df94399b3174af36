"""Words and numbers a person reads (issue 13, item 1.8): each defect seen by a new user, as a test.

One money formatter (babel, the reader's language, CLDR's currency spacing), data units, plurals,
payment names, country names, display names and the outlet's local time, refusals that say who can.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from pypdf import PdfReader

from konnect_pos.documents.daily_report_pdf import render_daily_report
from konnect_pos.domain.errors import KonnectError, PermissionDenied
from konnect_pos.domain.money import Money, format_money
from konnect_pos.domain.payments import CashTender, settle
from konnect_pos.domain.phones import normalize_phone
from konnect_pos.domain.roles import REFUSALS, Right, Role, require
from konnect_pos.i18n import (
    days_text,
    format_data,
    format_local_time,
    missing_translations,
    ngettext,
    translate_error,
)
from konnect_pos.payment_names import METHOD_NAMES, method_name, payment_name
from konnect_pos.services import demo
from konnect_pos.services.daily_report import daily_report
from konnect_pos.services.session import sign_in
from konnect_pos.store.schema import open_database
from tests.support import ManualClock


def spaced(text: str) -> str:
    """Babel's no-break and narrow no-break spaces read as plain spaces, as a person sees them."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "shown"),
    [
        ("4000", "XOF", "fr", "4 000 F CFA"),
        ("4000", "XOF", "en", "F CFA 4,000"),  # was "F CFA4,000"
        ("1500", "TZS", "en", "TZS 1,500.00"),  # was "TZS1,500.00"
        ("1500", "TZS", "sw", "TSh 1,500.00"),
        ("6", "USD", "fr", "6,00 $US"),
        ("6", "USD", "en", "$6.00"),
        ("-2500", "CDF", "en", "-CDF 2,500.00"),
    ],
)
def test_one_money_format_per_language(amount, currency, lang, shown):
    assert spaced(format_money(Money.of(amount, currency), lang)) == shown


def _error(call) -> KonnectError:
    with pytest.raises(KonnectError) as caught:
        call()
    return caught.value


def test_an_amount_in_a_french_message_is_written_the_french_way():
    error = _error(
        lambda: settle(
            Money.of("10", "USD"),
            [CashTender(Money.of("4", "USD"))],
            channel="shop",
            country="CD",
            providers=("mpesa",),
            accepts_card=True,
        )
    )
    french = spaced(translate_error(error, "fr"))
    assert "6,00 $US" in french and "USD" not in french.replace("$US", "")
    assert "$6.00" in translate_error(error, "en")


@pytest.mark.parametrize(("lang", "shown"), [("en", "15 GB"), ("fr", "15 Go"), ("sw", "GB 15")])
def test_data_units_in_each_language(lang, shown):
    assert spaced(format_data(Decimal(15), lang)) == shown
    assert spaced(format_data(Decimal("2.5"), lang)).startswith(
        "2,5" if lang == "fr" else ("2.5" if lang == "en" else "GB")
    )


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [("en", "1 day", "2 days"), ("fr", "1 jour", "2 jours"), ("sw", "siku 1", "siku 2")],
)
def test_counted_words_take_the_right_form(lang, one, two):
    assert ngettext(lang, "{n} day", "{n} days", 1) == one
    assert ngettext(lang, "{n} day", "{n} days", 2) == two


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("en", ["3 days", "1 day", "2.5 days", "0 days"]),
        ("fr", ["3 jours", "1 jour", "2,5 jours", "0 jour"]),
        ("sw", ["siku 3", "siku 1", "siku 2.5", "siku 0"]),
    ],
)
def test_days_left_are_written_in_the_readers_numbers_not_as_a_decimals_str(lang, shown):
    """The offline allowance's days are a Decimal with one place: never "3.0 jour(s)"."""
    days = [Decimal("3.0"), Decimal("1.0"), Decimal("2.5"), Decimal("0.0")]
    assert [days_text(d, lang) for d in days] == shown


def test_a_phone_refusal_names_the_country_not_its_code():
    error = _error(lambda: normalize_phone("123", "CD"))
    for lang in ("en", "fr", "sw"):
        text = translate_error(error, lang)
        assert "Kinshasa" in text and not text.endswith(" CD")


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Only a manager can see reports."),
        ("fr", "Seul un responsable peut consulter les rapports."),
        ("sw", "Meneja pekee anaweza kuona ripoti."),
    ],
)
def test_a_refusal_says_who_can_do_it(lang, sentence):
    error = _error(lambda: require(Role.CASHIER, Right.REPORTS))
    assert isinstance(error, PermissionDenied) and translate_error(error, lang) == sentence


@pytest.mark.parametrize("lang", ["fr", "sw"])
def test_every_refusal_and_payment_name_is_translated(lang):
    assert set(REFUSALS) == set(Right)
    assert missing_translations(lang, [*REFUSALS.values(), *METHOD_NAMES.values()]) == []


def test_payment_codes_are_shown_by_name():
    assert method_name("mobile_money", "en") == "Mobile money"
    assert method_name("cash", "fr") == "Espèces" and method_name("cash", "sw") == "Pesa taslimu"
    assert payment_name("mobile_money", "mtn_momo", "en") == "Mobile money - MTN Mobile Money"
    assert payment_name("mobile_money", "mpesa", "fr") == "Mobile money - M-Pesa"


def test_local_time_to_the_minute_in_the_outlets_zone():
    moment = datetime(2026, 11, 29, 15, 55, 58, 581306, tzinfo=UTC)
    assert format_local_time(moment, "Africa/Kinshasa", "fr") == "29/11/2026 16:55"
    assert format_local_time(moment, "Africa/Kinshasa", "sw") == "29/11/2026 16:55"
    assert format_local_time(moment, "Africa/Dar_es_Salaam", "en") == "29/11/2026, 18:55"


@pytest.fixture
def report_shop(sqlite_url):
    clock = ManualClock(datetime(2026, 11, 29, 15, 55, 58, 581306, tzinfo=UTC))
    database = open_database(sqlite_url)
    demo.seed(clock, customers=20, only_country="CD")
    yield clock
    database.close()


def test_the_daily_report_names_people_methods_and_local_times(report_shop):
    from konnect_pos.domain.payments import MobileMoneyTender
    from konnect_pos.services import checkout
    from konnect_pos.services.checkout import CartItem

    clock = report_shop
    cashier = sign_in("KIN01-T1", "cashier", "1111", clock)
    manager = sign_in("KIN01-T1", "manager", "222222", clock)
    checkout.sell(
        cashier,
        "CD00000001",
        [CartItem("CD-WEEK5")],
        [MobileMoneyTender("mpesa", "QK7AB12CD3", "0812345678")],
    )
    report = daily_report(manager, clock().date())
    opened = {
        "en": "opened by Joseph Manager 29/11/2026, 16:55",
        "fr": "ouverte par Joseph Manager 29/11/2026 16:55",
    }
    opened["sw"] = "Joseph Manager 29/11/2026 16:55"
    for lang, method in (("en", "Mobile money"), ("fr", "Mobile money"), ("sw", "Pesa za rununu")):
        pdf = render_daily_report(report, lang, "a4")
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
        assert "M-Pesa" in text and method in text
        assert "mpesa" not in text and "mobile_money" not in text
        assert opened[lang] in text  # display name, the outlet's local time to the minute
        assert "T15:55" not in text and "+00:00" not in text and "by manager" not in text
