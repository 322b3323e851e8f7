"""Which fields of a card a person should check, and why: read with low confidence, or not
printed as read (the parser repaired what OCR read), shown beside the OCR line it came from."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import phonenumbers

from cardscan.book.codec import address_text
from cardscan.model import REVIEW_THRESHOLD, Contact

LABELS = {
    "name": "Name",
    "title": "Title",
    "organization": "Organisation",
    "department": "Department",
    "phones": "Phones",
    "emails": "E-mails",
    "urls": "Websites",
    "profiles": "Profiles",
    "address": "Address",
}

#: A value read with this confidence came from a QR code's data (exact), not from OCR.
QR_CONFIDENCE = 1.0


@dataclass(frozen=True)
class FieldCheck:
    """One field to check: what OCR read on the card, what the field now says, and why."""

    field: str
    label: str
    read: str  # the value as it is in the field
    printed: str  # the OCR line closest to it ("" when none is close)
    why: str


def field_checks(contact: Contact) -> list[FieldCheck]:
    """The fields to check, in form order."""
    checks = []
    lines = [line for line in contact.raw_text.splitlines() if line.strip()]
    for name in LABELS:
        values = _values(contact, name)
        if not values:
            continue
        confidence = contact.confidence.get(name)
        why = None
        if confidence is not None and confidence < REVIEW_THRESHOLD:
            why = f"read with low confidence ({confidence:.0%})"
        elif confidence != QR_CONFIDENCE and lines:
            printed = _parts(contact, name) or values
            if not all(_printed(name, v, contact.raw_text) for v in printed):
                why = "not printed like this: repaired from what OCR read"
        if why:
            shown = "; ".join(values)
            checks.append(FieldCheck(name, LABELS[name], shown, _closest(shown, lines), why))
    return checks


def _values(contact: Contact, name: str) -> list[str]:
    match name:
        case "name":
            return [contact.name.full] if contact.name else []
        case "phones":
            return [p.number for p in contact.phones]
        case "emails" | "urls":
            return list(getattr(contact, name))
        case "profiles":
            return [p.url for p in contact.profiles]
        case "address":
            text = address_text(contact.address)
            return [text] if text else []
        case _:
            value = getattr(contact, name)
            return [value] if value else []


def _parts(contact: Contact, name: str) -> list[str]:
    """The address's parts, each looked for on its own (cards print them in many orders)."""
    if name != "address" or contact.address is None:
        return []
    a = contact.address
    return [v for v in (a.street, a.postal_code, a.city, a.region, a.country) if v]


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.lower())


def _printed(name: str, value: str, raw: str) -> bool:
    """Is the value on the card as OCR read it? Phones by their digits, sites by their host."""
    if name == "phones":
        try:
            national = str(phonenumbers.parse(value).national_number)
        except phonenumbers.NumberParseException:
            return False
        return national in re.sub(r"\D", "", raw)
    if name in ("urls", "profiles"):
        parts = urlsplit(value if "://" in value else f"https://{value}")
        host = (parts.hostname or "").removeprefix("www.")
        return _squash(host + parts.path.rstrip("/")) in _squash(raw).replace("www.", "")
    return _squash(value) in _squash(raw)


def _closest(value: str, lines: list[str]) -> str:
    """The OCR line most like the value (the value may have come from one line of several)."""
    best = difflib.get_close_matches(value, lines, n=1, cutoff=0.3)
    if best:
        return best[0]
    scored = [
        (difflib.SequenceMatcher(None, value.lower(), line.lower()).ratio(), line) for line in lines
    ]
    top = max(scored, default=(0.0, ""))
    return top[1] if top[0] >= 0.2 else ""


def marks(contact: Contact | None) -> list[str]:
    """The labels of the fields to check, for the stack's marks."""
    return [c.label for c in field_checks(contact)] if contact else []
