"""Write protection (token, origin and host checks), response headers, request size limits."""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from fastapi import HTTPException, Request

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

DEFAULT_MAX_BODY = 2 * 1024 * 1024
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Pages load nothing from elsewhere and run no inline script; nothing may frame them.
PAGE_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Everything that is not a page (JSON, CSV, scripts, errors) runs nothing when opened directly.
DATA_CSP = "default-src 'none'; frame-ancestors 'none'"
_ALWAYS = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
)
log = logging.getLogger("eventcoder.web")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``; False for 0.0.0.0 and everything else."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def token_matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; no token configured means writes are open."""
    if not expected:
        return True
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())


def token_from_headers(request: Request) -> str | None:
    """The token from ``Authorization: Bearer ...`` or ``X-Eventcoder-Token`` (never the URL)."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-eventcoder-token")


def require_write_token(request: Request) -> None:
    """FastAPI dependency for write endpoints: 401 unless the configured token is given."""
    if not token_matches(request.app.state.token, token_from_headers(request)):
        raise HTTPException(
            401, "this server needs a token for writes: send 'Authorization: Bearer <token>'"
        )


def host_name(host_header: str) -> str:
    """The name in a ``Host`` header without its port (``[::1]:8000`` -> ``::1``)."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    if host.count(":") == 1:
        host = host.split(":", 1)[0]
    return host


def write_refusal(headers: dict[str, str], loopback_only: bool) -> str | None:
    """Why a write request must be refused (cross-site, DNS rebinding), or None when it may go on.

    Browsers send ``Origin`` and ``Sec-Fetch-Site`` with cross-site requests, even for a
    ``text/plain`` POST that needs no preflight; clients such as curl send neither.
    """
    host = headers.get("host", "")
    if loopback_only and not is_loopback(host_name(host)):
        return (
            f"Host {host!r} is not a loopback name: this server is bound to loopback and only "
            "accepts writes addressed to 127.0.0.1, ::1 or localhost"
        )
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site.lower() not in ("same-origin", "none"):
        return f"cross-site write refused (Sec-Fetch-Site: {fetch_site})"
    origin = headers.get("origin")
    if origin is not None:
        netloc = origin.split("://", 1)[-1].rstrip("/").lower()
        if origin == "null" or "://" not in origin or netloc != host.strip().lower():
            return f"cross-site write refused (Origin {origin!r} is not this server)"
    return None


def same_origin(request: Request) -> bool:
    """Reject cross-site form posts: an Origin header, when sent, must name this host."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    host = request.headers.get("host", "")
    return origin.split("://", 1)[-1] == host


class BodySizeLimit:
    """ASGI middleware: answer 413 when a request body is larger than ``max_body`` bytes."""

    def __init__(self, app: ASGIApp, max_body: int = DEFAULT_MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_body
                except ValueError:
                    too_big = True
                if too_big:
                    await self._reject(send)
                    return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._reject(send)

    async def _reject(self, send: Send) -> None:
        body = b'{"detail":"request body too large (limit %d bytes)"}' % self.max_body
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


async def _send_json(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class WriteGuard:
    """ASGI middleware: answer 403 to writes from another site or (when bound to loopback)
    addressed to a non-loopback name, as after DNS rebinding; see :func:`write_refusal`."""

    def __init__(self, app: ASGIApp, loopback_only: bool = True) -> None:
        self.app = app
        self.loopback_only = loopback_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method", "GET") not in SAFE_METHODS:
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            problem = write_refusal(headers, self.loopback_only)
            if problem:
                log.warning("refused %s %s: %s", scope["method"], scope.get("path"), problem)
                await _send_json(send, 403, problem)
                return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """ASGI middleware: ``nosniff``, frame and referrer headers on every response (errors and
    static files included) and a Content-Security-Policy: :data:`PAGE_CSP` on HTML,
    :data:`DATA_CSP` on everything else. An unhandled error becomes a JSON 500 with them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in _ALWAYS if k not in names]
                if b"content-security-policy" not in names:
                    ctype = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                    csp = PAGE_CSP if ctype.startswith(b"text/html") else DATA_CSP
                    headers.append((b"content-security-policy", csp.encode()))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            if started:
                raise
            await _send_json(with_headers, 500, "internal server error (see the server log)")
            raise
