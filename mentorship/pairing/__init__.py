"""The lead's pairing plan: one mentor per waiting entrepreneur within capacity, and its approval."""
