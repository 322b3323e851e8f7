"""The batch as one library call: photos and PDFs in, every card handed to the sinks (a
writer, the contact book, a CardDAV upload), a report of what became of each out.

    report = run_batch(paths, options, [WriterSink(writer)], settings=BatchSettings(jobs=2))

The command line (cli/scan.py) and the review app call it alike: it never prints; what a
person should see as the cards come in reaches them through ``progress`` (a BatchProgress),
and ``cancel`` (a threading.Event) stops it after the card being read.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cardscan.book.match import save
from cardscan.book.records import Encounter, SaveOutcome
from cardscan.book.store import Book
from cardscan.carddav import CarddavClient
from cardscan.export.base import ContactWriter
from cardscan.export.vcard import to_vcard
from cardscan.imaging.photo import card_thumbnail
from cardscan.model import Contact
from cardscan.options import ScanOptions
from cardscan.pipeline.outcomes import Outcome, ScanFailure, ScanResult
from cardscan.pipeline.pool import read_cards
from cardscan.pipeline.sheets import plan

log = logging.getLogger(__name__)

#: The failure a card that was read but showed nothing usable counts as.
NOTHING_RECOGNISED = "no contact details were recognised"


@dataclass(frozen=True)
class BatchSettings:
    """How the pictures are read: ``jobs`` worker processes, ``timeout`` seconds a picture may
    take, ``pairs``: the photos are front and back of one card, two by two."""

    jobs: int = 1
    timeout: float = 120.0
    pairs: bool = False

    def __post_init__(self) -> None:
        if self.jobs < 1:
            raise ValueError(f"jobs must be 1 or more, not {self.jobs}")


class Sink(Protocol):
    """Where each card with contact details goes, in input order, in this process."""

    def add(self, result: ScanResult) -> None: ...


class BatchProgress:
    """What a batch tells as it goes (the CLI draws a progress bar and prints notes; the
    review app updates its page). Every hook does nothing here: override those you need."""

    def planned(self, pictures: int) -> None:
        """The number of pictures (photos and PDF pages) that will be read."""

    def picture_read(self) -> None:
        """One more picture was read (all its cards follow)."""

    def card_read(self, outcome: Outcome) -> None:
        """A card was read (before the sinks have it): its notes are worth telling."""

    def failed(self, failure: ScanFailure) -> None:
        """A picture or card gave no contact, and why."""


@dataclass(frozen=True)
class BatchReport:
    """What became of every card, in input order (contacts without their pictures: the
    sinks had those), and of the pictures read."""

    outcomes: tuple[Outcome, ...]
    pictures: int  # photos and PDF pages planned
    read: int  # of them, read before the batch ended (all, unless cancelled)
    cancelled: bool = False

    @property
    def failures(self) -> list[ScanFailure]:
        return [o for o in self.outcomes if isinstance(o, ScanFailure)]

    @property
    def found(self) -> list[ScanResult]:
        return [o for o in self.outcomes if isinstance(o, ScanResult)]

    @property
    def to_check(self) -> list[tuple[str, list[str]]]:
        """(photo, fields read with low confidence) of each contact that has any."""
        return [(r.source, r.contact.review()) for r in self.found if r.contact.review()]


def run_batch(
    paths: Iterable[Path],
    options: ScanOptions,
    sinks: Sequence[Sink] = (),
    *,
    settings: BatchSettings | None = None,
    progress: BatchProgress | None = None,
    cancel: threading.Event | None = None,
) -> BatchReport:
    """Read every card of the photos and PDFs (in a pool of ``settings.jobs`` workers, front
    and back sides merged), hand each card with contact details to every sink, and report.

    A card that shows nothing usable becomes a failure ("no contact details were
    recognised"). Raises MissingDependencyError when Tesseract or a language is missing,
    before any picture is read; KeyboardInterrupt ends the workers and goes on up.
    """
    settings = settings or BatchSettings()
    progress = progress or BatchProgress()
    todo = plan(paths, options)
    progress.planned(len(todo))
    read = 0

    def picture_done(n: int) -> None:
        nonlocal read
        read += n
        for _ in range(n):
            progress.picture_read()

    outcomes: list[Outcome] = []
    cards = read_cards(
        todo,
        options,
        jobs=max(1, min(settings.jobs, len(todo))),
        timeout=settings.timeout,
        pairs=settings.pairs,
        done=picture_done,
    )
    cancelled = False
    try:
        for outcome in cards:
            progress.card_read(outcome)
            if isinstance(outcome, ScanResult) and not outcome.contact.is_empty():
                for sink in sinks:
                    sink.add(outcome)
                outcomes.append(_without_pictures(outcome))
            else:
                if isinstance(outcome, ScanResult):
                    outcome = ScanFailure(outcome.source, NOTHING_RECOGNISED)
                progress.failed(outcome)
                outcomes.append(outcome)
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
    finally:
        cards.close()  # ends the worker pool
    return BatchReport(tuple(outcomes), len(todo), read, cancelled)


def _without_pictures(result: ScanResult) -> ScanResult:
    if result.contact.photo is None and result.thumbnail is None:
        return result
    contact = dataclasses.replace(result.contact, photo=None)
    return dataclasses.replace(result, contact=contact, thumbnail=None)


class WriterSink:
    """Each contact written by an export writer (vCard, JSON, CSV) as it arrives."""

    def __init__(self, writer: ContactWriter) -> None:
        self.writer = writer

    def add(self, result: ScanResult) -> None:
        self.writer.write(result.contact)


class BookSink:
    """Each contact saved in the contact book as an encounter (matched to one already there,
    or new), with the card's picture; ``on_saved`` hears of each save."""

    def __init__(
        self,
        book: Book,
        template: Encounter,
        *,
        profile_urls: Sequence[str] = (),
        on_saved: SavedHook | None = None,
    ) -> None:
        self.book = book
        self.template = template
        self.profile_urls = tuple(profile_urls)
        self.on_saved = on_saved
        self.saves: list[SaveOutcome] = []

    def add(self, result: ScanResult, photo: str | None = None) -> None:
        """Save the card; ``photo`` names its picture when that is not ``result.source``."""
        photo = photo or result.source
        encounter = dataclasses.replace(self.template, source=photo)
        image = result.thumbnail or card_thumbnail(Path(photo))
        outcome = save(
            self.book, result.contact, encounter, profile_urls=self.profile_urls, image=image
        )
        self.saves.append(outcome)
        if self.on_saved is not None:
            self.on_saved(result.contact, outcome)


class SavedHook(Protocol):
    def __call__(self, contact: Contact, outcome: SaveOutcome) -> None: ...


class CarddavSink:
    """Each contact kept as a vCard 3.0 (what CardDAV servers and Apple/Android expect), to
    upload once the batch is done (``client.push(card)`` for each of ``cards``): the output
    is safe on disk before the network is asked for anything."""

    def __init__(self, client: CarddavClient, **vcard_options: object) -> None:
        self.client = client
        self.vcard_options = {**vcard_options, "version": "3.0"}
        self.cards: list[str] = []

    def add(self, result: ScanResult) -> None:
        self.cards.append(to_vcard(result.contact, **self.vcard_options))  # type: ignore[arg-type]
