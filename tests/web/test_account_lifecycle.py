"""Password reset and change, one's data and deleting the account, through the real forms."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa

from mentorship.extensions import db
from mentorship.models import AccountToken, AuditEntry, Idea, Match, OutboxEmail, User
from mentorship.services import audit
from tests.conftest import AuthActions, client_at, csrf_token_from
from tests.factories import (
    PASSWORD,
    EntrepreneurFactory,
    IdeaFactory,
    LeadFactory,
    MatchFactory,
    MentorFactory,
)
from tests.web.conftest import FormSubmitter

NEW_PASSWORD = "plum jam from Merošina"
SENT = "If an account exists for that address, we have sent a link"


def _reset_links() -> list[str]:
    bodies = db.session.scalars(sa.select(OutboxEmail.body).order_by(OutboxEmail.id))
    return [path for body in bodies for path in re.findall(r"https?://[^/\s]+(/reset/\S+)", body)]


def _ask_for_reset(submit, email: str):
    return submit("/forgot-password", {"email": email})


def _reset_link_for(submit, email: str) -> str:
    _ask_for_reset(submit, email)
    return _reset_links()[-1]


def _choose(submit, link: str, password: str = NEW_PASSWORD, confirm: str | None = None):
    return submit(link, {"password": password, "confirm": confirm or password})


def _user(user_id: int) -> User | None:
    db.session.expire_all()
    return db.session.get(User, user_id)


# Password reset


def test_login_page_offers_a_forgotten_password_link(client):
    assert 'href="/forgot-password"' in client.get("/login").get_data(as_text=True)


def test_reset_request_answers_the_same_for_known_and_unknown_addresses(client, submit):
    EntrepreneurFactory(email="jelena@example.org")
    known = _ask_for_reset(submit, "jelena@example.org")
    unknown = _ask_for_reset(submit, "nobody@example.org")
    assert known.status_code == unknown.status_code == 200
    assert SENT in known.get_data(as_text=True)
    assert known.get_data(as_text=True) == unknown.get_data(as_text=True)


def test_reset_e_mail_goes_only_to_a_known_address(client, submit):
    EntrepreneurFactory(email="jelena@example.org")
    _ask_for_reset(submit, "nobody@example.org")
    _ask_for_reset(submit, "Jelena@Example.org ")
    assert list(db.session.scalars(sa.select(OutboxEmail.to_email))) == ["jelena@example.org"]


def test_reset_e_mail_is_sent_even_to_someone_who_opted_out_of_notifications(client, submit):
    EntrepreneurFactory(email="jelena@example.org", email_notifications=False)
    assert _reset_link_for(submit, "jelena@example.org").startswith("/reset/")


def test_only_a_hash_of_the_reset_token_is_stored(client, submit):
    EntrepreneurFactory(email="jelena@example.org")
    raw = _reset_link_for(submit, "jelena@example.org").removeprefix("/reset/")
    token = db.session.scalar(sa.select(AccountToken))
    assert token.purpose == "password_reset"
    assert token.token_hash == hashlib.sha256(raw.encode()).hexdigest() != raw


def test_reset_link_expires_after_an_hour(client, submit):
    EntrepreneurFactory(email="jelena@example.org")
    link = _reset_link_for(submit, "jelena@example.org")
    token = db.session.scalar(sa.select(AccountToken))
    assert abs(
        token.expires_at.replace(tzinfo=timezone.utc)
        - datetime.now(timezone.utc)
        - timedelta(hours=1)
    ) < timedelta(minutes=1)
    token.expires_at = datetime.now(timezone.utc) - timedelta(seconds=1)
    db.session.commit()
    response = client.get(link)
    assert response.status_code == 410 and "has expired" in response.get_data(as_text=True)


def test_new_password_works_and_the_old_one_does_not(client, auth, submit):
    user = EntrepreneurFactory(email="jelena@example.org")
    response = _choose(submit, _reset_link_for(submit, "jelena@example.org"))
    assert response.request.path == "/login" and "Your password is changed" in response.get_data(
        as_text=True
    )
    assert "Welcome back" not in auth.login(user.email, PASSWORD).get_data(as_text=True)
    assert "Welcome back" in auth.login(user.email, NEW_PASSWORD).get_data(as_text=True)


def test_reset_link_works_only_once(client, submit):
    EntrepreneurFactory(email="jelena@example.org")
    link = _reset_link_for(submit, "jelena@example.org")
    _choose(submit, link)
    response = client.get(link)
    assert response.status_code == 410 and "already been used" in response.get_data(as_text=True)


def test_a_reset_spends_the_other_links_of_the_account_too(client, submit):
    EntrepreneurFactory(email="jelena@example.org")
    first = _reset_link_for(submit, "jelena@example.org")
    second = _reset_link_for(submit, "jelena@example.org")
    _choose(submit, second)
    assert client.get(first).status_code == 410


def test_unknown_reset_link_says_it_is_not_valid(client):
    response = client.get("/reset/made-up-token")
    assert response.status_code == 410 and "not valid" in response.get_data(as_text=True)


def test_reset_refuses_a_short_or_unconfirmed_password_and_keeps_the_link(client, submit):
    user = EntrepreneurFactory(email="jelena@example.org")
    link = _reset_link_for(submit, "jelena@example.org")
    assert "at least 8 characters" in _choose(submit, link, "short").get_data(as_text=True)
    assert "The two passwords differ" in _choose(
        submit, link, NEW_PASSWORD, "something else"
    ).get_data(as_text=True)
    assert _user(user.id).check_password(PASSWORD)
    assert client.get(link).status_code == 200


def test_reset_revokes_api_tokens(client, submit, api_headers):
    user = EntrepreneurFactory(email="jelena@example.org")
    headers = api_headers(user)
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    _choose(submit, _reset_link_for(submit, "jelena@example.org"))
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def test_reset_ends_a_session_opened_with_the_old_password(app, client, submit):
    user = EntrepreneurFactory(email="jelena@example.org")
    other_browser = app.test_client()
    # Its own app context, so the logged-in user cached on `g` stays with that browser.
    with app.app_context():
        AuthActions(other_browser).login(user.email)
        assert other_browser.get("/profile").status_code == 200
    _choose(submit, _reset_link_for(submit, "jelena@example.org"))
    with app.app_context():
        response = other_browser.get("/profile")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def _log_in_without_following(browser, email: str, password: str = PASSWORD):
    """The cookie the log-in answer sets, before any later page could touch the session."""
    token = csrf_token_from(browser.get("/login").get_data(as_text=True))
    response = browser.post(
        "/login", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code == 302
    return response


def test_a_session_cookie_from_before_a_reset_is_refused_on_its_very_first_reuse(
    app, client, submit
):
    user = EntrepreneurFactory(email="jelena@example.org")
    other_browser = app.test_client()
    with app.app_context():
        _log_in_without_following(other_browser, user.email)
    _choose(submit, _reset_link_for(submit, "jelena@example.org"))
    with app.app_context():
        response = other_browser.get("/profile")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_session_cookie_from_before_a_password_change_is_refused_on_its_first_reuse(app, submit):
    user = EntrepreneurFactory(email="jelena@example.org")
    first_browser, second_browser = app.test_client(), app.test_client()
    with app.app_context():
        _log_in_without_following(first_browser, user.email)
    with app.app_context():
        AuthActions(second_browser).login(user.email)
        FormSubmitter(second_browser)(
            "/account/password",
            {"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
        )
        assert second_browser.get("/profile").status_code == 200
    with app.app_context():
        response = first_browser.get("/profile")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_password_change_revokes_api_tokens(client, auth, submit, api_headers):
    user = EntrepreneurFactory()
    headers = api_headers(user)
    auth.login(user.email)
    submit(
        "/account/password",
        {"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert client.get("/api/v1/me", headers=headers).status_code == 401


def _ask_for_reset_with_host(client, host: str, email: str) -> str:
    """Both requests carry the forged Host (the form, then the post); returns the e-mail body."""
    page = client.get("/forgot-password", headers={"Host": host})
    token = csrf_token_from(page.get_data(as_text=True))
    client.post(
        "/forgot-password",
        data={"email": email, "csrf_token": token},
        headers={"Host": host, "X-Forwarded-Host": host},
    )
    return db.session.scalar(sa.select(OutboxEmail.body))


def test_a_reset_link_uses_the_public_base_url_whatever_the_host_header(app, client):
    app.config["PUBLIC_BASE_URL"] = "https://match.example.org"
    EntrepreneurFactory(email="jelena@example.org")
    body = _ask_for_reset_with_host(client, "evil.example", "jelena@example.org")
    assert re.search(r"https://match\.example\.org/reset/\S+", body)
    assert "evil.example" not in body


def test_without_a_public_base_url_development_links_go_to_the_local_server(app, client):
    app.config["PUBLIC_BASE_URL"] = ""
    EntrepreneurFactory(email="jelena@example.org")
    body = _ask_for_reset_with_host(client, "evil.example", "jelena@example.org")
    assert "http://127.0.0.1:5000/reset/" in body and "evil.example" not in body


def test_reset_requests_are_limited_per_address_with_a_form_message(app, client, submit):
    app.config["PASSWORD_RESET_RATE_LIMIT"] = "3 per hour"
    responses = [_ask_for_reset(submit, f"someone{n}@example.org") for n in range(4)]
    assert [response.status_code for response in responses] == [200, 200, 200, 429]
    assert int(responses[-1].headers["Retry-After"]) > 0
    assert "Too many attempts. Please try again in 60 minutes." in responses[-1].get_data(
        as_text=True
    )


def test_reset_requests_are_limited_per_email_across_addresses(app):
    app.config["PASSWORD_RESET_RATE_LIMIT"] = "2 per hour"
    responses = []
    for n in range(1, 4):
        with app.app_context():  # each browser keeps its own CSRF token (cached on `g`)
            browser = FormSubmitter(client_at(app, f"10.0.0.{n}"))
            responses.append(browser("/forgot-password", {"email": "a@example.org"}))
    assert [response.status_code for response in responses] == [200, 200, 429]


def test_reset_request_without_csrf_token_is_refused(client):
    assert client.post("/forgot-password", data={"email": "jelena@example.org"}).status_code == 400


# Change password


def test_change_password_needs_the_current_one(client, auth, submit):
    user = EntrepreneurFactory()
    auth.login(user.email)
    response = submit(
        "/account/password",
        {"current_password": "wrong one", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert "This is not your current password." in response.get_data(as_text=True)
    assert _user(user.id).check_password(PASSWORD)


def test_changed_password_works_and_keeps_this_session(client, auth, submit):
    user = EntrepreneurFactory()
    auth.login(user.email)
    response = submit(
        "/account/password",
        {"current_password": PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD},
    )
    assert "Your password is changed" in response.get_data(as_text=True)
    assert client.get("/profile").status_code == 200
    assert _user(user.id).check_password(NEW_PASSWORD)


def test_change_password_page_needs_a_login(client):
    assert client.get("/account/password").status_code == 302


# Download my data


def test_data_download_is_a_json_attachment_with_the_users_ideas(client, auth):
    user = EntrepreneurFactory(email="jelena@example.org")
    idea = IdeaFactory(owner=user, title="Ajvar from Leskovac peppers")
    MatchFactory(idea=idea)
    IdeaFactory(title="Someone else's idea")
    auth.login(user.email)
    response = client.get("/account/data")
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["email"] == "jelena@example.org"
    assert [item["title"] for item in data["ideas"]] == ["Ajvar from Leskovac peppers"]
    assert [match["idea_id"] for match in data["matches"]] == [idea.id]
    assert data["profile"]["business_name"]


def test_data_download_holds_no_password_hash(client, auth):
    user = EntrepreneurFactory()
    auth.login(user.email)
    assert user.password_hash not in client.get("/account/data").get_data(as_text=True)


def test_mentor_data_download_has_her_matches(client, auth):
    mentor = MentorFactory()
    match = MatchFactory(mentor=mentor)
    auth.login(mentor.email)
    data = json.loads(client.get("/account/data").get_data(as_text=True))
    assert [item["id"] for item in data["matches"]] == [match.id]


# Delete my account


def _delete(submit, password: str = PASSWORD):
    return submit("/account/delete", {"password": password})


def test_delete_asks_for_the_password(client, auth, submit):
    user = EntrepreneurFactory()
    auth.login(user.email)
    assert "This cannot be undone" in client.get("/account/delete").get_data(as_text=True)
    assert "This is not your password." in _delete(submit, "wrong one").get_data(as_text=True)
    assert _user(user.id) is not None


def test_delete_removes_the_user_and_their_ideas_and_matches(client, auth, submit):
    user = EntrepreneurFactory()
    idea = IdeaFactory(owner=user)
    MatchFactory(idea=idea)
    auth.login(user.email)
    response = _delete(submit)
    assert "Your account and everything in it are deleted" in response.get_data(as_text=True)
    assert _user(user.id) is None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Idea)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Match)) == 0


def test_delete_logs_the_user_out(client, auth, submit):
    auth.login(EntrepreneurFactory().email)
    _delete(submit)
    assert client.get("/profile").status_code == 302


def test_delete_keeps_the_audit_trail_without_personal_data(client, auth, submit):
    user = EntrepreneurFactory(name="Jelena Đorđević", email="jelena@example.org")
    audit.record(
        user,
        "idea.submit",
        "user",
        user.id,
        note="Submitted by Jelena Đorđević",
        details={"email": "jelena@example.org", "said": "write to jelena@example.org"},
    )
    db.session.commit()
    auth.login(user.email)
    _delete(submit)
    entries = list(db.session.scalars(sa.select(AuditEntry).where(AuditEntry.object_id == user.id)))
    assert {entry.action for entry in entries} == {"idea.submit", "account.delete"}
    assert all(entry.actor_id is None for entry in entries)
    text = json.dumps([[entry.note, entry.details] for entry in entries], ensure_ascii=False)
    assert "jelena@example.org" not in text and "Jelena Đorđević" not in text


def test_deleting_a_mentor_removes_her_matches_but_keeps_the_idea(client, auth, submit):
    mentor = MentorFactory()
    match = MatchFactory(mentor=mentor)
    idea_id, match_id = match.idea_id, match.id
    auth.login(mentor.email)
    _delete(submit)
    db.session.expire_all()
    assert db.session.get(Match, match_id) is None and db.session.get(Idea, idea_id) is not None


def test_the_last_lead_cannot_delete_her_account(client, auth, submit):
    lead = LeadFactory()
    auth.login(lead.email)
    response = _delete(submit)
    assert "only programme lead" in response.get_data(as_text=True)
    assert _user(lead.id) is not None


def test_a_lead_can_delete_her_account_when_another_lead_remains(client, auth, submit):
    lead = LeadFactory(email="first.lead@example.org")
    LeadFactory(email="second.lead@example.org")
    auth.login(lead.email)
    _delete(submit)
    assert _user(lead.id) is None


@pytest.mark.parametrize("url", ["/account/data", "/account/delete"])
def test_account_pages_need_a_login(client, url):
    assert client.get(url).status_code == 302


def test_delete_without_csrf_token_is_refused(client, auth):
    user = EntrepreneurFactory()
    auth.login(user.email)
    assert client.post("/account/delete", data={"password": PASSWORD}).status_code == 400
    assert _user(user.id) is not None
