"""Qt Linguist catalogs: compiled from resources/translations/*.ts on first use, switched live."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QTranslator

from konnect_pos.paths import RESOURCES

TRANSLATIONS = RESOURCES / "translations"
_installed: QTranslator | None = None
_language = "en"


def current_language() -> str:
    return _language


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    candidate = Path(sys.executable).parent / "pyside6-lrelease"
    return str(candidate) if candidate.exists() else None


def compiled(lang: str) -> Path | None:
    """The .qm for ``lang``, compiled into the cache when the .ts is newer."""
    source = TRANSLATIONS / f"konnect_pos_{lang}.ts"
    if not source.exists():
        return None
    cache = Path(platformdirs.user_cache_dir("konnect-pos", "Konnect")) / "translations"
    cache.mkdir(parents=True, exist_ok=True)
    target = cache / f"konnect_pos_{lang}.qm"
    if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
        tool = _lrelease()
        if tool is None:
            return None
        subprocess.run([tool, str(source), "-qm", str(target)], check=True, capture_output=True)
    return target


def set_language(lang: str) -> None:
    """Install ``lang`` (en removes the translator); widgets re-label on LanguageChange."""
    global _installed, _language
    _language = lang
    app = QCoreApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if lang == "en":
        return
    path = compiled(lang)
    if path is None:
        return
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        _installed = translator


def error_text(error: Exception) -> str:
    """A service error in the user's language; anything unexpected as its own one line."""
    from konnect_pos.domain.errors import KonnectError
    from konnect_pos.i18n import translate_error
    from konnect_pos.services.faults import fault_error

    if isinstance(error, KonnectError):
        return translate_error(error, _language)
    fault = fault_error(error)  # disk full, read-only file, lost server, damaged file
    if fault is not None:
        return translate_error(fault, _language)
    return f"{type(error).__name__}: {error}".splitlines()[0]


def money_text(value: object) -> str:
    from konnect_pos.domain.money import Money, format_money
    from konnect_pos.i18n import BABEL_LOCALES

    assert isinstance(value, Money)
    return format_money(value, BABEL_LOCALES[_language])
