"""Child processes that start their real work together (a barrier), for concurrency tests.

Importing the app, opening the database and signing in take a process a second or more; without
a barrier the first child can finish selling before the last one starts, and the test proves
nothing about concurrent writers. Each child script calls ``WAIT_FOR_GO`` once it is ready.
"""

from __future__ import annotations

import subprocess
import sys

# Said by the child when ready, then it waits for the parent's word to go.
WAIT_FOR_GO = 'print("ready", flush=True); sys.stdin.readline()'


def start_together(script: str, argvs: list[list[str]], *, timeout: float = 120) -> list[subprocess.Popen]:
    """Start one ``python -c script`` per argv, wait until every one is ready, then release all."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, *argv],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for argv in argvs
    ]
    for proc in procs:
        line = proc.stdout.readline()
        if line.strip() != "ready":  # it failed before the barrier: report why
            proc.kill()
            _, err = proc.communicate(timeout=timeout)
            raise AssertionError(f"a child failed before starting: {line}{err}")
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    return procs
