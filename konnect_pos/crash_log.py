"""A crash leaves a trace: a rotating log in the user log folder and a note for the next start.

Three ways a run can end badly, three traces:
- an unhandled Python exception: ``sys.excepthook`` writes its traceback to the log;
- a hard fault (segfault, abort, qFatal): ``faulthandler`` writes every thread's stack to
  ``faults.log``, which the next start moves into the log;
- any end without a clean exit: the ``running-<pid>`` marker written at start is still there.

The next start (``previous_crash``) reports it once, then the markers are gone. Only the real
entry point installs this (``konnect_pos.cli.entry``), never a test that calls ``main()``.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import os
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import platformdirs

if TYPE_CHECKING:
    import logging

LOGGER = "konnect_pos"
LOG_NAME = "konnect-pos.log"
FAULTS_NAME = "faults.log"
ERROR_FLAG = "unreported-error"
MAX_BYTES = 1_000_000
BACKUPS = 5

_fault_file = None
pending_notice: Path | None = None  # an earlier bad end the GUI has still to show after sign-in


def log_dir() -> Path:
    path = Path(platformdirs.user_log_dir("konnect-pos", "Konnect"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return log_dir() / LOG_NAME


def _alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process there
        return _alive_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _alive_on_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        return (
            bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259
        )  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _logger() -> logging.Logger:
    import logging.handlers  # here, not at the top: ``konnect-pos --help`` installs the log, never writes it

    logger = logging.getLogger(LOGGER)
    path = str(log_file())
    for handler in [h for h in logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        if handler.baseFilename != path:  # the log folder moved (another user profile, a test)
            logger.removeHandler(handler)
            handler.close()
    if not any(isinstance(h, logging.handlers.RotatingFileHandler) for h in logger.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    return logger


def log_error(message: str) -> None:
    """An error worth keeping that is not a crash (a Qt critical message)."""
    _logger().error(message)


def installed() -> bool:
    return _fault_file is not None


def record_error(message: str, exc_info=None) -> None:
    """Write an error (with its traceback) to the log and leave a note for the next start."""
    _logger().error(message, exc_info=exc_info)
    (log_dir() / ERROR_FLAG).write_text(str(os.getpid()), encoding="utf-8")


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if not issubclass(kind, KeyboardInterrupt):
        record_error("Unhandled exception", exc_info=(kind, value, tb))
    sys.__excepthook__(kind, value, tb)


def previous_crash() -> Path | None:
    """The log to read when an earlier run ended badly (reported once), else None."""
    folder = log_dir()
    crashed = False
    for marker in folder.glob("running-*"):
        try:
            pid = int(marker.name.split("-", 1)[1])
        except ValueError:
            pid = -1
        if pid != os.getpid() and not _alive(pid):
            crashed = True
            marker.unlink(missing_ok=True)
    flag = folder / ERROR_FLAG
    if flag.exists():
        crashed = True
        flag.unlink(missing_ok=True)
    faults = folder / FAULTS_NAME
    if faults.exists() and faults.stat().st_size:
        trace = faults.read_text(encoding="utf-8", errors="replace")
        faults.write_text("", encoding="utf-8")
        _logger().error("A previous run ended with a fatal error:\n%s", trace.rstrip())
        crashed = True
    return log_file() if crashed else None


def install() -> Path | None:
    """Turn the traces on for this process; return the log of an earlier bad end, if any."""
    global _fault_file
    crashed = previous_crash()
    folder = log_dir()
    if _fault_file is None:
        _fault_file = (folder / FAULTS_NAME).open("a", encoding="utf-8")
        faulthandler.enable(file=_fault_file, all_threads=True)
    sys.excepthook = _excepthook
    marker = folder / f"running-{os.getpid()}"
    marker.write_text("", encoding="utf-8")
    atexit.register(_clean_exit, marker)
    return crashed


def _clean_exit(marker: Path) -> None:
    with contextlib.suppress(OSError):
        marker.unlink()
