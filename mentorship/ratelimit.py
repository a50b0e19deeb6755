"""Rate limits per client address and per account, and the log-in rule built on them.

Counts live in the configured storage (Redis in production). When it stops answering, counting
goes on in this process's memory, so logins, pages and submissions keep working; /readyz says
so, and the shared counts are used again as soon as Redis answers.

The log-in rule (README, "Rate limits"):
- Failures count per account (any address) and per address (any account), separately.
- An account with LOGIN_ACCOUNT_RATE_LIMIT failures is slowed: attempts on it get 429 unheard.
  From an address the account has logged in from before, only that address's own failures on
  it count, so a stranger's guessing cannot lock the owner out of her usual place.
- An address with LOGIN_ADDRESS_RATE_LIMIT failures (credential stuffing: many accounts, one
  guess each) answers 429 to every further wrong password. A correct password still works for
  accounts that logged in from that address before (the honest people of one office) and, up
  to LOGIN_UNFAMILIAR_RATE_LIMIT per period, for accounts new to it; beyond that, new accounts
  wait. A list of stolen passwords yields little, a neighbour is never locked out for long.
"""

from __future__ import annotations

import hashlib
import ipaddress
import logging
import math
import time
from functools import wraps
from typing import TYPE_CHECKING, Any, Callable

from flask import Flask, current_app, g, make_response, render_template, request
from flask_babel import ngettext
from flask_login import current_user
from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from werkzeug.exceptions import TooManyRequests

from mentorship.config import RATE_LIMIT_DEFAULTS, check_rate_limit

if TYPE_CHECKING:
    from mentorship.models import User

log = logging.getLogger(__name__)

PROBE_SECONDS = 5.0  # how often a request tries a Redis that stopped answering
REDIS_TIMEOUT_SECONDS = 0.5  # a hung Redis delays a request by this much, not by minutes
KNOWN_ADDRESS = parse("1 per 30 days")  # an account logged in from this address lately
# Responses that created or tried to create something; refused forms (200, 4xx) cost nothing.
COUNTED_STATUSES = frozenset({201, 302, 303, 409})


class RateLimited(TooManyRequests):
    """429 with Retry-After; `description` is the message for the person or the client."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(description=message, retry_after=retry_after)


class CountStore:
    """Fixed-window counters in the shared storage, or in memory while that fails."""

    def __init__(self, uri: str) -> None:
        self._memory: FixedWindowRateLimiter | None = None
        self._shared: FixedWindowRateLimiter | None = None
        if not uri.startswith("memory://"):
            options = {"socket_connect_timeout": REDIS_TIMEOUT_SECONDS}
            options["socket_timeout"] = REDIS_TIMEOUT_SECONDS
            storage = storage_from_string(uri, wrap_exceptions=True, **options)
            self._shared = FixedWindowRateLimiter(storage)
        self.failing_since: float | None = None
        self._next_probe = 0.0

    def hit(self, item: RateLimitItem, *key: str) -> bool:
        return self._run("hit", item, *key)

    def allows(self, item: RateLimitItem, *key: str) -> bool:
        return self._run("test", item, *key)

    def seconds_left(self, item: RateLimitItem, *key: str) -> int:
        reset_time = self._run("get_window_stats", item, *key).reset_time
        return max(1, math.ceil(reset_time - time.time()))

    def status(self) -> str:
        """For /readyz: where the counts are kept, after asking the shared storage right now."""
        if self._shared is None:
            return "memory"
        self._next_probe = 0.0
        self._run("test", KNOWN_ADDRESS, "probe")
        if self.failing_since is None:
            return "redis"
        return "degraded: redis unreachable, counting in memory per process"

    def _run(self, operation: str, item: RateLimitItem, *key: str) -> Any:
        key = ("mentorship", *key)
        if self._shared is not None and (self.failing_since is None or self._probe_due()):
            try:
                result = getattr(self._shared, operation)(item, *key)
            except StorageError as error:
                self._failed(error)
            else:
                if self.failing_since is not None:
                    log.warning("rate-limit storage answers again; using shared counts")
                    self.failing_since = None
                return result
        if self._memory is None:
            self._memory = FixedWindowRateLimiter(MemoryStorage())
        return getattr(self._memory, operation)(item, *key)

    def _probe_due(self) -> bool:
        if time.monotonic() < self._next_probe:
            return False
        self._next_probe = time.monotonic() + PROBE_SECONDS
        return True

    def _failed(self, error: StorageError) -> None:
        if self.failing_since is None:
            log.warning("rate-limit storage unreachable (%s); counting in memory", error)
            self.failing_since = time.time()
        self._next_probe = time.monotonic() + PROBE_SECONDS


def init_app(app: Flask) -> None:
    for name in RATE_LIMIT_DEFAULTS:
        check_rate_limit(name, app.config[name])
    app.extensions["rate_limits"] = CountStore(app.config["RATELIMIT_STORAGE_URI"])
    app.register_error_handler(RateLimited, _answer)


def store() -> CountStore:
    return current_app.extensions["rate_limits"]


def _limit(setting: str) -> RateLimitItem:
    return parse(current_app.config[setting])


def client_address() -> str:
    """The client's address (ProxyFix has applied PROXY_HOPS); IPv6 counts per /64 network."""
    raw = request.remote_addr or "unknown"
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return raw
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def account_key(email: str) -> str:
    """E-mail addresses are counted under a digest, so the storage holds no personal data."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]


def _refuse(seconds: int) -> RateLimited:
    minutes = max(1, math.ceil(seconds / 60))
    message = ngettext(
        "Too many attempts. Please try again in %(num)d minute.",
        "Too many attempts. Please try again in %(num)d minutes.",
        minutes,
    )
    return RateLimited(message, seconds)


# Plain limits: registrations, reset requests, idea submissions.


def _scopes(extra: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    scopes = [("address", client_address())]
    user = g.get("api_user") or (current_user if current_user.is_authenticated else None)
    if user is not None:
        scopes.append(("user", str(user.id)))
    return scopes + ([("account", *extra)] if extra else [])


def _check(setting: str, scopes: list[tuple[str, ...]]) -> None:
    item = _limit(setting)
    for scope in scopes:
        if not store().allows(item, setting, *scope):
            raise _refuse(store().seconds_left(item, setting, *scope))


def spend(setting: str, account: str | None = None) -> None:
    """Count one use per address (and signed-in user, and `account`); 429 once one is spent."""
    scopes = _scopes((account_key(account),) if account else ())
    _check(setting, scopes)
    for scope in scopes:
        store().hit(_limit(setting), setting, *scope)


def rate_limited(setting: str, methods: tuple[str, ...] = ("POST",)) -> Callable:
    """Limit a view per address and per signed-in account, counting what it created (or 409)."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any):
            if request.method not in methods:
                return view(*args, **kwargs)
            scopes = _scopes()
            _check(setting, scopes)
            try:
                response = make_response(view(*args, **kwargs))
            except Exception as error:  # a ServiceError or HTTPException the app answers later
                status = getattr(error, "status", None) or getattr(error, "code", None)
                _count_if(status, setting, scopes)
                raise
            _count_if(response.status_code, setting, scopes)
            return response

        return wrapper

    return decorator


def _count_if(status: object, setting: str, scopes: list[tuple[str, ...]]) -> None:
    if status in COUNTED_STATUSES:
        for scope in scopes:
            store().hit(_limit(setting), setting, *scope)


# Log-ins: the rule in the module docstring.


def attempt_login(email: str, password: str) -> User | None:
    """The user if the password is right; None if not; RateLimited when a limit says no."""
    from mentorship.services.accounts import authenticate

    counts = store()
    account, address = account_key(email), client_address()
    per_account, per_address = (
        _limit("LOGIN_ACCOUNT_RATE_LIMIT"),
        _limit("LOGIN_ADDRESS_RATE_LIMIT"),
    )
    unfamiliar = _limit("LOGIN_UNFAMILIAR_RATE_LIMIT")
    familiar = not counts.allows(KNOWN_ADDRESS, "login-known", account, address)
    account_scope = (
        ("login-failed-here", account, address) if familiar else ("login-failed", account)
    )
    if not counts.allows(per_account, *account_scope):
        raise _refuse(counts.seconds_left(per_account, *account_scope))
    address_scope = ("login-failed-from", address)
    crowded = not familiar and not counts.allows(per_address, *address_scope)
    if crowded and not counts.allows(unfamiliar, "login-unfamiliar", address):
        raise _refuse(counts.seconds_left(unfamiliar, "login-unfamiliar", address))

    user = authenticate(email, password)
    if user is None:
        counts.hit(per_account, "login-failed", account)
        counts.hit(per_account, "login-failed-here", account, address)
        counts.hit(per_address, *address_scope)
        if crowded:
            raise _refuse(counts.seconds_left(per_address, *address_scope))
        return None
    if crowded:
        counts.hit(unfamiliar, "login-unfamiliar", address)
    counts.hit(KNOWN_ADDRESS, "login-known", account, address)
    return user


def _answer(error: RateLimited):
    from mentorship.errors import error_response, wants_json

    headers = {"Retry-After": str(error.retry_after)}
    if wants_json():
        return error_response(429, error.description, code="rate_limited", headers=headers)
    page = render_template("errors/error.html", status=429, message=error.description)
    return page, 429, headers
