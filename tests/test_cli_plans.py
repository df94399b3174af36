"""``konnect-pos plan set|change|history`` on a real database: the outcome as words and JSON, the
history, French words, and bad input as one line, exit 2, nothing changed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from konnect_pos.cli import main
from konnect_pos.domain.money import Money
from konnect_pos.i18n import missing_translations
from konnect_pos.services import plans
from konnect_pos.store.models import BalanceEntry, JournalEntry, PlanAccount, PlanChange
from tests.cli_support import run

NO_PLAN = "CD00000013"
RENEWS = "CD00000001"  # Salom+ 30 (25 USD) paid for 10 more days, 25 USD in the balance


@pytest.fixture
def shop(db_url, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_TERMINAL", "KIN01-T1")
    monkeypatch.setenv("KONNECT_POS_DB", db_url)
    monkeypatch.setenv("KONNECT_POS_USER", "cashier")
    monkeypatch.setenv("KONNECT_POS_PIN", "1111")
    monkeypatch.setenv("KONNECT_POS_LANG", "en")
    assert main(["demo", "--no-gui", "--customers", "20", "--db", db_url]) == 0
    capsys.readouterr()
    return db_url


def today():
    return datetime.now(UTC).astimezone(ZoneInfo("Africa/Kinshasa")).date()


def _rows() -> tuple[int, int, int, list[tuple[int, int | None]]]:
    return (
        PlanChange.select().count(),
        BalanceEntry.select().count(),
        JournalEntry.select().count(),
        [(a.plan_id, a.next_plan_id) for a in PlanAccount.select().order_by(PlanAccount.id)],
    )


def test_set_change_and_history_in_words_and_json(shop, capsys):
    code, out, err = run(capsys, "plan", "set", NO_PLAN.lower(), "cd-home")
    assert (code, err) == (0, "")
    assert out == f"{NO_PLAN}: put on Konnect Home 30 from {today().isoformat()}\n"

    code, out, err = run(capsys, "plan", "change", RENEWS, "CD-HOME")
    assert (code, err) == (0, "")
    # 11 unused days of 25 USD for 30 days = 9.17 back; 25 + 9.17 - 18 = 16.17
    assert out.splitlines() == [
        f"{RENEWS}: changed from Salom+ 30 to Konnect Home 30 on {today().isoformat()}",
        "Unused days credited: $9.17; plan fee charged: $18.00; balance: $16.17",
    ]
    plans.add_plan("CD-MAX", "Salom+ Max 30", "CD", Money.of("40", "USD"), 30)
    code, out, _ = run(capsys, "plan", "change", RENEWS, "CD-MAX", "--json")
    result = json.loads(out)
    assert code == 0 and result["kind"] == "next_renewal"  # 16.17 + 18 (30 unused days) < 40: waits
    assert result["effective_on"] == (today() + timedelta(days=30)).isoformat()
    assert result["charged"] == {"amount": "0.00", "currency": "USD"}

    code, out, _ = run(capsys, "plan", "history", RENEWS)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    started = (today() - timedelta(days=19)).isoformat()  # the demo's paid period: 10 more days of 30
    assert lines[0] == f"{started}  put on Salom+ 30 from {started}  (admin)"
    assert lines[1].endswith(f"changed from Salom+ 30 to Konnect Home 30 on {today().isoformat()}  (cashier)")
    renewal = (today() + timedelta(days=30)).isoformat()
    assert f"changes from Konnect Home 30 to Salom+ Max 30 at the renewal on {renewal}" in lines[2]
    code, out, _ = run(capsys, "plan", "history", RENEWS, "--json")
    assert [line["kind"] for line in json.loads(out)] == ["set", "now", "next_renewal"]
    code, out, _ = run(capsys, "plan", "history", "CD00000017")
    assert (code, out) == (0, "CD00000017: no plan history\n")


def test_the_words_are_french_when_asked(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_LANG", "fr")
    plans.add_plan("CD-MAX", "Salom+ Max 30", "CD", Money.of("40", "USD"), 30)
    code, out, _ = run(capsys, "plan", "change", RENEWS, "CD-MAX")
    renewal = (today() + timedelta(days=11)).isoformat()
    assert (code, out) == (
        0,
        f"{RENEWS}: passe de Salom+ 30 à Salom+ Max 30 au renouvellement du {renewal}\n",
    )
    code, _, err = run(capsys, "plan", "change", RENEWS, "CD-SALOM")
    assert code == 0 and err == ""  # the current plan: the waiting change is cancelled
    code, _, err = run(capsys, "plan", "change", RENEWS, "CD-SALOM")
    assert (code, err) == (2, "konnect-pos: Le client est déjà sur l'offre Salom+ 30\n")


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (("plan", "set", RENEWS, "CD-HOME"), "already on plan Salom+ 30: change the plan instead"),
        (("plan", "set", NO_PLAN, "TZ-HOME"), "is not sold in this customer's country"),
        (("plan", "set", NO_PLAN, "NOPE"), "No plan with code NOPE"),
        (("plan", "change", NO_PLAN, "CD-HOME"), f"Account {NO_PLAN} has no plan with a balance"),
        (("plan", "change", "CD99999999", "CD-HOME"), "CD99999999"),
        (("plan", "set", NO_PLAN), "plan"),  # the plan is missing
        (("plan", "move", NO_PLAN, "CD-HOME"), "move"),
        (("plan",), "plan"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(shop, capsys, argv, said):
    before = _rows()
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and said in err and "Traceback" not in err
    assert _rows() == before


def test_a_cashier_needs_a_pin_that_signs_in(shop, capsys, monkeypatch):
    monkeypatch.setenv("KONNECT_POS_PIN", "0000")
    code, out, err = run(capsys, "plan", "set", NO_PLAN, "CD-HOME")
    assert code == 2 and out == "" and err.count("\n") == 1


@pytest.mark.parametrize("lang", ["fr", "sw"])
def test_every_plan_sentence_is_translated(lang):
    from konnect_pos.cli.plans import KIND_WORDS

    sentences = [
        *KIND_WORDS.values(),
        "{account}: no plan history",
        "Unused days credited: {credit}; plan fee charged: {charged}; balance: {balance}",
        "The customer is already on plan {plan}",
        "Plan {plan} is priced in {currency}, this account in {account_currency}",
        "Plan {plan} is not sold in this customer's country",
        "Account {account} is already on plan {plan}: change the plan instead",
    ]
    assert missing_translations(lang, sentences) == []
