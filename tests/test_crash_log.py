"""A crash leaves a trace and the next start says so: real processes, a real segfault."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from konnect_pos import crash_log

ROOT = Path(__file__).resolve().parent.parent
WAIT = 10_000

GUI_EXCEPTION = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from konnect_pos import crash_log

crash_log.install()
app = QApplication([])


def on_click():
    raise RuntimeError("boom in a slot")


QTimer.singleShot(0, on_click)
QTimer.singleShot(100, app.quit)
app.exec()
"""

SEGFAULT = """
import os, signal
from konnect_pos import crash_log

crash_log.install()
os.kill(os.getpid(), signal.SIGSEGV)
"""


@pytest.fixture
def env(tmp_path, monkeypatch) -> dict[str, str]:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # platformdirs' user log dir
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "KONNECT_POS_LANG": "en"}


def python(env: dict[str, str], code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def next_start(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    """The installed command's entry point, on a command that fails fast without a database."""
    code = "import sys; from konnect_pos.cli import entry; sys.argv[0] = 'konnect-pos'; sys.exit(entry())"
    return python(env, code, "verify", "--db", f"sqlite:///{tmp_path / 'none.db'}")


def test_an_exception_in_the_gui_event_loop_is_logged_and_told_once(env, tmp_path):
    crashed = python(env, GUI_EXCEPTION)
    log = crash_log.log_file()
    assert "RuntimeError: boom in a slot" in crashed.stderr  # still shown where it always was
    text = log.read_text(encoding="utf-8")
    assert "Unhandled exception" in text and "Traceback" in text and "RuntimeError: boom in a slot" in text

    first = next_start(env, tmp_path)

    notice = f"konnect-pos: Konnect POS closed unexpectedly last time: the crash log is {log}\n"
    assert first.stderr.startswith(notice)
    assert notice not in next_start(env, tmp_path).stderr  # once


def test_a_segfault_leaves_its_stack_and_the_next_start_says_where(env, tmp_path):
    crashed = python(env, SEGFAULT)
    assert crashed.returncode == -11

    first = next_start(env, tmp_path)

    log = crash_log.log_file()
    assert first.stderr.startswith(
        f"konnect-pos: Konnect POS closed unexpectedly last time: the crash log is {log}"
    )
    text = log.read_text(encoding="utf-8")
    assert "A previous run ended with a fatal error" in text
    assert "Fatal Python error: Segmentation fault" in text and 'File "<string>", line 6' in text


def test_the_gui_shows_it_once_after_sign_in(env, tmp_path, sqlite_url, qtbot):
    from konnect_pos.services import demo
    from konnect_pos.services.clock import system_clock
    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.i18n import set_language
    from konnect_pos.ui.settings import LocalSettings

    assert python(env, SEGFAULT).returncode == -11
    crash_log.pending_notice = crash_log.previous_crash()  # what entry() does at a GUI start
    database = open_database(sqlite_url)
    demo.seed(system_clock, customers=5)
    set_language("en")
    app = App("KIN01-T1", LocalSettings(tmp_path / "counter.ini"))
    qtbot.addWidget(app.login)
    app.login.show()
    qtbot.waitUntil(lambda: app.login.user.count() == 3, timeout=WAIT)
    app.login.user.setCurrentIndex(app.login.user.findData("cashier"))
    app.login.pin.setFocus()
    QTest.keyClicks(QApplication.focusWidget(), "1111")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: app.counter_window is not None, timeout=WAIT)
    window = app.counter_window
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.crash_notice.isVisible(), timeout=WAIT)
        assert f"The log is {crash_log.log_file()}" in window.crash_notice.text()
        assert crash_log.pending_notice is None
    finally:
        window.close()
        app.worker.wait()
        database.close()


QT_FATAL = """
from PySide6.QtCore import qCritical, qFatal
from PySide6.QtWidgets import QApplication
from konnect_pos import crash_log
from konnect_pos.ui.crash_notice import log_qt_messages

crash_log.install()
app = QApplication([])
log_qt_messages()
qCritical("a critical message")
qFatal("a fatal message")
"""


def test_qt_fatal_and_critical_messages_reach_the_log(env, tmp_path):
    crashed = python(env, QT_FATAL)
    assert crashed.returncode != 0

    first = next_start(env, tmp_path)

    assert "closed unexpectedly last time" in first.stderr.splitlines()[0]
    text = crash_log.log_file().read_text(encoding="utf-8")
    assert "Qt critical: a critical message" in text and "Qt fatal: " in text
    assert "A previous run ended with a fatal error" in text  # qFatal aborts: faulthandler's stack
