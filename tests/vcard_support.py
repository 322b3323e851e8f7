"""The vCard tests' shared pieces: the rich golden contact, vobject readers and unfolding."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import vobject

from cardscan.model import Contact

GOLDEN = Path(__file__).parent / "golden"
REV = datetime(2026, 11, 26, 10, 45, tzinfo=UTC)


def rich() -> Contact:
    data = json.loads((GOLDEN / "rich_contact.json").read_text(encoding="utf-8"))
    return Contact.from_dict(data)


def parse(text: str) -> list[vobject.base.Component]:
    return list(vobject.readComponents(text))


def parse_one(text: str) -> vobject.base.Component:
    cards = parse(text)
    assert len(cards) == 1
    return cards[0]


def unfold(text: str) -> list[str]:
    """Logical lines of a vCard (RFC 6350 3.2: CRLF followed by one space is removed)."""
    return text.replace("\r\n ", "").split("\r\n")[:-1]
