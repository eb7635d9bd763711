"""The Host header checked against an allow-list on every request, so a page on another site that
rebinds its DNS name to 127.0.0.1 can neither read nor write the store (issue 20)."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from entente.api.errors import error_response

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def host_name(header: str) -> str:
    """The name of a Host header, without its port, lower case ('[::1]:8000' -> '::1')."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostAllow:
    """Answer 400 to a request whose Host header names no allowed host."""

    def __init__(self, app: ASGIApp, allowed: tuple[str, ...]) -> None:
        self.app = app
        self.allowed = frozenset(h.lower() for h in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
        name = host_name(header)
        if name not in self.allowed:
            shown = header[:60] or "(none)"
            response = error_response(400, f"Host {shown!r} is not served here; start the server with "
                                           f"--host-allow {name or 'NAME'} to allow it")
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
