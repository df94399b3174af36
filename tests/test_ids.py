"""Record ids: RFC 9562 version 7, time-ordered, unique."""

from __future__ import annotations

import os
import threading
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


def _random_part(text: str) -> int:
    return uuid.UUID(text).int & ((1 << 62) - 1)  # the bits after the variant


def test_a_forked_child_never_repeats_its_parents_random_bits():
    new_uuid()  # the parent holds unread random bytes
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: its next ids, then out without running pytest's teardown
        os.write(writer, " ".join(new_uuid() for _ in range(50)).encode())
        os._exit(0)
    os.close(writer)
    os.waitpid(pid, 0)
    with os.fdopen(reader) as pipe:
        child = pipe.read().split()
    parent = [new_uuid() for _ in range(50)]
    assert len(child) == 50
    assert not {_random_part(u) for u in child} & {_random_part(u) for u in parent}


def test_ids_made_by_many_threads_at_once_are_unique_and_version_7():
    made: list[list[str]] = [[] for _ in range(4)]

    def make(into: list[str]) -> None:
        into.extend(new_uuid() for _ in range(5_000))

    threads = [threading.Thread(target=make, args=(into,)) for into in made]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [u for into in made for u in into]
    assert len(set(every)) == len(every) == 20_000
    assert all(uuid.UUID(u).version == 7 for u in every)
    assert len({_random_part(u) for u in every}) == 20_000
