"""The lead's page of background jobs."""
