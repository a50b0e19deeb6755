"""Error responses: the contract's JSON body under /api, friendly pages elsewhere."""

from __future__ import annotations

from typing import Any

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext
from flask_wtf.csrf import CSRFError
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.exceptions import HTTPException

from mentorship.services.errors import ServiceError

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "internal_error",
    503: "unavailable",
}


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(
    status: int,
    message: str,
    code: str | None = None,
    fields: dict[str, list[str]] | None = None,
    headers: dict[str, str] | None = None,
):
    body: dict[str, Any] = {"code": code or HTTP_CODES.get(status, "error"), "message": message}
    if fields:
        body["fields"] = fields
    response = jsonify({"error": body})
    response.status_code = status
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def register_error_pages(app: Flask) -> None:
    @app.errorhandler(ServiceError)
    def handle_service_error(error: ServiceError):
        if wants_json():
            return error_response(error.status, error.message, error.code, error.fields)
        return render_template(
            "errors/error.html", status=error.status, message=error.message
        ), error.status

    @app.errorhandler(CSRFError)
    def handle_csrf_error(error: CSRFError):
        message = gettext(
            "Your form expired or was sent without its security token. Please try again."
        )
        return render_template("errors/error.html", status=400, message=message), 400

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException):
        status = error.code or 500
        headers = {}
        if status == 429:
            retry_after = getattr(error, "retry_after", None) or _retry_after(error)
            if retry_after:
                headers["Retry-After"] = str(retry_after)
        if status == 405 and error.get_headers():
            headers.update({k: v for k, v in error.get_headers() if k == "Allow"})
        message = _message_for(status, error)
        if status == 413 and not wants_json():
            # The page's own forms would read the refused body again; they must see it empty.
            request.__dict__.update(form=ImmutableMultiDict(), files=ImmutableMultiDict())
            message = _too_large_page_message()
        if wants_json():
            return error_response(status, message, headers=headers)
        return render_template("errors/error.html", status=status, message=message), status, headers

    @app.errorhandler(Exception)
    def handle_unexpected(error: Exception):
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        message = gettext("Something went wrong on our side. It has been logged.")
        if wants_json():
            return error_response(500, message)
        return render_template("errors/error.html", status=500, message=message), 500


def _too_large_page_message() -> str:
    limit = request.max_content_length or 0
    return gettext(
        "What you sent is larger than this page accepts (%(limit)d MB). Go back and choose "
        "a smaller file; split a large spreadsheet into several files.",
        limit=max(1, limit // (1024 * 1024)),
    )


def _retry_after(error: HTTPException) -> int | None:
    response = getattr(error, "response", None)
    if response is not None and response.headers.get("Retry-After"):
        return int(response.headers["Retry-After"])
    return 60


def _message_for(status: int, error: HTTPException) -> str:
    # The API is always served in English (mentorship.i18n), so its messages stay as the contract says.
    messages = {
        400: gettext("The request could not be understood."),
        401: gettext("Authentication is required."),
        403: gettext("You do not have permission to do that."),
        404: gettext("Not found."),
        405: gettext("That method is not allowed here."),
        413: gettext("The request body is too large (the limit is 1 MB)."),
        415: gettext("Send JSON with Content-Type: application/json."),
        429: gettext("Too many attempts. Please wait a moment and try again."),
    }
    return messages.get(status, error.description or gettext("Error."))
