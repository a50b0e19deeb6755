"""Rate limits on the pages: log-ins per account and per address, sign-ups, behind a proxy."""

from __future__ import annotations

import pytest

from mentorship import create_app
from tests.conftest import app_config, client_at
from tests.factories import PASSWORD, EntrepreneurFactory, LeadFactory
from tests.web.conftest import FormSubmitter

BAD_CREDENTIALS = "That e-mail and password do not match an account."
SLOW_DOWN = "Too many attempts. Please try again in"


def _log_in(app, email: str, password: str = PASSWORD, address: str = "10.0.0.1", **environ):
    """One attempt from a fresh browser at `address` (its own app context keeps its CSRF token)."""
    with app.app_context():
        browser = FormSubmitter(client_at(app, address, **environ))
        return browser("/login", {"email": email, "password": password}, follow_redirects=False)


def _fail(app, email: str, times: int, address: str = "10.0.0.1", **environ) -> list[int]:
    return [
        _log_in(app, email, "wrong password", address, **environ).status_code for _ in range(times)
    ]


def _register(app, email: str, address: str = "10.0.0.1", password: str = PASSWORD):
    with app.app_context():
        browser = FormSubmitter(client_at(app, address))
        data = {"name": "Ana", "email": email, "password": password, "confirm": password}
        return browser("/register", {**data, "role": "entrepreneur"}, follow_redirects=False)


def test_failed_logins_on_random_emails_do_not_lock_out_the_lead(app):
    lead = LeadFactory()
    for n in range(30):
        assert _log_in(app, f"guess{n}@example.org", "wrong password").status_code == 200
    assert _log_in(app, lead.email).status_code == 302


def test_an_account_is_slowed_after_ten_failures_with_a_form_message(app):
    user = EntrepreneurFactory()
    assert _fail(app, user.email, 10) == [200] * 10
    refused = _log_in(app, user.email)
    assert refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert SLOW_DOWN in refused.get_data(as_text=True)


def test_failures_count_per_account_whatever_the_address(app):
    user = EntrepreneurFactory()
    for n in range(10):
        _fail(app, user.email, 1, address=f"10.0.1.{n}")
    assert _log_in(app, user.email, address="10.0.2.1").status_code == 429


def test_a_locked_out_account_never_blocks_another_accounts_correct_login(app):
    locked, other = EntrepreneurFactory(), EntrepreneurFactory()
    statuses = _fail(app, locked.email, 60)
    assert 429 in statuses
    assert _log_in(app, other.email).status_code == 302


def test_a_strangers_guessing_does_not_lock_the_owner_out_of_her_usual_address(app):
    owner = EntrepreneurFactory()
    assert _log_in(app, owner.email, address="10.0.0.1").status_code == 302
    _fail(app, owner.email, 10, address="198.51.100.7")
    assert _log_in(app, owner.email, address="198.51.100.7").status_code == 429
    assert _log_in(app, owner.email, address="10.0.0.1").status_code == 302


def test_the_owners_usual_address_is_slowed_by_its_own_failures(app):
    owner = EntrepreneurFactory()
    assert _log_in(app, owner.email).status_code == 302
    assert _fail(app, owner.email, 11) == [200] * 10 + [429]


def test_an_address_trying_many_accounts_gets_429_for_wrong_passwords(app):
    app.config["LOGIN_ADDRESS_RATE_LIMIT"] = "5 per hour"
    for n in range(5):
        assert _fail(app, f"victim{n}@example.org", 1) == [200]
    refused = _log_in(app, "victim9@example.org", "wrong password")
    assert refused.status_code == 429 and SLOW_DOWN in refused.get_data(as_text=True)


def test_a_busy_address_still_lets_its_own_people_in_and_a_few_newcomers(app):
    app.config["LOGIN_ADDRESS_RATE_LIMIT"] = "5 per hour"
    app.config["LOGIN_UNFAMILIAR_RATE_LIMIT"] = "1 per hour"
    regular, newcomer, latecomer = EntrepreneurFactory(), LeadFactory(), EntrepreneurFactory()
    assert _log_in(app, regular.email).status_code == 302
    for n in range(6):
        _fail(app, f"victim{n}@example.org", 1)
    assert _log_in(app, newcomer.email).status_code == 302
    assert _log_in(app, latecomer.email).status_code == 429
    assert _log_in(app, regular.email).status_code == 302
    assert _log_in(app, latecomer.email, address="192.0.2.44").status_code == 302


def test_ipv6_clients_count_per_64_network(app):
    app.config["LOGIN_ADDRESS_RATE_LIMIT"] = "2 per hour"
    _fail(app, "a@example.org", 1, address="2001:db8:1:2::1")
    _fail(app, "b@example.org", 1, address="2001:db8:1:2::2")
    assert _fail(app, "c@example.org", 1, address="2001:db8:1:2::3") == [429]
    assert _fail(app, "d@example.org", 1, address="2001:db8:1:3::1") == [200]


@pytest.fixture
def proxied_app(app, _schema, tmp_path):
    """The app behind one trusted proxy (PROXY_HOPS=1), on the same database as `app`."""
    behind_proxy = create_app(app_config(_schema, tmp_path, PROXY_HOPS=1))
    behind_proxy.config["LOGIN_ADDRESS_RATE_LIMIT"] = "3 per hour"
    return behind_proxy


def test_behind_a_trusted_proxy_each_client_is_counted_by_its_forwarded_address(proxied_app):
    proxy = "172.18.0.5"
    guesser = {"HTTP_X_FORWARDED_FOR": "203.0.113.5"}
    neighbour = {"HTTP_X_FORWARDED_FOR": "203.0.113.6"}
    assert _fail(proxied_app, "a@example.org", 4, address=proxy, **guesser) == [200] * 3 + [429]
    assert _fail(proxied_app, "b@example.org", 1, address=proxy, **neighbour) == [200]


def test_without_trusted_proxies_a_forged_forwarded_for_changes_nothing(app):
    app.config["LOGIN_ADDRESS_RATE_LIMIT"] = "3 per hour"
    statuses = [
        _fail(app, f"v{n}@example.org", 1, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")[0]
        for n in range(4)
    ]
    assert statuses == [200] * 3 + [429]


def test_registrations_are_limited_per_address_with_a_friendly_page(app):
    app.config["REGISTER_RATE_LIMIT"] = "2 per hour"
    assert [_register(app, f"ana{n}@example.org").status_code for n in range(2)] == [302, 302]
    refused = _register(app, "ana9@example.org")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert SLOW_DOWN in refused.get_data(as_text=True)
    assert _register(app, "ana9@example.org", address="10.0.0.2").status_code == 302


def test_a_refused_registration_form_costs_nothing(app):
    app.config["REGISTER_RATE_LIMIT"] = "1 per hour"
    assert _register(app, "ana@example.org", password="short").status_code == 200
    assert _register(app, "ana@example.org").status_code == 302


def test_idea_submissions_through_the_form_are_limited_with_a_friendly_page(app, auth, submit):
    app.config["IDEA_SUBMIT_RATE_LIMIT"] = "1 per hour"
    auth.login(EntrepreneurFactory().email)
    idea = {"title": "Ajvar from Leskovac peppers", "description": "Roasted pepper ajvar."}
    idea |= {"sector": "food", "stage": "idea", "needs": ["mentor"]}
    assert submit("/ideas/new", idea, follow_redirects=False).status_code == 302
    refused = submit("/ideas/new", idea, follow_redirects=False)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert SLOW_DOWN in refused.get_data(as_text=True)


def test_the_slow_down_message_speaks_serbian(app):
    user = EntrepreneurFactory()
    _fail(app, user.email, 10)
    refused = _log_in(app, user.email, HTTP_ACCEPT_LANGUAGE="sr")
    assert "Previše pokušaja. Pokušajte ponovo za 15 minuta." in refused.get_data(as_text=True)
