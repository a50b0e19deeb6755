"""The lead's mentor administration: approval, capacity, deactivation."""
