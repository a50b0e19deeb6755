"""Helpers for driving the HTML pages the way a browser does: fetch the form, then post it."""

from __future__ import annotations

import pytest

from tests.conftest import csrf_token_from


class FormSubmitter:
    def __init__(self, client) -> None:
        self._client = client

    def __call__(
        self,
        url: str,
        data: dict | None = None,
        *,
        page: str | None = None,
        follow_redirects: bool = True,
    ):
        """GET `page` (default `url`) for its CSRF token, then POST `data` to `url`."""
        html = self._client.get(page or url).get_data(as_text=True)
        payload = {"csrf_token": csrf_token_from(html), **(data or {})}
        return self._client.post(url, data=payload, follow_redirects=follow_redirects)


@pytest.fixture
def submit(client) -> FormSubmitter:
    return FormSubmitter(client)
