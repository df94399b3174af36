"""Time from process start to the login window shown, next to a bare PySide6 window (target ≤ 1.5×).

The login window shows before the database opens (issue 17); the time until its users are listed
(the database open, the first query answered on the database thread) is printed too.

The two are run alternately. The figure is the child's CPU time (user + system, ``getrusage``): on
a shared, loaded machine wall time measures the queue for a core; wall medians are printed too.

python benchmarks/startup.py [--runs 11]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the checkout measured (its code, not an installed copy)

BARE = (
    "import sys\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "app = QApplication(sys.argv[:1])\n"
    "w = QLabel('Konnect POS'); w.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "app.exec()\n"
)


def installed_like(folder: str) -> dict[str, str]:
    """The environment of an installed app: bytecode cached (pip compiles it on install).

    With PYTHONDONTWRITEBYTECODE set (as in this project's dev shells) every run compiles each of
    our modules from source, ~50–80 ms that no installed copy pays; the caches go under ``folder``.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT)
    return env


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = installed_like(folder)
        url = f"sqlite:///{Path(folder) / 'demo.db'}"
        subprocess.run(
            [sys.executable, "-m", "konnect_pos.cli", "demo", "--no-gui", "--customers", "2000", "--db", url],
            check=True,
            capture_output=True,
            env=env,
            cwd=ROOT,
        )
        app_env = {**env, "KONNECT_POS_EXIT_WHEN_SHOWN": "1"}
        ready_env = {**env, "KONNECT_POS_EXIT_WHEN_SHOWN": "ready"}
        apps, bares, readies = [], [], []
        for _ in range(args.runs + 1):
            apps.append(timed([sys.executable, "-m", "konnect_pos.cli", "--db", url], app_env))
            bares.append(timed([sys.executable, "-c", BARE], env))
            readies.append(timed([sys.executable, "-m", "konnect_pos.cli", "--db", url], ready_env))
    apps, bares, readies = apps[1:], bares[1:], readies[1:]  # the first runs wrote the bytecode caches
    app, bare, ready = (statistics.median(cpu for cpu, _ in runs) for runs in (apps, bares, readies))
    app_wall, bare_wall, ready_wall = (
        statistics.median(wall for _, wall in runs) for runs in (apps, bares, readies)
    )
    ratio = app / bare
    verdict = "OK" if ratio <= 1.5 else "MISSED"
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, median of {args.runs} runs each")
    print(
        f"login window shown: CPU {app * 1000:.0f} ms (wall {app_wall * 1000:.0f}) | "
        f"bare PySide6 window: "
        f"CPU {bare * 1000:.0f} ms (wall {bare_wall * 1000:.0f}) | "
        f"ratio {ratio:.2f} (target ≤ 1.5×): {verdict}"
    )
    print(f"login window with its users listed: CPU {ready * 1000:.0f} ms (wall {ready_wall * 1000:.0f})")
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
