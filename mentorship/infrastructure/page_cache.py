"""What a page computed from the database, kept for a while under a fingerprint of that data.

A key names everything the value depends on (a fingerprint of the tables it was computed from,
the language, the filters), so an entry never needs to be deleted: when the data changes, the
fingerprint changes and the page computes a new entry. Entries expire after `TTL` seconds only
to bound memory.

Values are JSON (plain numbers, strings, lists and dictionaries). They are kept in Redis when
the app has one (`REDIS_URL`), shared by every web process; otherwise, or while Redis does not
answer, in a small dictionary of this process. A cache that does not answer is a miss, never
an error: the page computes its value as it would without a cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from flask import current_app, request
from markupsafe import Markup

from mentorship.extensions import db
from mentorship.i18n import current_language

log = logging.getLogger(__name__)

TTL = 600  # seconds
LOCAL_ENTRIES = 64
PREFIX = "mentorship:page-cache:"
# After Redis fails, the process uses its own dictionary for this long before trying again.
REDIS_BACKOFF = 10.0
EXTENSION = "page_cache"
# Where a kept part's HTML had the CSRF token of the request that rendered it: a tag no template
# writes and no escaped user text can hold (escaping turns "<" into "&lt;").
TOKEN_SLOT = "<csrf-token-slot/>"


def cache_key(name: str, *parts: object) -> str:
    """`name` and a digest of the parts: short, and safe whatever the parts contain."""
    digest = hashlib.sha256(json.dumps(parts, default=str).encode()).hexdigest()[:32]
    return f"{name}:{digest}"


def kept_part(name: str, *parts: object, token: str, compute: Callable[[], dict]) -> dict:
    """A part of a page kept under `parts` (a fingerprint of its data, who reads it, its filters),
    with the language, the time zone and the mount point; `compute` gives a dictionary whose
    "html" may hold `token`, the request's CSRF token. The token is kept as a slot and each request
    gets its own back, so one session's token never reaches another's page.

    Everything a new entry shows is read after its fingerprint was taken: the objects the request
    loaded before (the idea of the page, the reader's profile) are expired and read again, or a
    change committed in between would be kept as the state of the newer fingerprint. The
    fingerprint's query flushed any pending change first, so nothing is lost."""
    key = cache_key(
        name,
        *parts,
        bool(token),
        request.script_root,
        current_language(),
        current_app.config.get("BABEL_DEFAULT_TIMEZONE"),
    )
    cached = get(key)
    if cached is None:
        db.session.expire_all()
        cached = compute()
        if token:
            cached["html"] = cached["html"].replace(token, TOKEN_SLOT)
        put(key, cached)
    html = cached["html"]
    return {**cached, "html": Markup(html.replace(TOKEN_SLOT, token) if token else html)}


def get(key: str) -> Any | None:
    return _store().get(key)


def put(key: str, value: Any, ttl: int = TTL) -> None:
    _store().put(key, value, ttl)


def clear_local() -> None:
    """Forget this process's entries (tests; Redis entries expire by themselves)."""
    store = current_app.extensions.get(EXTENSION)
    if store is not None:
        store.local.clear()


class _LocalEntries:
    """A bounded dictionary with expiry, for one process."""

    def __init__(self) -> None:
        self._entries: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> str | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            if found[0] < time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return found[1]

    def put(self, key: str, text: str, ttl: int) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + ttl, text)
            self._entries.move_to_end(key)
            while len(self._entries) > LOCAL_ENTRIES:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


class _Store:
    def __init__(self, redis_url: str | None) -> None:
        self.local = _LocalEntries()
        self._redis_url = redis_url
        self._client = None
        self._redis_down_until = 0.0

    def get(self, key: str) -> Any | None:
        text = self._redis_call(lambda client: client.get(PREFIX + key))
        if text is None:
            text = self.local.get(key)
        return None if text is None else json.loads(text)

    def put(self, key: str, value: Any, ttl: int) -> None:
        text = json.dumps(value, separators=(",", ":"))
        if self._redis_call(lambda client: client.set(PREFIX + key, text, ex=ttl)) is None:
            self.local.put(key, text, ttl)

    def _redis_call(self, call):
        if not self._redis_url or time.monotonic() < self._redis_down_until:
            return None
        try:
            if self._client is None:
                import redis

                self._client = redis.Redis.from_url(
                    self._redis_url, socket_connect_timeout=0.5, socket_timeout=0.5
                )
            return call(self._client)
        except Exception as error:  # a cache that does not answer is a miss, never a 500
            log.warning("page cache: Redis did not answer (%s); using this process", error)
            self._redis_down_until = time.monotonic() + REDIS_BACKOFF
            return None


def _store() -> _Store:
    store = current_app.extensions.get(EXTENSION)
    if store is None:
        store = current_app.extensions.setdefault(
            EXTENSION, _Store(current_app.config.get("REDIS_URL"))
        )
    return store
