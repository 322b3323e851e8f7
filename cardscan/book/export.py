"""`book export`: the whole book as vCard (with encounters in NOTE), JSON Lines or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TextIO

from cardscan.book.records import BookEntry
from cardscan.book.render import note_text
from cardscan.export import Format
from cardscan.export.csvout import BOM, CSV_HEADER, csv_row, neutralise_cell
from cardscan.export.importcsv import (
    GOOGLE_HEADER,
    OUTLOOK_HEADER,
    google_row,
    layout_row,
    outlook_row,
)
from cardscan.export.vcard import to_vcard

#: Every export format but the JSON array: the book is exported as JSON Lines.
BOOK_FORMATS = tuple(f.value for f in Format if f is not Format.json)
#: Google's and Outlook's import layouts: header, row of a contact, what the file starts with.
_LAYOUTS = {
    "google-csv": (GOOGLE_HEADER, google_row, ""),
    "outlook-csv": (OUTLOOK_HEADER, outlook_row, BOM),  # Outlook reads UTF-8 only with a BOM
}
#: Columns after the contact's CSV_HEADER columns.
EXTRA_COLUMNS = ("id", "first_met", "last_met", "events", "notes", "tags", "follow_up_by")


def write_book(
    entries: Iterable[BookEntry],
    fmt: str,
    stream: TextIO,
    photos: Mapping[int, bytes] | None = None,
) -> int:
    """Write every entry; returns how many. The stream should be opened with newline="".

    ``photos`` (contact id -> small JPEG) go into the vCards as PHOTO.  Google's and
    Outlook's layouts carry the encounters (where, when, what) in their Notes column.
    """
    count = 0
    writer = csv.writer(stream) if fmt == "csv" else None
    if writer is not None:
        stream.write("\ufeff")  # Excel needs the BOM to read UTF-8 (see export/csvout.py)
        writer.writerow([*CSV_HEADER, *EXTRA_COLUMNS])
    layout = _LAYOUTS.get(fmt)
    layout_writer = csv.writer(stream, lineterminator="\r\n") if layout else None
    if layout and layout_writer:
        header, _, start = layout
        stream.write(start)
        layout_writer.writerow(header)
    for entry in entries:
        count += 1
        if fmt == "vcard":
            tags = list(dict.fromkeys(t for e in entry.encounters for t in e.tags))
            contact = replace(entry.contact, photo=(photos or {}).get(entry.id))
            stream.write(to_vcard(contact, note=note_text(entry), categories=tags))
        elif layout and layout_writer:
            header, row_of, _ = layout
            layout_writer.writerow(layout_row(header, row_of(entry.contact), note_text(entry)))
        elif fmt == "jsonl":
            stream.write(json.dumps(entry.to_dict(), ensure_ascii=False) + "\n")
        elif writer is not None:
            writer.writerow(csv_row(entry.contact) + [neutralise_cell(v) for v in _extra(entry)])
        else:
            raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(BOOK_FORMATS)}")
    return count


def _extra(entry: BookEntry) -> list[str]:
    enc = entry.encounters
    tags = dict.fromkeys(t for e in enc for t in e.tags)
    return [
        str(entry.id),
        enc[0].met_on.isoformat() if enc else "",
        enc[-1].met_on.isoformat() if enc else "",
        "; ".join(e.event for e in enc if e.event),
        "; ".join(e.notes for e in enc if e.notes),
        "; ".join(tags),
        "; ".join(d.isoformat() for d in entry.follow_ups()),
    ]
