"""The database worker: answers reach whoever asked, and never a widget that is already gone."""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtWidgets import QLabel

from konnect_pos.ui.worker import DbWorker


def test_an_answer_for_a_deleted_widget_is_dropped_and_the_worker_goes_on(qtbot):
    worker = DbWorker()
    label = QLabel("asking")
    release = threading.Event()

    def slow_answer() -> str:
        release.wait(5)
        return "answered"

    worker.submit(slow_answer, label.setText)
    shiboken6.delete(label)  # the window closed while its question was on the worker
    release.set()
    qtbot.waitUntil(lambda: not worker._waiting, timeout=5_000)

    survivor = QLabel("asking")
    qtbot.addWidget(survivor)
    worker.submit(lambda: "answered", survivor.setText)
    qtbot.waitUntil(lambda: survivor.text() == "answered", timeout=5_000)
    assert worker.wait()
