"""The tamper-evident journal: canonical content and the hash chain, pure.

Each entry's hash covers the previous entry's hash, its kind and its canonical
content, so editing or deleting any committed row breaks the chain from there on.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

GENESIS = "0" * 64
# One encoder for every entry: ``json.dumps`` with options builds a new one per call (a third of
# its time for a journal entry's content; a sale writes one, the daily run one per ledger entry).
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(payload: dict[str, Any]) -> str:
    """One spelling per content: sorted keys, no spaces, UTF-8 kept."""
    return _CANONICAL.encode(payload)


def chain_hash(prev_hash: str, seq: int, kind: str, content: str) -> str:
    digest = hashlib.sha256()
    for part in (prev_hash, str(seq), kind, content):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()
