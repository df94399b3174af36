"""What each way of starting imports (issue 17): structural checks, not timings.

Each case runs a real ``konnect-pos`` in a fresh interpreter (a test process has imported half the
world already) and reads the set of imported modules at the end. Which modules load decides the
start-up time; asserting on the set is stable on a loaded machine where a stopwatch is not.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs the CLI in-process, then prints the imported modules (the login window case quits once shown).
PROBE = (
    "import atexit, json, sys\n"
    "atexit.register(lambda: print('MODULES=' + json.dumps(sorted(sys.modules)), flush=True))\n"
    "from konnect_pos.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def _modules(*argv: str, **env: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", **env},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("MODULES=")]
    assert result.returncode == 0 and lines, result.stderr
    return set(json.loads(lines[-1].removeprefix("MODULES=")))


def _roots(modules: set[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


def test_sqlite_never_imports_psycopg(tmp_path):
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    seeded = _modules("demo", "--no-gui", "--customers", "5", "--db", url)
    shown = _modules("--db", url, KONNECT_POS_EXIT_WHEN_SHOWN="1")
    assert "peewee" in seeded and "peewee" in shown
    assert "konnect_pos.ui.login_window" in shown
    for modules in (seeded, shown):
        assert not _roots(modules) & {"psycopg", "psycopg2", "psycopg_binary", "psycopg_c"}


def test_postgresql_gets_its_driver(pg_server):
    probe = (
        "import sys\n"
        "from konnect_pos.store.database import connect\n"
        "database = connect(sys.argv[1])\n"
        "print(database.execute_sql('SELECT 40 + 2').fetchone()[0], 'psycopg' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, pg_server],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.stdout.split() == ["42", "True"], result.stderr


def test_help_imports_only_argparse_and_the_command_modules():
    modules = _modules("--help")
    ours = {name for name in modules if name.startswith("konnect_pos.")}
    assert ours <= {
        "konnect_pos.store",
        "konnect_pos.store.postgres_driver",
        "konnect_pos.domain",
        "konnect_pos.domain.errors",
        "konnect_pos.crash_log",
    } | {name for name in ours if name.startswith("konnect_pos.cli")}, sorted(ours)
    assert not _roots(modules) & {"peewee", "babel", "PySide6", "phonenumbers", "reportlab", "uuid6"}
