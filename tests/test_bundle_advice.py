"""Bundle advice from a customer's own history (issue 20, item 5): the pure rule on synthetic
histories, then the service on SQLite and PostgreSQL, and ``konnect-pos advise``."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from konnect_pos.advice_words import MSGIDS, PLURALS, advice_line, advice_reason
from konnect_pos.cli import main
from konnect_pos.domain import bundle_queue as queue
from konnect_pos.domain.advice import AdviceReason, Offer, advise_bundle
from konnect_pos.domain.money import Money
from konnect_pos.i18n import missing_translations

T0 = datetime(2026, 6, 1, 8, 0, tzinfo=UTC)
DAY = timedelta(days=1)
CATALOG = (
    Offer("TZ-WEEK5", "Konnect Week 5 GB", Decimal(5), 7, Money.of("12000", "TZS")),
    Offer("TZ-LITE15", "Konnect Lite 15 GB", Decimal(15), 30, Money.of("35000", "TZS")),
    Offer("TZ-STD40", "Konnect Standard 40 GB", Decimal(40), 30, Money.of("65000", "TZS")),
    Offer("TZ-PLUS80", "Konnect Plus 80 GB", Decimal(80), 30, Money.of("95000", "TZS")),
    Offer("TZ-MAX150", "Konnect Max 150 GB", Decimal(150), 30, Money.of("140000", "TZS")),
)
TERMS = {o.code: queue.BundleTerms(o.code, o.name, o.data_gb, o.validity_days) for o in CATALOG}


def bought(n: int, code: str, sold_at: datetime, trigger=queue.Trigger.PERIOD_END) -> queue.QueuedBundle:
    return queue.QueuedBundle(f"p{n}", TERMS[code], trigger, sold_at, position=n)


def test_a_heavy_user_who_runs_out_in_nine_days_is_told_so_and_gets_the_bigger_bundle():
    purchases = [
        bought(1, "TZ-STD40", T0, queue.Trigger.IMMEDIATE),
        bought(2, "TZ-STD40", T0, queue.Trigger.DATA_EXHAUSTED),
        bought(3, "TZ-STD40", T0, queue.Trigger.DATA_EXHAUSTED),
    ]
    readings = [
        queue.BundleUsage(T0 + 9 * DAY, Decimal(40), "p1"),
        queue.BundleUsage(T0 + 18 * DAY, Decimal(40), "p2"),
    ]
    advice = advise_bundle(purchases, readings, CATALOG, T0 + 20 * DAY)
    assert advice.reason is AdviceReason.RAN_OUT and advice.days == 9
    assert advice.trigger is queue.Trigger.DATA_EXHAUSTED
    assert advice.offer.code == "TZ-MAX150"  # 40 GB in 9 days is 4.4 GB a day: only 150 GB / 30 days holds it
    assert advice_reason(advice, "en") == (
        "ran out after 9 days on average: Konnect Max 150 GB, when the data runs out"
    )
    assert advice_line(advice, "fr") == (
        "Conseil : épuisé après 9 jours en moyenne : Konnect Max 150 GB, à l'épuisement des données"
    )
    assert advice_line(advice, "sw") == (
        "Ushauri: kiliisha baada ya siku 9 kwa wastani: Konnect Max 150 GB, data ya kasi ya juu ikitumika"
    )


def test_a_light_user_is_offered_the_cheaper_bundle_at_the_end_of_the_period():
    purchases = [bought(n, "TZ-STD40", T0 + (n - 1) * 30 * DAY) for n in (1, 2, 3)]
    readings = [queue.BundleUsage(T0 + ((n - 1) * 30 + 29) * DAY, Decimal(10), f"p{n}") for n in (1, 2, 3)]
    advice = advise_bundle(purchases, readings, CATALOG, T0 + 91 * DAY)
    assert advice.offer.code == "TZ-LITE15"  # 1/3 GB a day: Lite 15 covers it at the lowest cost a day
    assert advice.trigger is queue.Trigger.PERIOD_END
    assert advice.reason is AdviceReason.LEFT_OVER and advice.percent == 25
    assert advice_reason(advice, "en") == (
        "used 25% of the data on average: Konnect Lite 15 GB, at the end of the period"
    )


def test_an_irregular_customer_is_told_the_days_without_a_bundle():
    purchases = [
        bought(1, "TZ-LITE15", T0),
        bought(2, "TZ-LITE15", T0 + 40 * DAY),  # ten days dormant
        bought(3, "TZ-LITE15", T0 + 85 * DAY),  # fifteen days dormant
    ]
    readings = [queue.BundleUsage(T0 + 29 * DAY, Decimal(12), "p1")]
    advice = advise_bundle(purchases, readings, CATALOG, T0 + 120 * DAY)
    assert advice.reason is AdviceReason.DORMANT and advice.days == 13  # 12.5 rounded half up
    assert advice.trigger is queue.Trigger.PERIOD_END
    assert advice_reason(advice, "en").startswith("13 days without a bundle on average between renewals")
    assert "siku 13" in advice_reason(advice, "sw") and "13 jours" in advice_reason(advice, "fr")


def test_a_new_customer_gets_the_cheapest_bundle_with_that_reason():
    advice = advise_bundle([], [], CATALOG, T0)
    assert advice.offer.code == "TZ-WEEK5" and advice.reason is AdviceReason.NO_HISTORY
    assert advice_reason(advice, "en") == "no history yet: Konnect Week 5 GB, the cheapest"
    assert advise_bundle([], [], [], T0) is None


history = st.lists(
    st.tuples(st.sampled_from(sorted(TERMS)), st.integers(0, 20), st.fractions(0, 1)), min_size=0, max_size=6
)


@given(history, st.lists(st.sampled_from(CATALOG), min_size=1, max_size=5, unique=True))
def test_the_advice_is_always_a_bundle_of_the_catalog_given_and_covers_the_use_when_one_can(spec, catalog):
    purchases, readings, sold = [], [], T0
    for n, (code, gap_days, fraction) in enumerate(spec, start=1):
        purchases.append(bought(n, code, sold))
        used = (TERMS[code].data_gb * Decimal(fraction.numerator) / fraction.denominator).quantize(
            Decimal("0.01")
        )
        readings.append(queue.BundleUsage(sold + (TERMS[code].validity_days - 1) * DAY, used, f"p{n}"))
        sold += (TERMS[code].validity_days + gap_days) * DAY
    advice = advise_bundle(purchases, readings, catalog, sold + DAY)
    assert advice.offer in catalog
    assert advice.trigger in (queue.Trigger.PERIOD_END, queue.Trigger.DATA_EXHAUSTED)
    if not purchases:
        assert advice.reason is AdviceReason.NO_HISTORY
        assert advice.offer.price.amount == min(o.price.amount for o in catalog)
    elif any(o.gb_per_day >= advice.gb_per_day for o in catalog):
        assert advice.offer.gb_per_day >= advice.gb_per_day
    for lang in ("en", "fr", "sw"):
        assert advice.offer.name in advice_reason(advice, lang)


def test_every_advice_sentence_has_french_and_swahili():
    singles = [m for m in MSGIDS if not any(m in pair for pair in PLURALS)]
    for lang in ("fr", "sw"):
        assert missing_translations(lang, singles) == []
        assert missing_translations(lang, list(PLURALS)) == []


def test_the_service_reads_the_account_and_the_country_catalog_on_both_databases(demo_db, clock):
    from konnect_pos.domain.payments import CashTender
    from konnect_pos.services import account, checkout
    from konnect_pos.services.advice import advise
    from konnect_pos.services.checkout import CartItem
    from konnect_pos.services.session import sign_in

    counter = sign_in("KIN01-T1", "cashier", "1111", clock)
    sold_at = clock()
    checkout.sell(counter, "CD00000001", [CartItem("CD-STD40")], [CashTender(Money.of("29", "USD"))])
    fresh = advise("CD00000001", clock())
    assert fresh.reason is AdviceReason.NO_HISTORY and fresh.offer.code.startswith("CD-")
    clock.advance(days=31)
    account.record_usage(counter, "CD00000001", "40", at=sold_at + 9 * DAY)
    advice = advise("CD00000001", clock())
    assert (advice.reason, advice.days, advice.trigger) == (
        AdviceReason.RAN_OUT,
        9,
        queue.Trigger.DATA_EXHAUSTED,
    )
    assert advice.offer.code == "CD-MAX150" and advice.offer.price.currency == "USD"


def test_the_advise_command_speaks_the_users_language_and_refuses_an_unknown_account(
    db_url, capsys, monkeypatch
):
    assert main(["demo", "--no-gui", "--customers", "4", "--country", "CI", "--db", db_url]) == 0
    capsys.readouterr()
    monkeypatch.setenv("KONNECT_POS_LANG", "sw")
    assert main(["advise", "CI00000001", "--db", db_url]) == 0
    out = capsys.readouterr().out.strip()
    assert out.startswith("Ushauri: hakuna historia bado:") and out.count("\n") == 0
    assert main(["advise", "CI00000001", "--json", "--db", db_url]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["reason"] == "no_history" and answer["bundle"].startswith("CI-")
    assert main(["advise", "XX404", "--db", db_url]) == 2
    err = capsys.readouterr().err
    assert err.startswith("konnect-pos: ") and err.count("\n") == 1 and "Traceback" not in err


def test_advice_from_history_made_with_the_sell_and_usage_commands(db_url, capsys, monkeypatch):
    """As a user makes the history: two Standard 40 sold, the first used up; then ``advise``."""
    assert main(["demo", "--no-gui", "--customers", "4", "--country", "CI", "--db", db_url]) == 0
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    sale = ["sell", "--customer", "CI00000004", "--bundle", "CI-STD40", "--bundle", "CI-STD40:data_exhausted"]
    assert main([*sale, "--pay", "cash:35000", "--terminal", "ABJ01-T1", "--db", db_url]) == 0
    assert main(["usage", "CI00000004", "40", "--terminal", "ABJ01-T1", "--db", db_url]) == 0
    capsys.readouterr()
    said = {
        "en": "Advice: ran out after 1 day on average: Konnect Max 150 Go, when the data runs out",
        "fr": "Conseil : épuisé après 1 jour en moyenne : Konnect Max 150 Go, à l'épuisement des données",
    }
    for lang, line in said.items():
        monkeypatch.setenv("KONNECT_POS_LANG", lang)
        assert main(["advise", "CI00000004", "--db", db_url]) == 0
        assert capsys.readouterr().out == line + "\n"
    assert main(["advise", "CI00000004", "--json", "--db", db_url]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert (answer["bundle"], answer["trigger"], answer["reason"]) == (
        "CI-MAX150",
        "data_exhausted",
        "ran_out",
    )


@pytest.mark.parametrize("lang", ["fr", "sw"])
def test_the_when_words_match_the_counters(lang):
    from konnect_pos.advice_words import WHEN
    from konnect_pos.cli.counter_text import TRIGGERS

    assert WHEN == TRIGGERS
    assert missing_translations(lang, list(WHEN.values())) == []
