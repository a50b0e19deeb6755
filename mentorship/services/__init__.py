"""Use cases: each owns its transaction, its audit entry and any background work it starts."""
