"""The business day at the counter, driven like a person: the state always on screen, F9 refused
before any money is taken, a close in two steps (count, then summary and confirmation) with the
outlet's comment rule, a blind close, and the Z report right after. Real SQLite file, real widgets."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.settings import LocalSettings

WAIT = 10_000


@pytest.fixture
def gui(sqlite_url, qtbot, tmp_path):
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=12)  # the app runs on the real clock: today's day is open
    set_language("en")
    app = App("KIN01-T1", LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    yield app
    set_language("en")  # first: relabelling the window asks the worker for the day's state again
    for _ in range(2):  # deliver the relabelling, then the worker's answers, while the window lives
        QApplication.processEvents()
        app.worker.wait()
    QApplication.processEvents()
    if app.counter_window is not None:
        app.counter_window.close()
    app.worker.wait()
    database.close()


def sign_in(app, qtbot, username, pin):
    login = app.login
    login.user.setCurrentIndex(login.user.findData(username))
    login.pin.clear()
    qtbot.keyClicks(login.pin, pin)
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.catalog_buttons) == 5, timeout=WAIT)
    return window


def focused():
    return QApplication.focusWidget()


def type_into_focus(qtbot, text):
    for char in text:
        qtbot.keyClick(focused(), char)


def back_to_counter(window, qtbot):
    """The person clicks back into the counter (offscreen Qt does not re-activate it after a dialog)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)


def open_day_dialog(window, qtbot):
    back_to_counter(window, qtbot)
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.day_dialog is not None and window.day_dialog.isVisible(), timeout=WAIT)
    return window.day_dialog


def count_twenties(dialog, qtbot, how_many):
    """In the USD table (focused, on the first count): down to the $20 notes, type, Enter."""
    table = dialog.tables["USD"]
    assert focused() is table
    for _ in range(2):  # 100, 50, then 20
        qtbot.keyClick(table, Qt.Key.Key_Down)
    type_into_focus(qtbot, how_many)  # any key starts editing the cell
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(2, 1).text() == how_many and focused() is table, timeout=WAIT)


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def summary_rows(dialog):
    table = dialog.summary_table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_cashier_closes_with_a_variance_comment_and_sees_the_z_then_f9_is_refused(gui, qtbot):
    window = sign_in(gui, qtbot, "cashier", "1111")
    qtbot.waitUntil(lambda: window.status_day.text().startswith("Day open since"), timeout=WAIT)
    assert re.fullmatch(r"Day open since \d\d:\d\d by Joseph Manager", window.status_day.text())
    dialog = open_day_dialog(window, qtbot)
    assert dialog.state.text().startswith("Business day ") and "by Joseph Manager" in dialog.state.text()
    assert dialog.next_step.text().startswith("Next: count the drawer")
    assert dialog.action.text() == "Review the count"
    count_twenties(dialog, qtbot, "2")
    assert dialog.summaries["USD"].text() == "Expected $50.00 · counted $40.00 · variance -$10.00"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # Enter again: review the count
    qtbot.waitUntil(lambda: dialog.summary_table.rowCount() == 2, timeout=WAIT)
    usd_row, cdf_row = summary_rows(dialog)
    assert usd_row == ["USD", "$50.00", "$40.00", "-$10.00"]
    assert cdf_row[0] == "CDF" and "20,000.00" in cdf_row[1] and cdf_row[3].startswith("-")
    assert dialog.comment_label.text() == "Comment (required: a variance is above the limit)"
    assert dialog.action.text() == "Confirm and close the day" and dialog.back.isVisible()
    assert focused() is dialog.comment
    approval = dialog.approval_box
    assert approval.isVisible()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # from the comment to the approver, chosen by name
    qtbot.waitUntil(lambda: approval.approver.count() > 0, timeout=WAIT)
    qtbot.keyClick(focused(), "J")  # the first letter of the manager's name picks him
    assert focused() is approval.approver and approval.approver.currentText() == "Joseph Manager"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is approval.pin
    type_into_focus(qtbot, "222222")
    click(qtbot, dialog.action)  # no comment: refused in the dialog, nothing closed
    qtbot.waitUntil(lambda: "write a comment" in dialog.error.text(), timeout=WAIT)
    assert dialog.error.text().startswith("The USD drawer is off by -$10.00")
    assert dialog.isVisible() and window.status_day.text().startswith("Day open since")
    dialog.comment.setFocus()
    type_into_focus(qtbot, "10 USD short, counted twice; CDF float banked")
    click(qtbot, dialog.action)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    qtbot.waitUntil(
        lambda: window.report_dialog is not None and window.report_dialog.isVisible(), timeout=WAIT
    )
    report = window.report_dialog
    qtbot.waitUntil(lambda: report.page_count() >= 1, timeout=WAIT)
    text = PdfReader(io.BytesIO(report.pdf)).pages[0].extract_text()
    assert "Rapport Z" in text and "10 USD short" in text  # Kinshasa's language, the comment kept
    assert report.language.currentData() == "fr"
    qtbot.keyClick(report, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.status_day.text().startswith("Day closed at"), timeout=WAIT)
    assert window.status_day.text().endswith("by Neema Cashier: a manager opens tomorrow's day")

    back_to_counter(window, qtbot)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "CD00000001")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel.account.text() == "CD00000001", timeout=WAIT)
    qtbot.keyClick(window.cart, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: window.pay_button.isEnabled(), timeout=WAIT)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "Today's business day is closed" in window.cart_error.text(), timeout=WAIT)
    assert "a manager opens tomorrow's day" in window.cart_error.text()
    assert window.payment_dialog is None  # refused before any payment is taken

    closed = open_day_dialog(window, qtbot)
    assert closed.state.text().startswith("Today's business day (") and "(Z 1)" in closed.state.text()
    assert not closed.action.isEnabled() and "one business day per calendar date" in closed.next_step.text()
    assert closed.action.toolTip() == "Today's day is already closed: the next one opens tomorrow"


def test_blind_close_shows_the_expected_cash_only_once_the_count_is_in(gui, qtbot):
    window = sign_in(gui, qtbot, "admin", "999999")
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.settings_dialog is not None, timeout=WAIT)
    settings = window.settings_dialog
    qtbot.waitUntil(lambda: settings.close_box.isEnabled(), timeout=WAIT)
    assert settings.threshold_fields["USD"].text() == "1.00"
    settings.blind_close.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    settings.threshold_fields["USD"].setFocus()
    focused().selectAll()
    type_into_focus(qtbot, "15")
    click(qtbot, settings.save_button)
    qtbot.waitUntil(lambda: not settings.isVisible(), timeout=WAIT)

    dialog = open_day_dialog(window, qtbot)
    assert dialog.blind_note.isVisible() and dialog.blind_note.text().startswith("Blind close")
    count_twenties(dialog, qtbot, "2")
    on_screen = " ".join(
        label.text() for label in dialog.findChildren(type(dialog.state)) if label.isVisible()
    )
    assert "$50.00" not in on_screen and "Counted $40.00" in on_screen
    click(qtbot, dialog.action)
    qtbot.waitUntil(lambda: dialog.summary_table.rowCount() == 2, timeout=WAIT)
    assert summary_rows(dialog)[0] == ["USD", "$50.00", "$40.00", "-$10.00"]
    assert not dialog.back.isVisible()  # a blind count, once the expected cash is seen, stands
    assert dialog.threshold_note.text().startswith("A variance above $15.00")  # CDF still needs one


def test_the_day_dialog_says_the_state_and_next_step_in_french(gui, qtbot):
    window = sign_in(gui, qtbot, "manager", "222222")
    set_language("fr")
    qtbot.waitUntil(lambda: window.status_day.text().startswith("Journée ouverte depuis"), timeout=WAIT)
    dialog = open_day_dialog(window, qtbot)
    assert dialog.state.text().startswith("La journée du ") and "par Joseph Manager" in dialog.state.text()
    assert dialog.next_step.text().startswith("Étape suivante : comptez la caisse")
    assert dialog.action.text() == "Vérifier le comptage"
    assert dialog.tables["USD"].item(0, 0).text() == "Billet 100"


def test_the_report_preview_is_readable_zooms_and_saves_as_a_report(gui, qtbot, tmp_path, monkeypatch):
    from konnect_pos.ui import pdf_preview

    asked = []
    target = tmp_path / "x.pdf"
    monkeypatch.setattr(  # the modal file dialog answers like a person who picks a file
        pdf_preview.QFileDialog,
        "getSaveFileName",
        lambda parent, title, name, pattern: asked.append((title, name)) or (str(target), pattern),
    )
    window = sign_in(gui, qtbot, "manager", "222222")
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: window.report_dialog is not None and window.report_dialog.isVisible(), timeout=WAIT
    )
    report = window.report_dialog
    qtbot.waitUntil(lambda: report.page_count() >= 1, timeout=WAIT)
    screen = window.screen().availableGeometry()
    assert report.height() >= int(screen.height() * 0.85) and report.width() >= 520
    assert report.language.currentData() == "fr" and report.fit_button.isChecked()

    def zoom():
        return int(report.zoom_label.text().rstrip(" %"))

    fitted = zoom()
    qtbot.keyClick(focused(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert zoom() > fitted and not report.fit_button.isChecked()
    click(qtbot, report.zoom_in_button)
    click(qtbot, report.zoom_in_button)
    assert zoom() > fitted * 1.5
    qtbot.keyClick(focused(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    zoomed = zoom()
    click(qtbot, report.fit_button)
    assert report.fit_button.isChecked() and zoom() < zoomed  # back to the page's width
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("Save daily report", f"daily-report-{report.name}.pdf")]
    assert target.read_bytes().startswith(b"%PDF") and report.status.text().startswith("Saved:")
