"""Anchors of the journal's head kept outside the database file.

A hash chain alone proves nothing against someone who rewrites it whole (recomputing every
hash) or cuts its end off: the chain stays valid. What catches that is a copy of the head
taken earlier and kept elsewhere: the Z report's "Journal: #seq hash" line, the receipt's QR
(receipt number and its sale's hash), HQ's head for the terminal, and ``anchor.json`` written
beside each backup. ``verify`` checks the local journal against every anchor it is given.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from konnect_pos.domain.errors import ValidationError
from konnect_pos.store.models import JournalEntry, Outlet, Terminal

ANCHOR_FILE = "anchor.json"
PREFIX = 12  # hex characters printed on paper: 48 bits, not guessable by a forger
_Z_LINE = re.compile(
    r"^\s*([A-Z0-9]+-[A-Z0-9]+)\s*(?:journal:?)?\s*#(\d{1,12})[\s:]+([0-9a-f]{8,64})\s*$", re.I
)
_RECEIPT_QR = re.compile(r"^\s*([A-Z0-9]+-[A-Z0-9]+)-(\d{1,12})\|([0-9a-f]{64})\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Anchor:
    terminal: str  # OUTLET-TERMINAL
    seq: int | None  # None: a receipt's anchor names its hash, not its number in the journal
    hash: str  # the whole hash or a prefix of it (paper)
    source: str  # where it came from, said back to the user


def terminal_labels() -> dict[int, str]:
    rows = Terminal.select(Terminal.id, Terminal.code, Outlet.code).join(Outlet).tuples()
    return {terminal_id: f"{outlet}-{code}" for terminal_id, code, outlet in rows}


def head(terminal_id: int) -> tuple[int, str] | None:
    """The terminal's last journal entry (number, hash), None for an empty journal."""
    last = (
        JournalEntry.select(JournalEntry.seq, JournalEntry.hash)
        .where(JournalEntry.terminal == terminal_id)
        .order_by(JournalEntry.seq.desc())
        .first()
    )
    return (last.seq, last.hash) if last else None


def anchor_line(seq: int, digest: str) -> str:
    """The short line a Z report prints: the journal entry number and a hash prefix."""
    return f"#{seq} {digest[:PREFIX]}"


def write_anchor_file(beside: str | Path, at: datetime) -> Path:
    """``anchor.json`` in the folder of ``beside`` (a backup file) with every terminal's head.

    Ready for the backup feature: call it after each backup is written.
    """
    labels = terminal_labels()
    heads = []
    for terminal_id, label in sorted(labels.items(), key=lambda item: item[1]):
        found = head(terminal_id)
        if found:
            heads.append({"terminal": label, "seq": found[0], "hash": found[1]})
    target = Path(beside).parent / ANCHOR_FILE
    text = json.dumps({"written_at": at.isoformat(), "heads": heads}, indent=2, sort_keys=True)
    temporary = target.with_suffix(".tmp")
    temporary.write_text(text + "\n", encoding="utf-8")
    temporary.replace(target)
    return target


def read_anchor_file(path: str | Path) -> list[Anchor]:
    where = Path(path)
    try:
        raw = json.loads(where.read_text(encoding="utf-8"))
        written = str(raw["written_at"])
        return [
            Anchor(
                str(h["terminal"]), int(h["seq"]), str(h["hash"]), f"anchor file {where.name} of {written}"
            )
            for h in raw["heads"]
        ]
    except (OSError, ValueError, KeyError, TypeError):
        raise ValidationError(
            "{path} is not a journal anchor file", field="anchor", path=str(where)[-120:]
        ) from None


def parse_anchor(text: str) -> Anchor:
    """What a person types from paper: a Z report's ``KIN01-T1 #57 3fa2c1d9e0b4`` or the
    receipt QR's ``KIN01-T1-000123|<hash>``."""
    value = (text or "").strip()
    if found := _Z_LINE.match(value):
        label, seq, digest = found.groups()
        return Anchor(label.upper(), int(seq), digest.lower(), f"Z report line #{seq}")
    if found := _RECEIPT_QR.match(value):
        label, number, digest = found.groups()
        return Anchor(label.upper(), None, digest.lower(), f"receipt {label.upper()}-{number}")
    raise ValidationError(
        "Anchor {text} not understood: use TERMINAL #SEQ HASH (Z report) or RECEIPT|HASH (receipt QR)",
        field="anchor",
        text=value[:40],
    )


def anchor_problem(anchor: Anchor, terminal_id: int | None) -> str | None:
    """Why the local journal does not hold the anchored entry, None when it does."""
    if terminal_id is None:
        return f"{anchor.source}: terminal {anchor.terminal} is not in this database"
    query = JournalEntry.select(JournalEntry.seq, JournalEntry.hash).where(
        JournalEntry.terminal == terminal_id
    )
    if anchor.seq is None:
        if query.where(JournalEntry.hash == anchor.hash).exists():
            return None
        return f"{anchor.terminal}: {anchor.source} is not in the journal (entries rewritten or deleted)"
    entry = query.where(JournalEntry.seq == anchor.seq).first()
    if entry is None:
        last = head(terminal_id)
        return (
            f"{anchor.terminal}: the journal ends at #{last[0] if last else 0} but {anchor.source} "
            f"holds #{anchor.seq} (entries deleted)"
        )
    if not entry.hash.startswith(anchor.hash):
        return (
            f"{anchor.terminal} journal entry #{anchor.seq} differs from {anchor.source} (journal rewritten)"
        )
    return None
