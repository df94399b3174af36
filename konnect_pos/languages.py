"""The user interface's languages: no imports, so the login window reads them before babel loads."""

from __future__ import annotations

LANGUAGE_NAMES = {"en": "English", "fr": "Français", "sw": "Kiswahili"}
