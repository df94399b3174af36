"""Headquarters as the journal's anchor: the head HQ acknowledged for each linked terminal."""

from __future__ import annotations

import psycopg

from konnect_pos.domain.errors import KonnectError
from konnect_pos.services.journal_anchor import Anchor, terminal_labels
from konnect_pos.store.models import SyncLink
from konnect_pos.sync.hq_connection import hq_connect, refused


def hq_anchors() -> tuple[list[Anchor], list[str]]:
    """HQ's journal head per linked terminal, and a note per terminal HQ could not be asked for
    (``verify`` then checks against the other anchors it has and says so)."""
    labels = terminal_labels()
    anchors, notes = [], []
    for link in SyncLink.select().order_by(SyncLink.terminal):
        label = labels[link.terminal_id]
        try:
            with hq_connect(link.hq_url) as conn:
                try:
                    row = conn.execute("SELECT seq, hash FROM hq_journal_head(%s)", (label,)).fetchone()
                except psycopg.Error as exc:
                    raise refused(exc) from None
        except KonnectError as error:
            notes.append(f"{label}: headquarters not asked ({error.message})")
            continue
        if row and row[0]:
            anchors.append(Anchor(label, int(row[0]), str(row[1]), "headquarters"))
    return anchors, notes
