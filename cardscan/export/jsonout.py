"""JSON (one document) and JSON Lines (one compact record per line) output of contacts.

The record is ``Contact.to_dict()``: its key names are part of the CLI contract.
Text is written as UTF-8 characters (``ensure_ascii=False``), so umlauts stay readable.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from cardscan.export.base import ContactWriter
from cardscan.model import Contact


def to_json(contact: Contact) -> str:
    """One contact as an indented JSON document (without a final newline)."""
    return _dumps(contact.to_dict(), indent=2)


def to_jsonl(contact: Contact) -> str:
    """One contact as a single compact JSON line (without the newline)."""
    # json escapes every control character inside strings, so a record is always one line.
    return _dumps(contact.to_dict(), separators=(",", ":"))


def write_jsonl(contacts: Iterable[Contact], stream: TextIO) -> int:
    """Write one JSON line per contact; returns how many were written."""
    count = 0
    with JsonLinesWriter(stream) as writer:
        for contact in contacts:
            writer.write(contact)
            count += 1
    return count


class JsonWriter(ContactWriter):
    """Streams a JSON array of contacts, or with ``single=True`` exactly one JSON object.

    The shape follows what the caller asked for, never how many cards happened to be read:
    a script that scans one photo gets an object, a batch always gets an array (also with
    one or no contacts in it), so ``jq`` filters do not break when all but one card fails.
    With ``single=True`` a second contact is an error and no contact writes nothing.
    """

    def __init__(self, stream: TextIO, *, single: bool = False) -> None:
        super().__init__(stream)
        self._single = single
        self._count = 0

    def _write(self, contact: Contact) -> None:
        if self._single:
            if self._count:
                raise ValueError("a single JSON document holds one contact; use an array")
            self._stream.write(to_json(contact) + "\n")
        else:
            # Same text as json.dumps(list, indent=2), one element at a time. "\n" occurs in
            # the JSON text only between tokens (json escapes it inside strings).
            element = "\n".join("  " + line for line in to_json(contact).split("\n"))
            self._stream.write(("[\n" if not self._count else ",\n") + element)
        self._count += 1

    def _finish(self) -> None:
        if not self._single:
            self._stream.write("\n]\n" if self._count else "[]\n")


class JsonLinesWriter(ContactWriter):
    """Streams one compact JSON record per line (JSON Lines, ``.jsonl``)."""

    def _write(self, contact: Contact) -> None:
        self._stream.write(to_jsonl(contact) + "\n")


# Line breaks that json.dumps leaves raw with ensure_ascii=False; str.splitlines() breaks on
# them (so would a JSON Lines reader built on it), and JavaScript before ES2019 refused them.
_RAW_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _dumps(record: dict[str, Any], **options: Any) -> str:
    # allow_nan=False: a NaN confidence would otherwise come out as "NaN", which is not JSON.
    # The three characters can occur only inside strings, where the \\u escape is the same text.
    text = json.dumps(record, ensure_ascii=False, allow_nan=False, **options)
    return text.translate(_RAW_BREAKS)
