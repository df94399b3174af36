"""The advice line beside the cart (F8) and the nearest-outlets dialog (Ctrl+O), driven by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from konnect_pos.domain.bundle_queue import Trigger
from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.services import account, checkout
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.clock import system_clock
from konnect_pos.services.session import sign_in as service_sign_in
from konnect_pos.ui.i18n import set_language
from tests.test_ui_counter import WAIT, find_customer, gui, open_demo_shop, sign_in


@pytest.fixture
def shop(db_url):
    """This file's screens (issue 20) on SQLite and on PostgreSQL."""
    database = open_demo_shop(db_url)
    yield database
    database.close()


__all__ = ["gui", "shop"]


def ran_out_once(account_number: str = "CD00000001") -> None:
    """Two Standard 40 bundles, the second waiting for the data; the first is used up now."""
    counter = service_sign_in("KIN01-T1", "cashier", "1111", system_clock)
    items = [CartItem("CD-STD40"), CartItem("CD-STD40", Trigger.DATA_EXHAUSTED)]
    checkout.sell(counter, account_number, items, [CashTender(Money.of("58", "USD"))])
    account.record_usage(counter, account_number, "40")


def test_f8_adds_the_advised_bundle_with_its_activation_order(gui, qtbot):
    ran_out_once()
    window = sign_in(gui, qtbot)
    find_customer(window, qtbot)
    line = window.advice
    qtbot.waitUntil(lambda: line.isVisible() and line.text.text() != "", timeout=WAIT)
    assert line.text.text() == (
        "Advice: ran out after 1 day on average: Konnect Max 150 Go, when the data runs out"
    )
    assert line.add_button.text() == "Add (F8)"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: window.cart.rowCount() == 1 and window.preview is not None, timeout=WAIT)
    assert window.cart.item(0, 0).text() == "Konnect Max 150 Go"
    qtbot.waitUntil(lambda: window.cart.activation_text(0) == "When the data runs out", timeout=WAIT)
    for lang, expected in (
        ("fr", "Conseil : épuisé après 1 jour en moyenne : Konnect Max 150 Go, à l'épuisement des données"),
        (
            "sw",
            "Ushauri: kiliisha baada ya siku 1 kwa wastani: Konnect Max 150 Go, "
            "data ya kasi ya juu ikitumika",
        ),
    ):
        set_language(lang)
        qtbot.waitUntil(lambda e=expected: line.text.text() == e, timeout=WAIT)
    assert line.add_button.text() == "Ongeza (F8)"
    set_language("en")


def test_a_new_customer_is_offered_the_cheapest_and_another_customer_replaces_the_advice(gui, qtbot):
    window = sign_in(gui, qtbot)
    find_customer(window, qtbot)
    qtbot.waitUntil(lambda: window.advice.isVisible(), timeout=WAIT)
    assert window.advice.text.text() == "Advice: no history yet: Konnect Semaine 5 Go, the cheapest"


def test_ctrl_o_ranks_outlets_from_a_typed_town_and_keeps_only_distributors(gui, qtbot):
    window = sign_in(gui, qtbot)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = window.outlet_finder.dialog
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible(), timeout=WAIT)
    assert window.outlet_finder.menu.title() == "&Outlets"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.town, timeout=WAIT)
    qtbot.keyClicks(QApplication.focusWidget(), "goma")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    table = dialog.table
    qtbot.waitUntil(lambda: table.rowCount() == 10, timeout=WAIT)
    assert dialog.summary.text() == "Nearest to Goma:"
    first = [table.item(0, c).text() for c in range(table.columnCount())]
    assert first[:3] == ["1. Boutique Konnect Goma", "Konnect shop", "0.0 km"]
    assert first[3] == "Cash, Mobile money, Card" and first[5] == "+243 974 802 250"
    assert first[4] == "Mon–Sat 08:00–17:30"  # the reader's day names, not the directory's "Mo-Sa"
    assert (
        table.item(1, 0).text() == "2. Distributeur Konnect Bukavu" and table.item(1, 2).text() == "100.6 km"
    )
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.kind
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Down)
    assert dialog.kind.currentText() == "Distributors"
    qtbot.waitUntil(lambda: table.item(0, 0).text() == "1. Distributeur Konnect Bukavu", timeout=WAIT)
    assert {table.item(r, 1).text() for r in range(table.rowCount())} == {"distributor"}
    assert {table.item(r, 3).text() for r in range(table.rowCount())} == {"Cash, Mobile money"}
    dialog.town.setFocus()
    dialog.town.selectAll()
    qtbot.keyClicks(dialog.town, "Atlantis")
    qtbot.keyClick(dialog.town, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() == "No town called Atlantis in the directory", timeout=WAIT)
    assert table.rowCount() == 0
