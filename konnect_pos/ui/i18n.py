"""Qt Linguist catalogs: compiled from konnect_pos/resources/translations/*.ts on first use (or shipped
compiled in the built app), switched live."""

from __future__ import annotations

import os
import shutil
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
    for name in ("pyside6-lrelease", "pyside6-lrelease.exe"):  # beside python, venv not activated
        candidate = Path(sys.executable).parent / name
        if candidate.exists():
            return str(candidate)
    return None


def catalog_name(source: Path) -> str:
    """The .qm file name for a .ts catalog: named by a hash of its content, never dated by it."""
    import hashlib  # here: the login window shows before any catalog is looked for

    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    return f"{source.stem}-{digest}.qm"


def compile_catalog(source: Path, folder: Path) -> Path | None:
    """``source`` compiled into ``folder`` once per content; None without pyside6-lrelease.

    Written under a temporary name and renamed, so two processes starting at once never read a
    half-written file. The build (packaging/konnect-pos.spec) calls this too.
    """
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / catalog_name(source)
    if not target.exists():
        tool = _lrelease()
        if tool is None:
            return None
        import subprocess  # here: only when a catalog is compiled (once per content), not at start-up

        partial = target.with_suffix(f".{os.getpid()}.part")
        subprocess.run([tool, str(source), "-qm", str(partial)], check=True, capture_output=True)
        os.replace(partial, target)
    return target


def compiled(lang: str) -> Path | None:
    """The .qm for ``lang``: shipped beside the .ts (the built app), else compiled into the cache once.

    A built app (packaging/) carries its catalogs compiled, since pyside6-lrelease is not in it; the
    name holds the hash of the .ts, so a stale .qm left beside an edited .ts is never loaded. The
    cache file is named the same way, not dated: two installs (or checkouts) on one machine share
    the cache folder, and a date comparison let one of them load the other's stale catalog.
    """
    source = TRANSLATIONS / f"konnect_pos_{lang}.ts"
    if not source.exists():
        return None
    shipped = TRANSLATIONS / catalog_name(source)
    if shipped.exists():
        return shipped
    cache = Path(platformdirs.user_cache_dir("konnect-pos", "Konnect")) / "translations"
    return compile_catalog(source, cache)


def set_language(lang: str) -> None:
    """Install ``lang``'s catalog; widgets re-label on LanguageChange."""
    global _installed, _language
    if lang == _language and _installed is not None:
        return  # already in place: no LanguageChange for nothing (windows re-label and re-query)
    _language = lang
    app = QCoreApplication.instance()
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    path = compiled(lang)  # English has a catalog too, for its plural forms (%n)
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


def load_locale_data() -> None:
    """Format one amount of data, of money and one time in the current language: babel reads its
    CLDR files on first use (~100 ms), so sign-in does this on the database thread."""
    from datetime import UTC, datetime

    from konnect_pos.domain.money import Money

    data_text(1)
    money_text(Money.zero("USD"))
    local_time_text(datetime(2026, 1, 1, tzinfo=UTC), "Africa/Kinshasa")


def data_text(gigabytes: object) -> str:
    """GB in the current language's unit ("15 Go" in French), for every screen."""
    from konnect_pos.i18n import format_data

    return format_data(gigabytes, _language)  # type: ignore[arg-type]


def local_time_text(moment: object, zone: str) -> str:
    """A stored instant as the outlet's local date and time to the minute, in the current language."""
    from konnect_pos.i18n import format_local_time

    return format_local_time(moment, zone, _language)  # type: ignore[arg-type]


def payment_text(method: str, provider: str | None = None) -> str:
    """A payment method (and mobile-money provider) by name, never its code."""
    from konnect_pos.payment_names import payment_name

    return payment_name(method, provider, _language)


def date_text(day: object) -> str:
    """A calendar day (a business day, a paid-until date) in the current language: "29 Nov 2026"."""
    from babel.dates import format_date

    from konnect_pos.i18n import DATE_LOCALES

    return format_date(day, "medium", locale=DATE_LOCALES[_language])  # type: ignore[arg-type]
