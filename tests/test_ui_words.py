"""A French screen speaks French numbers (issue 13, item 1.8), driven like a person on a real demo shop."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from konnect_pos.services import demo
from konnect_pos.services.clock import system_clock
from konnect_pos.store.schema import open_database
from konnect_pos.ui.app import App
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.settings import LocalSettings

WAIT = 10_000


@pytest.fixture
def app(sqlite_url, qtbot, tmp_path):
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=20, only_country="CD")
    set_language("en")
    gui = App("KIN01-T1", LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(gui.login)
    gui.login.show()
    qtbot.waitUntil(lambda: gui.login.user.count() == 3, timeout=WAIT)
    yield gui
    if gui.counter_window is not None:
        gui.counter_window.close()
    gui.worker.wait()
    set_language("en")
    database.close()


def test_switching_to_french_rewrites_prices_and_data_units(app, qtbot):
    login = app.login
    login.user.setCurrentIndex(login.user.findData("cashier"))
    qtbot.keyClicks(login.pin, "1111")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(window.catalog_buttons) == 5, timeout=WAIT)
    assert all(re.search(r"\d GB · \$\d", b.text()) for b in window.catalog_buttons)

    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)  # Settings
    qtbot.waitUntil(lambda: getattr(window, "settings_dialog", None) is not None, timeout=WAIT)
    dialog = window.settings_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT)
    qtbot.keyClick(dialog.language, Qt.Key.Key_Down)  # the language field: English → Français
    assert dialog.language.currentText() == "Français"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pay_button.text() == "Payer (F9)", timeout=WAIT)

    texts = [b.text().replace("\u202f", " ").replace("\u00a0", " ") for b in window.catalog_buttons]
    assert all(re.search(r"\d Go · \d+,\d\d \$US", text) for text in texts), texts
    assert not any(re.search(r"\$\d|\bGB\b", text) for text in texts), texts


@pytest.mark.parametrize(
    ("lang", "one", "two"),
    [
        ("en", "Not linked to HQ · 1 record waiting", "Not linked to HQ · 2 records waiting"),
        (
            "fr",
            "Non relié au siège · 1 enregistrement en attente",
            "Non relié au siège · 2 enregistrements en attente",
        ),
        (
            "sw",
            "Haijaunganishwa na makao makuu · rekodi 1 inasubiri",
            "Haijaunganishwa na makao makuu · rekodi 2 zinasubiri",
        ),
    ],
)
def test_the_sync_status_counts_in_each_language(qapp, lang, one, two):
    """The status bar's words come from the Qt catalogs with plural forms (%n), English included."""
    set_language(lang)
    try:
        source = "Not linked to HQ · %n record(s) waiting"
        assert QCoreApplication.translate("SyncController", source, "", 1) == one
        assert QCoreApplication.translate("SyncController", source, "", 2) == two
    finally:
        set_language("en")
