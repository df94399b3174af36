"""Plans at the counter, as a cashier does it: find the customer, put them on a plan with the
button, change plan with Ctrl+Shift+P and the keyboard, read the history and the waiting change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from konnect_pos.domain.money import Money
from konnect_pos.services import plans
from konnect_pos.ui.i18n import set_language
from tests.test_ui_counter import WAIT, gui, open_demo_shop, sign_in  # noqa: F401


@pytest.fixture
def shop(db_url):
    """This file's screens (issue 20) on SQLite and on PostgreSQL."""
    database = open_demo_shop(db_url)
    yield database
    database.close()


NO_PLAN = "CD00000013"
RENEWS = "CD00000001"  # Salom+ 30 paid for 10 more days, 25 USD in the balance


def find(window, qtbot, account: str) -> None:
    window.search.setFocus()
    qtbot.keyClicks(window.search, account)
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.panel.account.text() == account, timeout=WAIT)


def key(qtbot, which: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed on whatever has the focus, as a person's keyboard does."""
    qtbot.keyClick(QApplication.focusWidget(), which, modifier)


def open_plans_with_keys(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)
    window.plan.plan_dialog = None
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    key(qtbot, Qt.Key.Key_P, ctrl_shift)
    qtbot.waitUntil(
        lambda: window.plan.plan_dialog is not None and window.plan.plan_dialog.isVisible(), timeout=WAIT
    )
    return window.plan.plan_dialog


def history_texts(dialog) -> list[str]:
    return [dialog.history.item(i).text() for i in range(dialog.history.count())]


def test_put_on_a_plan_then_change_it_and_read_the_history(gui, qtbot):  # noqa: F811
    window = sign_in(gui, qtbot)
    find(window, qtbot, NO_PLAN)
    button = window.plan.set_plan_button
    qtbot.waitUntil(button.isVisible, timeout=WAIT)
    assert button.text() == "Put on a plan… (Ctrl+Shift+P)" and not window.panel.plan.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.plan.plan_dialog is not None and window.plan.plan_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.plan.plan_dialog
    assert dialog.windowTitle() == f"Put {NO_PLAN} on a plan"
    assert dialog.current.text() == "No plan yet: the plan starts when a top-up covers its fee"
    assert history_texts(dialog) == ["No plan history"]
    assert [dialog.plan.itemText(i) for i in range(dialog.plan.count())] == [
        "Konnect Home 30: $18.00 every 30 days",
        "Salom+ 30: $25.00 every 30 days",
    ]
    assert QApplication.focusWidget() is dialog.plan
    key(qtbot, Qt.Key.Key_Return)  # the cheapest plan, already chosen
    box = window.panel.plan
    qtbot.waitUntil(lambda: box.isVisible() and box.status is not None, timeout=WAIT)
    assert box.plan.text() == "Konnect Home 30: $18.00 every 30 days"
    assert box.service.text().startswith("Suspended: no period paid yet")
    assert not button.isVisible()

    dialog = open_plans_with_keys(window, qtbot)
    assert dialog.current.text() == "Current plan: Konnect Home 30"
    assert len(history_texts(dialog)) == 1 and "put on Konnect Home 30 from" in history_texts(dialog)[0]
    assert (
        dialog.plan.currentText() == "Salom+ 30: $25.00 every 30 days"
    )  # the first plan that is not the current
    key(qtbot, Qt.Key.Key_Return)  # nothing paid yet: the change is immediate
    qtbot.waitUntil(lambda: box.plan.text().startswith("Salom+ 30"), timeout=WAIT)

    dialog = open_plans_with_keys(window, qtbot)
    lines = history_texts(dialog)
    assert len(lines) == 2 and "changed from Konnect Home 30 to Salom+ 30 on" in lines[1]
    assert lines[1].endswith("(cashier)")
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)


def test_a_change_the_balance_cannot_cover_waits_and_a_refusal_is_shown_in_the_dialog(gui, qtbot):  # noqa: F811
    plans.add_plan("CD-MAX", "Salom+ Max 30", "CD", Money.of("40", "USD"), 30)
    window = sign_in(gui, qtbot)
    find(window, qtbot, RENEWS)
    box = window.panel.plan
    qtbot.waitUntil(lambda: box.isVisible() and box.status is not None, timeout=WAIT)
    assert not box.waiting.isVisible()
    qtbot.mouseClick(box.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.plan.plan_dialog is not None and window.plan.plan_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.plan.plan_dialog
    texts = [dialog.plan.itemText(i) for i in range(dialog.plan.count())]
    assert texts[1] == "Salom+ 30: $25.00 every 30 days · current plan"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Change plan"
    key(qtbot, Qt.Key.Key_Down)  # Home 30 → Salom+ 30 (the current plan)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=WAIT)
    assert dialog.isVisible() and dialog.error.text() == "The customer is already on plan Salom+ 30"

    key(qtbot, Qt.Key.Key_Down)  # Salom+ Max 30: 40 USD, more than 25 + the unused days
    assert dialog.plan.currentText() == "Salom+ Max 30: $40.00 every 30 days"
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(box.waiting.isVisible, timeout=WAIT)
    renewal = box.status.next_plan_from
    assert renewal == box.status.status.paid_until.fromordinal(box.status.status.paid_until.toordinal() + 1)
    assert box.waiting.text().startswith("Changes to Salom+ Max 30 at the renewal on")
    assert box.plan.text().startswith("Salom+ 30") and box.balance.text() == "$25.00"  # nothing charged

    dialog = open_plans_with_keys(window, qtbot)
    assert dialog.waiting.isVisible() and dialog.waiting.text() == box.waiting.text()
    lines = history_texts(dialog)
    assert "put on Salom+ 30 from" in lines[0] and lines[0].endswith("(admin)")  # the demo's line
    assert "changes from Salom+ 30 to Salom+ Max 30 at the renewal on" in lines[1] and len(lines) == 2


@pytest.mark.parametrize(
    ("lang", "button", "title", "ok"),
    [
        (
            "fr",
            "Abonner à une offre… (Ctrl+Maj+P)",
            f"Abonner {NO_PLAN} à une offre",
            "Abonner à cette offre",
        ),
        (
            "sw",
            "Weka kwenye mpango… (Ctrl+Shift+P)",
            f"Mweke {NO_PLAN} kwenye mpango",
            "Weka kwenye mpango huu",
        ),
    ],
)
def test_the_plan_words_are_in_the_counters_language(gui, qtbot, lang, button, title, ok):  # noqa: F811
    window = sign_in(gui, qtbot)
    set_language(lang)
    find(window, qtbot, NO_PLAN)
    qtbot.waitUntil(window.plan.set_plan_button.isVisible, timeout=WAIT)
    assert window.plan.set_plan_button.text() == button
    qtbot.mouseClick(window.plan.set_plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: window.plan.plan_dialog is not None and window.plan.plan_dialog.isVisible(), timeout=WAIT
    )
    dialog = window.plan.plan_dialog
    assert dialog.windowTitle() == title
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == ok
    key(qtbot, Qt.Key.Key_Escape)
