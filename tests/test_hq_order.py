"""Records about a sale that reach HQ before the sale itself: a void or a refund made at a second
counter of the outlet, which synced first. When the sale arrives, HQ's row starts with what they
already did to it (real PostgreSQL, each terminal pushing with its own role)."""

from __future__ import annotations

import pytest

from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq.processing import process
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.sync import reference
from tests.sync_support import open_terminal_db, private_credentials, push_as, pushed_sale


@pytest.fixture(autouse=True)
def _credentials(monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)


def test_a_sale_reaching_hq_after_its_void_or_refund_starts_voided_or_refunded(tmp_path, clock, hq):
    open_terminal_db(tmp_path / "reference.db", clock)
    reference.load_reference(hq.url)
    first, second = (hq_admin.add_terminal(hq.url, "LUB01", code) for code in ("T1", "T2"))
    voided, refunded = (pushed_sale(f"LUB01-T1-{n:06d}", 600) for n in (1, 2))
    void = {"uuid": new_uuid(), "sale": voided["uuid"], "receipt_number": voided["receipt_number"],
            "reason": "wrong customer", "user": "manager"}  # fmt: skip
    refund = {"uuid": new_uuid(), "sale": refunded["uuid"], "receipt_number": refunded["receipt_number"],
              "amount_minor": 200, "currency": "USD", "user": "manager"}  # fmt: skip
    push_as(second, "LUB01-T2", [("void", void["uuid"], void), ("refund", refund["uuid"], refund)])
    process(hq.url)  # the second counter synced first: HQ has not seen the sales
    push_as(first, "LUB01-T1", [("sale", s["uuid"], s) for s in (voided, refunded)])
    summary = process(hq.url)
    assert summary.sales == 2 and summary.conflicts == 0
    assert hq.query("SELECT receipt_number, voided, refunded_minor FROM hq_sale ORDER BY 1") == [
        ("LUB01-T1-000001", True, 0),
        ("LUB01-T1-000002", False, 200),
    ]
    # the customer's queue at HQ leaves the voided sale's bundle out, as the counters do
    assert hq.query("SELECT sale_uuid FROM hq_queue WHERE customer = 'CD00000001'") == [(refunded["uuid"],)]
