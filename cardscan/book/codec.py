"""Contact <-> SQLite row columns, the matching key and the text kept in field history."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from cardscan.model import Address, Contact
from cardscan.text import fold

_NAME_PARTS = ("prefix", "given", "family", "suffix")
_LISTS = ("phones", "emails", "urls", "profiles")
#: The record's keys kept in the "reading" column (see Contact.to_dict).
_READING = ("confidence", "provenance", "repairs")


def match_key(contact: Contact) -> str | None:
    """Folded "name|organisation"; None unless both are known (a name alone is too weak)."""
    if not contact.name or not contact.organization:
        return None
    name = " ".join(fold(contact.name.full).split())
    org = " ".join(fold(contact.organization).split())
    return f"{name}|{org}"


def contact_columns(contact: Contact) -> dict[str, Any]:
    """The contacts row for a Contact (without id/created/updated); lists as JSON."""
    record = contact.to_dict()
    name = record["name"] or {}
    cols: dict[str, Any] = {
        "source": contact.source,
        "full_name": name.get("full"),
        **{part: name.get(part) for part in _NAME_PARTS},
        "title": contact.title,
        "organization": contact.organization,
        "department": contact.department,
        **{key: json.dumps(record[key], ensure_ascii=False) for key in _LISTS},
        "address": json.dumps(record["address"], ensure_ascii=False) if record["address"] else None,
        "raw_text": contact.raw_text,
        "match_key": match_key(contact),
        # how the card was read: confidence, and where values did not come from the print
        "reading": json.dumps({key: record[key] for key in _READING}, ensure_ascii=False),
    }
    return cols


def contact_from_row(row: sqlite3.Row) -> Contact:
    """Inverse of :func:`contact_columns`."""
    name = None
    if row["full_name"]:
        name = {"full": row["full_name"], **{part: row[part] for part in _NAME_PARTS}}
    data: dict[str, Any] = {
        "source": row["source"],
        "name": name,
        "title": row["title"],
        "organization": row["organization"],
        "department": row["department"],
        **{key: json.loads(row[key] or "[]") for key in _LISTS},
        "address": json.loads(row["address"]) if row["address"] else None,
        "raw_text": row["raw_text"],
    }
    # (not during the migrations before the column was added; "in row" looks at the values)
    if "reading" in row.keys():  # noqa: SIM118
        data |= json.loads(row["reading"] or "{}")
    return Contact.from_dict(data)


def address_text(address: Address | None) -> str:
    """ "Hauptstr. 1, 10115 Berlin, Germany" (empty parts left out)."""
    if address is None:
        return ""
    town = " ".join(p for p in (address.postal_code, address.city) if p)
    return ", ".join(p for p in (address.street, town, address.region, address.country) if p)


def field_text(contact: Contact, name: str) -> str | None:
    """A field as the one line kept in field history and shown by ``who``; None when empty."""
    match name:
        case "phones":
            text = ", ".join(
                p.number + (f" ext. {p.extension}" if p.extension else "") for p in contact.phones
            )
        case "emails":
            text = ", ".join(contact.emails)
        case "address":
            text = address_text(contact.address)
        case _:
            text = getattr(contact, name) or ""
    return text.strip() or None
