"""What one review session holds (Review) and how its pages are rendered (Pages): shared by
the application (app.py) and its pages (pages_stack.py, pages_book.py)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse

from cardscan.carddav import CarddavClient
from cardscan.review.forms import shown_phone
from cardscan.review.photos import UploadFolder
from cardscan.review.security import Tokens
from cardscan.review.service import ScanService
from cardscan.review.state import Stack

log = logging.getLogger(__name__)

#: (url, username, password) -> a client for the address book; tests pass a fake transport.
CarddavFactory = Callable[[str, str | None, str | None], CarddavClient]


def _carddav_client(url: str, username: str | None, password: str | None) -> CarddavClient:
    return CarddavClient(url, username=username, password=password)


@dataclass
class Review:
    """Everything the pages of one review session share."""

    stack: Stack
    service: ScanService
    uploads: UploadFolder
    book_path: Path
    region: str = "DE"
    tokens: Tokens = field(default_factory=Tokens)
    carddav: CarddavFactory = _carddav_client
    today: Callable[[], date] = date.today


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("cardscan.review", "templates"),
        autoescape=True,  # card text is untrusted: every value is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["phone"] = shown_phone  # "+49 30 1234560"
    return env


class Pages:
    """Renders templates with what every page needs (the CSRF token, the access level)."""

    def __init__(self, review: Review) -> None:
        self.review = review
        self.env = _environment()

    def render(
        self, request: Request, name: str, status_code: int = 200, **context: Any
    ) -> HTMLResponse:
        context.setdefault("message", None)
        html = self.env.get_template(name).render(
            csrf=request.state.csrf, level=request.state.level, **context
        )
        return HTMLResponse(html, status_code=status_code)
