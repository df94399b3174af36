"""Auto-renewing plans and Connect+: one worked example per rule of RULES.md §2 and per
decision in docs/decisions.md ("Connect+ and balance"), then hypothesis properties."""

import ast
import itertools
import string
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from hypothesis import given, settings
from hypothesis import strategies as st

from konnect_pos.domain import balance as balance_module
from konnect_pos.domain import connect_plus
from konnect_pos.domain.balance import EntryKind, Ledger, top_up
from konnect_pos.domain.connect_plus import (
    EXPLANATIONS,
    AccountPlanState,
    ConnectPlusTerms,
    DailyAllowance,
    OptIn,
    OptOut,
    PlanTerms,
    ServiceStatus,
    SuspendReason,
    TopUp,
    activations_in_window,
    allowance,
    apply_opt_in,
    apply_opt_out,
    apply_top_up,
    process_day,
    published_connect_plus,
    published_eligible,
    run_days,
    status,
)
from konnect_pos.domain.errors import CurrencyMismatch, StateError, ValidationError
from konnect_pos.domain.money import Money
from konnect_pos.i18n import gettext
from konnect_pos.paths import RESOURCES

D0 = date(2026, 3, 1)
ON, OFF, PLAN = ServiceStatus.CONNECT_PLUS, ServiceStatus.SUSPENDED, ServiceStatus.PLAN


def tjs(amount: str | int) -> Money:
    return Money.of(amount, "TJS")


def day(n: int) -> date:
    return D0 + timedelta(days=n)


SALOM = PlanTerms("SALOM30", "Salom+ 30", tjs(30), 30, published_connect_plus("Salom+ 30", "TJS"))
BASIC = PlanTerms("BASIC30", "Basic 30", tjs(30), 30, published_connect_plus("Basic 30", "TJS"))


class Account:
    """One account driven day by day the way the services will: state + ledger, stored together."""

    def __init__(self, terms: PlanTerms, opening: str | int, paid_until: date = D0) -> None:
        self.terms = terms
        self.state = AccountPlanState.paid(paid_until, processed_through=D0)
        self.ledger = Ledger(terms.currency)
        if Decimal(opening):
            self.ledger = self.ledger.append(top_up("opening", paid_until, tjs(opening)))
        self.topups = 0

    def _take(self, outcome):
        self.state = outcome.state
        self.ledger = self.ledger.extend(outcome.entries)
        return outcome

    @property
    def balance(self) -> Money:
        return self.ledger.balance

    def run(self, n: int):
        """The daily run of day(n)."""
        return self._take(process_day(self.terms, self.state, self.balance, day(n)))

    def top_up(self, n: int, amount: str | int):
        self.topups += 1
        self.ledger = self.ledger.append(top_up(f"pay-{self.topups}", day(n), tjs(amount)))
        return self._take(apply_top_up(self.terms, self.state, self.balance, day(n)))

    def opt_out(self, n: int):
        return self._take(apply_opt_out(self.terms, self.state, self.balance, day(n)))

    def opt_in(self, n: int):
        return self._take(apply_opt_in(self.terms, self.state, self.balance, day(n)))

    def status(self, n: int):
        return status(self.terms, self.state, self.balance, day(n))


# --- §2 fee and allowances --------------------------------------------------------------


def test_published_terms_daily_fee_1_and_50_mb_per_day():
    terms = ConnectPlusTerms.published("TJS")
    assert terms.daily_fee == tjs(1)
    assert (terms.daily_data_mb, terms.max_activations, terms.activation_window_days, terms.grace_days) == (
        50,
        10,
        30,
        5,
    )
    assert ConnectPlusTerms.published("XOF").daily_fee == Money.of(1, "XOF")
    assert allowance(SALOM) == DailyAllowance(
        data_mb=50, onnet_calls_unlimited=True, packages_available=False
    )


def test_rates_sipos_and_muoshrat_plus_have_their_own():
    for name in ("Sipos", "Muoshrat+"):
        terms = ConnectPlusTerms.published("TJS", name)
        assert (terms.offnet_minute_rate, terms.sms_rate) == (tjs("0.25"), tjs("0.10"))
    assert SALOM.connect_plus.offnet_minute_rate is None
    assert SALOM.connect_plus.sms_rate is None


# --- §2 auto-activation -----------------------------------------------------------------


def test_auto_activates_day_after_period_when_balance_between_1_and_fee():
    account = Account(SALOM, 5, paid_until=day(0))
    outcome = account.run(1)
    assert outcome.status is ON and outcome.activated
    assert [(e.kind, e.amount, e.period_start) for e in outcome.entries] == [
        (EntryKind.CONNECT_PLUS_FEE, tjs(-1), day(1))
    ]
    assert outcome.message == "Connect+ activated: 1.00 TJS charged for 2026-03-02"
    assert account.balance == tjs(4)
    assert account.state.connect_plus_since == day(1) and account.state.activations == (day(1),)
    continued = account.run(2)
    assert continued.status is ON and not continued.activated
    assert account.balance == tjs(3) and account.state.connect_plus_since == day(1)


def test_not_activated_on_a_paid_day():
    account = Account(SALOM, 5, paid_until=day(3))
    for n in (1, 2, 3):
        assert account.run(n).status is PLAN
    assert account.balance == tjs(5)
    assert account.run(4).status is ON


def test_not_activated_below_1():
    account = Account(SALOM, "0.99", paid_until=day(0))
    outcome = account.run(1)
    assert outcome.status is OFF and outcome.reason is SuspendReason.BALANCE_BELOW_DAILY_FEE
    assert outcome.entries == () and account.balance == tjs("0.99")


def test_balance_of_exactly_1_activates_decision():
    account = Account(SALOM, 1, paid_until=day(0))
    assert account.run(1).status is ON
    assert account.balance == tjs(0)
    next_day = account.run(2)
    assert next_day.status is OFF and next_day.reason is SuspendReason.BALANCE_BELOW_DAILY_FEE


def test_balance_equal_to_the_fee_renews_the_plan_not_connect_plus():
    account = Account(SALOM, 30, paid_until=day(0))
    outcome = account.run(1)
    assert outcome.status is PLAN and outcome.renewed
    assert [(e.kind, e.period_start, e.period_end) for e in outcome.entries] == [
        (EntryKind.PLAN_FEE, day(1), day(30))
    ]
    assert account.balance == tjs(0) and account.state.paid_until == day(30)


def test_top_up_above_1_below_fee_activates():
    account = Account(SALOM, 0, paid_until=day(0))
    assert account.run(1).status is OFF
    assert account.top_up(1, "0.50").status is OFF  # still below 1
    outcome = account.top_up(1, "1.50")
    assert outcome.status is ON and outcome.activated
    assert account.balance == tjs(1)


def test_top_up_before_the_daily_run_counts_for_that_day():
    account = Account(SALOM, 0, paid_until=day(0))
    outcome = account.top_up(1, 3)  # day 1 not yet processed: its run happens with the money in
    assert outcome.status is ON and account.state.last_processed_day == day(1)
    assert account.run(1).changed is False
    assert account.balance == tjs(2)


# --- §2 packages while Connect+ runs ---------------------------------------------------------


def test_packages_unavailable_while_active():
    account = Account(SALOM, 5, paid_until=day(0))
    assert account.status(0).packages_available is True
    account.run(1)
    summary = account.status(1)
    assert summary.service is ON
    assert summary.packages_available is False
    assert summary.daily_data_mb == 50
    assert allowance(SALOM).packages_available is False


# --- §2 activation limit ------------------------------------------------------------------


def test_max_10_activations_in_30_days():
    # A long window (data) lets one lapse show the limit; the published limit is 10 in 30 days.
    terms = PlanTerms("SALOM30", "Salom+ 30", tjs(30), 30, ConnectPlusTerms(tjs(1), grace_days=40))
    account = Account(terms, 0, paid_until=day(0))
    for n in range(1, 11):  # each morning the balance is 0; a top-up of 1 activates again
        assert account.run(n).status is OFF
        assert account.top_up(n, 1).activated
    assert account.status(10).activations_used == 10
    account.run(11)
    refused = account.top_up(11, 1)
    assert refused.status is OFF and refused.reason is SuspendReason.ACTIVATION_LIMIT
    summary = account.status(11)
    assert summary.activation_slot_frees_on == day(31)
    assert summary.full_fee_required is False
    for n in range(12, 31):
        assert account.run(n).status is OFF
    assert account.run(31).status is ON  # day(1) has left the 30 days ending on day(31)
    assert account.state.activations[-1] == day(31)


def test_activation_window_is_the_30_days_ending_that_day():
    state = AccountPlanState(activations=(day(1),))
    assert activations_in_window(SALOM, state, day(1)) == 1
    assert activations_in_window(SALOM, state, day(30)) == 1
    assert activations_in_window(SALOM, state, day(31)) == 0


def test_continuing_connect_plus_is_not_a_new_activation():
    account = Account(SALOM, 10, paid_until=day(0))
    for n in range(1, 6):
        account.run(n)
    assert account.state.activations == (day(1),)
    assert account.status(5).activations_used == 1


# --- §2 five days to pay the full fee -----------------------------------------------------------


def test_not_reactivated_after_5_days_without_full_payment():
    account = Account(SALOM, 10, paid_until=day(0))
    assert [account.run(n).status for n in range(1, 6)] == [ON] * 5
    sixth = account.run(6)
    assert sixth.status is OFF and sixth.reason is SuspendReason.GRACE_EXPIRED
    assert account.balance == tjs(5)  # enough for Connect+, but the window has passed
    assert account.top_up(7, 2).status is OFF
    assert account.status(7).full_fee_required is True
    renewed = account.top_up(7, 23)
    assert renewed.status is PLAN and renewed.renewed
    assert account.state.paid_until == day(36)  # a new period from the payment day, not backdated


def test_five_days_count_from_period_end_not_first_connect_plus_day():
    account = Account(SALOM, 0, paid_until=day(0))
    account.run(1)
    account.run(2)
    assert account.top_up(3, 10).status is ON  # first Connect+ day is day 3
    assert account.status(3).window_days_left == 3  # days 3, 4, 5
    assert account.run(4).status is ON
    assert account.run(5).status is ON
    assert account.run(6).reason is SuspendReason.GRACE_EXPIRED


def test_window_reopens_after_a_renewal():
    account = Account(PlanTerms("S3", "Salom+ 3", tjs(3), 3, ConnectPlusTerms(tjs(1))), 4, paid_until=day(0))
    assert account.run(1).renewed  # 4 → 1, paid days 1-3
    for n in (2, 3):
        account.run(n)
    assert account.run(4).status is ON  # a new lapse from day 4
    assert account.state.lapsed_on == day(4)


# --- §2 plan priority -------------------------------------------------------------------


def test_top_up_covering_fee_gives_plan_priority():
    account = Account(SALOM, 3, paid_until=day(0))
    account.run(1)
    account.run(2)
    assert account.balance == tjs(1)
    outcome = account.top_up(2, 28)  # 29 in hand + today's Connect+ fee given back = 30
    assert outcome.status is PLAN and outcome.renewed
    kinds = [(e.kind, e.amount) for e in outcome.entries]
    assert kinds == [(EntryKind.REFUND, tjs(1)), (EntryKind.PLAN_FEE, tjs(-30))]
    assert outcome.entries[0].corrects == "connect-plus-fee:2026-03-03"
    assert account.balance == tjs(0)
    assert account.state.paid_until == day(31) and account.state.connect_plus_since is None
    assert account.status(2).packages_available is True


def test_daily_run_renews_when_balance_covers_fee():
    account = Account(SALOM, 40, paid_until=day(0))
    outcome = account.run(1)
    assert outcome.renewed and [e.kind for e in outcome.entries] == [EntryKind.PLAN_FEE]
    assert account.balance == tjs(10) and account.state.paid_until == day(30)
    assert [account.run(n).status for n in range(2, 31)] == [PLAN] * 29
    assert account.run(31).status is ON  # 10 left: below the fee, Connect+ after the period


def test_top_up_while_the_plan_runs_waits_for_the_next_fee_date():
    account = Account(SALOM, 0, paid_until=day(5))
    account.run(1)
    assert account.top_up(1, 30).entries == ()
    for n in range(2, 6):
        account.run(n)
    assert account.run(6).renewed and account.state.paid_until == day(35)


# --- §2 eligibility -------------------------------------------------------------------------


def test_only_eligible_plans():
    assert (
        published_eligible("Salom+") and published_eligible("Salom+ 30") and published_eligible(" Salom+ XL")
    )
    assert not published_eligible("Salomat") and not published_eligible("Basic 30")
    assert published_connect_plus("Basic 30", "TJS") is None
    account = Account(BASIC, 5, paid_until=day(0))
    outcome = account.run(1)
    assert outcome.status is OFF and outcome.reason is SuspendReason.NOT_ELIGIBLE
    assert outcome.entries == () and account.balance == tjs(5)
    summary = account.status(1)
    assert summary.eligible is False and summary.full_fee_required is True
    assert allowance(BASIC) is None


# --- §2 deactivation ----------------------------------------------------------------------------


def test_deactivate_never_auto_activates_until_opt_in():
    account = Account(SALOM, 5, paid_until=day(0))
    account.run(1)
    outcome = account.opt_out(1)
    assert outcome.status is OFF and outcome.reason is SuspendReason.OPTED_OUT
    assert outcome.entries == () and account.balance == tjs(4)  # the day's fee stays paid
    assert account.run(2).status is OFF
    assert account.top_up(2, 5).status is OFF
    assert account.run(3).reason is SuspendReason.OPTED_OUT
    back = account.opt_in(3)
    assert back.status is ON and back.activated
    assert account.state.activations == (day(1), day(3))


def test_opt_out_and_back_in_the_same_day_charges_the_day_once():
    account = Account(SALOM, 5, paid_until=day(0))
    account.run(1)
    account.opt_out(1)
    back = account.opt_in(1)
    assert back.status is ON and back.entries == ()
    assert account.balance == tjs(4)
    assert account.state.activations == (day(1), day(1))  # two off→on transitions


def test_opted_out_account_still_renews_its_plan():
    account = Account(SALOM, 0, paid_until=day(0))
    account.opt_out(0)
    account.run(1)
    assert account.top_up(1, 30).renewed
    assert account.state.opted_out is True


def test_opt_in_after_the_window_does_not_activate():
    account = Account(SALOM, 5, paid_until=day(0))
    account.opt_out(0)
    for n in range(1, 7):
        account.run(n)
    outcome = account.opt_in(6)
    assert outcome.status is OFF and outcome.reason is SuspendReason.GRACE_EXPIRED


# --- the daily run: order, idempotency, catching up ---------------------------------------


def test_processing_a_day_twice_changes_nothing():
    account = Account(SALOM, 5, paid_until=day(0))
    first = account.run(1)
    again = process_day(SALOM, account.state, account.balance, day(1))
    assert again.state == first.state and again.entries == () and again.changed is False
    assert again.explanation == "Day {day} was already processed"
    assert process_day(SALOM, account.state, account.balance, day(0)).state == account.state


def test_days_are_processed_in_order():
    account = Account(SALOM, 5, paid_until=day(0))
    with pytest.raises(StateError) as raised:
        process_day(SALOM, account.state, account.balance, day(2))
    assert raised.value.message == "Days before 2026-03-03 must be processed first"
    account.run(1)
    account.run(2)
    with pytest.raises(StateError):
        apply_top_up(SALOM, account.state, account.balance, day(1))
    with pytest.raises(ValidationError):
        process_day(SALOM, account.state, account.balance, datetime(2026, 3, 4, 8, 0))


def test_run_days_catches_up_missed_days_like_the_daily_runs():
    events = [TopUp(day(3), tjs(2), "pay-1"), OptOut(day(4)), OptIn(day(5)), TopUp(day(9), tjs(40), "pay-2")]
    account = Account(SALOM, 3, paid_until=day(0))
    caught_up = run_days(SALOM, account.state, account.ledger, events, day(1), day(12))
    for n in range(1, 13):
        account.run(n)
        if n == 3:
            account.top_up(3, 2)
        if n == 4:
            account.opt_out(4)
        if n == 5:
            account.opt_in(5)
        if n == 9:
            account.top_up(9, 40)
    assert caught_up.state == account.state
    assert caught_up.ledger == account.ledger
    assert caught_up.ledger.balance == account.balance
    again = run_days(SALOM, caught_up.state, caught_up.ledger, events, day(1), day(12))
    assert again.state == caught_up.state and again.ledger == caught_up.ledger and again.new_entries == ()


def test_late_top_up_on_a_closed_day_is_refused_not_dropped():
    account = Account(SALOM, 5, paid_until=day(0))
    done = run_days(SALOM, account.state, account.ledger, [], day(1), day(3))
    with pytest.raises(StateError) as raised:
        run_days(SALOM, done.state, done.ledger, [TopUp(day(2), tjs(30), "late")], day(1), day(4))
    assert raised.value.params == {"key": "late", "day": "2026-03-03"}
    with pytest.raises(ValidationError):
        run_days(SALOM, done.state, done.ledger, [TopUp(day(9), tjs(30), "x")], day(4), day(5))
    with pytest.raises(ValidationError):
        run_days(SALOM, done.state, done.ledger, [], day(5), day(4))


def test_a_new_account_starts_with_the_full_fee():
    outcome = run_days(SALOM, AccountPlanState(), Ledger("TJS"), [TopUp(D0, tjs(10), "pay-1")], D0, day(1))
    assert outcome.state.service is OFF and outcome.state.reason is SuspendReason.NOT_STARTED
    assert outcome.ledger.balance == tjs(10)
    started = run_days(
        SALOM, outcome.state, outcome.ledger, [TopUp(day(2), tjs(20), "pay-2")], day(2), day(2)
    )
    assert started.state.paid_until == day(31) and started.ledger.balance == tjs(0)


# --- the counter's summary -------------------------------------------------------------------


def test_status_for_the_counter():
    account = Account(SALOM, 10, paid_until=day(0))
    account.run(1)
    account.run(2)
    summary = account.status(2)
    assert summary.service is ON and summary.connect_plus_since == day(1)
    assert summary.window_days_left == 4  # days 2–5
    assert (summary.activations_used, summary.max_activations, summary.activation_window_days) == (1, 10, 30)
    assert summary.next_fee_date == day(1)  # due since the day after the period
    assert summary.amount_to_renew == tjs(22)  # balance 8
    assert summary.message == "Connect+ active since 2026-03-02"
    assert summary.opted_out is False and summary.full_fee_required is False
    plan = Account(SALOM, 0, paid_until=day(9)).status(3)
    assert plan.service is PLAN and plan.next_fee_date == day(10) and plan.window_days_left is None


# --- terms in data --------------------------------------------------------------------------


def test_terms_are_checked():
    with pytest.raises(ValidationError):
        PlanTerms("X", "X", tjs(1), 30, ConnectPlusTerms(tjs(1)))  # no band between the fees
    with pytest.raises(CurrencyMismatch):
        PlanTerms("X", "X", tjs(30), 30, ConnectPlusTerms(Money.of(1, "USD")))
    with pytest.raises(ValidationError) as raised:
        PlanTerms("X", "X", tjs(30), 0)
    assert raised.value.message == "Plan X needs a period of at least one day"
    with pytest.raises(ValidationError):
        PlanTerms(" ", "X", tjs(30), 30)
    with pytest.raises(ValidationError):
        PlanTerms("X", "X", tjs(0), 30)
    with pytest.raises(ValidationError):
        ConnectPlusTerms(tjs(0))
    with pytest.raises(ValidationError):
        ConnectPlusTerms(tjs(1), max_activations=0)
    with pytest.raises(ValidationError):
        ConnectPlusTerms(tjs(1), daily_data_mb=-1)
    with pytest.raises(ValidationError):
        ConnectPlusTerms(tjs(1), sms_rate=tjs("-0.1"))
    with pytest.raises(CurrencyMismatch):
        ConnectPlusTerms(tjs(1), sms_rate=Money.of("0.1", "USD"))
    with pytest.raises(CurrencyMismatch):
        process_day(SALOM, AccountPlanState(), Money.of(1, "USD"), D0)


# --- translations ---------------------------------------------------------------------------


def raised_templates() -> set[str]:
    found = set()
    package = sorted(Path(connect_plus.__file__).parent.glob("*.py"))  # the engine's modules
    for path in [Path(balance_module.__file__), *package]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in {
                "ValidationError",
                "Conflict",
                "CurrencyMismatch",
                "NotFound",
                "StateError",
                "_whole",
            }:
                texts = [
                    a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
                ]
                found |= set(texts[:1])  # the template; a later text is a field name
    return found


def placeholders(text: str) -> list[str]:
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name)


@pytest.mark.parametrize("lang", ["fr", "sw"])
def test_every_template_and_explanation_is_translated_with_its_placeholders(lang):
    templates = raised_templates() | set(EXPLANATIONS)
    assert "Days before {day} must be processed first" in templates
    path = RESOURCES / "locale" / lang / "connect_plus.po"
    assert "Content-Type: text/plain; charset=UTF-8" in path.read_text(encoding="utf-8")
    with path.open("rb") as handle:
        own = {m.id for m in read_po(handle, locale=lang) if m.id}
    assert templates - {"Amounts must be exact, not floating point"} <= own  # that one is in core.po
    for template in templates:
        translated = gettext(lang, template)
        assert translated != template, template
        assert placeholders(translated) == placeholders(template), template


# --- properties -----------------------------------------------------------------------------

CONNECT_PLUS_TERMS = st.one_of(
    st.just(ConnectPlusTerms.published("TJS")),
    st.just(None),
    st.builds(
        ConnectPlusTerms,
        daily_fee=st.sampled_from([tjs(1), tjs("0.50")]),
        max_activations=st.integers(1, 4),
        activation_window_days=st.integers(1, 10),
        grace_days=st.integers(1, 8),
    ),
)
PLANS = st.builds(
    PlanTerms,
    code=st.just("P"),
    name=st.just("Salom+ P"),
    fee=st.sampled_from([tjs(3), tjs(5), tjs(30)]),
    period_days=st.sampled_from([1, 2, 3, 7, 30]),
    connect_plus=CONNECT_PLUS_TERMS,
)
AMOUNTS = st.sampled_from(["0.50", "1", "2", "3", "4.99", "5", "10", "30", "35"])


@st.composite
def scenarios(draw):
    plan = draw(PLANS)
    length = draw(st.integers(1, 45))
    events = []
    for n in range(length):
        for kind in draw(st.lists(st.sampled_from(["top_up", "in", "out"]), max_size=3)):
            if kind == "top_up":
                events.append(TopUp(day(n), tjs(draw(AMOUNTS)), f"pay-{len(events)}"))
            else:
                events.append(OptIn(day(n)) if kind == "in" else OptOut(day(n)))
    paid_for = draw(st.none() | st.integers(0, 10))
    if paid_for is None:
        state = AccountPlanState()
    else:
        state = AccountPlanState.paid(day(paid_for), processed_through=day(-1))
    opening = draw(st.sampled_from(["0", "1", "4", "30"]))
    ledger = Ledger("TJS")
    if Decimal(opening):
        ledger = ledger.append(top_up("opening", day(-1), tjs(opening)))
    return plan, state, ledger, events, day(length - 1)


def transitions_on(start: AccountPlanState, outcomes) -> list:
    """Days the service went from anything else to Connect+: the activations as seen outside."""
    days, previous = [], start.service
    for outcome in outcomes:
        if outcome.status is ON and previous is not ON:
            days.append(outcome.day)
        previous = outcome.status
    return days


@settings(max_examples=300, deadline=None)
@given(scenarios())
def test_properties_of_any_sequence_of_days_top_ups_and_opt_changes(scenario):
    plan, state, ledger, events, last = scenario
    result = run_days(plan, state, ledger, events, D0, last)
    cp = plan.connect_plus

    # never more than max activations in any window (off→on transitions, independently counted)
    activations = transitions_on(state, result.outcomes)
    assert activations == [o.day for o in result.outcomes if o.activated]
    if cp is None:
        assert activations == []
    else:
        for end in activations:
            in_window = [d for d in activations if end - timedelta(days=cp.activation_window_days) < d <= end]
            assert len(in_window) <= cp.max_activations

    # never active with a balance below the daily fee: every charge is paid from the balance,
    # and every Connect+ outcome has its day paid
    fees = {e.period_start: e for e in result.ledger.entries if e.kind is EntryKind.CONNECT_PLUS_FEE}
    for outcome in result.outcomes:
        for entry in outcome.entries:
            if entry.kind is EntryKind.CONNECT_PLUS_FEE:
                assert outcome.params["balance"] >= cp.daily_fee
        if outcome.status is ON:
            assert outcome.day in fees
            assert (
                outcome.state.lapsed_on
                <= outcome.day
                < outcome.state.lapsed_on + timedelta(days=cp.grace_days)
            )
        if outcome.status is PLAN:
            assert outcome.day <= outcome.state.paid_until

    # the plan fee is never debited twice for one period: periods never overlap
    periods = sorted(
        (e.period_start, e.period_end) for e in result.ledger.entries if e.kind is EntryKind.PLAN_FEE
    )
    for (_, end), (start, _) in itertools.pairwise(periods):
        assert end < start

    # no daily fee kept on a day the plan is paid
    for fee_day, fee in fees.items():
        kept = -fee.amount - result.ledger.refunded(fee.key)
        if any(start <= fee_day <= end for start, end in periods):
            assert kept == tjs(0)

    # opting out means no further auto-activation (only the customer's opt-in restarts it)
    for outcome in result.outcomes:
        if outcome.activated:
            assert outcome.state.opted_out is False

    # the balance never goes negative from engine debits
    assert all(not b.is_negative for _, b in result.ledger.running_balances())

    # the run is idempotent, and catching up in two pieces is the same as in one
    again = run_days(plan, result.state, result.ledger, events, D0, last)
    assert (again.state, again.ledger, again.new_entries) == (result.state, result.ledger, ())
    assert process_day(plan, result.state, result.ledger.balance, last).state == result.state
    if last > D0:
        middle = D0 + (last - D0) // 2
        first = run_days(plan, state, ledger, [e for e in events if e.day <= middle], D0, middle)
        second = run_days(
            plan,
            first.state,
            first.ledger,
            [e for e in events if e.day > middle],
            middle + timedelta(days=1),
            last,
        )
        assert (second.state, second.ledger) == (result.state, result.ledger)


@settings(max_examples=200, deadline=None)
@given(scenarios(), st.integers(0, 44))
def test_running_a_day_twice_is_running_it_once(scenario, stop):
    plan, state, ledger, events, last = scenario
    stop_day = min(day(stop), last)
    result = run_days(plan, state, ledger, [e for e in events if e.day <= stop_day], D0, stop_day)
    twice = process_day(plan, result.state, result.ledger.balance, stop_day)
    assert twice.state == result.state and twice.entries == ()
    nxt = stop_day + timedelta(days=1)
    once = process_day(plan, result.state, result.ledger.balance, nxt)
    replay = process_day(plan, once.state, result.ledger.extend(once.entries).balance, nxt)
    assert replay.state == once.state and replay.entries == ()


def test_a_renewal_pays_the_fee_of_its_own_day_when_the_catalog_dates_a_new_fee():
    """A plan repriced from day(31) (the catalog's dated price, a manager's or HQ's): the renewal
    on day(1) pays 30, the one on day(31) pays 35; before the first dated fee the base fee holds."""
    repriced = PlanTerms("SALOM30", "Salom+ 30", tjs(30), 30, SALOM.connect_plus, ((day(31), tjs(35)),))
    assert [repriced.fee_on(day(n)) for n in (30, 31, 90)] == [tjs(30), tjs(35), tjs(35)]
    account = Account(repriced, 100)
    for n in range(1, 32):
        account.run(n)
    fees = [(e.day, e.amount) for e in account.ledger.entries if e.kind is EntryKind.PLAN_FEE]
    assert fees == [(day(1), tjs(-30)), (day(31), tjs(-35))]  # debits
    assert account.balance == tjs(35)


def test_evolve_copies_as_dataclasses_replace_does_for_records_that_check_nothing():
    from dataclasses import replace

    for kind in (connect_plus.AccountPlanState, connect_plus.DayOutcome):
        assert not hasattr(kind, "__post_init__"), f"{kind.__name__} checks itself: evolve would skip it"
    state = connect_plus.AccountPlanState.paid(date(2026, 11, 30), date(2026, 11, 20))
    changes = {"service": ServiceStatus.CONNECT_PLUS, "activations": (date(2026, 12, 1),), "opted_out": True}
    assert connect_plus.evolve(state, **changes) == replace(state, **changes)
    assert connect_plus.evolve(state) == state and connect_plus.evolve(state) is not state
    outcome = connect_plus.DayOutcome(date(2026, 12, 1), state, (), ServiceStatus.PLAN, None, "Paid")
    assert connect_plus.evolve(outcome, changed=False) == replace(outcome, changed=False)
    with pytest.raises(TypeError):
        connect_plus.evolve(state, colour="blue")
