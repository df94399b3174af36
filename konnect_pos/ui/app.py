"""Starting the GUI: sign in at a terminal, then the counter window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMessageBox

from konnect_pos import crash_log
from konnect_pos.domain.errors import NotFound
from konnect_pos.services.clock import system_clock
from konnect_pos.services.outlets import list_terminals
from konnect_pos.ui.crash_notice import CrashNotice, log_qt_messages
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.login_window import LoginWindow
from konnect_pos.ui.qt_platform import platform_problem
from konnect_pos.ui.screen_fit import fit_to_screen
from konnect_pos.ui.settings import LocalSettings, SettingsDialog
from konnect_pos.ui.watchdog import watchdog_from_environment
from konnect_pos.ui.worker import DbWorker

_KEEP: list[object] = []


def _import_counter_window() -> object:
    """Run on the database thread; a failure here is raised again, and shown, by ``open_counter``."""
    from konnect_pos.ui.counter import window
    from konnect_pos.ui.i18n import load_locale_data

    load_locale_data()  # babel's CLDR data for the counter's first amounts, here, not on the GUI thread
    return window


def settings_path() -> Path:
    folder = Path(platformdirs.user_config_dir("konnect-pos", "Konnect"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "counter.ini"


class App:
    """Holds the windows; the database is already open (the CLI opened it from --db)."""

    def __init__(self, terminal: str, settings: LocalSettings) -> None:
        self.terminal, self.settings = terminal, settings
        self.worker = DbWorker()
        self.counter_window = None
        set_language(settings.language())
        self.login = LoginWindow(self.worker, terminal, system_clock, preselect=settings.last_user() or None)
        self.login.signed_in.connect(self.open_counter)
        # The counter window's modules (services, reportlab, the corporate window: ~0.6–0.9 s) load
        # on the database thread while the cashier types the PIN; the sign-in job queues behind
        # them there, so the GUI thread never imports them (issue 17). Not at start-up: the login
        # window stays light, and an idle login screen has not loaded them (nor psycopg).
        self.login.pin.textChanged.connect(self._load_counter_window, Qt.ConnectionType.SingleShotConnection)
        self.watchdog = watchdog_from_environment()
        fit_to_screen(self.login, 900, 640)

    def _load_counter_window(self) -> None:
        self.worker.submit(_import_counter_window, lambda _module: None, lambda _error: None)

    def open_counter(self, counter) -> None:
        from konnect_pos.ui.counter.window import CounterWindow  # deferred: start-up shows the login first

        self.settings.remember_user(counter.user.username)
        window = CounterWindow(counter, self.worker, self.settings)
        QShortcut(QKeySequence("Ctrl+,"), window, lambda: self.open_settings(window))
        self.counter_window = window
        window.showMaximized()  # the whole available screen, whatever its size
        self.login.hide()
        if crash_log.pending_notice is not None:  # the last run ended badly: say so once
            window.crash_notice = CrashNotice(crash_log.pending_notice, window)
            crash_log.pending_notice = None
            window.crash_notice.open()

    def open_settings(self, window) -> None:
        from konnect_pos.domain.roles import Right, can
        from konnect_pos.services.outlet_settings import close_rules, update_close_rules, update_outlet
        from konnect_pos.ui.backup_box import BackupBox
        from konnect_pos.ui.crash_log_box import CrashLogBox
        from konnect_pos.ui.receipt_printer_box import ReceiptPrinterBox

        def save_outlet(fields: dict, on_done, on_error) -> None:
            def saved(view) -> None:
                window.set_outlet(view)
                on_done(view)

            self.worker.submit(lambda: update_outlet(window.counter, **fields), saved, on_error)

        backups = BackupBox(
            window.counter,
            self.worker,
            can_restore=can(window.counter.user.role, Right.OUTLET_SETTINGS),
        )
        backups.backed_up.connect(window.backup_status.refresh)
        backups.restored.connect(lambda _result: self.close_after_restore(backups))
        dialog = SettingsDialog(
            self.settings,
            window.outlet,
            can_edit_outlet=can(window.counter.user.role, Right.OUTLET_SETTINGS),
            save_outlet=save_outlet,
            save_close_rules=lambda rules, on_done, on_error: self.worker.submit(
                lambda: update_close_rules(window.counter, **rules), on_done, on_error
            ),
            extra=backups,
            parent=window,
        )
        printer_box = ReceiptPrinterBox(self.settings.store, self.settings.language())
        dialog.layout().insertWidget(dialog.layout().indexOf(backups), printer_box)  # above the backups
        dialog.saved.connect(printer_box.save_settings)
        dialog.saved.connect(backups.save_settings)
        crash_logs = CrashLogBox(can_change=can(window.counter.user.role, Right.OUTLET_SETTINGS))
        beside = QHBoxLayout()  # beside the backups: below them the dialog outgrows a 768-pixel screen
        dialog.layout().insertLayout(dialog.layout().indexOf(backups), beside)
        backups.setMinimumWidth(backups.sizeHint().width())  # its folder stays readable
        beside.addWidget(backups, 2)
        beside.addWidget(crash_logs, 1)
        dialog.saved.connect(crash_logs.save_settings)
        dialog.saved.connect(lambda: set_language(self.settings.language()))
        dialog.add_desk_button(lambda: self.open_desk(window, dialog))
        window.settings_dialog = dialog
        dialog.open()
        outlet = window.outlet
        self.worker.submit(lambda: close_rules(outlet), dialog.show_close_rules, dialog.show_error)

    def open_desk(self, window, parent) -> None:
        """Settings ▸ Customer-service desk… (administrators): the outlet's kind and callers' numbers."""
        from konnect_pos.ui.desk_dialog import DeskDialog

        desk = DeskDialog(lambda: window.counter, self.worker, parent)
        desk.saved.connect(window.set_outlet)
        window.desk_dialog = desk
        desk.open()

    def close_after_restore(self, backups) -> None:
        """The data under the signed-in counter changed: say so, then close (the next start reads it)."""
        notice = QMessageBox(
            QMessageBox.Icon.Information, "Konnect POS", backups.message.text(), parent=backups
        )
        notice.finished.connect(QApplication.quit)
        backups.closing_notice = notice
        notice.open()


def run(url: str, terminal: str | None) -> int:
    """The GUI's entry point (``konnect-pos``, ``konnect-pos demo``)."""
    terminals = list_terminals()
    chosen = terminal or os.environ.get("KONNECT_POS_TERMINAL") or (terminals[0] if terminals else "")
    chosen = chosen.strip().upper()
    if terminals and chosen not in terminals:
        raise NotFound(
            "No terminal {terminal} here: choose one of {terminals} with --terminal",
            terminal=chosen,
            terminals=", ".join(terminals),
        )
    problem = None if QApplication.instance() else platform_problem()
    if problem is not None:
        raise problem  # one line and exit code 2 from the CLI, instead of Qt's abort
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Konnect POS")
    if crash_log.installed():
        log_qt_messages()
    gui = App(chosen, LocalSettings(settings_path()))
    gui.login.show()
    if os.environ.get("KONNECT_POS_EXIT_WHEN_SHOWN"):
        QTimer.singleShot(0, app.quit)  # start-up benchmark: stop once the login window is up
    code = app.exec()
    gui.worker.wait()
    _KEEP.extend([app, gui])  # torn down at interpreter exit, in Qt's order, not when run() returns
    return code
