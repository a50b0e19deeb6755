"""B2B matchmaking days: the lead sets up events; entrepreneurs and partner contacts meet."""
