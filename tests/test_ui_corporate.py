"""The managers' corporate window driven like a person would: real widgets, a real SQLite shop."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, Qt

from konnect_pos.domain.corporate.billing_cycle import BillingCycle
from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.settings import LocalSettings
from tests.test_ui_counter import WAIT, sign_in


@pytest.fixture
def gui(sqlite_url, qtbot, tmp_path):
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=20)  # the app runs on the real clock
    set_language("en")
    app = App("KIN01-T1", LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    yield app
    if app.counter_window is not None:
        app.counter_window.close()
    app.worker.wait()
    database.close()


def open_window(app, qtbot, username="manager", pin="222222"):
    window = sign_in(app, qtbot, username, pin)
    window.corporate_action.trigger()
    corporate = window.corporate_window
    qtbot.addWidget(corporate)
    qtbot.waitUntil(lambda: corporate.pending == 0 and corporate.line_table.rowCount() == 3, timeout=WAIT)
    return window, corporate


def select(table, text: str) -> None:
    match = table.findItems(text, Qt.MatchFlag.MatchExactly)[0]
    table.selectRow(match.row())


def test_upgrade_shows_the_prorated_amount_before_confirming(gui, qtbot, tmp_path):
    window, corporate = open_window(gui, qtbot)
    assert window.managers_menu.menuAction().isVisible()
    assert corporate.account_table.item(0, 0).text() in ("DAR01-C0001", "KIN01-C0001")
    select(corporate.account_table, "KIN01-C0001")
    qtbot.waitUntil(lambda: corporate.pending == 0, timeout=WAIT)
    select(corporate.line_table, "KITKIN01CORP002")
    corporate.product.setCurrentIndex(corporate.product.findData("BIZ-PREMIUM"))
    assert not corporate.confirm_button.isEnabled()
    qtbot.mouseClick(corporate.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: corporate.preview is not None, timeout=WAIT)
    text = corporate.preview_label.text()
    assert "BIZ-ESSENTIAL → BIZ-PREMIUM" in text and "Prorated amount on the next invoice" in text
    assert "Upgrade to BIZ-PREMIUM" in text and corporate.confirm_button.isEnabled()
    qtbot.wait(50)
    assert corporate.grab().save(str(tmp_path / "corporate-upgrade-preview.png"))
    qtbot.mouseClick(corporate.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: corporate.pending == 0 and corporate.line_table.item(1, 3).text() == "BIZ-PREMIUM",
        timeout=WAIT,
    )
    assert corporate.error.text() == ""


def test_pause_reactivate_blocks_and_refusals_in_the_error_line(gui, qtbot):
    _, corporate = open_window(gui, qtbot)
    select(corporate.account_table, "KIN01-C0001")
    qtbot.waitUntil(lambda: corporate.pending == 0, timeout=WAIT)
    select(corporate.line_table, "KITKIN01CORP003")
    corporate.ask = lambda _text: True
    corporate.line_action("pause")
    qtbot.waitUntil(
        lambda: corporate.line_table.item(2, 2).text() == "pausing at the period end", timeout=WAIT
    )
    corporate.line_action("pause")
    qtbot.waitUntil(lambda: "paused or cancelled" in corporate.error.text(), timeout=WAIT)
    corporate.line_action("reactivate")
    qtbot.waitUntil(lambda: corporate.line_table.item(2, 2).text() == "active", timeout=WAIT)
    corporate.quantity.setValue(3)
    qtbot.mouseClick(corporate.blocks_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "× 3" in corporate.line_table.item(2, 6).text(), timeout=WAIT)
    corporate.ask = lambda _text: False  # the manager says no: nothing is sent
    corporate.line_action("cancel")
    assert corporate.pending == 0
    corporate.kit_serial.setText("KITKIN01CORP001")  # already a line
    qtbot.mouseClick(corporate.add_line_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "already has a service line" in corporate.error.text(), timeout=WAIT)


def test_new_account_then_invoice_run_and_preview(gui, qtbot, tmp_path):
    _, corporate = open_window(gui, qtbot)
    corporate.company.setText("")
    qtbot.mouseClick(corporate.add_account_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "company name" in corporate.error.text(), timeout=WAIT)
    corporate.company.setText("Bralima Logistique")
    corporate.tax_id.setText("CD-KIN-555")
    qtbot.mouseClick(corporate.add_account_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: corporate.account_table.rowCount() == 3 and corporate.pending == 0, timeout=WAIT)
    assert corporate.selected_account().company == "Bralima Logistique"
    kin = next(a for a in corporate.accounts if a.code == "KIN01-C0001")
    billing = BillingCycle(kin.billing_day, kin.zone).period_containing(datetime.now(UTC)).invoice_date
    corporate.tabs.setCurrentIndex(1)
    corporate.run_date.setDate(QDate(billing.year, billing.month, billing.day))
    qtbot.mouseClick(corporate.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: corporate.invoice_table.rowCount() == 1, timeout=WAIT)
    assert corporate.run_label.text().startswith("1 issued")
    qtbot.wait(50)
    assert corporate.grab().save(str(tmp_path / "corporate-invoices.png"))
    corporate.show_invoice()
    qtbot.waitUntil(lambda: corporate.invoice_dialog is not None, timeout=WAIT)
    dialog = corporate.invoice_dialog
    qtbot.addWidget(dialog)
    assert dialog.page_count() == 1 and not dialog.format.isVisible()
    assert dialog.windowTitle() == "Invoice KIN01-INV-000001"
    qtbot.wait(50)
    assert dialog.grab().save(str(tmp_path / "corporate-invoice-preview.png"))


def test_cashiers_have_no_corporate_window(gui, qtbot):
    window = sign_in(gui, qtbot)
    assert not window.managers_menu.menuAction().isVisible()
    window.open_corporate()
    assert getattr(window, "corporate_window", None) is None
