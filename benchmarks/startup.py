"""Time from process start to the login window shown, next to a bare PySide6 window (target ≤ 1.5×).

python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QLabel('Konnect POS'); w.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "app.exec()\n"
)


def timed(command: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.db'}"
        subprocess.run(
            [sys.executable, "-m", "konnect_pos.cli", "demo", "--no-gui", "--customers", "2000", "--db", url],
            check=True,
            capture_output=True,
            env=env,
        )
        app_env = {**env, "KONNECT_POS_EXIT_WHEN_SHOWN": "1"}
        app = timed([sys.executable, "-m", "konnect_pos.cli", "--db", url], app_env, args.runs)
    bare = timed([sys.executable, "-c", BARE], env, args.runs)
    ratio = app / bare
    verdict = "OK" if ratio <= 1.5 else "MISSED"
    print(
        f"login window shown: {app * 1000:.0f} ms | bare PySide6 window: {bare * 1000:.0f} ms | "
        f"ratio {ratio:.2f} (target ≤ 1.5×): {verdict}"
    )
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
