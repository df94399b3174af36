"""Database URLs in messages: the terminal's store and headquarters both name theirs without the password."""

from __future__ import annotations

import re


def redact(url: str) -> str:
    """The URL without its password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)
