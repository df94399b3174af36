"""The plan box speaks the reader's language (issue 13, item 1.8): counted days, calendar dates,
and the amount that renews the plan is the engine's figure, the one the top-up dialog shows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from konnect_pos.domain.money import Money
from konnect_pos.domain.payments import CashTender
from konnect_pos.domain.roles import REFUSALS, Right
from konnect_pos.i18n import tr
from konnect_pos.services import checkout, demo
from konnect_pos.services.checkout import CartItem
from konnect_pos.services.clock import system_clock
from konnect_pos.services.session import sign_in
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import date_text, money_text, set_language
from konnect_pos.ui.settings import LocalSettings

WAIT = 10_000
ACCOUNT = "CD00000002"  # lapsed yesterday, on Connect+ today (README: CD00000005 without --country)


@pytest.fixture
def counter(sqlite_url, qtbot, tmp_path, request):
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=6, only_country="CD")
    cashier = sign_in("KIN01-T1", "cashier", "1111", system_clock)  # a bundle running for CD00000004
    checkout.sell(cashier, "CD00000004", [CartItem("CD-LITE15")], [CashTender(Money.of("17", "USD"))])
    settings = LocalSettings(tmp_path / "counter.ini")
    settings.save(language=request.param, receipt_format="a4", auto_print=False, idle_minutes=0)
    app = App("KIN01-T1", settings)
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    login = app.login
    login.user.setCurrentIndex(login.user.findData("cashier"))
    qtbot.keyClicks(login.pin, "1111")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    window.search.setFocus()
    qtbot.keyClicks(window.search, ACCOUNT)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    box = window.panel.plan
    qtbot.waitUntil(lambda: box.isVisible() and box.status is not None, timeout=WAIT)
    yield window
    set_language("en")  # before closing: the windows re-query on the change of language
    app.worker.wait()
    QCoreApplication.processEvents()  # their answers reach the window while it is still there
    window.close()
    app.worker.wait()
    database.close()


WORDS = {
    "en": ("every 30 days", "days left to pay the fee", "more renews the plan"),
    "fr": ("tous les 30 jours", "jours restants pour payer le forfait", "de plus renouvelle le forfait"),
    "sw": ("kila siku 30", "zimebaki siku", "zaidi inasasisha mpango"),
}


# the bundle's name, then the data left and until when; French puts a no-break space before the colon
DATA_LEFT = {
    "en": "Konnect Lite 15 Go: 15 GB left, until ",
    "fr": "Konnect Lite 15 Go\u00a0: 15\u202fGo restants, jusqu'au ",
    "sw": "Konnect Lite 15 Go: GB 15 zimebaki, hadi ",
}


@pytest.mark.parametrize("counter", ["en", "fr", "sw"], indirect=True)
def test_the_plan_box_counts_days_dates_and_the_renewal_amount_like_the_top_up(
    counter, qtbot, request, tmp_path
):
    lang = request.node.callspec.params["counter"]
    window, box = counter, counter.panel.plan
    every, days_left, renews = WORDS[lang]
    status = box.status.status
    assert every in box.plan.text()
    assert days_left in box.window.text() and str(status.window_days_left) in box.window.text()
    assert box.next_fee.text() == date_text(status.next_fee_date)  # "30 nov. 2026", not ISO
    assert "-" not in box.next_fee.text()

    assert box.grab().save(str(tmp_path / f"plan-box-{lang}.png"))
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)  # what the top-up offers
    qtbot.waitUntil(lambda: getattr(window, "top_up_dialog", None) is not None, timeout=WAIT)
    dialog = window.top_up_dialog
    assert every in dialog.fee.text()  # the same counted words in the dialog
    shown = dialog.renews.text()
    assert shown == money_text(box.status.top_up.renews_now)
    assert f"{shown} {renews}" in box.service.text()  # the same figure in the box and the dialog
    # today's Connect+ day is given back at renewal: less than the fee minus the balance
    assert box.status.top_up.renews_now < box.status.plan_fee - status.balance
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    window.search.setFocus()  # a bundle customer: the data left in the reader's unit and digits
    window.search.clear()
    qtbot.keyClicks(window.search, "CD00000004")
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel.account.text() == "CD00000004", timeout=WAIT)
    qtbot.waitUntil(lambda: window.panel.current.text() not in ("", "—"), timeout=WAIT)
    assert window.panel.current.text().startswith(DATA_LEFT[lang])


REPORTS_REFUSAL = {
    "en": "Only a manager can see reports.",
    "fr": "Seul un responsable peut consulter les rapports.",
}


@pytest.mark.parametrize("counter", ["en", "fr"], indirect=True)
def test_a_refused_shortcut_says_the_domains_sentence_in_the_readers_language(counter, qtbot, request):
    """One sentence per right: the menu's refusal is the services' own (roles.REFUSALS)."""
    lang = request.node.callspec.params["counter"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    box = counter.menus.refusal_box
    qtbot.waitUntil(lambda: box is not None and box.isVisible(), timeout=WAIT)
    assert box.text() == REPORTS_REFUSAL[lang]
    assert box.text() == tr(lang, REFUSALS[Right.REPORTS])
    qtbot.keyClick(box, Qt.Key.Key_Return)
