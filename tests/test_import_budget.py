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
    ready = _modules("--db", url, KONNECT_POS_EXIT_WHEN_SHOWN="ready")  # the users listed
    assert "peewee" in seeded and "peewee" in ready
    assert "konnect_pos.ui.login_window" in ready
    for modules in (seeded, ready):
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


def test_help_imports_only_argparse_and_no_command_module():
    modules = _modules("--help")
    ours = {name for name in modules if name.startswith("konnect_pos.")}
    assert ours <= {
        "konnect_pos.store",
        "konnect_pos.store.postgres_driver",
        "konnect_pos.domain",
        "konnect_pos.domain.errors",
        "konnect_pos.crash_log",
        # the commands are listed from a table: no command's module is imported for --help
        "konnect_pos.cli",
        "konnect_pos.cli.common",
        "konnect_pos.cli.gui",
    }, sorted(ours)
    assert not _roots(modules) & {"peewee", "babel", "PySide6", "phonenumbers", "reportlab", "uuid6"}
    # standard modules a command imports where it uses them (dataclasses alone brings inspect, ~6 ms)
    assert not modules & {"dataclasses", "inspect", "datetime", "csv"}, sorted(
        modules & {"dataclasses", "inspect", "datetime", "csv"}
    )


def test_the_login_window_shows_before_the_database_layer_loads(tmp_path):
    """peewee, the services, babel and phone numbers load on the database thread once the window
    is up; the users then listed need peewee and the services, still not babel (the counter's)."""
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    _modules("demo", "--no-gui", "--customers", "5", "--db", url)
    shown = _modules("--db", url, KONNECT_POS_EXIT_WHEN_SHOWN="1")
    assert "konnect_pos.ui.login_window" in shown
    assert not _roots(shown) & {"peewee", "babel", "phonenumbers", "reportlab", "psycopg", "sqlite3"}
    ours = {name for name in shown if name.startswith("konnect_pos.")}
    assert not {name for name in ours if name.startswith(("konnect_pos.store.", "konnect_pos.services."))} - {
        "konnect_pos.store.postgres_driver",  # the CLI's --db help names the drivers
        "konnect_pos.services.clock",
    }, sorted(ours)
    assert not ours & {"konnect_pos.i18n", "konnect_pos.domain.money", "konnect_pos.ui.counter"}
    ready = _modules("--db", url, KONNECT_POS_EXIT_WHEN_SHOWN="ready")
    assert {"peewee", "konnect_pos.services.users", "konnect_pos.store.models"} <= ready | _roots(ready)
    assert not _roots(ready) & {"babel", "reportlab", "psycopg"}
