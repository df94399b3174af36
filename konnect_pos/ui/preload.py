"""The counter window's modules, loaded while the PIN is typed: no freeze at sign-in, and no Qt
type made off the GUI thread.

Importing the counter window costs 0.6–0.9 s, most of it plain Python (services, documents,
reportlab, babel's data). That part loads on the database thread (``load_plain_modules``, one job
on the worker); the GUI's own modules — each defines PySide classes, and PySide's and Qt's type
set-up is only ever done on the GUI thread — load afterwards on the GUI thread, one module per
turn of the event loop (``QtModuleLoader``), each a few milliseconds once the plain part is in.

Which plain modules: the top-level imports of the GUI's source files, read with ``ast`` (not run),
so a new screen's services are preloaded without a list to keep by hand.

Then Qt's enums: PySide makes the Python type of each Qt enum on its first use (``QStyle.StateFlag``
when a widget is first painted, ``QEvent.Type`` when an event filter first sees an event…), about
0.5 ms each, and showing the counter window for the first time made 136 of them at once — 60–90 ms
of the sign-in's freeze on an idle machine. The loader makes every class and enum of the loaded Qt
modules (~630 classes, ~600 enums, ~0.6 s in all) 8 ms per turn, so none is left for the first paint.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

import konnect_pos.ui
from konnect_pos.ui.gc_guard import freeze_loaded

QT_PACKAGES = ("PySide6", "shiboken6")
GUI_PACKAGE = "konnect_pos.ui"


def _is_qt(name: str) -> bool:
    return name.partition(".")[0] in QT_PACKAGES


def _is_gui(name: str) -> bool:
    return name == GUI_PACKAGE or name.startswith(GUI_PACKAGE + ".")


FOLDER = Path(konnect_pos.ui.__file__).parent


def top_level_imports(folder: Path = FOLDER) -> list[str]:
    """The modules (and ``from m import n`` candidates ``m.n``) the GUI's files import at top
    level, read from the source, the GUI's own left out."""
    import ast  # here, not at start-up: only the preloading reads source

    names: set[str] = set()
    for path in sorted(folder.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(name for name in names if not _is_gui(name) and name != "__future__")


def load_plain_modules() -> list[str]:
    """Run on the database thread: import what ``plain_imports`` names and babel's data for the
    first amounts; return the modules left for the GUI thread — Qt's own first, each big library
    in a turn of its own, then ours (the source is read here, not there)."""
    from konnect_pos.ui.i18n import load_locale_data

    imports = top_level_imports()
    for name in (name for name in imports if not _is_qt(name)):  # a package before its ``package.name``
        parent = sys.modules.get(name.rpartition(".")[0])
        if name in sys.modules or (parent is not None and not hasattr(parent, "__path__")):
            continue  # loaded, or ``from module import function``
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:  # a module that is there failed on one of its own imports
                raise
    load_locale_data()
    freeze_loaded()  # what was just loaded lives as long as the process (gc_guard.py)
    qt = [name for name in imports if _is_qt(name) and name.count(".") == 1]
    return qt + gui_modules()


def gui_modules(folder: Path = FOLDER) -> list[str]:
    """Every module of the GUI package (the counter window's included), from its files."""
    names = []
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(folder).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join((GUI_PACKAGE, *parts)))
    return names


TURN_BUDGET = 0.008  # seconds of enum-making per event-loop turn


def qt_class_names() -> list[tuple[object, str]]:
    """(module, name) of every class of the PySide modules loaded so far. PySide makes a module's
    classes on first access too (its dict holds ~40 of the ~630), so they are only named here."""
    names = []
    for name, module in list(sys.modules.items()):
        if name.startswith("PySide6.Qt") and name.count(".") == 1 and module is not None:
            names.extend((module, attribute) for attribute in dir(module) if attribute[:1] == "Q")
    return names


def enum_steps(names: list[tuple[object, str]]) -> Iterator[None]:
    """Makes each class of ``names``, then the Python type of each of its enums, one per step
    (the Qt namespace alone has ~90: 76 ms in one go)."""
    for module, name in names:
        cls = getattr(module, name, None)
        yield
        if isinstance(cls, type):
            for attribute in dir(cls):
                if attribute[:1].isupper():
                    getattr(cls, attribute, None)
                    yield


class QtModuleLoader(QObject):
    """Imports the GUI's modules on the GUI thread, one per event-loop turn, then has Qt's enums
    made, ~8 ms of them per turn. ``finished`` (and ``done``) once all is in, or an import failed."""

    finished = Signal()

    def __init__(self, names: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.waiting = [name for name in names if name not in sys.modules]
        self.enums: Iterator[None] | None = None  # started once the modules are in
        self.done = False
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._next)

    def start(self) -> None:
        self.timer.start()

    def _next(self) -> None:
        while self.waiting:
            name = self.waiting.pop(0)
            if name in sys.modules:
                continue
            try:
                importlib.import_module(name)
            except Exception:  # raised again, and shown, where the counter window is opened
                self.waiting.clear()
                self.enums = iter(())
                break
            return
        if self.enums is None:
            self.enums = enum_steps(qt_class_names())
        start = time.perf_counter()
        for _step in self.enums:
            if time.perf_counter() - start > TURN_BUDGET:
                return
        self.done = True
        self.timer.stop()
        self.finished.emit()
