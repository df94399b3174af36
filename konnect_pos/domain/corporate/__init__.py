"""Corporate accounts: billing cycles, service lines, proration and invoices, pure (RULES.md §3)."""
