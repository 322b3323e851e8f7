"""Start a review: bind 127.0.0.1 (and the LAN address with --lan), read the given photos in
the background, serve the pages until Ctrl-C, then stop the readers and remove the uploads."""

from __future__ import annotations

import contextlib
import io
import logging
import os
import socket
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn

from cardscan.book import Book
from cardscan.errors import UsageError
from cardscan.options import ScanOptions
from cardscan.review.app import build_app
from cardscan.review.photos import UploadFolder, given_photos
from cardscan.review.service import ScanFunction, ScanService, check_scanner, pool_scanner
from cardscan.review.session import Review
from cardscan.review.state import Stack

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
#: An address of the documentation range (RFC 5737): "connecting" a UDP socket to it sends
#: nothing, but makes the system choose the interface, and so the LAN address, it would use.
_ROUTE_PROBE = ("192.0.2.1", 9)


@dataclass(frozen=True)
class ReviewSettings:
    """The options of `cardscan review`, built once by the command line."""

    photos: tuple[Path, ...]
    book_path: Path
    options: ScanOptions = field(default_factory=ScanOptions)
    port: int = 0
    lan: bool = False
    open_browser: bool = True
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket; UsageError saying what to do when the port is taken."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(
            f"cannot listen on {host}:{port} ({exc.strerror}); "
            "pick another --port, or leave it out to get a free one"
        ) from exc
    sock.listen(64)
    sock.setblocking(False)
    return sock


def lan_address() -> str:
    """This computer's address on the local network (the one its default route uses)."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(_ROUTE_PROBE)
        address = str(probe.getsockname()[0])
        if not address.startswith("127.") and address != "0.0.0.0":
            return address
    raise UsageError(
        "--lan: this computer has no network address a phone could reach; "
        "join the Wi-Fi first (or review without --lan)"
    )


def qr_text(url: str) -> str:
    """A QR code of ``url`` drawn with block characters, for the terminal."""
    import segno

    out = io.StringIO()
    segno.make(url, error="l").terminal(out=out, compact=True)
    return out.getvalue().rstrip("\n")


def run_review(
    settings: ReviewSettings,
    announce: Callable[[str], None],
    *,
    scan: ScanFunction | None = None,
) -> None:
    """Serve the review until Ctrl-C; ``announce`` shows the addresses (the CLI prints them).

    ``scan`` replaces the worker pool (tests); by default Tesseract is checked first.
    """
    if scan is None:
        check_scanner(settings.options)
        scan = pool_scanner(settings.options, jobs=settings.jobs)
    Book(settings.book_path).close()  # a book that cannot be opened fails now, not on Save
    sockets = [bind(LOOPBACK, settings.port)]
    uploads = UploadFolder(max_pixels=settings.options.max_pixels)
    stack = Stack()
    service = ScanService(stack, scan)
    try:
        port = sockets[0].getsockname()[1]
        hosts = {f"{LOOPBACK}:{port}", f"localhost:{port}"}
        lan = None
        if settings.lan:
            address = lan_address()
            sockets.append(bind(address, port if settings.port else 0))
            lan = (address, sockets[-1].getsockname()[1])
            hosts.add(f"{lan[0]}:{lan[1]}")
        review = Review(stack, service, uploads, settings.book_path, settings.options.region)
        app = build_app(review, frozenset(hosts))
        ids = []
        for photo in given_photos(list(settings.photos)):
            status = "failed" if photo.reason else "queued"
            item = stack.add(photo.name, photo.path, "given", status=status, reason=photo.reason)
            if not photo.reason:
                ids.append(item.id)
        service.submit(ids)
        service.start()
        start = "/" if settings.photos else "/book"  # without photos: the contact book
        url = f"http://{LOOPBACK}:{port}{start}?token={review.tokens.full}"
        announce(f"cardscan: review at {url}")
        if lan:
            phone = f"http://{lan[0]}:{lan[1]}/capture?token={review.tokens.capture}"
            announce(f"cardscan: phones on the same Wi-Fi capture at {phone}")
            announce(qr_text(phone))
        if settings.open_browser:
            webbrowser.open(url)
        config = uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)
        with contextlib.suppress(KeyboardInterrupt):  # uvicorn re-raises Ctrl-C after stopping
            uvicorn.Server(config).run(sockets=sockets)
    finally:
        service.stop()
        uploads.remove()
        for sock in sockets:
            sock.close()
