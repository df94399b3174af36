"""Benchmark databases built once under benchmarks/data/ and reused.

A database is built under a temporary name and renamed when complete, so a build stopped half-way
(Ctrl+C, a killed job) is started again on the next run instead of being measured or refused.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from konnect_pos.store.database import db

DATA = Path(__file__).resolve().parent / "data"


def built_once(path: Path, build: Callable[[str], None]) -> Path:
    """``path``, built by ``build(url)`` first if it is not there yet."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    build(f"sqlite:///{partial}")
    db.close()  # the last connection out folds the WAL into the file
    partial.rename(path)
    return path
