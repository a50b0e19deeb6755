"""Ideas pages."""
