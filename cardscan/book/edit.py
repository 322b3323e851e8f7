"""`book edit`: the editable fields as JSON text, and validating the edited text back."""

from __future__ import annotations

import json
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


def parse_edit(text: str) -> Contact:
    """The edited JSON as a Contact; raises InvalidEditError saying what to fix."""
    again = "nothing was saved; run `cardscan book edit` again and fix it"
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidEditError(
            f"the edited text is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg}); {again}"
        ) from exc
    if not isinstance(data, dict):
        raise InvalidEditError(f"the edited text must be one JSON object {{...}}; {again}")
    unknown = sorted(set(data) - set(EDITABLE))
    if unknown:
        raise InvalidEditError(
            f"unknown field(s) {', '.join(unknown)} (editable: {', '.join(EDITABLE)}); {again}"
        )
    if isinstance(data.get("name"), str):  # "name": "Martina Müller" is the obvious thing to type
        data["name"] = {"full": data["name"]} if data["name"].strip() else None
    for key in ("emails", "urls", "phones", "profiles"):
        if not isinstance(data.get(key) or [], list):
            raise InvalidEditError(f"{key} must be a list [...]; {again}")
    bad = [e for e in data.get("emails") or [] if not isinstance(e, str) or "@" not in e]
    if bad:
        raise InvalidEditError(f"{bad[0]!r} is not an e-mail address; {again}")
    try:
        return Contact.from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InvalidEditError(f"the edited record does not validate ({exc}); {again}") from exc
