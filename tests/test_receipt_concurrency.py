"""Two processes selling on the same terminal id never share a receipt number."""

import textwrap

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
    # inside the demo shop's business day (opened on 2026-11-20 by the fixture's clock)
    counter = sign_in("KIN01-T1", "cashier", "1111", lambda: datetime(2026, 11, 20, 10, 0, tzinfo=UTC))
    {WAIT_FOR_GO}
    for index in range(int(sys.argv[3])):
        account = f"CD{int(sys.argv[2]) + 4 * index:08d}"
        sell(counter, account, [CartItem("CD-WEEK5")], [CashTender(Money.of(6, "USD"))])
    """
).replace("{WAIT_FOR_GO}", WAIT_FOR_GO)


def test_two_processes_get_distinct_gapless_numbers(demo_db, db_url):
    per_process = 15
    procs = start_together(SELLER, [[db_url, str(start), str(per_process)] for start in (1, 101)])
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    numbers = sorted(s.receipt_number for s in Sale.select())
    assert numbers == [f"KIN01-T1-{n:06d}" for n in range(1, 2 * per_process + 1)]
