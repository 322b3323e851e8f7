"""Plain-text reports of a batch for the terminal (the CLI prints them; nothing here prints)."""

from __future__ import annotations

from cardscan.model import Contact
from cardscan.pipeline import ScanFailure

#: The who-was-found table lists at most this many contacts.
TABLE_ROWS = 50

_COLUMNS = (("Name", 28), ("Title", 26), ("Organisation", 28), ("E-mail / phone", 34))


def failure_text(failure: ScanFailure) -> str:
    """ "FILE: reason", without naming the file twice when the reason already starts with it."""
    if failure.reason.startswith(failure.source):
        return failure.reason
    return f"{failure.source}: {failure.reason}"


def read_summary(pictures: int, cards: int) -> str:
    """ "3 photos" when each photo held one card, else "2 photos or pages with 9 cards"."""
    if pictures == cards:
        return f"{pictures} photo" if pictures == 1 else f"{pictures} photos"
    what = "photo or page" if pictures == 1 else "photos or pages"
    return f"{pictures} {what} with {cards} card{'' if cards == 1 else 's'}"


def who_was_found(contacts: list[Contact], total: int) -> str:
    """A short table of the contacts found; ``total`` counts those not listed too."""
    header = "  ".join(h.ljust(w) for h, w in _COLUMNS)
    rows = [header, "-" * len(header)]
    for c in contacts:
        reach = c.emails[0] if c.emails else (c.phones[0].number if c.phones else "")
        cells = (c.name.full if c.name else "", c.title or "", c.organization or "", reach)
        rows.append(
            "  ".join(_cut(v, w).ljust(w) for v, (_, w) in zip(cells, _COLUMNS, strict=True))
        )
    if total > len(contacts):
        rows.append(f"... and {total - len(contacts)} more")
    return "\n".join(row.rstrip() for row in rows)


#: The please-check line names at most this many photos.
REVIEW_NAMES = 10


def to_check(items: list[tuple[str, list[str]]]) -> str | None:
    """ "Please check 3 contacts: a.jpg (title), b.jpg (name, phones), ..." or None.

    ``items`` are (photo, fields read with low confidence) of the contacts that have any."""
    if not items:
        return None
    listed = ", ".join(f"{source} ({', '.join(fields)})" for source, fields in items[:REVIEW_NAMES])
    more = f" and {len(items) - REVIEW_NAMES} more" if len(items) > REVIEW_NAMES else ""
    noun = "contact" if len(items) == 1 else "contacts"
    return f"Please check {len(items)} {noun} (fields read with low confidence): {listed}{more}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
