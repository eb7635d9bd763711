"""The API's one error handler: every failure becomes JSON `{"status": ..., "message": ...}`.

Our own exceptions carry their meaning (`NotFound` is 404, `InvalidParameter` 422, ...); anything
unexpected is logged and answered with a plain 500 that never shows a stack trace."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from entente.api.schemas import ErrorOut
from entente.errors import EntenteError, Forbidden, InvalidParameter, NotFound, StoreError, TooLarge

log = logging.getLogger("entente.api")

STATUS: dict[type[EntenteError], int] = {NotFound: 404, InvalidParameter: 422, Forbidden: 403, TooLarge: 413,
                                         StoreError: 503}
# documented on every route, so clients (and schemathesis) know the error shape
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in ((400, "Bad request"), (403, "Forbidden"), (404, "Not found"), (413, "Request body too large"),
                       (422, "Invalid parameter"), (503, "Store unavailable"))}


def error_response(status: int, message: str) -> JSONResponse:
    return JSONResponse(ErrorOut(status=status, message=message).model_dump(), status_code=status)


def status_of(exc: EntenteError) -> int:
    for kind, status in STATUS.items():
        if isinstance(exc, kind):
            return status
    return 400


def _validation_message(exc: RequestValidationError) -> str:
    """The first problem, naming the parameter ("query.page_size: ..."), without echoing the input."""
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {first.get('msg', 'invalid')}{more}"


async def _entente(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, EntenteError)
    status = status_of(exc)
    return error_response(status, "store unavailable" if status == 503 else str(exc))


async def _validation(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, _validation_message(exc))


async def _http(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return error_response(exc.status_code, str(exc.detail))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal error")


def install(app: FastAPI) -> None:
    """Route every kind of failure through the handlers above."""
    app.add_exception_handler(EntenteError, _entente)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(HTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
