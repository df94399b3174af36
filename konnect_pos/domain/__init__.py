"""Pure business rules: no Qt, no database, no clock reads, no I/O."""
