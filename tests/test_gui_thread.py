"""The GUI thread stays free along the counter's main flow (issue 17, DESIGN.md invariant 7).

Not a stopwatch test: on a loaded 2-core CI machine any fixed limit in milliseconds either flakes
or says nothing. What decides a sign-in's freeze is structural — which modules the GUI thread has
to import when the PIN is entered (0.6–0.9 s of them before). So the flow runs in a fresh process
(tests/gui_flow_probe.py: this test process has imported everything already) and the test asserts
that the GUI thread imports none of the counter window's modules at sign-in: they were loaded on
the database thread while the PIN was typed. The debug watchdog (KONNECT_POS_WATCHDOG=1) runs over
the whole flow — sign-in, search, a sale, the receipt's preview — with a generous 1 s threshold,
which a real regression (a module tree or a PDF on the GUI thread) passes and load does not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("konnect_pos.services", "konnect_pos.documents", "reportlab", "babel")


def test_the_main_flow_keeps_the_gui_thread_free(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "gui_flow_probe.py"),
            f"sqlite:///{tmp_path / 'shop.db'}",
            str(tmp_path),
        ],
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": "offscreen",
            "KONNECT_POS_LANG": "en",
            "KONNECT_POS_WATCHDOG": "1",
            "KONNECT_POS_WATCHDOG_MS": "1000",
            "XDG_STATE_HOME": str(tmp_path),
        },
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    assert result.returncode == 0 and lines, result.stderr[-3000:]
    seen = json.loads(lines[-1])
    assert seen["receipt"] == "Receipt KIN01-T1-000001"  # the flow went all the way to the preview
    heavy = [name for name in seen["imports"] if name.startswith(HEAVY)]
    assert heavy == [], heavy
    # PySide's type set-up only ever on the GUI thread: the database thread loads plain Python only
    assert seen["qt_elsewhere"] == [], seen["qt_elsewhere"]
    assert seen["stalls"] == [], result.stderr[-3000:]
