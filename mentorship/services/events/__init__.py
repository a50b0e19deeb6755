"""B2B matchmaking days: setting up events, registration, meetings, the schedule, outcomes."""
