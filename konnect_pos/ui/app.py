"""Starting the GUI: sign in at a terminal, then the counter window."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMessageBox

from konnect_pos import crash_log
from konnect_pos.domain.errors import NotFound
from konnect_pos.services.clock import system_clock
from konnect_pos.ui.crash_notice import CrashNotice, log_qt_messages
from konnect_pos.ui.gc_guard import GuiGarbageCollector, freeze_loaded
from konnect_pos.ui.i18n import set_language
from konnect_pos.ui.login_window import LoginWindow
from konnect_pos.ui.preload import QtModuleLoader, load_plain_modules
from konnect_pos.ui.qt_platform import platform_problem
from konnect_pos.ui.screen_fit import fit_to_screen
from konnect_pos.ui.settings import LocalSettings, SettingsDialog
from konnect_pos.ui.watchdog import watchdog_from_environment
from konnect_pos.ui.worker import DbWorker, hand_over_the_gil_quickly, wait_for_all

_KEEP: list[object] = []


def open_terminal(open_database: Callable[[], object] | None, wanted: str | None) -> str:
    """On the database thread, once the login window shows (issue 17: peewee, the services and
    babel load after it): ``open_database`` (the CLI's; None: already open), then the terminal to
    sign in at (``wanted``, else the first one here), or NotFound naming the terminals."""
    if open_database is not None:
        open_database()
    from konnect_pos.services.outlets import list_terminals

    terminals = list_terminals()
    chosen = (wanted or (terminals[0] if terminals else "")).strip().upper()
    if terminals and chosen not in terminals:
        raise NotFound(
            "No terminal {terminal} here: choose one of {terminals} with --terminal",
            terminal=chosen,
            terminals=", ".join(terminals),
        )
    return chosen


def settings_path() -> Path:
    folder = Path(platformdirs.user_config_dir("konnect-pos", "Konnect"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "counter.ini"


class App:
    """Holds the windows. The database is open, or (``opening``) ``start`` opens it on the
    database thread once the login window shows; a failure there ends the event loop and is
    kept in ``failure``."""

    def __init__(self, terminal: str, settings: LocalSettings, *, opening: bool = False) -> None:
        self.terminal, self.settings = terminal, settings
        self.worker = DbWorker()
        self.counter_window = None
        self.failure: Exception | None = None
        set_language(settings.language())
        self.login = LoginWindow(
            self.worker,
            terminal,
            system_clock,
            preselect=settings.last_user() or None,
            list_users=not opening,
        )
        self.login.signed_in.connect(self.open_counter)
        # The counter window's modules (~0.6–0.9 s) load while the cashier types the PIN: the plain
        # Python ones on the database thread (the sign-in job queues behind them there), the Qt ones
        # on the GUI thread a module per turn (konnect_pos/ui/preload.py). Not at start-up: the
        # login window stays light, and an idle login screen has not loaded them (nor psycopg).
        self.preloader: QtModuleLoader | None = None
        self.login.pin.textChanged.connect(self._load_counter_window, Qt.ConnectionType.SingleShotConnection)
        self.watchdog = watchdog_from_environment()
        fit_to_screen(self.login, 900, 640)

    def start(self, open_database: Callable[[], object] | None) -> None:
        wanted = self.terminal or None
        self.worker.submit(lambda: open_terminal(open_database, wanted), self._opened, self._not_opened)

    def _opened(self, terminal: str) -> None:
        self.terminal = terminal
        self.login.set_terminal(terminal)
        self.login.load_users()

    def _not_opened(self, error: Exception) -> None:
        self.failure = error
        QApplication.exit(2)

    def _load_counter_window(self) -> None:
        # A failure of either part is raised again, and shown, where ``open_counter`` imports the window.
        self.worker.submit(load_plain_modules, self._load_qt_modules, lambda _error: None)

    def _load_qt_modules(self, names: list[str]) -> None:
        self.preloader = QtModuleLoader(names, self.login)
        self.preloader.finished.connect(freeze_loaded)
        self.preloader.start()

    def open_counter(self, counter) -> None:
        loader = self.preloader
        if loader is not None and not loader.done:  # signed in before the counter had loaded: no
            self.login.show_opening()  # freeze while the rest loads, a turn at a time
            once = Qt.ConnectionType.SingleShotConnection
            loader.finished.connect(lambda: self.open_counter(counter), once)
            return
        self.login.show_opening(False)
        from konnect_pos.ui.counter.window import CounterWindow  # deferred: start-up shows the login first

        self.settings.remember_user(counter.user.username)
        window = CounterWindow(counter, self.worker, self.settings)
        QShortcut(QKeySequence("Ctrl+,"), window, lambda: self.open_settings(window))
        QTimer.singleShot(0, window, lambda: self._show_counter(window))  # built, then shown: two turns

    def _show_counter(self, window) -> None:
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


def run(open_database: Callable[[], object] | None, terminal: str | None) -> int:
    """The GUI's entry point (``konnect-pos``, ``konnect-pos demo``). The login window shows
    first; then ``open_database`` (None: the caller opened it) runs on the database thread. A
    database or terminal that cannot be used ends the GUI with that error (one line and exit
    code 2 from the CLI)."""
    problem = None if QApplication.instance() else platform_problem()
    if problem is not None:
        raise problem  # one line and exit code 2 from the CLI, instead of Qt's abort
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Konnect POS")
    collector = GuiGarbageCollector(app)  # Python's cycle collector on the GUI thread only (gc_guard.py)
    hand_over_the_gil_quickly()
    if crash_log.installed():
        log_qt_messages()
    wanted = (terminal or os.environ.get("KONNECT_POS_TERMINAL") or "").strip().upper()
    gui = App(wanted, LocalSettings(settings_path()), opening=True)
    gui.login.show()
    exit_when = os.environ.get("KONNECT_POS_EXIT_WHEN_SHOWN")  # the start-up benchmark's two marks
    if exit_when == "ready":  # the users listed: the database is open
        gui.login.users_listed.connect(app.quit)
    if exit_when and exit_when != "ready":  # the login window is up
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(0, lambda: gui.start(open_database))
    code = app.exec()
    wait_for_all()
    _KEEP.extend([app, gui, collector])  # torn down at interpreter exit, in Qt's order, not at return
    if gui.failure is not None:
        raise gui.failure
    return code
