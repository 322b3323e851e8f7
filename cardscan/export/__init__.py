"""Exporters that know only the model: vCard, JSON, JSON Lines and CSV, one contact at a time.

    with open(path, "w", encoding="utf-8", newline="") as stream:
        with open_writer(Format.vcard, stream, version="3.0") as writer:
            for contact in contacts:
                writer.write(contact)

``newline=""`` matters: vCard and CSV write CRLF themselves, and a text stream that
translates newlines would turn it into CR CR LF on Windows.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import PurePath
from typing import Any, TextIO

from cardscan.export.base import ContactWriter
from cardscan.export.csvout import CsvWriter
from cardscan.export.importcsv import GoogleCsvWriter, OutlookCsvWriter
from cardscan.export.jsonout import JsonLinesWriter, JsonWriter
from cardscan.export.vcard import VCardWriter

__all__ = ["FORMAT_ALIASES", "ContactWriter", "Format", "format_of_file", "open_writer"]


class Format(StrEnum):
    """The output formats; the values are what ``--format`` accepts."""

    vcard = "vcard"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    google_csv = "google-csv"
    outlook_csv = "outlook-csv"

    @property
    def suffix(self) -> str:
        """The usual file name ending, e.g. ".vcf"."""
        # google-csv and outlook-csv are CSV files too, but "-o x.csv" asks for plain csv
        return next((s for s, f in _BY_SUFFIX.items() if f is self), ".csv")

    @property
    def media_type(self) -> str:
        """The Internet media type of a file in this format (a download's Content-Type)."""
        return _MEDIA_TYPES.get(self, "text/csv")


#: Other names people type for a format, accepted by ``--format`` beside the values above.
FORMAT_ALIASES = {
    "vcf": Format.vcard,  # the file ending: "--format vcf" as "-o contacts.vcf"
    "jsonlines": Format.jsonl,  # the name of the standard (jsonlines.org)
    "ndjson": Format.jsonl,  # its other name, "newline-delimited JSON"
}

#: The format a file name ending asks for when --format is not given: "-o all.csv" writes CSV.
#: The first ending of each format is its usual one (Format.suffix).
_BY_SUFFIX = {
    ".vcf": Format.vcard,
    ".vcard": Format.vcard,
    ".json": Format.json,
    ".jsonl": Format.jsonl,
    ".ndjson": Format.jsonl,
    ".csv": Format.csv,
}


#: Media types of the formats that are not CSV (RFC 6350 for vCard; JSON Lines has none
#: registered, and is sent as the text it is).
_MEDIA_TYPES = {
    Format.vcard: "text/vcard",
    Format.json: "application/json",
    Format.jsonl: "text/plain",
}


def format_of_file(path: PurePath | None) -> Format | None:
    """What the ending of an output file asks for ("contacts.csv": csv); None if nothing."""
    if path is None or str(path) == "-":
        return None
    return _BY_SUFFIX.get(path.suffix.lower())


def open_writer(fmt: Format, stream: TextIO, **options: Any) -> ContactWriter:
    """A writer for ``fmt`` on ``stream``; ``close()`` it (or use ``with``) to finish the file.

    Options by format (anything else is a TypeError):
      vcard  version="3.0" | "4.0", rev=datetime, note=str, charset=bool (Outlook, 3.0 only),
             review=bool (the please-check hint in NOTE), source=bool (X-CARDSCAN-SOURCE)
      json   single=bool: one object for exactly one contact; default a JSON array
      jsonl  none
      csv    bom=bool (default True: Excel needs it to read UTF-8)
      google-csv   bom=bool (default False), Google Contacts' import layout
      outlook-csv  bom=bool (default True), Outlook's import layout
    """
    match Format(fmt):
        case Format.vcard:
            return VCardWriter(stream, **options)
        case Format.json:
            return JsonWriter(stream, **options)
        case Format.jsonl:
            return JsonLinesWriter(stream, **options)
        case Format.csv:
            return CsvWriter(stream, **options)
        case Format.google_csv:
            return GoogleCsvWriter(stream, **options)
        case Format.outlook_csv:
            return OutlookCsvWriter(stream, **options)
