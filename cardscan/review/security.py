"""Who may ask the review server what: tokens, cookies, CSRF, allowed hosts and safe headers.

Two tokens per start, like a notebook server's. The *full* token opens every page, and only
on 127.0.0.1 (the loopback socket, from this computer). The *capture* token (``--lan``) opens
only the capture page, where a phone uploads photos and sees what was read from them.
The first visit's ``?token=`` becomes an HttpOnly, SameSite=Strict cookie and is dropped
from the address bar. Every request other than GET/HEAD needs the CSRF token (a header, or
``csrf=`` in the form's address), and its Origin, when the browser sends one, must be ours.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

Level = Literal["full", "capture"]
COOKIES: dict[Level, str] = {"full": "cardscan_review", "capture": "cardscan_capture"}
CSRF_HEADER = "x-csrf-token"
#: Paths the capture token opens (and the static files its page needs).
CAPTURE_PREFIXES = ("/capture", "/static/")

#: No inline script or style, nothing from elsewhere: card text can never run as code.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SAFE_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # The token never leaves in a Referer header (and "no-referrer" would make Chromium send
    # "Origin: null" with our own forms).
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",  # pages hold other people's data
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}

REFUSED = (
    "403 Forbidden: open the address `cardscan review` printed, with its ?token=...; "
    "the contact book is only reachable from this computer (127.0.0.1)"
)


@dataclass(frozen=True)
class Tokens:
    """The secrets of one start; new random ones every time."""

    full: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    capture: str = field(default_factory=lambda: secrets.token_urlsafe(24))

    def csrf(self, level: Level) -> str:
        """The CSRF token of the pages opened with ``level``'s token."""
        secret = self.full if level == "full" else self.capture
        return hmac.new(secret.encode(), b"csrf", hashlib.sha256).hexdigest()[:32]


def is_loopback(host: str | None) -> bool:
    try:
        return ipaddress.ip_address((host or "").strip("[]")).is_loopback
    except ValueError:
        return False


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def access_level(request: Request, tokens: Tokens) -> Level | None:
    """What this request may see: by its token or cookie, and the socket it came in on."""
    server = request.scope.get("server") or (None, None)  # the socket's own address
    local = is_loopback(server[0]) and is_loopback(getattr(request.client, "host", None))
    query = request.query_params.get("token")
    if local and (
        _same(query, tokens.full) or _same(request.cookies.get(COOKIES["full"]), tokens.full)
    ):
        return "full"
    if _same(query, tokens.capture) or _same(
        request.cookies.get(COOKIES["capture"]), tokens.capture
    ):
        return "capture"
    return None


def allowed(level: Level | None, path: str) -> bool:
    if level == "full":
        return True
    return level == "capture" and any(path.startswith(p) for p in CAPTURE_PREFIXES)


class Guard:
    """Starlette middleware (``BaseHTTPMiddleware(app, dispatch=Guard(...))``): refuses what
    the rules above do not allow and adds the safe headers to every answer."""

    def __init__(self, tokens: Tokens, hosts: frozenset[str]) -> None:
        self.tokens = tokens
        self.hosts = hosts  # "127.0.0.1:8765", "localhost:8765", the LAN address

    async def __call__(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await self._check(request, call_next)
        for name, value in SAFE_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    async def _check(
        self, request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        host = request.headers.get("host", "")
        if host not in self.hosts:  # DNS rebinding: another name pointed at our address
            return PlainTextResponse(f"403 Forbidden: unknown host {host!r}", status_code=403)
        level = access_level(request, self.tokens)
        if not allowed(level, request.url.path):
            return PlainTextResponse(REFUSED, status_code=403)
        assert level is not None
        request.state.level = level
        request.state.csrf = self.tokens.csrf(level)
        if request.method not in ("GET", "HEAD"):
            problem = self._cross_site(request, level)
            if problem:
                return PlainTextResponse(f"403 Forbidden: {problem}", status_code=403)
        elif "token" in request.query_params:
            return self._remember(request, level)
        return await call_next(request)

    def _cross_site(self, request: Request, level: Level) -> str | None:
        origin = request.headers.get("origin")
        if origin is not None and origin not in {f"http://{h}" for h in self.hosts}:
            return f"a request from another site ({origin}) was refused"
        given = request.headers.get(CSRF_HEADER) or request.query_params.get("csrf")
        if not _same(given, self.tokens.csrf(level)):
            return "the form's CSRF token is missing or wrong; reload the page and try again"
        return None

    def _remember(self, request: Request, level: Level) -> Response:
        """Token in the address: set the cookie and drop the token from the address bar."""
        rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
        target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
        response = RedirectResponse(target, status_code=303)
        token = self.tokens.full if level == "full" else self.tokens.capture
        response.set_cookie(COOKIES[level], token, httponly=True, samesite="strict", path="/")
        return response
