"""Domain errors raised by services; the API turns them into the contract's JSON errors."""

from __future__ import annotations


class ServiceError(Exception):
    status = 400
    code = "bad_request"

    def __init__(self, message: str, fields: dict[str, list[str]] | None = None) -> None:
        # Messages may be lazy translations; fix them in the current language as plain text.
        message = str(message)
        super().__init__(message)
        self.message = message
        self.fields = (
            {name: [str(text) for text in texts] for name, texts in fields.items()}
            if fields
            else fields
        )


class NotFoundError(ServiceError):
    status = 404
    code = "not_found"


class PermissionDeniedError(ServiceError):
    status = 403
    code = "forbidden"


class ConflictError(ServiceError):
    status = 409
    code = "conflict"


class ValidationFailedError(ServiceError):
    status = 422
    code = "validation_error"
