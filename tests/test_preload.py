"""The preloader leaves no Qt enum type for the counter's first paint to make (issue 17).

PySide makes the Python type of a Qt enum on first use; the counter window's first paint made 136
of them at once (60–90 ms of the sign-in's freeze). After preloading, asking for every enum of the
loaded Qt modules makes none. Each case runs in a fresh interpreter: this test process has long
made most of them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ASK_FOR_EVERY_ENUM = """
import enum, sys
from PySide6.QtWidgets import QApplication
from konnect_pos.ui.preload import QtModuleLoader, enum_steps, qt_class_names

app = QApplication(sys.argv[:1])
if sys.argv[1] == "preloaded":
    loader = QtModuleLoader([])
    loader.start()
    while not loader.done:
        app.processEvents()
made = []
original = enum.EnumType._create_

def spy(*args, **kwargs):
    made.append(args[1])
    return original(*args, **kwargs)

enum.EnumType._create_ = spy
for _step in enum_steps(qt_class_names()):
    pass
print(len(made))
"""


def enums_made_on_asking(mode: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", ASK_FOR_EVERY_ENUM, mode],
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return int(result.stdout.split()[-1])


def test_qt_enum_types_are_made_on_first_use_unless_the_preloader_made_them():
    assert enums_made_on_asking("cold") > 300  # what the preloader is for
    assert enums_made_on_asking("preloaded") == 0
