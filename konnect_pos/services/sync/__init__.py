"""The terminal's sync use cases: push the outbox to HQ, pull reference data, keep the HQ password."""
