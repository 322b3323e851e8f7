"""Plain-text reports of a batch for the terminal (the CLI prints them; nothing here prints)."""

from __future__ import annotations

from pathlib import Path

from cardscan.model import Contact
from cardscan.pipeline import ScanFailure

#: The who-was-found table lists at most this many contacts (all of them are in the output).
TABLE_ROWS = 50

_COLUMNS = (
    ("Photo", 22),
    ("Name", 24),
    ("Title", 22),
    ("Organisation", 24),
    ("E-mail / phone", 30),
)


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


def who_was_found(contacts: list[Contact], total: int, output: Path | str, folder: str = "") -> str:
    """A short table of the contacts found, each with its photo (named from within ``folder``,
    the one the batch read); ``total`` counts those not listed too (all are in ``output``)."""
    prefix = folder.rstrip("/") + "/" if folder else ""
    header = "  ".join(h.ljust(w) for h, w in _COLUMNS)
    rows = [header, "-" * len(header)]
    for c in contacts:
        reach = c.emails[0] if c.emails else (c.phones[0].number if c.phones else "")
        name = c.name.full if c.name else ""
        photo = c.source.removeprefix(prefix)
        cells = (photo, name, c.title or "", c.organization or "", reach)
        cut = [_cut_front(cells[0], _COLUMNS[0][1])]  # the end of a path names the photo
        cut += [_cut(v, w) for v, (_, w) in zip(cells[1:], _COLUMNS[1:], strict=True)]
        rows.append("  ".join(v.ljust(w) for v, (_, w) in zip(cut, _COLUMNS, strict=True)))
    if total > len(contacts):
        rows.append(f"... and {total - len(contacts)} more, all in {output}")
    return "\n".join(row.rstrip() for row in rows)


def to_check(items: list[tuple[str, list[str]]]) -> str | None:
    """Every photo whose contact has fields read with low confidence, one a line, or None:

        Please check 2 contacts (fields read with low confidence):
          a.jpg: title
          b.jpg: name, phones

    ``items`` are (photo, fields read with low confidence) of the contacts that have any."""
    if not items:
        return None
    noun = "contact" if len(items) == 1 else "contacts"
    lines = [f"Please check {len(items)} {noun} (fields read with low confidence):"]
    lines += [f"  {source}: {', '.join(fields)}" for source, fields in items]
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _cut_front(text: str, width: int) -> str:
    return text if len(text) <= width else "…" + text[len(text) - width + 1 :]
