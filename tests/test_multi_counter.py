"""A multi-counter shop on one PostgreSQL database: counters sell at once, each with its own numbers."""

import textwrap

import pytest

from konnect_pos.domain.errors import Conflict, ValidationError
from konnect_pos.services.business_day import open_day
from konnect_pos.services.outlets import add_terminal
from konnect_pos.services.session import sign_in
from konnect_pos.store.models import Sale
from tests.processes import WAIT_FOR_GO, start_together

SELLER = textwrap.dedent(
    """
    import sys
    from datetime import UTC, datetime
    from konnect_pos.domain.payments import CashTender
    from konnect_pos.domain.money import Money
    from konnect_pos.services.checkout import CartItem, sell
    from konnect_pos.services.session import sign_in
    from konnect_pos.store.schema import open_database

    open_database(sys.argv[1])
    counter = sign_in(sys.argv[2], "cashier", "1111", lambda: datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    {WAIT_FOR_GO}
    for index in range(int(sys.argv[4])):
        account = f"CD{int(sys.argv[3]) + index:08d}"
        sell(counter, account, [CartItem("CD-WEEK5")], [CashTender(Money.of(6, "USD"))])
    """
).replace("{WAIT_FOR_GO}", WAIT_FOR_GO)
COUNTERS = ("KIN01-T1", "KIN01-T2", "KIN01-T3", "KIN01-T4")


@pytest.fixture
def shop(pg_url, clock):
    from konnect_pos.services import demo
    from konnect_pos.store.schema import open_database

    database = open_database(pg_url)
    demo.seed(clock, customers=200, only_country="CD")
    for label in COUNTERS[1:]:
        add_terminal("KIN01", label.split("-")[1], clock)
        open_day(sign_in(label, "manager", "222222", clock), {})
    yield pg_url
    database.close()


def test_four_counters_selling_at_once_never_share_a_receipt_number(shop):
    per_counter = 12
    procs = start_together(
        SELLER, [[shop, label, str(1 + 40 * n), str(per_counter)] for n, label in enumerate(COUNTERS)]
    )
    for proc in procs:
        _, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
    numbers = [s.receipt_number for s in Sale.select()]
    assert len(numbers) == len(set(numbers)) == per_counter * len(COUNTERS)
    for label in COUNTERS:
        mine = sorted(n for n in numbers if n.startswith(label + "-"))
        assert mine == [f"{label}-{k:06d}" for k in range(1, per_counter + 1)]


def test_adding_a_counter_refuses_bad_codes_and_twins(shop, clock):
    with pytest.raises(ValidationError, match="1 to 12 letters"):
        add_terminal("KIN01", "T 5!", clock)
    with pytest.raises(Conflict, match="already registered"):
        add_terminal("KIN01", "t2", clock)
