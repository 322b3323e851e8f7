"""Reads the stack's photos in the background with the batch worker pool, one run at a time.

The server hands photos over with ``submit``; a thread passes whatever is waiting to the scan
function (``batch.scan_many`` by default) and records each outcome on the stack as it arrives.
It stays on ``scan_many`` rather than pipeline.batch.run_batch: the stack needs one outcome
per photo it handed over, in order, and run_batch merges a back side into the card before it.
"""

from __future__ import annotations

import dataclasses
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import cv2
import numpy as np

from cardscan.errors import CardscanError
from cardscan.imaging.photo import jpeg_photo
from cardscan.options import ScanOptions
from cardscan.pipeline import Outcome, ScanFailure, Scanner, ScanResult
from cardscan.pipeline.pool import check_engine, scan_many
from cardscan.review.state import Stack

log = logging.getLogger(__name__)

#: Photos -> outcomes in the same order (batch.scan_many with the session's options).
ScanFunction = Callable[[list[Path]], Iterator[Outcome]]

#: Longest side of the card picture the card page shows (and zooms into).
CARD_SIDE = 1280
#: Longest side of the stack's thumbnails.
THUMB_SIDE = 360

EMPTY_CARD = (
    "no name, company, phone or e-mail was recognised; photograph the card closer, "
    "flat and in even light"
)


def pool_scanner(options: ScanOptions, *, jobs: int, timeout: float = 120.0) -> ScanFunction:
    """The default scan function: the batch worker pool, asked for a picture of each card.

    A photo that arrives alone (a phone's upload, a dropped photo) is read by a Scanner kept
    loaded in this process: a new one per photo (what scan_many does for a single photo)
    loads Tesseract's models every time, which took 0.59 instead of 0.35 s from upload to
    fields shown (benchmarks/review_latency.py).
    """
    options = dataclasses.replace(options, photo="card", photo_side=CARD_SIDE)
    warm: list[Scanner] = []

    def scan(paths: list[Path]) -> Iterator[Outcome]:
        if len(paths) == 1:
            if not warm:
                warm.append(Scanner(options))
            yield warm[0].outcome(paths[0])
            return
        yield from scan_many(paths, options, jobs=max(1, min(jobs, len(paths))), timeout=timeout)

    return scan


def check_scanner(options: ScanOptions) -> None:
    """Fail before the server starts when Tesseract or a language pack is missing."""
    check_engine(options)


class ScanService:
    """A background thread that reads submitted photos and records them on the stack."""

    def __init__(self, stack: Stack, scan: ScanFunction) -> None:
        self.stack = stack
        self._scan = scan
        self._waiting: queue.Queue[int] = queue.Queue()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="cardscan-review-reader")
        self._thread.daemon = True

    def start(self) -> None:
        self._thread.start()

    def submit(self, item_ids: Iterable[int]) -> None:
        for item_id in item_ids:
            self._waiting.put(item_id)

    def stop(self, timeout: float = 10.0) -> None:
        """Stop after the card being read; the pool's workers are ended with it."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def idle(self) -> bool:
        """True when nothing is waiting or being read."""
        return all(i.finished for i in self.stack.items())

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                first = self._waiting.get(timeout=0.1)
            except queue.Empty:
                continue
            ids = [first]
            while True:
                try:
                    ids.append(self._waiting.get_nowait())
                except queue.Empty:
                    break
            self._read(ids)

    def _read(self, ids: list[int]) -> None:
        paths = []
        for item_id in ids:
            paths.append(self.stack.update(item_id, status="reading").path)
        left = list(ids)
        outcomes = self._scan(paths)
        try:
            for item_id, outcome in zip(ids, outcomes, strict=False):
                self._record(item_id, outcome)
                left.remove(item_id)
                if self._stop.is_set():
                    break
        except CardscanError as exc:  # Tesseract went missing: every photo waiting fails
            self._fail_all(left, str(exc))
            left.clear()
        except Exception as exc:  # a bug must not stop the server; the page shows it
            log.exception("reading the photos failed")
            self._fail_all(left, f"internal error ({type(exc).__name__}: {exc}); please report it")
            left.clear()
        finally:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()  # ends the worker pool
        if left:  # stopped, or the scan function ended early
            stopped = self._stop.is_set()
            self._fail_all(left, "not read: the review was stopped" if stopped else "not read")

    def _fail_all(self, ids: list[int], reason: str) -> None:
        for item_id in ids:
            self.stack.update(item_id, status="failed", reason=reason)

    def _record(self, item_id: int, outcome: Outcome) -> None:
        item = self.stack.get(item_id)
        assert item is not None
        seconds = time.monotonic() - item.added
        if isinstance(outcome, ScanFailure):
            self.stack.update(item_id, status="failed", reason=_reason(outcome), seconds=seconds)
            return
        assert isinstance(outcome, ScanResult)
        if outcome.contact.is_empty():
            self.stack.update(item_id, status="failed", reason=EMPTY_CARD, seconds=seconds)
            return
        card = outcome.contact.photo
        contact = dataclasses.replace(outcome.contact, photo=None)
        self.stack.update(
            item_id,
            status="done",
            contact=contact,
            card_jpeg=card,
            thumb_jpeg=_thumbnail(card) if card else None,
            seconds=seconds,
        )


def _reason(failure: ScanFailure) -> str:
    """The failure without the photo's (temporary) path in front: the page names the photo."""
    reason = failure.reason
    if reason.startswith(failure.source + ":"):
        reason = reason[len(failure.source) + 1 :].strip()
    return reason


def _thumbnail(jpeg: bytes) -> bytes | None:
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    return jpeg_photo(image, max_side=THUMB_SIDE) if image is not None else None
