"""One JSON error shape for every error the API returns (datasette's ``error_body``).

    {"error": {"status": 404, "title": "Not Found", "detail": "no article 'abc'; list them at /api/articles"}}
"""

from __future__ import annotations

from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

__all__ = ["error_body", "install_error_handlers", "ApiError"]


class ApiError(Exception):
    """An error to return to the client with a status and a message saying what to do."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


def error_body(status: int, detail: str) -> dict:
    """The error object every failing response carries."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    return {"error": {"status": status, "title": title, "detail": detail}}


def _respond(status: int, detail: str) -> JSONResponse:
    return JSONResponse(error_body(status, detail), status_code=status)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error (ours, HTTP, validation, unexpected) through :func:`error_body`."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return _respond(exc.status, exc.detail)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no such path {request.url.path!r}; the API is described at /docs"
        return _respond(exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body')}: {e.get('msg')}" for e in exc.errors()
        )
        return _respond(422, f"invalid request ({problems}); see /docs for the expected parameters")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _respond(500, f"internal error ({exc.__class__.__name__}); please report it with the request")
