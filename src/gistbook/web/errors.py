"""Errors as pages for people and JSON for the API: bad input is a 4xx with a message, never a 500 trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from gistbook.store.notes import NoteError
from gistbook.web.templating import render

log = logging.getLogger("gistbook.web")

TITLES = {400: "Bad request", 404: "Not found", 405: "Not allowed", 413: "Upload too large",
          422: "Please check the form", 500: "Something went wrong"}


OUT_OF_RANGE = "a number in the request is too large: ids and counts must be below 2147483648"


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"detail": message}, status_code=status)
    return render(request, "error.html", {"status": status, "title": TITLES.get(status, "Error"),
                                          "message": message}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    """'count: Input should be a valid integer' — one line per bad field, naming the field."""
    lines = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("body", "query", "path", "form"))
        lines.append(f"{where or 'input'}: {err.get('msg', 'invalid value')}")
    return "; ".join(lines) or "invalid input"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else TITLES.get(exc.status_code, "Error")
        return error_response(request, exc.status_code, detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(NoteError)
    async def note_error(request: Request, exc: NoteError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(DataError)
    async def bad_value(request: Request, exc: DataError) -> Response:
        # the database refused a value from the request (a number past its column's range)
        return error_response(request, 400, OUT_OF_RANGE)

    @app.exception_handler(OverflowError)
    async def overflow(request: Request, exc: OverflowError) -> Response:
        # SQLite cannot bind an integer past 2**63 - 1: an id or number from the URL or form, so the asker's fault
        if "too large to convert" in str(exc):
            return error_response(request, 400, OUT_OF_RANGE)
        return await unexpected(request, exc)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
