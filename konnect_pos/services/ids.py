"""Record identity: UUIDv7 (time-ordered) for every record that syncs.

Made here rather than by ``uuid6.uuid7`` (RFC 9562, the same layout and the same rule): that one
builds a ``uuid.UUID`` object per id and reads its package version at import (~20 ms); a sale
makes ten ids, the daily run one per ledger entry and journal record (issue 17).

The random bits come from the operating system's generator (``os.urandom``, as ``secrets`` uses),
read 4 KB at a time rather than once per id; a forked child starts with none of its parent's bytes.
A lock keeps two threads (the GUI's and the database's) from sharing bytes or a millisecond.
"""

from __future__ import annotations

import os
import threading
import time

_VERSION = 7 << 76
_VARIANT = 0x8000 << 48
_KEEP = ~((0xF000 << 64) | (0xC000 << 48))
_RANDOM_BYTES = 10  # 80 bits read, 76 kept
_READ = 4_000
_lock = threading.Lock()
_last_ms = 0
_pool = b""
_taken = 0


def _forget_pool() -> None:
    global _pool, _taken
    _pool, _taken = b"", 0


os.register_at_fork(after_in_child=_forget_pool)


def new_uuid() -> str:
    """A version-7 UUID: the Unix time in ms, then 74 random bits. Ids made within one ms take the
    next ms, so they sort in the order they were made within this process."""
    global _last_ms, _pool, _taken
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms + 1
        _last_ms = ms
        if _taken + _RANDOM_BYTES > len(_pool):
            _pool, _taken = os.urandom(_READ), 0
        random = int.from_bytes(_pool[_taken : _taken + _RANDOM_BYTES]) >> 4
        _taken += _RANDOM_BYTES
    value = (((ms & 0xFFFFFFFFFFFF) << 80 | random) & _KEEP) | _VERSION | _VARIANT
    text = f"{value:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
