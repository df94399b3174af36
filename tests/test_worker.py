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


def test_a_closure_answer_is_dropped_once_its_owner_is_deleted(qtbot):
    """A closure has no ``__self__`` to check: ``owner`` names the Qt object it talks to."""
    worker = DbWorker()
    label = QLabel("asking")
    release = threading.Event()
    told: list[str] = []

    def slow_answer() -> str:
        release.wait(5)
        return "answered"

    worker.submit(slow_answer, lambda text: told.append(text) or label.setText(text), owner=label)
    shiboken6.delete(label)
    release.set()
    qtbot.waitUntil(lambda: not worker._waiting, timeout=5_000)
    assert told == []  # without the owner the closure ran and touched a deleted label

    keeper = QLabel("asking")
    qtbot.addWidget(keeper)
    worker.submit(lambda: "answered", lambda text: keeper.setText(text), owner=keeper)
    qtbot.waitUntil(lambda: keeper.text() == "answered", timeout=5_000)
    assert worker.wait()


def test_answers_cross_to_the_gui_thread_in_order_without_a_python_object_in_a_qt_event(qtbot):
    """Many quick jobs: every answer arrives, in order, on the GUI thread (the queue behind the
    argument-less knock), and nothing waits once they are in."""
    worker = DbWorker()
    seen: list[tuple[int, bool]] = []
    for n in range(300):
        worker.submit(
            lambda n=n: n,
            lambda value: seen.append((value, threading.current_thread() is threading.main_thread())),
        )
    qtbot.waitUntil(lambda: len(seen) == 300, timeout=10_000)
    assert seen == [(n, True) for n in range(300)]
    assert not worker._waiting and worker._answers.empty()
    assert worker.wait()
