"""Where the app finds its own files and keeps the user's data."""

from __future__ import annotations

from pathlib import Path

import platformdirs

RESOURCES = Path(__file__).resolve().parent.parent / "resources"


def user_data_dir() -> Path:
    """Per-user data folder (platformdirs): the default database lives here."""
    path = Path(platformdirs.user_data_dir("konnect-pos", "Konnect"))
    path.mkdir(parents=True, exist_ok=True)
    return path
