"""The customer-service desk at the counter (issue 20 item 3), driven by keys and clicks: a caller
from another country is sold their country's catalog in its currency, by mobile money only, with
their country's merchant number and hours on screen; an administrator sets a desk up in Settings."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from konnect_pos.domain.money import Money
from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.services.outlets import get_outlet
from konnect_pos.store.models import Customer
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import money_text, set_language
from konnect_pos.ui.settings import LocalSettings

WAIT = 10_000


@pytest.fixture
def shop(db_url):
    database = open_database(db_url)
    demo.seed(system_clock, customers=40)
    yield database
    database.close()


def app_at(terminal: str, qtbot, tmp_path):
    set_language("en")
    app = App(terminal, LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    return app


@pytest.fixture
def desk(shop, qtbot, tmp_path):
    app = app_at("CSC01-T1", qtbot, tmp_path)
    yield app
    if app.counter_window is not None:
        app.counter_window.close()
    app.worker.wait()


def signed_in(app, qtbot, username: str, pin: str, bundles: int):
    login = app.login
    login.user.setCurrentIndex(login.user.findData(username))
    qtbot.keyClicks(login.pin, pin)
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.catalog_buttons) == bundles, timeout=WAIT)
    return window


def assert_prices_whole(cart) -> None:
    """Each price is drawn whole inside the cart: its column is on screen, wider than its text
    with room each side (the first digit used to touch the column's edge)."""
    seen = cart.viewport().rect()
    for row in range(cart.rowCount()):
        item = cart.item(row, 2)
        cell = cart.visualItemRect(item)
        assert seen.contains(cell), (item.text(), cell, seen)
        assert cell.width() - cart.fontMetrics().horizontalAdvance(item.text()) >= 12, item.text()


def test_a_caller_from_tanzania_buys_tanzanian_bundles_by_mobile_money_at_the_desk(desk, qtbot):
    account = Customer.select().where(Customer.country == "TZ").order_by(Customer.id).first().account_number
    window = signed_in(desk, qtbot, "cashier", "1111", 5)
    assert window.catalog_buttons[0].text().startswith("1. Konnect Semaine 5 Go")  # the desk's own: CI
    assert not window.sale.caller.isVisible()
    window.search.setFocus()
    qtbot.keyClicks(window.search, account)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    caller = window.sale.caller
    qtbot.waitUntil(lambda: caller.isVisible(), timeout=WAIT)
    assert caller.text.text() == (
        "Caller from Tanzania · mobile money only: M-Pesa 5050100 · Mixx by Yas 7750100 · "
        "Airtel Money 6650100 · Customer Service Monday to Saturday, 9am–6pm, +255 768 132 829"
    )
    set_language("sw")
    qtbot.waitUntil(
        lambda: caller.text.text().startswith(
            "Mpigaji kutoka Tanzania · pesa za rununu pekee: M-Pesa 5050100"
        ),
        timeout=WAIT,
    )
    assert caller.text.text().endswith(
        "Huduma kwa Wateja Jumatatu hadi Jumamosi, saa 3 asubuhi hadi saa 12 jioni, +255 768 132 829"
    )
    set_language("en")
    qtbot.waitUntil(lambda: window.catalog_buttons[0].text().startswith("1. Konnect Week 5 GB"), timeout=WAIT)
    window.resize(1366, 768)  # the smallest screen the counters have
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_5)  # Konnect Max 150 GB, the widest price
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_2)  # Konnect Lite 15 GB
    qtbot.waitUntil(lambda: window.total_label.text() == "Total: TZS\xa0175,000.00", timeout=WAIT)
    for lang in ("en", "fr", "sw", "en"):
        set_language(lang)
        price = money_text(Money.of("140000", "TZS"))  # "140 000,00 TZS", "TSh 140,000.00"
        qtbot.waitUntil(lambda p=price: window.cart.item(0, 2).text() == p, timeout=WAIT)
        assert_prices_whole(window.cart)
    window.cart.setFocus()
    qtbot.keyClick(window.cart, Qt.Key.Key_Up)
    qtbot.keyClick(window.cart, Qt.Key.Key_Delete)  # the Max goes; the Lite is paid
    qtbot.waitUntil(lambda: window.total_label.text() == "Total: TZS\xa035,000.00", timeout=WAIT)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.payment_dialog
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["&Mobile money"]
    assert dialog.provider.currentText() == "M-Pesa" and dialog.merchant.text() == "5050100"
    qtbot.keyClicks(dialog.reference, "QK7AB12CD3")
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    assert dialog.remaining_label.text() == "Fully paid"
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.receipt_dialog is not None and window.receipt_dialog.isVisible(), timeout=WAIT
    )
    text = PdfReader(io.BytesIO(window.receipt_dialog.pdf)).pages[0].extract_text()
    assert "CSC01-T1-000001" in text and "5050100" in text and "+255 768 132 829" in text
    assert "35 000,00 TZS" in text or "35,000.00" in text


def test_an_administrator_makes_a_shop_a_desk_in_settings(shop, qtbot, tmp_path):
    app = app_at("KIN01-T1", qtbot, tmp_path)
    try:
        window = signed_in(app, qtbot, "admin", "999999", 5)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
        qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda: window.settings_dialog is not None and window.settings_dialog.isVisible(), timeout=WAIT
        )
        settings = window.settings_dialog
        assert settings.desk_button.text() == "Customer-service desk…" and settings.desk_button.isEnabled()
        qtbot.mouseClick(settings.desk_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: window.desk_dialog is not None and window.desk_dialog.isVisible(), timeout=WAIT
        )
        desk = window.desk_dialog
        assert desk.kind.currentText() == "Konnect shop" and not desk.numbers_box.isEnabled()
        qtbot.waitUntil(lambda: desk.fields[("CD", "mpesa")].text() == "880011", timeout=WAIT)
        desk.kind.setFocus()
        qtbot.keyClick(desk.kind, Qt.Key.Key_End)  # the last kind: Customer Service (by phone)
        assert desk.kind.currentText() == "Customer Service (by phone)" and desk.numbers_box.isEnabled()
        qtbot.keyClicks(desk.fields[("TZ", "mpesa")], "12")
        qtbot.mouseClick(desk.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: desk.error.text() == "Merchant number for M-Pesa: 4 to 15 letters or digits", timeout=WAIT
        )
        desk.fields[("TZ", "mpesa")].clear()
        qtbot.keyClicks(desk.fields[("TZ", "mpesa")], "5051111")
        qtbot.mouseClick(desk.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not desk.isVisible(), timeout=WAIT)
        assert window.outlet.kind == "customer_service" and not window.outlet.accepts_card
        assert get_outlet("KIN01").kind == "customer_service"
    finally:
        if app.counter_window is not None:
            app.counter_window.close()
        app.worker.wait()
