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
from typing import Any, TextIO

from cardscan.export.base import ContactWriter
from cardscan.export.csvout import CsvWriter
from cardscan.export.importcsv import GoogleCsvWriter, OutlookCsvWriter
from cardscan.export.jsonout import JsonLinesWriter, JsonWriter
from cardscan.export.vcard import VCardWriter

__all__ = ["ContactWriter", "Format", "open_writer"]


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
        return (
            ".csv"
            if self.value.endswith("csv")
            else {"vcard": ".vcf", "json": ".json", "jsonl": ".jsonl"}[self.value]
        )


def open_writer(fmt: Format, stream: TextIO, **options: Any) -> ContactWriter:
    """A writer for ``fmt`` on ``stream``; ``close()`` it (or use ``with``) to finish the file.

    Options by format (anything else is a TypeError):
      vcard  version="3.0" | "4.0", rev=datetime, note=str, charset=bool (Outlook, 3.0 only)
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
