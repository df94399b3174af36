"""Screenshots of sync in the counter: the status bar after Sync now and HQ's conflicts list.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots_sync.py [--pg postgresql://postgres@127.0.0.1/postgres]

Needs a PostgreSQL server for the HQ database (created and dropped here).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb
from PySide6.QtWidgets import QApplication

from scripts.screenshot_support import grab, spin


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 (alive for the run)
    from konnect_pos.hq import admin as hq_admin
    from konnect_pos.services import demo
    from konnect_pos.services.sync import client, reference
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings

    name = f"hq_shots_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.pg, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    hq_url = f"{args.pg.rpartition('/')[0]}/{name}"
    try:
        folder = Path(tempfile.mkdtemp())
        clock = lambda: datetime.now(UTC)  # noqa: E731
        open_database(f"sqlite:///{folder / 'shop.db'}")
        demo.seed(clock, customers=50, only_country="CD")
        hq_admin.init_hq(hq_url)
        reference.load_reference(hq_url)
        client.link("KIN01-T1", hq_admin.add_terminal(hq_url, "KIN01", "T1"), clock)
        with psycopg.connect(hq_url, autocommit=True) as conn:
            sales = [
                {"receipt": "KIN01-T1-000014", "terminal": "KIN01-T1"},
                {"receipt": "KIN01-T2-000203", "terminal": "KIN01-T2"},
            ]
            conn.execute(
                "INSERT INTO hq_conflict (kind, outlet_code, subject, details)"
                " VALUES ('reused_reference', 'KIN01', 'mpesa:QK7AB12CD3@KIN01', %s)",
                (Jsonb({"sales": sales}),),
            )
        settings = LocalSettings(folder / "fr.ini")
        settings.save(language="fr", receipt_format="80mm", auto_print=False, idle_minutes=5)
        gui = App("KIN01-T1", settings)
        gui.login.show()
        spin(lambda: gui.login.user.count() == 3)
        gui.login.user.setCurrentIndex(gui.login.user.findData("manager"))
        gui.login.pin.setText("222222")
        gui.login.submit()
        spin(lambda: gui.counter_window is not None)
        window = gui.counter_window
        window.showNormal()  # the app opens it maximised on the (800×800 offscreen) screen
        window.resize(1366, 768)
        spin(lambda: len(window.catalog_buttons) == 5)
        window.sync.sync_now()
        spin(lambda: not window.sync.running and window.status_sync.text().startswith("En ligne"))
        grab(window.statusBar(), "sync-status-fr.png")
        window.open_conflicts()
        dialog = window.conflicts_dialog
        spin(lambda: dialog.table.rowCount() == 1)
        grab(dialog, "hq-conflicts-fr.png")
        dialog.accept()
        window.sync.worker.wait()
        window.close()
    finally:
        hq_admin.drop_terminal_roles(hq_url)
        with psycopg.connect(args.pg, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE {name} WITH (FORCE)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
