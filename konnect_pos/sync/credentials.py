"""The terminal's HQ password, kept out of the database.

The link keeps HQ's URL with an empty password (``user:@host``: "a password exists, look
it up"); the password itself goes to the operating system's credential store through
``keyring`` (Windows Credential Manager, macOS Keychain, Secret Service), or — on a
machine without one, like a headless server — to a file only the user can read (0600)
in the user's configuration directory. Keyed by role and database, so HQ moving to
another host or port keeps the password.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit, urlunsplit

import platformdirs

SERVICE = "konnect-pos-hq"
FILE_NAME = "hq-credentials.json"


@dataclass(frozen=True, slots=True)
class SplitURL:
    """HQ's URL as stored (password blanked), the key of its password, and the password."""

    stored: str
    key: str
    password: str | None


def _netloc(url: str) -> tuple[str, str | None, str]:
    """User, password (None when the URL has none) and host[:port] exactly as written."""
    userinfo, _, hostport = urlsplit(url).netloc.rpartition("@")
    user, colon, password = userinfo.partition(":")
    return unquote(user), (unquote(password) if colon else None), hostport


def split_url(url: str) -> SplitURL:
    parts = urlsplit(url)
    user, password, hostport = _netloc(url)
    stored = url
    if user and password is not None:
        stored = urlunsplit(parts._replace(netloc=f"{quote(user, safe='')}:@{hostport}"))
    return SplitURL(stored, f"{user}@{parts.path.lstrip('/')}", password)


def with_password(stored: str, password: str) -> str:
    user, _old, hostport = _netloc(stored)
    netloc = f"{quote(user, safe='')}:{quote(password, safe='')}@{hostport}"
    return urlunsplit(urlsplit(stored)._replace(netloc=netloc))


def credentials_file() -> Path:
    return platformdirs.user_config_path("konnect-pos") / FILE_NAME


def _os_store():  # type: ignore[no-untyped-def]
    """keyring's backend when it is a real credential store, else None (no backend here)."""
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is "no OS store", never a crash
        return None
    if isinstance(backend, fail.Keyring | null.Keyring) or getattr(backend, "priority", 0) < 1:
        return None
    return backend


def where() -> str:
    """Where passwords go on this machine: ``keyring`` or the file's path."""
    return "keyring" if _os_store() is not None else str(credentials_file())


def save_password(key: str, password: str) -> str:
    """Keep ``password`` for ``key``; returns where it went (``keyring`` or the file's path)."""
    backend = _os_store()
    if backend is not None:
        try:
            backend.set_password(SERVICE, key, password)
        except Exception:  # locked or refused store: the private file still works
            pass
        else:
            return "keyring"
    entries = _read_file()
    entries[key] = password
    _write_file(entries)
    return str(credentials_file())


def load_password(key: str) -> str | None:
    backend = _os_store()
    if backend is not None:
        try:
            found = backend.get_password(SERVICE, key)
        except Exception:
            found = None
        if found is not None:
            return found
    return _read_file().get(key)


def _read_file() -> dict[str, str]:
    path = credentials_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_file(entries: dict[str, str]) -> None:
    """Write the file as 0600 from its first byte (never readable by others, even briefly)."""
    path = credentials_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = path.with_name(path.name + ".new")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        json.dump(entries, out, indent=1, sort_keys=True)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(partial, 0o600)
    os.replace(partial, path)
