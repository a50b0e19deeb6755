"""Register, log in and log out through the real HTML forms."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import User
from tests.factories import PASSWORD, EntrepreneurFactory

NEW_ACCOUNT = {
    "name": "Jelena Đorđević",
    "email": "jelena@example.org",
    "password": PASSWORD,
    "confirm": PASSWORD,
    "role": "entrepreneur",
}


def _user(email: str) -> User | None:
    return db.session.scalar(sa.select(User).where(User.email == email))


def test_entrepreneur_registers_and_lands_on_her_profile(client, submit):
    response = submit("/register", NEW_ACCOUNT)
    assert response.status_code == 200
    assert response.request.path == "/profile"
    assert _user("jelena@example.org").role == "entrepreneur"


def test_registering_mentor_is_told_she_waits_for_approval(client, submit):
    response = submit("/register", {**NEW_ACCOUNT, "role": "mentor"})
    assert "approval" in response.get_data(as_text=True)
    assert _user("jelena@example.org").status == "pending"


def test_register_page_explains_mentor_approval(client):
    assert "approves every new mentor" in client.get("/register").get_data(as_text=True)


def test_registering_a_taken_email_shows_the_error_next_to_the_field(client, submit):
    EntrepreneurFactory(email="jelena@example.org")
    response = submit("/register", NEW_ACCOUNT)
    html = response.get_data(as_text=True)
    assert response.request.path == "/register"
    assert 'id="email-error"' in html and "Already registered." in html


def test_registering_with_a_short_password_is_refused(client, submit):
    response = submit("/register", {**NEW_ACCOUNT, "password": "short", "confirm": "short"})
    assert "at least 8 characters" in response.get_data(as_text=True)
    assert _user("jelena@example.org") is None


def test_registering_as_lead_by_hand_is_refused(client, submit):
    submit("/register", {**NEW_ACCOUNT, "role": "lead"})
    assert _user("jelena@example.org") is None


def test_registration_without_csrf_token_is_refused_and_writes_nothing(client):
    response = client.post("/register", data=NEW_ACCOUNT)
    assert response.status_code == 400
    assert _user("jelena@example.org") is None


def test_user_logs_in_and_sees_her_dashboard(client, auth):
    user = EntrepreneurFactory(name="Ana Čačak")
    response = auth.login(user.email)
    assert response.request.path == "/"
    assert "Hello, Ana Čačak" in response.get_data(as_text=True)


def test_unknown_email_and_wrong_password_get_the_same_message(client, auth):
    user = EntrepreneurFactory()
    unknown = auth.login("nobody@example.org").get_data(as_text=True)
    wrong = auth.login(user.email, "wrong password").get_data(as_text=True)
    message = "That e-mail and password do not match an account."
    assert message in unknown and message in wrong


def test_repeated_failed_logins_are_rate_limited_with_retry_after(client, auth):
    for _ in range(10):
        auth.login("nobody@example.org", "wrong password")
    response = auth.login("nobody@example.org", "wrong password")
    assert response.status_code == 429
    assert response.headers.get("Retry-After")


def test_successful_logins_do_not_count_towards_the_limit(client, auth):
    user = EntrepreneurFactory()
    for _ in range(6):
        auth.login(user.email)
        auth.logout()
    assert auth.login(user.email).status_code == 200


def test_login_follows_a_local_next_path(client, submit):
    user = EntrepreneurFactory()
    response = submit(
        "/login?next=/ideas", {"email": user.email, "password": PASSWORD}, follow_redirects=False
    )
    assert response.headers["Location"] == "/ideas"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_login_ignores_a_next_pointing_to_another_site(client, submit, target):
    user = EntrepreneurFactory()
    response = submit(
        f"/login?next={target}", {"email": user.email, "password": PASSWORD}, follow_redirects=False
    )
    assert response.headers["Location"] == "/"


def test_protected_page_redirects_anonymous_visitor_to_login_with_next(client):
    response = client.get("/profile")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_logout_by_post_with_token_ends_the_session(client, auth):
    auth.login(EntrepreneurFactory().email)
    auth.logout()
    assert client.get("/profile").status_code == 302


def test_logout_without_csrf_token_is_refused(client, auth):
    auth.login(EntrepreneurFactory().email)
    assert client.post("/logout").status_code == 400
    assert client.get("/profile").status_code == 200


def test_logout_is_not_a_get(client, auth):
    auth.login(EntrepreneurFactory().email)
    assert client.get("/logout").status_code == 405
