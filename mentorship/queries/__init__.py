"""Read models: reports, exports and explanations that only read, never change, the database."""
