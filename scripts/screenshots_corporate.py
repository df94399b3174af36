"""Screenshots of the managers' corporate window (Ctrl+B): an upgrade's prorated preview, the
invoice run and an invoice's preview, plus the French A4 invoice rendered to PNG.

    QT_QPA_PLATFORM=offscreen python -m scripts.screenshots_corporate
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from scripts.screenshot_support import OUT, grab, spin


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (alive for the run)
    from konnect_pos.domain.corporate.billing_cycle import BillingCycle
    from konnect_pos.services import demo
    from konnect_pos.services.corporate import invoice_pdf
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings

    folder = Path(tempfile.mkdtemp())
    open_database(f"sqlite:///{folder / 'demo.db'}")
    demo.seed(lambda: datetime.now(UTC), customers=50)
    gui = App("KIN01-T1", LocalSettings(folder / "manager.ini"))
    gui.login.show()
    spin(lambda: gui.login.user.count() == 3)
    gui.login.user.setCurrentIndex(gui.login.user.findData("manager"))
    gui.login.pin.setText("222222")
    gui.login.submit()
    spin(lambda: gui.counter_window is not None)
    window = gui.counter_window
    window.corporate_action.trigger()
    corporate = window.corporate_window
    spin(lambda: corporate.pending == 0 and corporate.line_table.rowCount() == 3)
    codes = [a.code for a in corporate.accounts]
    corporate.account_table.selectRow(codes.index("KIN01-C0001"))
    spin(lambda: corporate.pending == 0 and corporate.product.count() > 0)
    corporate.line_table.selectRow(1)
    corporate.product.setCurrentIndex(corporate.product.findData("BIZ-PREMIUM"))
    corporate.preview_change()
    spin(lambda: corporate.preview is not None)
    spin(lambda: corporate.pending == 0)
    grab(corporate, "corporate-upgrade-preview.png")
    account = corporate.accounts[codes.index("KIN01-C0001")]
    billing = (
        BillingCycle(account.billing_day, account.zone).period_containing(datetime.now(UTC)).invoice_date
    )
    corporate.tabs.setCurrentIndex(1)
    corporate.run_date.setDate(QDate(billing.year, billing.month, billing.day))
    corporate.run_invoices()
    spin(lambda: corporate.invoice_table.rowCount() == 1 and corporate.pending == 0)
    grab(corporate, "corporate-invoices.png")
    corporate.show_invoice()
    spin(lambda: corporate.invoice_dialog is not None)
    dialog = corporate.invoice_dialog
    spin(lambda: dialog.page_count() >= 1)
    waited: list[int] = []
    spin(lambda: waited.append(1) or len(waited) > 10)  # let the preview render the page
    grab(dialog, "corporate-invoice-preview.png")
    number = corporate.invoices[0].number
    pdf = folder / "invoice.pdf"
    pdf.write_bytes(invoice_pdf(window.counter, number, language="fr"))
    target = OUT / "corporate-invoice-a4-fr"
    subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(pdf), str(target)], check=True)
    print("wrote docs/screenshots/corporate-invoice-a4-fr.png")
    dialog.accept()
    corporate.accept()
    window.close()
    gui.worker.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())
