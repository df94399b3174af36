"""The corporate window in French and Swahili (issue 13, item 1.8): effective times at the outlet's
local time to the minute, invoice dates and prices in the reader's words, never ISO or "USD"."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt

from konnect_pos.domain.corporate.billing_cycle import BillingCycle
from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import date_text, set_language
from konnect_pos.ui.settings import LocalSettings
from tests.test_ui_corporate import select
from tests.test_ui_counter import WAIT, sign_in

EFFECTIVE = {"fr": "En vigueur le ", "sw": "Inaanza "}


@pytest.fixture
def corporate(sqlite_url, qtbot, tmp_path, request):
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=0, only_country="CD")
    settings = LocalSettings(tmp_path / "counter.ini")
    settings.save(language=request.param, receipt_format="a4", auto_print=False, idle_minutes=0)
    app = App("KIN01-T1", settings)
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    window = sign_in(app, qtbot, "manager", "222222")
    window.corporate_action.trigger()
    found = window.corporate_window
    qtbot.addWidget(found)
    qtbot.waitUntil(lambda: found.pending == 0 and found.line_table.rowCount() == 3, timeout=WAIT)
    yield found
    set_language("en")  # before closing: the windows re-query on the change of language
    app.worker.wait()
    QCoreApplication.processEvents()
    window.close()
    app.worker.wait()
    database.close()


@pytest.mark.parametrize("corporate", ["fr", "sw"], indirect=True)
def test_plan_change_and_invoices_speak_the_readers_language(corporate, qtbot, request, tmp_path):
    lang = request.node.callspec.params["corporate"]
    select(corporate.account_table, "KIN01-C0001")
    qtbot.waitUntil(lambda: corporate.pending == 0, timeout=WAIT)
    select(corporate.line_table, "KITKIN01CORP002")
    corporate.product.setCurrentIndex(corporate.product.findData("BIZ-PREMIUM"))
    qtbot.mouseClick(corporate.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: corporate.preview is not None, timeout=WAIT)
    text = corporate.preview_label.text()
    effective = next(line for line in text.splitlines() if line.startswith(EFFECTIVE[lang]))
    assert re.fullmatch(EFFECTIVE[lang] + r"\d\d/\d\d/\d{4} \d\d:\d\d", effective), (
        effective
    )  # local, to the minute
    assert "USD" not in text and {"fr": "$US", "sw": "US$"}[lang] in text, text
    assert corporate.grab().save(str(tmp_path / f"corporate-{lang}-preview.png"))

    kin = next(a for a in corporate.accounts if a.code == "KIN01-C0001")
    billing = BillingCycle(kin.billing_day, kin.zone).period_containing(datetime.now(UTC)).invoice_date
    corporate.tabs.setCurrentIndex(1)
    corporate.run_date.setDate(QDate(billing.year, billing.month, billing.day))
    qtbot.mouseClick(corporate.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: corporate.invoice_table.rowCount() == 1, timeout=WAIT)
    assert corporate.invoice_table.item(0, 2).text() == date_text(billing)  # "4 nov. 2026", not ISO
    assert not re.search(r"\d{4}-\d\d-\d\d", corporate.invoice_table.item(0, 3).text())
    assert corporate.grab().save(str(tmp_path / f"corporate-{lang}.png"))
