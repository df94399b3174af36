"""HQ's door: records pushed with a terminal's own credentials that lie about who made them.

Each attack pushes through ``hq_push`` with LUB01-T1's own role (what a stolen or rogue
distributor laptop can do); HQ keeps the record, quarantines it as a conflict with the
reason, and everyone else's records and reports stay right.
"""

from __future__ import annotations

import json

import psycopg
import pytest

from konnect_pos.cli import main
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq.processing import process
from konnect_pos.services import checkout
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.session import sign_in
from konnect_pos.services.sync import client, reference
from konnect_pos.store.models import JournalEntry
from tests.sync_support import open_terminal_db, private_credentials, push_as, pushed_sale

T1, LUB = "KIN01-T1", "LUB01-T1"
DAY = "2026-11-20"  # the test clock's business date in Kinshasa


@pytest.fixture(autouse=True)
def _credentials(monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)


@pytest.fixture
def lub_url(tmp_path, clock, hq):
    """KIN01-T1 on SQLite, linked; returns LUB01-T1's own URL (the attacker's credentials)."""
    open_terminal_db(tmp_path / "kin.db", clock)
    reference.load_reference(hq.url)
    client.link(T1, hq_admin.add_terminal(hq.url, "KIN01", "T1"), clock)
    return hq_admin.add_terminal(hq.url, "LUB01", "T1")


def _sell(clock, count: int, code: str = "CD-WEEK5", amount: str = "6") -> list[str]:
    counter = sign_in(T1, "cashier", "1111", clock)
    receipts = []
    for n in range(count):
        tenders = [CashTender(Money.of(amount, "USD"))]
        receipts.append(
            checkout.sell(counter, f"CD{n % 20 + 1:08d}", [CartItem(code)], tenders).receipt_number
        )
    return receipts


def _report(capsys, url: str) -> list[tuple]:
    capsys.readouterr()
    assert main(["hq", "report", "daily", "--date", DAY, "--db", url, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    return [(r["outlet_code"], r["sales"], r["total"]["amount"]) for r in rows if r["sales"]]


def _quarantined(hq) -> list[tuple]:
    return hq.query(
        "SELECT c.subject, c.details->>'reason', i.processed, i.quarantine IS NOT NULL FROM hq_conflict c"
        " JOIN hq_inbound i ON i.uuid = c.details->>'event' WHERE c.kind = 'quarantined' ORDER BY c.id"
    )


def test_a_spoofed_receipt_number_is_quarantined_and_the_real_sale_counts(lub_url, hq, clock, capsys):
    _sell(clock, 42)
    client.sync(T1, clock)
    # LUB01-T1's own role pushes a 0.01 USD "sale" numbered as KIN01-T1's next receipt.
    push_as(lub_url, LUB, [("sale", (spoof := pushed_sale("KIN01-T1-000043", 1))["uuid"], spoof)])
    process(hq.url)
    real = _sell(clock, 1, code="CD-LITE15", amount="17")
    assert real == ["KIN01-T1-000043"]
    client.sync(T1, clock)
    assert _report(capsys, hq.url) == [("KIN01", 43, "269.00")]
    sale = hq.query("SELECT terminal, total_minor FROM hq_sale WHERE receipt_number = 'KIN01-T1-000043'")
    assert sale == [(T1, 1700)]
    assert _quarantined(hq) == [(f"{LUB}#1", "sale numbered KIN01-T1-000043 sent by LUB01-T1", True, True)]
    assert main(["hq", "conflicts", "--db", hq.url]) == 0
    listed = capsys.readouterr().out
    assert "quarantined" in listed and "sale numbered KIN01-T1-000043 sent by LUB01-T1" in listed


def test_malformed_and_unknown_records_never_stop_processing_or_reports(lub_url, hq, clock, capsys):
    push_as(lub_url, LUB, [
        ("sale", new_uuid(), "not json"),
        ("bonus_points", new_uuid(), {"uuid": "x", "points": 10_000}),
        ("sale", (bad := pushed_sale("LUB01-T1-000001", 600))["uuid"], {**bad, "total_minor": "lots"}),
        ("sale", (good := pushed_sale("LUB01-T1-000002", 600))["uuid"], good),
    ])  # fmt: skip
    _sell(clock, 2)
    client.sync(T1, clock)
    summary = process(hq.url)
    assert summary.events >= 6 and summary.sales == 3 and summary.conflicts == 3
    assert _report(capsys, hq.url) == [("KIN01", 2, "12.00"), ("LUB01", 1, "6.00")]
    assert [(r[0], r[1]) for r in _quarantined(hq)] == [
        (f"{LUB}#1", "sale payload is not JSON"),
        (f"{LUB}#2", "unknown kind of record 'bonus_points'"),
        (f"{LUB}#3", "sale payload: missing or malformed total_minor"),
    ]
    assert process(hq.url).events == 0  # nothing left behind, nothing retried for ever


def test_another_terminals_day_and_drawer_records_and_sales_are_quarantined(lub_url, hq, clock):
    receipt = _sell(clock, 1)[0]
    client.sync(T1, clock)
    day_open = JournalEntry.get(JournalEntry.kind == "day_open")
    sale_entry = JournalEntry.get(JournalEntry.kind == "sale")
    stolen_open = json.loads(day_open.payload)
    close = {"uuid": new_uuid(), "date": DAY, "z_number": 1, "user": "manager", "terminal": T1,
             "counts": {"USD": [0, 0]}}  # fmt: skip
    void = {"uuid": new_uuid(), "sale": sale_entry.record_uuid, "receipt_number": receipt, "reason": "x",
            "user": "cashier"}  # fmt: skip
    drawer = {"uuid": new_uuid(), "direction": "out", "currency": "USD", "amount_minor": 5000,
              "reason": "bank", "user": "manager", "outlet": "KIN01"}  # fmt: skip
    tzs = {**drawer, "uuid": new_uuid(), "currency": "TZS", "outlet": "LUB01"}
    push_as(lub_url, LUB, [
        ("day_open", day_open.record_uuid, stolen_open),  # KIN01-T1's own day, replayed
        ("day_close", close["uuid"], close),  # a Z report claiming to be KIN01-T1's
        ("void", void["uuid"], void),  # voiding KIN01's sale from Lubumbashi
        ("cash_movement", drawer["uuid"], drawer),
        ("day_open", (mine := {**stolen_open, "uuid": new_uuid()})["uuid"], mine),  # its own: accepted
        ("day_open", (again := {**mine, "uuid": new_uuid()})["uuid"], again),  # the same day twice
        ("cash_movement", tzs["uuid"], tzs),  # its own drawer, in Tanzanian shillings
    ])  # fmt: skip
    process(hq.url)
    assert [(r[0], r[1]) for r in _quarantined(hq)] == [
        (f"{LUB}#1", f"record {day_open.record_uuid} already belongs to terminal {T1}"),
        (f"{LUB}#2", f"day_close of terminal {T1} sent by {LUB}"),
        (f"{LUB}#3", f"void of sale {receipt} sent by {LUB}"),
        (f"{LUB}#4", f"cash_movement of outlet KIN01 sent by {LUB}"),
        (f"{LUB}#6", f"a second day_open for {DAY} (the first is record 5)"),
        (f"{LUB}#7", "cash_movement in TZS, not a currency of LUB01"),
    ]
    assert hq.query("SELECT voided FROM hq_sale") == [(False,)]
    assert hq.query("SELECT count(*) FROM hq_inbound WHERE terminal = %s AND quarantine IS NULL", (LUB,)) == [
        (1,)
    ]


def test_a_terminal_role_still_cannot_decide_conflicts_or_read_quarantine(lub_url, hq):
    push_as(lub_url, LUB, [("sale", new_uuid(), "not json")])
    process(hq.url)
    with psycopg.connect(lub_url, autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE hq_conflict SET resolution = 'accepted'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT quarantine FROM hq_inbound")
        # The sender's own managers see their quarantined record (row-level security).
        assert [row[0] for row in conn.execute("SELECT kind FROM hq_conflict")] == ["quarantined"]


def test_an_edit_of_another_countrys_customer_waits_for_hq_and_never_flows_down(
    lub_url, hq, clock, tmp_path, capsys
):
    from konnect_pos.domain.customers import CustomerInput
    from konnect_pos.services import customers
    from konnect_pos.services.outlets import get_terminal
    from konnect_pos.store.schema import open_database

    with psycopg.connect(hq.url, autocommit=True) as conn:
        conn.execute(
            "INSERT INTO hq_customer (account_number, uuid, name, phone, country, language, created_at,"
            " updated_at) VALUES ('TZ00000004', %s, 'Neema Mushi', '+255712345678', 'TZ', 'sw',"
            " now(), now())",
            (new_uuid(),),
        )

    def edit(account: str, name: str, phone: str, country: str) -> None:
        data = CustomerInput(name=name, phone=phone, country=country, account_number=account, kit_serial="")
        customers.update_customer(account, data, clock, get_terminal(LUB).id)

    def names() -> dict[str, str]:
        return dict(hq.query("SELECT account_number, name FROM hq_customer WHERE account_number IN "
                             "('TZ00000004', 'CD00000004')"))  # fmt: skip

    client.sync(T1, clock)  # KIN01 has the Tanzanian customer as HQ knows her
    kin_db, lub_db = f"sqlite:///{tmp_path / 'kin.db'}", open_terminal_db(tmp_path / "lub.db", clock)
    client.link(LUB, lub_url, clock)
    client.sync(LUB, clock)
    edit("TZ00000004", "Someone Else", "0712000111", "TZ")  # LUB01 (DR Congo) edits a Tanzanian
    edit("CD00000004", "Own Country", "0990000002", "CD")  # and one of its own country's: allowed
    client.sync(LUB, clock)
    process(hq.url)
    assert names() == {"TZ00000004": "Neema Mushi", "CD00000004": "Own Country"}
    held = hq.query("SELECT id, details->>'reason' FROM hq_conflict WHERE kind = 'customer_edit'")
    assert [reason for _id, reason in held] == ["LUB01-T1 (CD) changes a customer of TZ"]
    open_database(kin_db)
    client.sync(T1, clock)
    assert customers.get_customer("TZ00000004").name == "Neema Mushi"  # nothing flowed down

    capsys.readouterr()
    assert main(["hq", "reject", str(held[0][0]), "--db", hq.url]) == 0
    assert "rejected" in capsys.readouterr().out
    assert main(["hq", "accept", str(held[0][0]), "--db", hq.url]) == 2  # decided once
    open_database(lub_db)
    client.sync(LUB, clock)
    assert customers.get_customer("TZ00000004").name == "Neema Mushi"  # the sender is put right

    edit("TZ00000004", "Neema Mushi-Kato", "0712345678", "TZ")
    client.sync(LUB, clock)
    process(hq.url)
    second = hq.query("SELECT id FROM hq_conflict WHERE kind = 'customer_edit' AND resolution IS NULL")[0][0]
    assert main(["hq", "accept", str(second), "--db", hq.url]) == 0
    assert names()["TZ00000004"] == "Neema Mushi-Kato"
    open_database(kin_db)
    client.sync(T1, clock)
    assert customers.get_customer("TZ00000004").name == "Neema Mushi-Kato"  # HQ's decision flows down
    quarantined = hq.query("SELECT id FROM hq_conflict WHERE kind = 'quarantined'")
    assert quarantined == []


def test_only_a_customer_change_can_be_accepted(lub_url, hq, capsys):
    push_as(lub_url, LUB, [("sale", new_uuid(), "not json")])
    process(hq.url)
    number = hq.query("SELECT id FROM hq_conflict")[0][0]
    capsys.readouterr()
    assert main(["hq", "accept", str(number), "--db", hq.url]) == 2
    assert "Only a customer change can be accepted" in capsys.readouterr().err
    assert main(["hq", "reject", str(number), "--db", hq.url]) == 0
    assert main(["hq", "reject", "999999", "--db", hq.url]) == 2
    assert hq.query("SELECT resolution, resolved_by IS NOT NULL FROM hq_conflict") == [("rejected", True)]


def test_a_record_that_passes_the_door_but_fails_at_hq_is_quarantined_alone(lub_url, hq):
    first, bad, last = (pushed_sale(f"LUB01-T1-{n:06d}", 600) for n in (1, 2, 3))
    bad["lines"][0][4] = 2**40  # validity days: a whole number, too large for HQ's column
    push_as(lub_url, LUB, [("sale", s["uuid"], s) for s in (first, bad, last)])
    summary = process(hq.url)
    assert summary.sales == 2 and summary.conflicts == 1
    assert hq.query("SELECT receipt_number FROM hq_sale ORDER BY 1") == [
        ("LUB01-T1-000001",),
        ("LUB01-T1-000003",),
    ]
    [(subject, reason, processed, held)] = _quarantined(hq)
    assert subject == f"{LUB}#2" and reason.startswith("could not be processed") and processed and held


def test_a_float_return_for_another_outlets_sale_or_below_zero_is_quarantined(lub_url, hq, clock):
    """A rogue distributor laptop cannot raise its float with refunds' give-back that are not its own."""
    (receipt,) = _sell(clock, 1)
    client.sync(T1, clock)
    process(hq.url)
    ((sale_uuid,),) = hq.query("SELECT uuid FROM hq_sale WHERE receipt_number = %s", (receipt,))

    def given_back(receipt_number: str, sale: str, amount_minor: int) -> tuple[str, str, dict]:
        record = {
            "uuid": new_uuid(), "refund": new_uuid(), "sale": sale, "receipt_number": receipt_number,
            "currency": "USD", "amount_minor": amount_minor,
        }  # fmt: skip
        return ("float_return", record["uuid"], record)

    push_as(lub_url, LUB, [
        given_back(receipt, sale_uuid, 600),  # KIN01's sale
        given_back("LUB01-T1-000001", sale_uuid, 600),  # its own number on KIN01's sale
        given_back("LUB01-T1-000001", new_uuid(), -600),  # a give-back below zero
    ])  # fmt: skip
    process(hq.url)
    assert [(r[0], r[1]) for r in _quarantined(hq)] == [
        (f"{LUB}#1", f"float_return of sale {receipt} sent by {LUB}"),
        (f"{LUB}#2", "float_return names sale LUB01-T1-000001 but points at KIN01-T1-000001"),
        (f"{LUB}#3", "float_return payload: missing or malformed amount_minor"),
    ]
    assert hq.query("SELECT count(*) FROM hq_float_return") == [(0,)]


def _float_record(kind: str, sale: dict, amount_minor: int) -> tuple[str, str, dict]:
    record = {
        "uuid": new_uuid(), "sale": sale["uuid"], "receipt_number": sale["receipt_number"], "currency": "USD",
        "amount_minor": amount_minor,
    }  # fmt: skip
    if kind == "float_return":
        record["refund"] = new_uuid()
    return (kind, record["uuid"], record)


def _used_at_hq(hq) -> tuple[int, int]:
    """The used float as HQ's report and as the terminal's pull (``hq_my_limits``) say, in cents."""
    from konnect_pos.hq import distributor_float as hq_float

    (position,) = hq_float.positions(hq.url)
    ((pulled,),) = hq.query(f"SELECT used_minor FROM hq_my_limits('{LUB}')")
    return position.used.to_minor(), pulled


def test_give_backs_beyond_what_a_sale_used_are_quarantined_and_never_raise_the_float(lub_url, hq):
    """A rogue distributor laptop sells with float, then sends refunds' give-backs larger than its
    sales used, for a sale that used none, for a sale HQ has not seen, a negative use and a use that
    is not JSON: the float HQ reports and the terminal pulls (even before HQ processed them) only
    ever drops by what the sales really used."""
    from datetime import date

    from konnect_pos.hq import distributor_float as hq_float

    hq_float.set_credit_limit(hq.url, "LUB01", "USD", "0")
    hq_float.record_top_up(hq.url, "LUB01", "50", "BANK-0400", date(2026, 11, 19))
    used, unused, unseen, understated = (pushed_sale(f"LUB01-T1-{n:06d}", 600) for n in (1, 2, 9, 4))
    for sale in (used, unseen):
        sale["lines"][0] += [45, "7.5"]  # a 7.5 % commission: the sale consumes 5.55 of the float
    sales = [("sale", s["uuid"], s) for s in (used, unused, understated)] + [
        _float_record("float_use", used, 555),
        _float_record("float_use", understated, 1),  # a 6.00 sale with no commission consumes 6.00
    ]
    pushed = push_as(lub_url, LUB, sales)
    process(hq.url)
    assert _used_at_hq(hq) == (555, 555)
    assert [(r[0], r[1]) for r in _quarantined(hq)] == [
        (f"{LUB}#5", "float_use of sale LUB01-T1-000004 consumes 0.01 USD; the sale's price less its"
                     " lines' commission is 6.00 USD"),
    ]  # fmt: skip

    push_as(lub_url, LUB, [
        _float_record("float_return", used, 200),  # a refund's fair share: taken
        _float_record("float_return", used, 400),  # 3.55 USD is left of what the sale used
        _float_record("float_return", unused, 100),  # the sale used no float
        _float_record("float_return", unseen, 1_000_000),  # a sale HQ has not seen: counts nothing
        _float_record("float_use", pushed_sale("LUB01-T1-000010", 600), -1_000_000),  # a negative use
        ("float_use", new_uuid(), '{"amount_minor": "-1e9", "currency": "USD"'),  # not JSON
    ], first_seq=pushed + 1)  # fmt: skip
    # pulled before HQ processed them: 6.00 given back against 5.55 used counts 5.55, never below zero
    assert hq.query(f"SELECT used_minor FROM hq_my_limits('{LUB}')") == [(0,)]
    process(hq.url)
    assert [(r[0], r[1]) for r in _quarantined(hq)][1:] == [
        (f"{LUB}#7", "float_return of sale LUB01-T1-000001 gives back 4.00 USD, more than the 3.55 USD"
                     " left of what the sale used"),
        (f"{LUB}#8", "float_return of sale LUB01-T1-000002: the sale used no float, or a void gave it back"),
        (f"{LUB}#10", "float_use payload: missing or malformed amount_minor"),
        (f"{LUB}#11", "float_use payload is not JSON"),
    ]  # fmt: skip
    assert hq.query("SELECT receipt_number, amount_minor FROM hq_float_return ORDER BY amount_minor") == [
        ("LUB01-T1-000001", 200),
        ("LUB01-T1-000009", 1_000_000),
    ]
    assert _used_at_hq(hq) == (355, 355)  # 5.55 used, 2.00 given back; the unseen sale's give-back: 0

    push_as(lub_url, LUB, [("sale", unseen["uuid"], unseen), _float_record("float_use", unseen, 555)],
            first_seq=pushed + 7)  # fmt: skip
    process(hq.url)
    assert _used_at_hq(hq) == (355, 355)  # its give-back arrived first: it covers its use, no more


def test_refunds_beyond_what_was_paid_or_of_a_voided_sale_are_quarantined(lub_url, hq):
    """A rogue laptop cannot make HQ's figures show more money given back than its sales took."""
    kept, voided, later = (pushed_sale(f"LUB01-T1-{n:06d}", 600) for n in (1, 2, 3))
    void = {"uuid": new_uuid(), "sale": voided["uuid"], "receipt_number": voided["receipt_number"],
            "reason": "wrong customer", "user": "manager"}  # fmt: skip

    def refund(sale: dict, amount_minor: int) -> tuple[str, str, dict]:
        record = {
            "uuid": new_uuid(), "sale": sale["uuid"], "receipt_number": sale["receipt_number"],
            "amount_minor": amount_minor, "currency": "USD", "user": "manager",
        }  # fmt: skip
        return ("refund", record["uuid"], record)

    pushed = push_as(
        lub_url, LUB, [("sale", s["uuid"], s) for s in (kept, voided)] + [("void", void["uuid"], void)]
    )
    process(hq.url)
    push_as(lub_url, LUB, [
        refund(kept, 400),  # taken: 2.00 USD is left to refund
        refund(kept, 300),
        refund(voided, 100),
        refund(kept, -100),
        ("sale", later["uuid"], later),  # a sale and its refund in one batch
        refund(later, 700),
    ], first_seq=pushed + 1)  # fmt: skip
    process(hq.url)
    assert [(r[0], r[1]) for r in _quarantined(hq)] == [
        (f"{LUB}#5", "refund of sale LUB01-T1-000001 gives back 3.00 USD, more than the 2.00 USD paid"
                     " and not yet refunded"),
        (f"{LUB}#6", "refund of sale LUB01-T1-000002, which was voided"),
        (f"{LUB}#7", "refund payload: missing or malformed amount_minor"),
        (f"{LUB}#9", "refund of sale LUB01-T1-000003 gives back 7.00 USD, more than the 6.00 USD paid"
                     " and not yet refunded"),
    ]  # fmt: skip
    assert hq.query("SELECT receipt_number, refunded_minor FROM hq_sale ORDER BY 1") == [
        ("LUB01-T1-000001", 400),
        ("LUB01-T1-000002", 0),
        ("LUB01-T1-000003", 0),
    ]
