"""A plain ``pip install`` (a wheel, not the editable install) carries its catalogs and demo data.

The wheel is built from a copy of the package (a stale ``build/`` in the checkout cannot leak
into it), installed with ``--no-deps`` into a fresh virtual environment that sees the system's
packages (nothing is downloaded again), and run from there with no ``PYTHONPATH``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def clean_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KONNECT_POS_"))}
    for name in ("DATA", "CONFIG"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    return {**env, **extra}


@pytest.mark.slow
def test_a_wheel_installed_in_a_fresh_venv_runs_the_demo(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(
        ROOT / "konnect_pos", source / "konnect_pos", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    env = clean_env(tmp_path)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(source)],
        cwd=tmp_path,
        env=env,
        check=True,
    )
    (wheel,) = tmp_path.glob("konnect_pos-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for data in ("demo_catalog.json", "translations/konnect_pos_sw.ts", "locale/fr/core.po"):
        assert f"konnect_pos/resources/{data}" in names

    venv = tmp_path / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", "--system-site-packages", str(venv)], check=True
    )
    python = venv / "bin" / "python"
    subprocess.run(
        [*pip, "--python", str(python), "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True
    )
    env = clean_env(tmp_path)

    demo = subprocess.run(
        [str(venv / "bin" / "konnect-pos"), "demo", "--no-gui", "--customers", "10"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert demo.returncode == 0, demo.stderr
    assert "Demo shop created" in demo.stdout and str(tmp_path / "data") in demo.stdout
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import konnect_pos.i18n as m; print(m.__file__); "
            "print(m.gettext('fr', 'Unknown language: {lang}'))",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert where[0].startswith(str(venv))  # the wheel's copy, not the checkout's
    assert where[1] == "Langue inconnue : {lang}"
