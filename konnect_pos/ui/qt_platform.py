"""Can Qt open a window here? Checked before QApplication exists, so a bare Linux gets one line.

When Qt's xcb platform plugin cannot load (a system library is missing) or cannot reach an X
server, Qt prints a paragraph and aborts the process (core dump, exit 134). On Linux, with the
xcb platform chosen (QT_QPA_PLATFORM unset or "xcb", no Wayland session), this module finds that
out first: the libraries the plugin links against, then a connection to $DISPLAY. The caller
raises the error, which the CLI prints as one translated line with exit code 2.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from konnect_pos.domain.errors import StateError

# The system libraries Qt 6's xcb plugin (libqxcb.so, libQt6XcbQpa) links against, with the
# Debian/Ubuntu package that holds each one (readelf -d on PySide6's Qt/plugins/platforms/libqxcb.so
# and Qt/lib/libQt6XcbQpa.so.6: their NEEDED entries outside Qt and libc).
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0",
}


def _uses_xcb(env: Mapping[str, str]) -> bool:
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform:
        return platform == "xcb"
    # unset: Qt prefers Wayland in a Wayland session, xcb otherwise
    return not (env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "").lower() == "wayland")


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def _plugin_error() -> str | None:
    """Why Qt's own xcb plugin does not load (the dynamic loader's words), or None."""
    try:
        import PySide6
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as error:
        return str(error).splitlines()[0]
    return None


def _display_answers(display: str) -> bool:
    """True when an X server accepts a connection on ``display`` (libxcb, as Qt would)."""
    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def platform_problem(env: Mapping[str, str] | None = None) -> StateError | None:
    """The reason Qt could not open a window here, as an error to show; None when it can."""
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or not _uses_xcb(env):
        return None
    missing = [name for name in XCB_LIBRARIES if not _loads(name)]
    if missing:
        packages = " ".join(XCB_LIBRARIES[name] for name in missing)
        return StateError(
            "Qt cannot open a window: the system libraries {libraries} are missing. "
            "Install them (Debian/Ubuntu: sudo apt install {packages})",
            libraries=", ".join(missing),
            packages=packages,
        )
    reason = _plugin_error()
    if reason:
        return StateError(
            "Qt cannot open a window: its xcb platform plugin does not load ({reason})", reason=reason
        )
    display = env.get("DISPLAY", "")
    if not display:
        return StateError(
            "No screen to open a window on: DISPLAY is not set "
            "(start the app in a desktop session, or set QT_QPA_PLATFORM=offscreen for a check without one)"
        )
    if not _display_answers(display):
        return StateError(
            "No X server answers on DISPLAY={display}: start the app in a desktop session", display=display
        )
    return None
