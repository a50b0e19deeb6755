"""Infrastructure: the broker, locks, paging, files, mail delivery, the runner thread, the match index.

Use cases in `mentorship.services` build on these; nothing here decides a business rule.
"""
