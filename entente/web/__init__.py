"""entente's dashboard: a static single-page app (plain JavaScript, hand-written SVG charts, no
build step, nothing fetched from elsewhere) served by the API app at `/`, and the read-side views
it needs beyond the resource routes (`entente.web.views`). The API's docs pages, Swagger UI at
`/docs` and ReDoc at `/redoc`, are served from copies in the package too (`static/docs/`)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Mapping
from importlib import resources
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CSP", "STATIC", "SecurityHeaders", "docs_pages", "install"]

STATIC = Path(str(resources.files("entente.web") / "static"))
# Everything from our own origin, no inline script, style or handler: a name or an article that
# slipped through as markup could still not run.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# The docs pages start their script inline, and Swagger UI and ReDoc add style elements as they
# draw: the same origin-only policy, but for that one script (by its hash), inline styles and
# ReDoc's search worker.
DOCS_CSP = ("default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")
DOCS_ASSETS = "/static/docs"
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


class SecurityHeaders:
    """Add the Content-Security-Policy and related headers to every HTML response: `CSP`, or the
    policy `policies` gives for the path (the docs pages)."""

    def __init__(self, app: ASGIApp, policies: Mapping[str, str] | None = None) -> None:
        self.app = app
        self.policies = dict(policies or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.policies.get(scope.get("path", ""), CSP)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                kind = dict(headers).get(b"content-type", b"")
                headers.append((b"x-content-type-options", b"nosniff"))
                if kind.startswith(b"text/html"):
                    headers += [(b"content-security-policy", policy.encode()), (b"referrer-policy", b"no-referrer"),
                                (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _policy_for(page: bytes) -> str:
    """`DOCS_CSP` allowing the inline scripts of `page` by their hashes."""
    hashes = (base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode() for m in INLINE_SCRIPT.finditer(page))
    return DOCS_CSP.format(scripts=" ".join(["'self'", *(f"'sha256-{h}'" for h in hashes)]))


def docs_pages(openapi_url: str, title: str) -> dict[str, bytes]:
    """The HTML of the docs pages by path: Swagger UI and ReDoc over `openapi_url`, every file from
    this server (no fonts from elsewhere, no calls to Swagger's online validator)."""
    swagger = get_swagger_ui_html(openapi_url=openapi_url, title=f"{title} - Swagger UI",
                                  swagger_js_url=f"{DOCS_ASSETS}/swagger-ui-bundle.js",
                                  swagger_css_url=f"{DOCS_ASSETS}/swagger-ui.css",
                                  swagger_favicon_url="/static/favicon.svg", swagger_ui_parameters={"validatorUrl": None})
    redoc = get_redoc_html(openapi_url=openapi_url, title=f"{title} - ReDoc",
                           redoc_js_url=f"{DOCS_ASSETS}/redoc.standalone.js", redoc_favicon_url="/static/favicon.svg",
                           with_google_fonts=False)
    return {"/docs": bytes(swagger.body), "/redoc": bytes(redoc.body)}


def _page(body: bytes) -> Callable[[], HTMLResponse]:
    def page() -> HTMLResponse:
        return HTMLResponse(body)

    return page


def install(app: FastAPI) -> None:
    """Serve the dashboard at `/`, its files under `/static`, and the API's docs pages (the app
    is built with `docs_url=None, redoc_url=None`), with the security headers."""
    index = STATIC / "index.html"

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(index, media_type="text/html; charset=utf-8")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    pages = docs_pages(app.openapi_url or "/openapi.json", app.title)
    for path, body in pages.items():
        app.add_api_route(path, _page(body), include_in_schema=False)
    app.add_middleware(SecurityHeaders, policies={path: _policy_for(body) for path, body in pages.items()})
