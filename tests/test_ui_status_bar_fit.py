"""The counter's status bar on a 1366×768 screen in Swahili, at a distributor whose float and offline
allowance HQ has set: every label is drawn whole inside the bar, none over another, and the outlet's
label, the one that gives way, still shows the terminal.

Measured in a child process on a real 1366×768 offscreen screen (the session's screen is 800×800),
signed in and the customer found by keys as a person does.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

from konnect_pos.hq import distributor_float as hq_float
from konnect_pos.services.clock import system_clock
from konnect_pos.services.sync import client
from tests.test_ui_distributor_float import LUB, distributor  # noqa: F401 (fixture)

ROOT = Path(__file__).resolve().parent.parent


def child(url: str) -> None:
    """Runs in the 1366×768 process: prints one JSON line of what the status bar shows."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from long_session import press, type_into_focus, wait_until
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QApplication, QLabel

    from konnect_pos.store.schema import open_database
    from konnect_pos.ui.app import App
    from konnect_pos.ui.settings import LocalSettings

    keep = QApplication.instance() or QApplication(sys.argv[:1])
    open_database(url)
    settings = LocalSettings(Path(url.removeprefix("sqlite:///")).with_name("counter.ini"))
    settings.save(language="sw", receipt_format="80mm", auto_print=False, idle_minutes=60)
    gui = App(LUB, settings)
    gui.login.show()
    gui.login.activateWindow()
    wait_until(lambda: QApplication.focusWidget() is gui.login.pin and gui.login.user.count() == 3, "PIN")
    press(Qt.Key.Key_Backtab)
    press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_into_focus("manager")
    press(Qt.Key.Key_Tab)
    type_into_focus("222222")
    press(Qt.Key.Key_Return)
    wait_until(lambda: gui.counter_window is not None, "the counter")
    window = gui.counter_window
    window.activateWindow()
    wait_until(lambda: QApplication.focusWidget() is window.search, "the search box")
    type_into_focus("CD00000001")
    press(Qt.Key.Key_Return)
    wait_until(lambda: window.panel.account.text() == "CD00000001", "the customer")
    wait_until(lambda: window.status_float.isVisible() and "Floti" in window.status_float.text(), "the float")
    wait_until(lambda: "(Ctrl+D)" not in window.status_day.text() and window.status_day.text(), "the day")
    wait_until(lambda: gui.worker.wait(0), "the worker")
    keep.processEvents()
    bar = window.statusBar()
    labels = []
    for label in bar.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        at = QRect(label.mapTo(bar, label.rect().topLeft()), label.size())
        shown = label.fontMetrics().elidedText(
            label.text(), Qt.TextElideMode.ElideRight, label.contentsRect().width()
        )
        labels.append({
            "text": label.text(), "shown": shown, "rect": [at.x(), at.y(), at.width(), at.height()],
            "needs": label.fontMetrics().horizontalAdvance(label.text()),
        })  # fmt: skip
    bar_size = [bar.width(), bar.height()]
    print(json.dumps({"bar": bar_size, "window": [window.width(), window.height()], "labels": labels}))
    window.close()
    gui.worker.wait()


def overlap(a: list[int], b: list[int]) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def test_the_status_bar_at_a_distributor_fits_1366x768_in_swahili(distributor, sqlite_url, tmp_path):  # noqa: F811
    hq_float.set_credit_limit(distributor.url, "LUB01", "USD", "1000")
    hq_float.record_top_up(distributor.url, "LUB01", "250", "BANK-7001", date(2026, 11, 19))
    hq_float.set_offline_limits(distributor.url, "LUB01", 3, 40, "900", "USD")
    client.sync(LUB, system_clock)
    config = tmp_path / "screen.json"
    screen = {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "dpi": 96, "dpr": 1}
    config.write_text(json.dumps({"screens": [screen]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    code = f"from tests.test_ui_status_bar_fit import child; child({sqlite_url!r})"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["window"][0] <= 1366
    width, height = report["bar"]
    labels = report["labels"]
    texts = [label["text"] for label in labels]
    assert any(t.startswith("Floti iliyobaki: US$") and "nje ya mtandao" in t for t in texts), texts
    assert any(t.startswith("Wakala: ") for t in texts) and any(t.startswith("Siku iko wazi") for t in texts)
    for label in labels:
        x, y, w, h = label["rect"]
        assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, label
        if label["text"].startswith("Kituo "):  # the outlet's name gives way, the terminal stays
            assert label["shown"].startswith(f"Kituo {LUB} · "), label
        else:
            assert label["shown"] == label["text"] and label["needs"] <= w, label
    for i, first in enumerate(labels):
        for second in labels[i + 1 :]:
            assert not overlap(first["rect"], second["rect"]), (first["text"], second["text"])
