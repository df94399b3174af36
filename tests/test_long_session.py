"""A long counter session survives and stays small; the PySide6 build that aborts one cannot install.

PySide6 6.12.0 on CPython 3.11 drops a reference to None in ``QTimer.start()`` and for every list
row: a counter aborted (``none_dealloc``) after ~1,800 searches. 6.11.3 instead kept every finished
database job and its relay (RSS +3.3 MB per 1,000 searches) and leaked one reference to None per
result row made in Python (+23 per search).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
BROKEN = Version("6.12.0")  # on CPython 3.11


# The app depends on the one Qt wheel it uses, not on the PySide6 meta package (docs/decisions.md
# "Field kit"); it must keep the broken release out on CPython 3.11.
QT_WHEELS = ("pyside6-essentials",)


def pyside_requirements(wheel: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = [Requirement(line) for line in project["dependencies"]]
    return [r for r in found if canonicalize_name(r.name) == wheel]


def applies(requirement: Requirement, environment: dict[str, str]) -> bool:
    return requirement.marker is None or requirement.marker.evaluate(environment)


def test_pyproject_refuses_pyside_6_12_0_on_python_3_11_and_allows_it_on_3_12():
    on_311 = {**default_environment(), "python_version": "3.11", "python_full_version": "3.11.7"}
    on_312 = {**default_environment(), "python_version": "3.12", "python_full_version": "3.12.3"}
    for wheel in QT_WHEELS:
        for_311 = [r for r in pyside_requirements(wheel) if applies(r, on_311)]
        for_312 = [r for r in pyside_requirements(wheel) if applies(r, on_312)]
        assert for_311, f"pyproject.toml names no {wheel} requirement for CPython 3.11"
        assert for_312, f"pyproject.toml names no {wheel} requirement for CPython 3.12"
        assert not all(r.specifier.contains(BROKEN) for r in for_311), wheel
        assert all(r.specifier.contains(Version("6.11.3")) for r in for_311), wheel
        assert all(r.specifier.contains(BROKEN) for r in for_312), wheel


def test_the_installed_pyside_meets_pyproject_and_is_not_the_broken_combination():
    here = default_environment()
    for wheel in QT_WHEELS:
        installed = Version(version(wheel))
        for requirement in pyside_requirements(wheel):
            if applies(requirement, here):
                assert requirement.specifier.contains(installed), f"{wheel} {installed} breaks {requirement}"
        assert not (installed == BROKEN and sys.version_info[:2] == (3, 11)), (
            f"{wheel} 6.12.0 on CPython 3.11 aborts a long counter session"
        )


@pytest.mark.slow
def test_three_thousand_typed_searches_keep_rss_and_references_to_none_bounded():
    """The real app signs a cashier in and 3,000 searches are typed (benchmarks/long_session.py).

    Bounds, from measurements on the demo shop (2,000 customers, 300 searches to warm up first):
    RSS ≤ 2 MB per 1,000 searches, the issue's target (measured 0.2 MB; 3.3 MB before the worker
    released its jobs, so this fails if it regresses); references to None within ±300 over
    3,000 searches, 0.1 per search (measured 0; +69,000 with rows made in Python, and 6.12.0 on
    3.11 loses at least one per search before it aborts).
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KONNECT_POS_LANG": "en"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "long_session.py"), "--searches", "3000", "--json"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["searches"] == 3000
    assert figures["rss_mb_per_1000"] <= 2.0, figures
    assert abs(figures["none_refs_drift"]) <= 300, figures
