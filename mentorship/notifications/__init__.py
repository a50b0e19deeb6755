"""Each user's in-app notifications."""
