"""Pages of approved partner and cluster introductions: the thread and the agreement."""
