"""Typed errors raised by the domain and the services.

Each error carries an English message template (the gettext msgid) and its
parameters, so every edge (GUI, CLI, documents) can show it in the user's
language with ``konnect_pos.text.translate_error``. The ``field`` names the
input the error concerns, so a form can show it next to that field.
"""

from __future__ import annotations

from typing import Any


class CountryCode(str):
    """An ISO 3166 code among an error's parameters: read as the country's name in the reader's language."""


class KonnectError(Exception):
    """Bad input or a refused action: shown to the user, nothing changed."""

    def __init__(self, template: str, *, field: str | None = None, **params: Any) -> None:
        self.template = template
        self.field = field
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


class ValidationError(KonnectError):
    """An input value is malformed, out of range or inconsistent."""


class CurrencyMismatch(ValidationError):
    """Two amounts in different currencies were combined."""


class NotFound(KonnectError):
    """A customer, bundle, receipt or user that does not exist."""


class Conflict(KonnectError):
    """The input collides with something already recorded (a duplicate)."""


class PermissionDenied(KonnectError):
    """The signed-in user's role does not allow the action."""


class AuthenticationFailed(KonnectError):
    """Wrong user, wrong PIN or a locked user."""


class StateError(KonnectError):
    """The action is not allowed in the current state (e.g. no open business day)."""
