"""The mentor's review queue."""
