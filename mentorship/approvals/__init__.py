"""The lead's approval queue and audit trail."""
