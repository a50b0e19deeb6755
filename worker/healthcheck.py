"""Container health check for Celery beat, which has no ping of its own.

Beat rewrites its schedule file (celerybeat-schedule, plus any suffix the dbm module adds)
every few minutes while it hands out the periodic tasks, which here run every minute. A file
older than `max_age` seconds means beat is stuck or gone.

    python -m worker.healthcheck /app/instance/celerybeat-schedule [max_age]
"""

from __future__ import annotations

import glob
import os
import sys
import time

DEFAULT_MAX_AGE = 600.0


def beat_is_alive(schedule: str, max_age: float = DEFAULT_MAX_AGE) -> bool:
    files = glob.glob(glob.escape(schedule) + "*")
    if not files:
        return False
    return time.time() - max(os.path.getmtime(name) for name in files) < max_age


def main(argv: list[str]) -> int:
    if not argv:
        print(
            "usage: python -m worker.healthcheck SCHEDULE_FILE [MAX_AGE_SECONDS]", file=sys.stderr
        )
        return 2
    max_age = float(argv[1]) if len(argv) > 1 else DEFAULT_MAX_AGE
    if beat_is_alive(argv[0], max_age):
        return 0
    print(f"beat has not written {argv[0]} for {max_age:.0f} s", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
