"""Payment methods and mobile-money providers as people call them, in en / fr / sw.

Stored records and reports carry codes (``mobile_money``, ``mpesa``); every screen,
document and CLI line shows them through these functions, never the code itself.
"""

from __future__ import annotations

from konnect_pos.domain.countries import PROVIDERS
from konnect_pos.i18n import gettext

# method code → English display name (the msgid; fr and sw in resources/locale/*/documents.po)
METHOD_NAMES = {"cash": "Cash", "mobile_money": "Mobile money", "card": "Card"}


def method_name(method: str, lang: str) -> str:
    """ "Cash", "Espèces", "Pesa taslimu"… for a payment method code."""
    return gettext(lang, METHOD_NAMES.get(method, method))


def provider_name(provider: str | None) -> str:
    """A mobile-money provider's brand ("M-Pesa", "MTN Mobile Money"): the same in every language."""
    if not provider:
        return ""
    found = PROVIDERS.get(provider)
    return found.name if found is not None else provider


def payment_name(method: str, provider: str | None, lang: str) -> str:
    """A payment as one label: "Mobile money - M-Pesa", "Espèces"."""
    name = provider_name(provider)
    return f"{method_name(method, lang)} - {name}" if name else method_name(method, lang)
