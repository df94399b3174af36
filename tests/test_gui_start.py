"""Starting the GUI (issue 13, 1.12): the terminal it opens; one line, not Qt's abort, without a screen.

Qt's own reaction is a paragraph on stderr and an abort (exit 134, a core dump). Here: a real
subprocess of ``konnect-pos`` asked for the xcb platform with a display where no X server runs.
On a machine missing the xcb libraries (this one lacks libxcb-icccm4 and libxcb-keysyms1) the line
names the packages; with every library present it says that no X server answers.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from konnect_pos.ui.qt_platform import platform_problem

ROOT = Path(__file__).resolve().parents[1]


def _run(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    clean.update(env, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "konnect_pos.cli", "--db", f"sqlite:///{tmp_path / 'shop.db'}"],
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb platform is Linux's")
@pytest.mark.parametrize(
    "env",
    [{"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":93"}, {"DISPLAY": ":93"}, {}],
    ids=["xcb-display-nowhere", "default-display-nowhere", "no-display"],
)
def test_no_usable_screen_is_one_line_and_exit_2(tmp_path, env):
    result = _run(tmp_path, **env)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1 and lines[0].startswith("konnect-pos: "), result.stderr
    assert "libxcb" in lines[0] or "DISPLAY" in lines[0]
    assert "qt.qpa" not in result.stderr and "Aborted" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb platform is Linux's")
def test_the_line_is_in_the_users_language(tmp_path):
    result = _run(tmp_path, QT_QPA_PLATFORM="xcb", DISPLAY=":93", KONNECT_POS_LANG="fr")
    assert result.returncode == 2
    assert "Qt ne peut pas ouvrir de fenêtre" in result.stderr or "Aucun serveur X" in result.stderr


def test_other_platforms_are_left_to_qt():
    assert platform_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert platform_problem({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0"}) is None
    session = {"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}
    assert platform_problem(session) is None


def test_the_demo_opens_the_terminal_asked_for_wherever_the_option_is_written():
    from konnect_pos.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["--terminal", "KIN01-T1", "demo"]).terminal == "KIN01-T1"
    assert parser.parse_args(["demo", "--terminal", "DAR01-T1"]).terminal == "DAR01-T1"


def test_an_unknown_terminal_is_one_line_naming_the_terminals(tmp_path, capsys, monkeypatch):
    from konnect_pos.cli import main

    monkeypatch.delenv("KONNECT_POS_TERMINAL", raising=False)
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    assert main(["demo", "--no-gui", "--customers", "0", "--db", url]) == 0
    capsys.readouterr()
    assert main(["demo", "--customers", "0", "--db", url, "--terminal", "NOPE-T9"]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines == [
        "konnect-pos: No terminal NOPE-T9 here: choose one of "
        "ABJ01-T1, BZV01-T1, CSC01-T1, DAR01-T1, KIN01-T1, LUB01-T1 with --terminal"
    ]
