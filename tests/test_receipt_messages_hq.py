"""A receipt queued at a terminal reaches HQ's gateway queue with the normal push (real HQ on
PostgreSQL): pushed twice, queued once; ``hq messages`` lists it; the door refuses a malformed
request (a number that is not E.164, an unknown channel, another outlet's receipt)."""

from __future__ import annotations

import json

import pytest

from konnect_pos.cli import main
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.hq import admin as hq_admin
from konnect_pos.hq.processing import process
from konnect_pos.services import checkout
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.ids import new_uuid
from konnect_pos.services.receipt_messages import send_receipt
from konnect_pos.services.session import sign_in
from konnect_pos.services.sync import client, reference
from konnect_pos.store.models import OutboxEvent
from tests.sync_support import open_terminal_db, private_credentials, push_as

T1, LUB = "KIN01-T1", "LUB01-T1"

pytestmark = pytest.mark.postgres


@pytest.fixture(autouse=True)
def _credentials(monkeypatch, tmp_path):
    private_credentials(monkeypatch, tmp_path)


@pytest.fixture
def kin(tmp_path, clock, hq):
    open_terminal_db(tmp_path / "kin.db", clock, customers=4)
    reference.load_reference(hq.url)
    client.link(T1, hq_admin.add_terminal(hq.url, "KIN01", "T1"), clock)


def test_pushed_twice_queued_once_and_listed_for_the_gateway(kin, hq, clock, capsys, monkeypatch):
    cashier = sign_in(T1, "cashier", "1111", clock)
    sale = checkout.sell(cashier, "CD00000002", [CartItem("CD-WEEK5")], [CashTender(Money.of("6", "USD"))])
    queued = send_receipt(cashier, sale.receipt_number, "sms")
    client.sync(T1, clock)
    process(hq.url)
    OutboxEvent.update(sent_at=None).execute()  # a laptop restored from yesterday's backup
    client.sync(T1, clock)
    process(hq.url)
    rows = hq.query("SELECT uuid, terminal, outlet_code, receipt_number, channel, phone, parts, status, text"
                    " FROM hq_message_queue")  # fmt: skip
    assert rows == [(
        queued.uuid, T1, "KIN01", sale.receipt_number, "sms", queued.preview.phone, 1, "queued",
        queued.preview.text,
    )]  # fmt: skip
    monkeypatch.delenv("KONNECT_POS_LANG", raising=False)
    capsys.readouterr()
    assert main(["hq", "messages", "--json", "--db", hq.url]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(m["receipt_number"], m["channel"], m["status"]) for m in listed] == [
        (sale.receipt_number, "sms", "queued")
    ]
    assert main(["hq", "messages", "--db", hq.url]) == 0
    out = capsys.readouterr().out
    assert f"{T1:<12} {sale.receipt_number:<18} sms" in out


def test_the_door_refuses_a_malformed_request(kin, hq):
    lub_url = hq_admin.add_terminal(hq.url, "LUB01", "T1")
    good = {
        "uuid": new_uuid(), "receipt": "LUB01-T1-000001", "channel": "sms", "phone": "+243991234567",
        "language": "fr", "text": "Recu Konnect LUB01-T1-000001", "parts": 1, "user": "cashier",
        "at": "2026-11-20T09:40:00+00:00",
    }  # fmt: skip
    bad_phone = {**good, "uuid": new_uuid(), "phone": "0991234567"}
    bad_channel = {**good, "uuid": new_uuid(), "channel": "fax"}
    not_its_own = {**good, "uuid": new_uuid(), "receipt": "KIN01-T1-000001"}
    push_as(lub_url, LUB, [
        ("receipt_message", bad_phone["uuid"], bad_phone),
        ("receipt_message", bad_channel["uuid"], bad_channel),
        ("receipt_message", not_its_own["uuid"], not_its_own),
        ("receipt_message", good["uuid"], good),
    ])  # fmt: skip
    process(hq.url)
    assert hq.query("SELECT uuid, terminal FROM hq_message_queue") == [(good["uuid"], LUB)]
    reasons = [row[0] for row in hq.query(
        "SELECT details->>'reason' FROM hq_conflict WHERE kind = 'quarantined' ORDER BY id"
    )]  # fmt: skip
    assert reasons == [
        "receipt_message payload: missing or malformed phone",
        "receipt_message payload: missing or malformed channel",
        "message of receipt KIN01-T1-000001 sent by LUB01-T1",
    ]
