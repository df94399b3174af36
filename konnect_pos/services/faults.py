"""Database faults (disk full, read-only file, lost server link, damaged file) as one user line.

The GUI may not import the store; it asks here what a failure from the database worker means.
"""

from __future__ import annotations

from konnect_pos.domain.errors import KonnectError
from konnect_pos.store.database import store_fault


def fault_error(error: BaseException) -> KonnectError | None:
    """The translatable error for a database fault in ``error``'s chain, else ``None``."""
    return store_fault(error)
