"""Front and back of one card read in sequence: merged into one contact.

Phone users photograph a card's front and then its back. ``pair_sides`` (batch --pairs)
takes the pictures two by two as front and back. Without it, ``merge_backs`` merges a back
side that names no person (a logo, a map, a QR code with the web address) into the card
just before it when the two share a phone number or a web domain. Either way the merged
record's ``source`` names both pictures (``front.jpg + back.jpg``) and carries a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from cardscan.model import Contact
from cardscan.parse.merge import merge_contacts, same_person
from cardscan.pipeline.outcomes import Outcome, ScanResult


@dataclass(frozen=True)
class PictureOutcomes:
    """The outcomes of one picture (a photo or a PDF page): one per card found on it."""

    name: str  # the picture: "card.jpg" or "scan.pdf#2"
    outcomes: tuple[Outcome, ...]


def merge_sides(front: ScanResult, back: ScanResult) -> ScanResult:
    """One record of both sides: the front's fields win, the back fills the gaps."""
    source = f"{front.source} + {back.source}"
    contact = replace(merge_contacts(front.contact, back.contact), source=source)
    note = f"{back.source}: back side merged into {front.source}"
    return replace(
        front,
        source=source,
        contact=contact,
        seconds=front.seconds + back.seconds,
        ocr_confidence=min(front.ocr_confidence, back.ocr_confidence),
        warnings=() if not contact.is_empty() else front.warnings,
        notes=(*front.notes, *back.notes, note),
    )


def pair_sides(pictures: Iterable[PictureOutcomes]) -> Iterator[PictureOutcomes]:
    """The pictures two by two as front and back of one card (batch --pairs).

    A pair is merged when each picture holds one card that was read and the two do not
    name different people; otherwise both are passed on as they are, with a note.
    """
    waiting: PictureOutcomes | None = None
    for picture in pictures:
        if waiting is None:
            waiting = picture
            continue
        yield _pair(waiting, picture)
        waiting = None
    if waiting is not None:
        yield _noted(waiting, f"{waiting.name}: has no back side to pair with (an odd count)")


def _pair(front: PictureOutcomes, back: PictureOutcomes) -> PictureOutcomes:
    both = front.outcomes + back.outcomes
    if len(front.outcomes) != 1 or len(back.outcomes) != 1:
        many = front if len(front.outcomes) != 1 else back
        count = len(many.outcomes)
        why = "no card" if count == 0 else f"{count} cards"
        return _noted(
            PictureOutcomes(front.name, both),
            f"{front.name} and {back.name}: not merged as front and back, as {many.name} "
            f"holds {why} (--pairs pairs pictures of one card each)",
        )
    first, second = front.outcomes[0], back.outcomes[0]
    if not (isinstance(first, ScanResult) and isinstance(second, ScanResult)):
        return PictureOutcomes(front.name, both)  # the failure is reported on its own
    if not same_person(first.contact, second.contact):
        return _noted(
            PictureOutcomes(front.name, both),
            f"{first.source} and {second.source}: not merged as front and back, as they "
            f"name different people ({first.contact.display_name()} / "
            f"{second.contact.display_name()}); check the order of the files",
        )
    return PictureOutcomes(f"{front.name} + {back.name}", (merge_sides(first, second),))


def _noted(picture: PictureOutcomes, note: str) -> PictureOutcomes:
    """The picture with the note on its first card read (or unchanged when none was)."""
    outcomes = list(picture.outcomes)
    for i, outcome in enumerate(outcomes):
        if isinstance(outcome, ScanResult):
            outcomes[i] = replace(outcome, notes=(*outcome.notes, note))
            break
    return PictureOutcomes(picture.name, tuple(outcomes))


def merge_backs(outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """The outcomes, with each back side (no person, same phone or web domain as the card
    before it) merged into that card."""
    front: ScanResult | None = None
    for outcome in outcomes:
        if front is not None:
            if _back_side(outcome, front):
                assert isinstance(outcome, ScanResult)
                yield merge_sides(front, outcome)
                front = None
                continue
            yield front
            front = None
        if isinstance(outcome, ScanResult) and outcome.contact.name is not None:
            front = outcome  # may be followed by its back side
        else:
            yield outcome
    if front is not None:
        yield front


def _back_side(outcome: Outcome, front: ScanResult) -> bool:
    return isinstance(outcome, ScanResult) and is_back_of(outcome.contact, front.contact)


def is_back_of(back: Contact, front: Contact) -> bool:
    """Is ``back`` the back side of ``front``: it names nobody, and they share a phone
    number or a web domain (e-mail or website)?"""
    if back.name is not None or front.name is None:
        return False
    shared_phone = {p.number for p in back.phones} & {p.number for p in front.phones}
    return bool(shared_phone or domains(back) & domains(front))


def domains(contact: Contact) -> set[str]:
    """The web domains a contact shows: of its e-mail addresses and its websites."""
    found = {e.rpartition("@")[2].lower() for e in contact.emails if "@" in e}
    for url in contact.urls:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
        found.add(re.sub(r"^www\d?\.", "", host.lower()))
    return {d for d in found if "." in d}
