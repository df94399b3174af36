"""Where the app finds its own files and keeps the user's data."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import platformdirs

# Package data (pyproject: package-data), so a wheel install and a frozen build find them too.
RESOURCES = Path(str(files("konnect_pos") / "resources"))


def user_data_dir() -> Path:
    """Per-user data folder (platformdirs): the default database lives here."""
    path = Path(platformdirs.user_data_dir("konnect-pos", "Konnect"))
    path.mkdir(parents=True, exist_ok=True)
    return path
