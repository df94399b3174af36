"""Memory of a long counter session: RSS after 10,000 searches and 200 sales (issue 17).

Target: ≤ 250 MB resident after the session. The real application on a demo SQLite shop in a
temporary folder (as benchmarks/long_session.py): the cashier signs in by keyboard, types each
search into the focused search box and waits for its results on screen, then sells by keyboard
(F2, the account, Enter; the digit 1 adds the first bundle of the catalog; F9, the cash, Enter
twice; Escape closes the receipt) and waits for each receipt on screen. The RSS at the login
window is printed beside it, measured in the same run.

    python benchmarks/session_memory.py [--searches 10000] [--sales 200]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from long_session import open_counter, press, rss_bytes, run_searches, type_into_focus, wait_until


def sell_by_keyboard(window, account: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    if QApplication.activeWindow() is not window:
        window.activateWindow()  # offscreen: no window manager gives the focus back
    wait_until(lambda: QApplication.activeWindow() is window, "the counter window")
    press(Qt.Key.Key_F2)
    type_into_focus(account)
    press(Qt.Key.Key_Return)
    wait_until(lambda: window.panel.account.text() == account, "the customer")
    wait_until(lambda: QApplication.focusWidget() is window.cart, "the cart")
    before = window.total_label.text()
    press(Qt.Key.Key_1)
    wait_until(lambda: window.total_label.text() not in ("", before), "the total")
    earlier = window.receipt_dialog
    press(Qt.Key.Key_F9)
    wait_until(lambda: window.payment_dialog is not None and window.payment_dialog.isVisible(), "payment")
    dialog = window.payment_dialog
    wait_until(lambda: QApplication.focusWidget() is dialog.tendered, "the cash box")
    type_into_focus("500")
    press(Qt.Key.Key_Return)  # adds the cash
    press(Qt.Key.Key_Return)  # confirms
    wait_until(
        lambda: window.receipt_dialog is not earlier and window.receipt_dialog is not None
        and window.receipt_dialog.isVisible(),
        "the receipt",
    )  # fmt: skip
    receipt = window.receipt_dialog
    wait_until(lambda: QApplication.focusWidget() is not None
               and QApplication.focusWidget().window() is receipt, "the receipt's focus")  # fmt: skip
    press(Qt.Key.Key_Escape)
    wait_until(lambda: not receipt.isVisible(), "the receipt closed")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--searches", type=int, default=10_000)
    parser.add_argument("--sales", type=int, default=200)
    parser.add_argument("--customers", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        start = time.perf_counter()
        app, gui, window = open_counter(Path(name), args.customers)
        signed_in = rss_bytes()
        window.debounce.setInterval(0)
        shown = [0]

        def count_shown() -> None:
            shown[0] += 1

        window.results.model().modelReset.connect(count_shown)
        run_searches(window, args.searches, shown)
        searched = rss_bytes()
        from konnect_pos.store.database import db

        accounts = [
            row[0]
            for row in db.execute_sql(
                "SELECT account_number FROM customer WHERE country = 'CD' ORDER BY id LIMIT ?", (args.sales,)
            ).fetchall()
        ]
        for index in range(args.sales):
            sell_by_keyboard(window, accounts[index % len(accounts)])
        after = rss_bytes()
        seconds = time.perf_counter() - start
        window.close()
        gui.worker.wait()
        app.processEvents()
    mb = 2**20
    verdict = "OK" if after / mb <= 250 else "MISSED"
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {seconds:.0f} s")
    print(
        f"RSS signed in {signed_in / mb:.1f} MB | after {args.searches:,} searches {searched / mb:.1f} MB | "
        f"after {args.sales} sales more {after / mb:.1f} MB (target ≤ 250 MB): {verdict}"
    )
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
