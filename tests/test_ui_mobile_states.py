"""The customer's purchase list says whether each mobile-money reference was confirmed by the
provider's statement (typed / confirmed / disputed), in the counter's language."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from konnect_pos.domain.payments import MobileMoneyTender
from konnect_pos.services import checkout, reconciliation
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.clock import system_clock
from konnect_pos.services.session import sign_in as service_sign_in
from tests.test_ui_counter import WAIT, find_customer, gui, shop, sign_in  # noqa: F401 (fixtures)


def test_purchase_list_shows_typed_and_confirmed_references(shop, gui, qtbot):  # noqa: F811
    cashier = service_sign_in("KIN01-T1", "cashier", "1111", system_clock)
    for provider, reference in (("mpesa", "QK7AB12CD1"), ("orange_money", "CI2611.1030.A1")):
        tender = MobileMoneyTender(provider, reference, "0812345678")
        checkout.sell(cashier, "CD00000001", [CartItem("CD-WEEK5")], [tender])
    today = datetime.now(UTC).astimezone(ZoneInfo("Africa/Kinshasa")).strftime("%d/%m/%Y")
    statement = "Receipt No.,Completion Time,Paid In,Other Party Info\n"
    statement += f"QK7AB12CD1,{today} 00:00:01,6.00,0812345678\n"
    manager = service_sign_in("KIN01-T1", "manager", "222222", system_clock)
    reconciliation.import_statement(manager, statement.encode(), "mpesa.csv", "mpesa")

    window = sign_in(gui, qtbot)
    find_customer(window, qtbot)
    qtbot.waitUntil(lambda: window.panel.purchases.count() == 2, timeout=WAIT)
    lines = [window.panel.purchases.item(i).text() for i in range(2)]
    assert any(line.endswith("QK7AB12CD1 confirmed") for line in lines), lines
    assert any(line.endswith("CI2611.1030.A1 typed") for line in lines), lines
