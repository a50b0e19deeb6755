"""Mentorship pages: the pair's shared space after the pairing, and the lead's impact report."""
