"""Record identity: UUIDv7 (time-ordered) for every record that syncs.

Made here rather than by ``uuid6.uuid7`` (RFC 9562, the same layout and the same rule): that one
builds a ``uuid.UUID`` object per id and reads its package version at import (~20 ms); a sale
makes ten ids (issue 17).
"""

from __future__ import annotations

import secrets
import time

_VERSION = 7 << 76
_VARIANT = 0x8000 << 48
_KEEP = ~((0xF000 << 64) | (0xC000 << 48))
_last_ms = 0


def new_uuid() -> str:
    """A version-7 UUID: the Unix time in ms, then 74 random bits. Ids made within one ms take the
    next ms, so they sort in the order they were made within this process."""
    global _last_ms
    ms = time.time_ns() // 1_000_000
    if ms <= _last_ms:
        ms = _last_ms + 1
    _last_ms = ms
    value = (((ms & 0xFFFFFFFFFFFF) << 80 | secrets.randbits(76)) & _KEEP) | _VERSION | _VARIANT
    text = f"{value:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
