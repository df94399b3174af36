"""Terminal codes: the part after the outlet in a terminal's label (``KIN01-T1``)."""

from __future__ import annotations

import re

from konnect_pos.domain.errors import ValidationError


def clean_terminal_code(code: str) -> str:
    """The code upper-cased, or a ValidationError: 1 to 12 letters or digits (it names roles at HQ)."""
    wanted = (code or "").strip().upper()
    if not re.fullmatch(r"[A-Z0-9]{1,12}", wanted):
        raise ValidationError("Terminal code must be 1 to 12 letters or digits", field="terminal")
    return wanted
