"""Record ids: RFC 9562 version 7, time-ordered, unique."""

from __future__ import annotations

import time
import uuid

from konnect_pos.services.ids import new_uuid


def test_ids_are_version_7_in_the_order_they_were_made():
    before = time.time_ns() // 1_000_000
    made = [new_uuid() for _ in range(500)]
    parsed = [uuid.UUID(text) for text in made]
    assert all(u.version == 7 and u.variant == uuid.RFC_4122 for u in parsed)
    assert [str(u) for u in parsed] == made  # canonical lower-case text
    assert made == sorted(made) and len(set(made)) == len(made)
    first_ms = parsed[0].int >> 80
    assert first_ms >= before  # ids made within one ms take the next: never behind the clock
