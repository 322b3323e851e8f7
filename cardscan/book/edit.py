"""`book edit`: the editable fields as JSON text, and validating the edited text back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cardscan.errors import InvalidEditError
from cardscan.model import CONFIDENCE_FIELDS, Contact

#: What `book edit` lets a person change: the fields read from the card (source, raw OCR text
#: and confidences are not theirs to change).
EDITABLE = CONFIDENCE_FIELDS


def editable_text(contact: Contact) -> str:
    """The fields as indented JSON, one key per line, ready for $EDITOR."""
    record = contact.to_dict()
    return json.dumps({k: record[k] for k in EDITABLE}, indent=2, ensure_ascii=False) + "\n"


#: Lines on top of the edited text that start with this are cardscan's, not the record's: the
#: error of the last try, shown when the editor opens again. JSON itself never starts so.
ERROR_MARK = "//"
#: How many such lines with_error() puts on top.
HEADER_LINES = 2


def with_error(text: str, error: str, keep: Path) -> str:
    """``text`` with the error and what to do on top, for the editor to show again."""
    return (
        f"{ERROR_MARK} cardscan: {error}\n"
        f"{ERROR_MARK} Fix it and save; or quit without a change to keep your text in {keep}.\n"
        + without_error(text)
    )


def without_error(text: str) -> str:
    """``text`` without the lines :func:`with_error` put on top."""
    lines = text.splitlines(keepends=True)
    while lines and lines[0].lstrip().startswith(ERROR_MARK):
        lines.pop(0)
    return "".join(lines)


def draft_path(book: Path, contact_id: int) -> Path:
    """Where an edit that did not validate is kept, beside the book it belongs to."""
    return book.with_name(f"{book.name}.edit-{contact_id}.json")


def parse_edit(text: str, *, first_line: int = 1) -> Contact:
    """The edited JSON as a Contact; raises InvalidEditError saying what to fix.

    ``first_line`` is the number of the text's first line where the person will look for the
    error (below the lines of :func:`with_error`: ``HEADER_LINES + 1``)."""
    body = without_error(text)
    try:
        data: Any = json.loads(body)
    except json.JSONDecodeError as exc:
        line = exc.lineno + first_line - 1
        raise InvalidEditError(
            f"the edited text is not valid JSON (line {line}, column {exc.colno}: {exc.msg})"
        ) from exc
    if not isinstance(data, dict):
        raise InvalidEditError("the edited text must be one JSON object {...}")
    unknown = sorted(set(data) - set(EDITABLE))
    if unknown:
        raise InvalidEditError(
            f"unknown field(s) {', '.join(unknown)} (editable: {', '.join(EDITABLE)})"
        )
    if isinstance(data.get("name"), str):  # "name": "Martina Müller" is the obvious thing to type
        data["name"] = {"full": data["name"]} if data["name"].strip() else None
    for key in ("emails", "urls", "phones", "profiles"):
        if not isinstance(data.get(key) or [], list):
            raise InvalidEditError(f"{key} must be a list [...]")
    bad = [e for e in data.get("emails") or [] if not isinstance(e, str) or "@" not in e]
    if bad:
        raise InvalidEditError(f"{bad[0]!r} is not an e-mail address")
    try:
        return Contact.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InvalidEditError(f"the edited record does not validate ({exc})") from exc
