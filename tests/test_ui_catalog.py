"""The whole catalog at the counter (issue 20 item 1): 1–9 add the first nine, the rest scroll, F6
lists every bundle, typed to filter, and Enter adds it; a retired bundle is no longer offered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from konnect_pos.services import catalog_admin
from konnect_pos.services.clock import system_clock
from konnect_pos.services.session import sign_in as service_sign_in
from tests.test_ui_counter import WAIT, find_customer, gui, open_demo_shop


@pytest.fixture
def shop(db_url):
    """This file's screens (issue 20) on SQLite and on PostgreSQL."""
    database = open_demo_shop(db_url)
    yield database
    database.close()


__all__ = ["gui", "shop"]


def twelve_bundles() -> None:
    """Seven more bundles in the DRC list (a manager's additions), one of the demo's retired."""
    manager = service_sign_in("KIN01-T1", "manager", "222222", system_clock)
    for n in range(1, 8):
        catalog_admin.add_bundle(
            manager, "CD", f"CD-EXTRA{n}", f"Konnect Extra {n}0 Go", f"{30 + n}", f"{n}0", 30
        )
    catalog_admin.add_bundle(manager, "CD", "CD-MEGA300", "Konnect Mega 300 Go", "99", "300", 30)
    catalog_admin.retire(manager, "bundle", "CD-EXTRA7")


def signed_in(app, qtbot, count: int):
    login = app.login
    login.user.setCurrentIndex(login.user.findData("cashier"))
    qtbot.keyClicks(login.pin, "1111")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.catalog_buttons) == count, timeout=WAIT)
    return window


def test_digits_add_the_first_nine_the_rest_scroll_and_f6_finds_any_bundle(gui, qtbot):
    twelve_bundles()
    window = signed_in(gui, qtbot, 12)
    texts = [button.text() for button in window.catalog_buttons]
    assert texts[0].startswith("1. Konnect Semaine 5 Go") and texts[8].startswith("9. ")
    assert texts[11].startswith("Konnect Mega 300 Go") and not any(t.startswith("10.") for t in texts)
    assert not any("Extra 70" in t for t in texts)  # retired: not on sale any more
    scroll = window.sale.catalog_scroll
    qtbot.waitUntil(
        lambda: scroll.verticalScrollBar().maximum() > 0, timeout=WAIT
    )  # 3 rows show, 4th scrolls
    assert window.sale.more_button.text() == "All 12 bundles… (F6)"

    find_customer(window, qtbot)
    qtbot.keyClick(window.cart, Qt.Key.Key_9)
    assert texts[8].startswith("9. Konnect Extra 40 Go")
    qtbot.waitUntil(lambda: window.cart.rowCount() == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: window.cart.item(0, 0).text() == "Konnect Extra 40 Go", timeout=WAIT)

    last = window.catalog_buttons[11]
    scroll.ensureWidgetVisible(last)
    qtbot.waitUntil(lambda: last.visibleRegion().isEmpty() is False, timeout=WAIT)
    qtbot.mouseClick(last, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.cart.rowCount() == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: window.cart.item(1, 0).text() == "Konnect Mega 300 Go", timeout=WAIT)

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    qtbot.waitUntil(
        lambda: window.sale.catalog_list is not None and window.sale.catalog_list.isVisible(), timeout=WAIT
    )
    dialog = window.sale.catalog_list
    assert dialog.windowTitle() == "All bundles (12)" and dialog.list.count() == 12
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.filter, timeout=WAIT)
    qtbot.keyClicks(QApplication.focusWidget(), "extra")
    assert dialog.list.count() == 6
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert dialog.list.currentItem().text().startswith("Konnect Extra 20 Go")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible() and window.cart.rowCount() == 3, timeout=WAIT)
    qtbot.waitUntil(lambda: window.cart.item(2, 0).text() == "Konnect Extra 20 Go", timeout=WAIT)
    qtbot.waitUntil(lambda: window.total_label.text() == "Total: $165.00", timeout=WAIT)


def test_f6_before_a_customer_asks_for_the_customer_first(gui, qtbot):
    window = signed_in(gui, qtbot, 5)
    assert window.sale.more_button.text() == "All bundles… (F6)"
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: window.cart_error.text() == "Find the customer first (F2)", timeout=WAIT)
    assert window.sale.catalog_list is None


def click_row(qtbot, table, row: int) -> None:
    """A person picks a row by clicking its code."""
    cell = table.visualItemRect(table.item(row, 1)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert table.currentRow() == row


def test_a_manager_adds_reprices_and_retires_in_the_catalog_window(gui, qtbot):
    login = gui.login
    login.user.setCurrentIndex(login.user.findData("manager"))
    qtbot.keyClicks(login.pin, "222222")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: gui.counter_window is not None, timeout=WAIT)
    window = gui.counter_window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.catalog_buttons) == 5, timeout=WAIT)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(
        window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(
        lambda: window.catalog_dialog is not None and window.catalog_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.catalog_dialog
    table = dialog.table
    qtbot.waitUntil(lambda: table.rowCount() == 7, timeout=WAIT)
    assert [table.item(0, c).text() for c in range(6)] == [
        "Bundle",
        "CD-WEEK5",
        "Konnect Semaine 5 Go",
        "$6.00",
        "—",
        "active",
    ]

    typed = ((dialog.code, "cd-mega300"), (dialog.name, "Konnect Mega 300 Go"), (dialog.price, "99"),
             (dialog.gb, "300"), (dialog.days, "30"))  # fmt: skip
    for field, text in typed:
        qtbot.keyClicks(field, text)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.rowCount() == 8 and len(window.catalog_buttons) == 6, timeout=WAIT)
    assert dialog.message.text() == "Saved: CD-MEGA300"

    click_row(qtbot, table, 0)
    qtbot.keyClicks(dialog.price, "abc")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.text() == "Not an amount: abc", timeout=WAIT)
    dialog.price.clear()
    qtbot.keyClicks(dialog.price, "7")
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: table.item(0, 3).text() == "$7.00" and table.item(0, 4).text() != "—", timeout=WAIT
    )
    qtbot.waitUntil(lambda: window.catalog_buttons[0].text().endswith("$7.00"), timeout=WAIT)

    click_row(qtbot, table, 0)
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.catalog_buttons) == 5, timeout=WAIT)
    qtbot.waitUntil(
        lambda: any(table.item(r, 5).text() == "retired" for r in range(table.rowCount())), timeout=WAIT
    )
    assert not any(b.text().startswith("1. Konnect Semaine") for b in window.catalog_buttons)


def test_a_cashier_is_told_who_changes_the_catalog(gui, qtbot):
    window = signed_in(gui, qtbot, 5)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    qtbot.keyClick(
        window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    box = window.menus
    qtbot.waitUntil(lambda: box.refusal_box is not None and box.refusal_box.isVisible(), timeout=WAIT)
    assert box.refusal_box.text() == "Only a manager can change the catalog."
    assert window.catalog_dialog is None
