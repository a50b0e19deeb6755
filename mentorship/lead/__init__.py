"""Lead pages."""
