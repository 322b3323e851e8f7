"""A review session with a fake reader, and a test client that talks to it as the browser does."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from starlette.testclient import TestClient

from cardscan.model import Address, Contact, Name, Phone
from cardscan.pipeline import Outcome, ScanFailure, ScanResult
from cardscan.review.app import build_app
from cardscan.review.photos import UploadFolder
from cardscan.review.service import ScanService
from cardscan.review.session import Review
from cardscan.review.state import Stack

PORT = 8765
LOCAL = f"http://127.0.0.1:{PORT}"
LAN = f"http://192.168.178.20:{PORT}"
HOSTS = frozenset({f"127.0.0.1:{PORT}", f"localhost:{PORT}", f"192.168.178.20:{PORT}"})

HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_ORG = '"><img src=x onerror=alert(2)>'


def png(width: int = 400, height: int = 250) -> bytes:
    return cv2.imencode(".png", np.full((height, width, 3), 230, np.uint8))[1].tobytes()


def jpeg(width: int = 400, height: int = 250) -> bytes:
    return cv2.imencode(".jpg", np.full((height, width, 3), 200, np.uint8))[1].tobytes()


def anna(source: str = "anna.jpg") -> Contact:
    return Contact(
        source=source,
        name=Name("Anna Beispiel", given="Anna", family="Beispiel"),
        title="Leiterin Einkauf",
        organization="Beispiel Werke GmbH",
        phones=[Phone("+49301234560"), Phone("+491701234567", "mobile")],
        emails=["anna.beispiel@beispiel-werke.de"],
        urls=["https://www.beispiel-werke.de"],
        address=Address(street="Musterweg 5", postal_code="10115", city="Berlin"),
        raw_text="Anna Beispiel\nLeiterin Einkauf\nBeispiel Werke GmbH\n"
        "T 030 1234560\nM 0170 1234567\nanna.beispiel@beispiel-werke.de\n"
        "www.beispiel-werke.de\nMusterweg 5\n10115 Berlin",
        confidence={"name": 0.92, "title": 0.45, "emails": 0.95, "phones": 0.9},
    )


def hostile(source: str = "hostile.jpg") -> Contact:
    return Contact(
        source=source,
        name=Name(HOSTILE_NAME, given="<b>", family=HOSTILE_NAME),
        organization=HOSTILE_ORG,
        emails=["x@example.com"],
        raw_text=f"{HOSTILE_NAME}\n{HOSTILE_ORG}\nx@example.com",
        confidence={"name": 0.3},
    )


#: File name -> what the fake reader finds on it (or why it fails).
CARDS: dict[str, Contact | str] = {
    "anna.jpg": anna(),
    "hostile.jpg": hostile(),
    "blank.jpg": Contact("blank.jpg"),
    "broken.jpg": "broken.jpg: the image data is truncated; copy or take the photo again",
}


def fake_scan(paths: list[Path]) -> Iterator[Outcome]:
    """Reads by file name (uploads are renamed, so they read as Anna unless told otherwise)."""
    for path in paths:
        found = CARDS.get(path.name, anna(path.name))
        if isinstance(found, str):
            yield ScanFailure(path.name, found)
            continue
        contact = dataclasses.replace(Contact.from_dict(found.to_dict()), photo=jpeg())
        yield ScanResult(path.name, contact, 0.01, 0.9)


@dataclass
class Session:
    review: Review
    local: TestClient
    book: Path

    @property
    def csrf(self) -> str:
        return self.review.tokens.csrf("full")

    def lan(self) -> TestClient:
        return TestClient(
            build_app(self.review, HOSTS), base_url=LAN, client=("192.168.178.31", 40000)
        )

    def add(self, *names: str) -> list[int]:
        """Put photos on the stack as if given on the command line; wait until read."""
        ids = [self.review.stack.add(n, Path(n), "given").id for n in names]
        self.review.service.submit(ids)
        self.wait()
        return ids

    def wait(self, seconds: float = 10) -> None:
        deadline = time.monotonic() + seconds
        while not self.review.service.idle():
            assert time.monotonic() < deadline, "the fake reader did not finish"
            time.sleep(0.01)

    def post(self, url: str, data: dict | None = None, **kw):  # type: ignore[no-untyped-def]
        sep = "&" if "?" in url else "?"
        return self.local.post(f"{url}{sep}csrf={self.csrf}", data=data, **kw)


def start(tmp: Path, scan: Callable[[list[Path]], Iterator[Outcome]] = fake_scan) -> Session:
    stack = Stack()
    service = ScanService(stack, scan)
    review = Review(stack, service, UploadFolder(), tmp / "book.sqlite3")
    client = TestClient(build_app(review, HOSTS), base_url=LOCAL, client=("127.0.0.1", 50000))
    service.start()
    client.get(f"/?token={review.tokens.full}")  # the first visit sets the cookie
    return Session(review, client, tmp / "book.sqlite3")


def stop(session: Session) -> None:
    session.review.service.stop()
    session.review.uploads.remove()
