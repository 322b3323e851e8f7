"""The review web app: the Starlette application, its error pages and static files.

Starlette (not FastAPI or Flask): a small, well-kept ASGI toolkit with server-rendered
Jinja2 templates, a test client, and uvicorn to serve it on two sockets (127.0.0.1 and,
with --lan, the LAN address) that one process stops cleanly on Ctrl-C.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from cardscan.errors import CardscanError
from cardscan.review import pages_book, pages_stack
from cardscan.review.security import SAFE_HEADERS, Guard
from cardscan.review.session import Pages, Review

log = logging.getLogger(__name__)

_STATIC_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def _static_files() -> dict[str, tuple[bytes, str]]:
    """The app's scripts and styles, read once from the package: name -> (bytes, type).

    Only these names are ever served as static files; no path from a request reaches the disk.
    """
    files = {}
    for entry in resources.files("cardscan.review").joinpath("static").iterdir():
        suffix = Path(entry.name).suffix
        if suffix in _STATIC_TYPES:
            files[entry.name] = (entry.read_bytes(), _STATIC_TYPES[suffix])
    return files


def build_app(review: Review, hosts: frozenset[str]) -> Starlette:
    """The application for one review session; ``hosts`` are the Host headers it answers."""
    pages = Pages(review)
    static = _static_files()

    async def static_file(request: Request) -> Response:
        found = static.get(request.path_params["name"])
        if found is None:
            raise HTTPException(404)
        return Response(found[0], media_type=found[1])

    async def error(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        if isinstance(exc, CardscanError):
            status, text = 400, str(exc)
        elif status == 404:
            text = "There is no such page, card or contact (it may have been forgotten)."
        else:
            log.exception("review page failed", exc_info=exc)
            text = f"Something went wrong ({type(exc).__name__}); the server keeps running."
        if not hasattr(request.state, "csrf"):
            response: Response = Response(text, status_code=status, media_type="text/plain")
        else:
            response = pages.render(request, "error.html", status_code=status, text=text)
        response.headers.update(SAFE_HEADERS)  # also outside the guard (a server error)
        return response

    routes = [
        Route("/static/{name}", static_file),
        *pages_stack.routes(review, pages),
        *pages_book.routes(review, pages),
    ]
    return Starlette(
        routes=routes,
        middleware=[Middleware(BaseHTTPMiddleware, dispatch=Guard(review.tokens, hosts))],
        exception_handlers={HTTPException: error, CardscanError: error, Exception: error},
    )
