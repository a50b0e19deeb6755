"""After the lead approves a partner or cluster introduction: its private thread, the
partnership agreement either side records, and the agreements in the impact report."""
