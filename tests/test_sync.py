"""Terminal (SQLite) ↔ headquarters (real PostgreSQL): push exactly once, pull, conflicts, roles."""

from __future__ import annotations

from datetime import date

import psycopg
import pytest

from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq.connection import HQRefused, HQUnreachable
from konnect_pos.hq.processing import process
from konnect_pos.services import customers
from konnect_pos.services.journal import pending_count
from konnect_pos.services.outlets import get_terminal
from konnect_pos.services.sync import client, reference
from konnect_pos.store.models import BundlePrice, OutboxEvent, User
from tests.sync_support import open_terminal_db, private_credentials, sell_cash, sell_mpesa

T1 = "KIN01-T1"


@pytest.fixture(autouse=True)
def _credentials(monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)


@pytest.fixture
def kin(tmp_path, clock, hq):
    """A Kinshasa terminal on SQLite, linked to HQ with a role of its own."""
    open_terminal_db(tmp_path / "kin.db", clock)
    reference.load_reference(hq.url)
    terminal_url = hq_admin.add_terminal(hq.url, "KIN01", "T1")
    client.link(T1, terminal_url, clock)
    return terminal_url


def test_round_trip_push_then_pull(kin, hq, clock):
    receipt = sell_cash(clock, T1, "CD00000001")
    waiting = pending_count(get_terminal(T1).id)
    assert waiting >= 2  # the day opening and the sale

    result = client.sync(T1, clock)
    assert result.pushed == waiting and result.waiting == 0
    assert hq.query("SELECT count(*) FROM hq_inbound")[0][0] == result.hq_holds
    summary = process(hq.url)
    assert summary.sales == 1
    sales = hq.query("SELECT receipt_number, outlet_code, total_minor FROM hq_sale")
    assert sales == [(receipt, "KIN01", 600)]

    again = client.sync(T1, clock)
    assert again.pushed == 0
    assert hq.query("SELECT count(*) FROM hq_inbound")[0][0] == result.hq_holds


def test_price_change_reaches_the_terminal_with_its_date(kin, hq, clock):
    hq_admin.set_price(hq.url, "CD", "CD-WEEK5", "7", date(2026, 12, 1))
    client.sync(T1, clock)
    prices = [(p.bundle.code, p.effective_from, p.price_minor) for p in BundlePrice.select()]
    assert prices == [("CD-WEEK5", "2026-12-01", 700)]


def test_customer_created_at_the_counter_reaches_hq_and_comes_back(kin, hq, clock):
    from konnect_pos.domain.customers import CustomerInput

    customers.create_customer(
        CustomerInput(name="Zoé Mbala", phone="0991234567", country="CD", account_number="CD-NEW-9"),
        clock,
        get_terminal(T1).id,
    )
    client.sync(T1, clock)
    process(hq.url)
    assert hq.query("SELECT name, phone FROM hq_customer WHERE account_number = 'CD-NEW-9'") == [
        ("Zoé Mbala", "+243991234567")
    ]


def test_hq_unreachable_is_one_clear_message_and_keeps_everything(tmp_path, clock, hq):
    open_terminal_db(tmp_path / "kin.db", clock)
    reference.load_reference(hq.url)
    terminal_url = hq_admin.add_terminal(hq.url, "KIN01", "T1")
    client.link(T1, terminal_url, clock)
    sell_cash(clock, T1, "CD00000001")
    waiting = pending_count(get_terminal(T1).id)
    closed_port = terminal_url.replace(":5432", ":1").replace("@127.0.0.1/", "@127.0.0.1:1/")
    from konnect_pos.store.models import SyncLink

    SyncLink.update(hq_url=closed_port).execute()
    with pytest.raises(HQUnreachable, match="Headquarters is unreachable"):
        client.sync(T1, clock)
    assert pending_count(get_terminal(T1).id) == waiting
    state = client.status(T1)
    assert not state.online and "unreachable" in state.last_error and state.waiting == waiting


def test_a_terminal_role_cannot_read_sales_or_push_for_another_terminal(kin, hq, clock):
    hq_admin.add_terminal(hq.url, "LUB01", "T1")
    sell_cash(clock, T1, "CD00000001")
    client.sync(T1, clock)
    process(hq.url)
    with psycopg.connect(kin, autocommit=True) as conn:
        for table in ("hq_sale", "hq_inbound", "hq_payment", "hq_terminal"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT * FROM {table}")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE hq_customer SET name = 'x'")
        with pytest.raises(psycopg.Error, match="may not push"):
            conn.execute("SELECT hq_push('LUB01-T1', '[]'::jsonb)")
        users = {row[0] for row in conn.execute("SELECT DISTINCT outlet_code FROM hq_user")}
        assert users == {"KIN01"}


def test_resend_after_local_marks_are_lost_inserts_nothing_new(kin, hq, clock):
    for n in range(3):
        sell_cash(clock, T1, f"CD0000000{n + 1}")
    first = client.sync(T1, clock)
    OutboxEvent.update(sent_at=None).execute()  # a laptop restored from yesterday's backup
    second = client.sync(T1, clock)
    assert second.pushed == 0 and second.hq_holds == first.hq_holds
    assert hq.query("SELECT count(*) FROM hq_inbound")[0][0] == first.hq_holds


def test_hq_flags_a_broken_chain(kin, hq, clock):
    from konnect_pos.store.models import JournalEntry

    sell_cash(clock, T1, "CD00000001")
    entry = JournalEntry.select().order_by(JournalEntry.seq.desc()).first()
    OutboxEvent.update(payload=entry.payload.replace('"total_minor":600', '"total_minor":60')).where(
        OutboxEvent.seq == entry.seq
    ).execute()
    client.sync(T1, clock)
    assert hq.query("SELECT kind, subject FROM hq_conflict") == [("chain_break", f"{T1}#{entry.seq}")]


def test_users_come_down_for_the_outlet(kin, hq, clock):
    with psycopg.connect(hq.url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO hq_user (outlet_code, username, full_name, role, pin_hash) "
            "SELECT 'KIN01', 'newcashier', 'New Cashier', 'cashier', pin_hash FROM hq_user "
            "WHERE username = 'cashier' AND outlet_code = 'KIN01'"
        )
    client.sync(T1, clock)
    assert User.get(User.username == "newcashier").full_name == "New Cashier"


def test_an_unregistered_terminal_is_refused_clearly(tmp_path, clock, hq):
    open_terminal_db(tmp_path / "kin.db", clock)
    reference.load_reference(hq.url)
    with pytest.raises(HQRefused, match="not registered"):
        client.link(T1, hq.url, clock)


def test_reused_reference_at_two_terminals_is_kept_and_flagged(tmp_path, clock, hq):
    open_terminal_db(tmp_path / "kin.db", clock)
    reference.load_reference(hq.url)
    client.link(T1, hq_admin.add_terminal(hq.url, "KIN01", "T1"), clock)
    lub_url = hq_admin.add_terminal(hq.url, "LUB01", "T1")
    client.link("LUB01-T1", lub_url, clock)
    sell_mpesa(clock, T1, "CD00000001", "QK7AB12CD3")
    client.sync(T1, clock)

    open_terminal_db(tmp_path / "lub.db", clock)
    client.link("LUB01-T1", lub_url, clock)
    sell_mpesa(clock, "LUB01-T1", "CD00000002", "QK7AB12CD3")
    client.sync("LUB01-T1", clock)
    process(hq.url)
    assert hq.query("SELECT count(*) FROM hq_sale")[0][0] == 2
    flagged = hq.query("SELECT kind, outlet_code FROM hq_conflict ORDER BY outlet_code")
    assert flagged == [("reused_reference", "KIN01"), ("reused_reference", "LUB01")]


def _offline_sales_at_two_outlets(tmp_path, clock, hq):
    """KIN01 and LUB01 each sell to dormant CD00000003 while offline; returns both terminals' URLs."""
    open_terminal_db(tmp_path / "kin.db", clock)
    reference.load_reference(hq.url)
    kin_url = hq_admin.add_terminal(hq.url, "KIN01", "T1")
    lub_url = hq_admin.add_terminal(hq.url, "LUB01", "T1")
    client.link(T1, kin_url, clock)
    sell_cash(clock, T1, "CD00000003", code="CD-WEEK5")
    clock.advance(hours=2)
    open_terminal_db(tmp_path / "lub.db", clock)
    client.link("LUB01-T1", lub_url, clock)
    sell_cash(clock, "LUB01-T1", "CD00000003", code="CD-LITE15", amount="17")
    return tmp_path / "kin.db", tmp_path / "lub.db"


def _hq_state(hq) -> tuple[list[tuple], list[tuple]]:
    sales = hq.query(
        "SELECT receipt_number, customer, total_minor, voided FROM hq_sale ORDER BY receipt_number"
    )
    queue = hq.query(
        "SELECT position, bundle_code, trigger, sold_trigger, starts_at, starts_exact FROM hq_queue "
        "WHERE customer = 'CD00000003' ORDER BY position"
    )
    return sales, queue


@pytest.mark.parametrize("order", [("kin", "lub"), ("lub", "kin")])
def test_two_outlets_offline_same_customer_give_one_state_in_either_order(tmp_path, clock, hq, order):
    from konnect_pos.store.schema import open_database

    paths = dict(zip(("kin", "lub"), _offline_sales_at_two_outlets(tmp_path, clock, hq), strict=True))
    labels = {"kin": T1, "lub": "LUB01-T1"}
    for name in order:
        open_database(f"sqlite:///{paths[name]}")
        client.sync(labels[name], clock)
        process(hq.url)
    sales, queue = _hq_state(hq)
    assert len(sales) == 2
    # The later "immediate" sale queues behind the earlier one, on the default trigger.
    assert [(q[0], q[1], q[2], q[3]) for q in queue] == [
        (1, "CD-WEEK5", "immediate", "immediate"),
        (2, "CD-LITE15", "period_end", "immediate"),
    ]
    assert queue[1][4] > queue[0][4]


def test_a_pulled_price_applies_from_its_date_and_sales_keep_their_price(kin, hq, clock):
    from konnect_pos.store.models import Sale
    from tests.support import next_business_day

    hq_admin.set_price(hq.url, "CD", "CD-WEEK5", "7", date(2026, 11, 21))
    client.sync(T1, clock)
    sell_cash(clock, T1, "CD00000001", amount="6")  # 20 Nov: still the old price
    next_business_day(clock)  # 21 Nov in Kinshasa
    sell_cash(clock, T1, "CD00000002", amount="7")
    client.sync(T1, clock)  # offline or not, each sale carries its own price
    assert [s.total_minor for s in Sale.select().order_by(Sale.sold_at)] == [600, 700]


def test_contact_edited_at_two_places_last_received_wins_per_field_and_the_loser_is_kept(tmp_path, clock, hq):
    from konnect_pos.domain.customers import CustomerInput
    from konnect_pos.store.schema import open_database

    def edit(label: str, **changes: str) -> None:
        current = customers.get_customer("CD00000004")
        data = {
            "name": current.name,
            "phone": current.phone,
            "country": "CD",
            "account_number": current.account_number,
            "kit_serial": current.kit_serial or "",
        }
        data.update(changes)
        customers.update_customer("CD00000004", CustomerInput(**data), clock, get_terminal(label).id)

    kin_db, lub_db = tmp_path / "kin.db", tmp_path / "lub.db"
    open_terminal_db(kin_db, clock)
    reference.load_reference(hq.url)
    client.link(T1, hq_admin.add_terminal(hq.url, "KIN01", "T1"), clock)
    lub_url = hq_admin.add_terminal(hq.url, "LUB01", "T1")
    edit(T1, phone="0990000001", name="Kin Name")
    open_terminal_db(lub_db, clock)
    client.link("LUB01-T1", lub_url, clock)
    clock.advance(minutes=5)
    edit("LUB01-T1", phone="0990000002")  # only the phone changes here

    client.sync("LUB01-T1", clock)  # Lubumbashi reaches HQ first…
    open_database(f"sqlite:///{kin_db}")
    client.sync(T1, clock)  # …Kinshasa's (older) edit arrives last and wins, field by field
    process(hq.url)
    assert hq.query("SELECT name, phone FROM hq_customer WHERE account_number = 'CD00000004'") == [
        ("Kin Name", "+243990000001")
    ]
    history = hq.query(
        "SELECT field, value, terminal, outcome FROM hq_customer_history "
        "WHERE account_number = 'CD00000004' ORDER BY id"
    )
    assert ("phone", "+243990000002", "LUB01-T1", "overwritten") in history
    assert ("phone", "+243990000001", T1, "kept") in history
    client.sync(T1, clock)  # and it comes back down to the terminals
    assert customers.get_customer("CD00000004").phone == "+243990000001"
