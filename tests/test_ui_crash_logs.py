"""Settings → Crash logs: an administrator ticks "Send crash logs to headquarters" and saves."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox

from konnect_pos import crash_log
from konnect_pos.services.sync.crash_logs import sends_to_hq
from tests.test_ui_backup import WAIT, gui, open_settings, sign_in_as_admin

__all__ = ["gui"]  # the fixture, shared with the backup tests


def crash_log_checkbox(dialog) -> QCheckBox:
    (box,) = [b for b in dialog.findChildren(QCheckBox) if b.text() == "Send crash logs to headquarters"]
    return box


def test_an_administrator_turns_sending_crash_logs_on(gui, qtbot, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    window = sign_in_as_admin(gui, qtbot)
    dialog = open_settings(window, qtbot)
    box = crash_log_checkbox(dialog)
    assert box.isVisible() and box.isEnabled() and not box.isChecked()  # off unless someone opts in
    labels = " ".join(label.text() for label in dialog.findChildren(type(dialog.error)))
    assert f"Crash logs are in {crash_log.log_dir()}" in labels

    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(4, box.height() // 2))
    assert box.isChecked() and not sends_to_hq()  # saved with the dialog, not before
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    assert sends_to_hq()

    window.settings_dialog = None
    again = open_settings(window, qtbot)
    assert crash_log_checkbox(again).isChecked()
