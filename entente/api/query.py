"""Unknown query parameters are refused: a misspelt filter (`/events?betwen=RUS`) would otherwise
be ignored, and the answer would hold everything as if it had been applied.

One dependency of the whole app checks each request against the query parameters its operation
declares in the app's OpenAPI spec (those of the route's own dependencies included). Routes kept
out of the spec (the dashboard's page) are not checked."""

from __future__ import annotations

import difflib
from typing import Any

from fastapi import Request
from fastapi.routing import APIRoute

from entente.errors import InvalidParameter

# a parameter's name is echoed in the error; a hostile one is cut short
MAX_NAME = 40


def declared_query(spec: dict[str, Any], path: str, method: str) -> tuple[str, ...] | None:
    """The query parameters the operation `method` `path` of an OpenAPI `spec` takes, sorted;
    None when the spec has no such operation."""
    operation = spec.get("paths", {}).get(path, {}).get(method.lower())
    if operation is None:
        return None
    return tuple(sorted(p["name"] for p in operation.get("parameters", []) if p.get("in") == "query"))


def unknown_message(name: str, known: tuple[str, ...]) -> str:
    """Why `name` is refused, with the closest parameter the route takes."""
    close = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.6)
    if close:
        return f"unknown parameter; did you mean '{close[0]}'?"
    if known:
        return "unknown parameter; this route takes " + ", ".join(known)
    return "unknown parameter; this route takes none"


def reject_unknown_query(request: Request) -> None:
    """Raise InvalidParameter (422) naming the first query parameter the route does not declare."""
    route = request.scope.get("route")
    if not request.query_params or not isinstance(route, APIRoute):
        return
    known = declared_query(request.app.openapi(), route.path_format, request.method)
    if known is None:
        return
    unknown = [name for name in request.query_params if name not in known]
    if unknown:
        name = unknown[0] if len(unknown[0]) <= MAX_NAME else unknown[0][: MAX_NAME - 1] + "…"
        more = f" (and {len(unknown) - 1} more)" if len(unknown) > 1 else ""
        raise InvalidParameter(f"query.{name}", unknown_message(unknown[0], known) + more)
