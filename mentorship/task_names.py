"""The names of the background tasks: the one place the web and the worker agree on them.

The web publishes by name and never imports the worker; `worker/tasks.py` registers each name.
The names are what queued messages carry, so a deployed queue may still hold the old ones.
"""

from __future__ import annotations

MATCH_IDEA = "worker.tasks.match_idea"
REMATCH_OPEN_IDEAS = "worker.tasks.rematch_open_ideas"
REBUILD_INDEX = "worker.tasks.rebuild_index"
# A mentor, partner or cluster joined, changed or left: re-match the open ideas that seek its kind.
CANDIDATE_CHANGED = "worker.tasks.candidate_changed"
# Names of CANDIDATE_CHANGED in earlier releases; still registered so queued messages run.
CANDIDATE_CHANGED_ALIASES = ("worker.tasks.refresh_candidate", "worker.tasks.remove_candidate")
# Publishes work the broker missed, re-runs work of dead workers, re-queues ideas left waiting.
RECOVER_WORK = "worker.tasks.recover_work"
# The name of RECOVER_WORK in earlier releases (it then only swept ideas).
RECOVER_WORK_ALIASES = ("worker.tasks.sweep_stale_ideas",)
# Meaning vectors of every candidate (of one kind) that has none for its current text.
EMBED_CANDIDATES = "worker.tasks.embed_candidates"
SEND_OUTBOX = "worker.tasks.send_outbox"
# Each mentor's daily digest of new and withdrawn proposals, once it is due.
SEND_DIGESTS = "worker.tasks.send_digests"
# Reminders to mentorship pairs: no session logged for three weeks, a check-in due.
SEND_MENTORSHIP_NUDGES = "worker.tasks.send_mentorship_nudges"
CHECK_IMPORT = "worker.tasks.check_import"
RUN_IMPORT = "worker.tasks.run_import"

# Work a lead waits for: shown on the jobs page with its progress, and kept when done.
BULK_TASKS = frozenset({REMATCH_OPEN_IDEAS, CANDIDATE_CHANGED, REBUILD_INDEX, EMBED_CANDIDATES})
