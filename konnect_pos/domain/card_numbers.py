"""Card numbers typed where they do not belong (a reason, a comment, a name) are masked, pure.

A run of 13 to 19 digits, spaces or dashes allowed between them, that passes the Luhn check is
a payment card number: only its last 4 digits are kept, so the database never holds a full one.
"""

from __future__ import annotations

import re

CARD_SHAPED = re.compile(r"(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])")
MASK = "*"


def luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _masked(match: re.Match[str]) -> str:
    digits = re.sub(r"[ -]", "", match.group(0))
    if not luhn_valid(digits):
        return match.group(0)
    return MASK * (len(digits) - 4) + digits[-4:]


def mask_card_numbers(text: str) -> str:
    """``text`` with every card-number-shaped run reduced to its last 4 digits."""
    return CARD_SHAPED.sub(_masked, text) if text else text
