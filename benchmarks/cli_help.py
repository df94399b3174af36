"""``konnect-pos --help`` cold, next to argparse alone in the same interpreter (target ≤ 1.5×).

Both are fresh processes of this Python (same site-packages, same .pth files), run alternately,
with bytecode cached as in an installed copy (PYTHONDONTWRITEBYTECODE is dropped for them).
The figure is the child's CPU time (user + system, from ``getrusage``): on a shared, loaded machine
wall time measures the queue for a core, CPU time measures the work. Wall medians are printed too.

    python benchmarks/cli_help.py [--runs 21]
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

ROOT = Path(__file__).resolve().parents[1]
ARGPARSE_ALONE = "import argparse; argparse.ArgumentParser(prog='konnect-pos').parse_args(['--help'])"
KONNECT_HELP = "import sys; from konnect_pos.cli import entry; sys.argv[1:] = ['--help']; sys.exit(entry())"


def run(code: str, env: dict[str, str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one fresh interpreter running ``code``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    samples: dict[str, list[tuple[float, float]]] = {"argparse": [], "konnect": []}
    with tempfile.TemporaryDirectory() as folder:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=folder)  # bytecode cached, as installed
        run(KONNECT_HELP, env)  # writes the caches
        for _ in range(args.runs):
            samples["argparse"].append(run(ARGPARSE_ALONE, env))
            samples["konnect"].append(run(KONNECT_HELP, env))
    cpu = {k: statistics.median(c for c, _ in v) * 1000 for k, v in samples.items()}
    wall = {k: statistics.median(w for _, w in v) * 1000 for k, v in samples.items()}
    ratio = cpu["konnect"] / cpu["argparse"]
    verdict = "OK" if ratio <= 1.5 else "MISSED"
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores, median of {args.runs} runs each")
    print(
        f"konnect-pos --help: CPU {cpu['konnect']:.0f} ms (wall {wall['konnect']:.0f}) | "
        f"argparse alone: CPU {cpu['argparse']:.0f} ms (wall {wall['argparse']:.0f}) | "
        f"ratio {ratio:.2f} (target ≤ 1.5×): {verdict}"
    )
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    sys.exit(main())
