"""What one review session holds: the stack of cards read so far, shared by the server's threads."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from cardscan.model import Contact

Status = Literal["queued", "reading", "done", "failed"]
#: Where a card came from: given on the command line, uploaded on this computer, or by a phone.
Origin = Literal["given", "upload", "lan"]


@dataclass(frozen=True)
class CardItem:
    """One photo of the stack and what became of it."""

    id: int
    name: str  # the file name as shown (never used as a path)
    path: Path  # the photo on disk: a given photo or a file in the private upload folder
    origin: Origin
    status: Status = "queued"
    added: float = field(default_factory=time.monotonic)
    contact: Contact | None = None  # as read from the card
    saved: Contact | None = None  # as the person saved it
    reason: str | None = None  # why the photo failed
    card_jpeg: bytes | None = field(default=None, repr=False)  # the flattened card
    thumb_jpeg: bytes | None = field(default=None, repr=False)
    seconds: float | None = None  # from being added to the fields being known
    saved_as: int | None = None  # contact id in the book once saved
    message: str | None = None  # what saving did ("Saved ... as #3")

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed")


class Stack:
    """Thread-safe list of CardItems; ``version`` changes whenever anything changes, so that
    pages can ask cheaply whether to redraw."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[int, CardItem] = {}
        self._next = 1
        self.version = 0

    def add(self, name: str, path: Path, origin: Origin, **values: object) -> CardItem:
        with self._lock:
            item = CardItem(self._next, name, path, origin, **values)  # type: ignore[arg-type]
            self._items[item.id] = item
            self._next += 1
            self.version += 1
            return item

    def update(self, item_id: int, **values: object) -> CardItem:
        with self._lock:
            item = replace(self._items[item_id], **values)  # type: ignore[arg-type]
            self._items[item_id] = item
            self.version += 1
            return item

    def get(self, item_id: int) -> CardItem | None:
        with self._lock:
            return self._items.get(item_id)

    def items(self, origin: Origin | None = None) -> list[CardItem]:
        """In the order they were added; only those of ``origin`` when given."""
        with self._lock:
            items = list(self._items.values())
        return [i for i in items if origin is None or i.origin == origin]

    def next_after(self, item_id: int) -> CardItem | None:
        """The next card read and not yet saved after ``item_id`` (wrapping round), if any."""
        items = [i for i in self.items() if i.status == "done" and i.saved_as is None]
        later = [i for i in items if i.id > item_id] + [i for i in items if i.id < item_id]
        return later[0] if later else None

    def progress(self) -> tuple[int, int]:
        """(finished, all) photos."""
        items = self.items()
        return sum(i.finished for i in items), len(items)
