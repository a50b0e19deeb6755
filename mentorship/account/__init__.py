"""One's own account: passwords (forgotten, reset, changed), a copy of one's data, deletion."""
