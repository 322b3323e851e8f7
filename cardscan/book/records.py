"""Typed records of the contact book: encounters, field history and whole entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cardscan.model import Contact

#: Fields whose changes are kept as history (a new title, company, phone or address).
HISTORY_FIELDS = ("title", "organization", "department", "phones", "emails", "address")


@dataclass(frozen=True)
class Encounter:
    """One meeting: where (event), when, what was discussed, and the card photo it came from."""

    met_on: date
    event: str | None = None
    notes: str | None = None
    tags: tuple[str, ...] = ()
    source: str | None = None  # the photo the card was read from
    follow_up_by: date | None = None
    id: int | None = None  # set once stored

    def __post_init__(self) -> None:
        if any(not t.strip() for t in self.tags):
            raise ValueError("a tag must not be empty; pass --tag WORD")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "event": self.event,
            "met_on": self.met_on.isoformat(),
            "notes": self.notes,
            "tags": list(self.tags),
            "source": self.source,
            "follow_up_by": self.follow_up_by.isoformat() if self.follow_up_by else None,
        }


@dataclass(frozen=True)
class Change:
    """One field that changed: ``title`` was "Vertriebsleiterin", since 2026-09-14 "Geschäftsführerin"."""

    field: str
    old_value: str | None
    new_value: str | None
    changed_on: date

    def __post_init__(self) -> None:
        if self.field not in HISTORY_FIELDS:
            raise ValueError(f"no history is kept for field {self.field!r}")


@dataclass
class BookEntry:
    """A stored contact with everything the book knows about them."""

    id: int
    contact: Contact
    encounters: list[Encounter] = field(default_factory=list)
    history: list[Change] = field(default_factory=list)
    created: str = ""
    updated: str = ""
    has_image: bool = False

    def history_of(self, name: str) -> list[Change]:
        """Changes of one field, oldest first."""
        return [c for c in self.history if c.field == name]

    def last_met(self) -> date | None:
        return max((e.met_on for e in self.encounters), default=None)

    def follow_ups(self) -> list[date]:
        return sorted(e.follow_up_by for e in self.encounters if e.follow_up_by)

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of ``book list --format json``: id, the Contact keys, encounters."""
        record: dict[str, Any] = {"id": self.id}
        record.update(self.contact.to_dict())
        record["encounters"] = [e.to_dict() for e in self.encounters]
        record["history"] = [
            {
                "field": c.field,
                "old_value": c.old_value,
                "new_value": c.new_value,
                "changed_on": c.changed_on.isoformat(),
            }
            for c in self.history
        ]
        return record


@dataclass(frozen=True)
class SaveOutcome:
    """What saving a scanned card did: a new contact, or an encounter added to a known one."""

    contact_id: int
    created: bool
    matched_by: str | None  # "email", "phone", "name+organization" or None when new
    changes: tuple[Change, ...] = ()
    encounter_id: int | None = None
