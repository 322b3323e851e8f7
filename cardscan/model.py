"""Typed contact records: what the parser produces and every exporter consumes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any, Literal, get_args

PhoneType = Literal["work", "mobile", "fax", "other"]
PHONE_TYPES: tuple[str, ...] = get_args(PhoneType)

#: Fields that carry a confidence in ``Contact.confidence``.
CONFIDENCE_FIELDS = (
    "name",
    "title",
    "organization",
    "department",
    "phones",
    "emails",
    "urls",
    "profiles",
    "address",
)

#: Below this confidence a field is flagged for review by a person.
REVIEW_THRESHOLD = 0.6

_E164 = re.compile(r"^\+[1-9]\d{4,14}$")


@dataclass(frozen=True)
class Name:
    """A person's name split the way vCard's N property wants it."""

    full: str
    prefix: str | None = None  # "Dr.", "Prof. Dr.", "Dipl.-Ing."
    given: str | None = None  # "Anna-Lena"
    family: str | None = None  # "von Bergen"
    suffix: str | None = None  # "MBA", "PhD"

    def __post_init__(self) -> None:
        if not self.full.strip():
            raise ValueError("a Name needs a non-empty full name")


@dataclass(frozen=True)
class Phone:
    """One phone number, normalised to E.164, with its kind."""

    number: str  # "+49301234560"
    type: PhoneType = "work"
    extension: str | None = None

    def __post_init__(self) -> None:
        if not _E164.match(self.number):
            raise ValueError(f"phone number {self.number!r} is not in E.164 form")
        if self.type not in PHONE_TYPES:
            raise ValueError(f"phone type {self.type!r} is not one of {PHONE_TYPES}")


@dataclass(frozen=True)
class Profile:
    """A link to the person's page on a professional or social network."""

    network: str  # "linkedin", "xing", "twitter", ...
    url: str  # canonical https URL


@dataclass(frozen=True)
class Address:
    """A postal address as printed; ``country`` is only set when the card names it."""

    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


@dataclass
class Contact:
    """Everything read from one card (or the photos of one card's two sides)."""

    source: str
    name: Name | None = None
    title: str | None = None
    organization: str | None = None
    department: str | None = None
    phones: list[Phone] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    address: Address | None = None
    raw_text: str = ""
    #: 0..1 per field name in CONFIDENCE_FIELDS (only for fields that have a value)
    confidence: dict[str, float] = field(default_factory=dict)
    #: A JPEG for the vCard PHOTO (cardscan.photo keeps it small); not part of the JSON record.
    photo: bytes | None = field(default=None, repr=False)

    def review(self) -> list[str]:
        """Fields whose confidence is low enough that a person should check them."""
        return sorted(k for k, v in self.confidence.items() if v < REVIEW_THRESHOLD)

    def is_empty(self) -> bool:
        """True when nothing usable was found (no name, organisation or way to reach them)."""
        return not (self.name or self.organization or self.phones or self.emails or self.urls)

    def display_name(self) -> str:
        """What an address book shows: the name, else the organisation, else an e-mail."""
        if self.name:
            return self.name.full
        if self.organization:
            return self.organization
        if self.emails:
            return self.emails[0]
        return ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON record (key names are part of the CLI contract)."""
        name = None
        if self.name:
            name = {
                "full": self.name.full,
                "prefix": self.name.prefix,
                "given": self.name.given,
                "family": self.name.family,
                "suffix": self.name.suffix,
            }
        address = None
        if self.address and not self.address.is_empty():
            address = {f.name: getattr(self.address, f.name) for f in fields(self.address)}
        return {
            "source": self.source,
            "name": name,
            "title": self.title,
            "organization": self.organization,
            "department": self.department,
            "phones": [
                {"number": p.number, "type": p.type, "extension": p.extension} for p in self.phones
            ],
            "emails": list(self.emails),
            "urls": list(self.urls),
            "profiles": [{"network": p.network, "url": p.url} for p in self.profiles],
            "address": address,
            "raw_text": self.raw_text,
            "confidence": {k: round(v, 3) for k, v in sorted(self.confidence.items())},
            "review": self.review(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Contact:
        """Inverse of :meth:`to_dict` (extra keys are ignored)."""
        n = data.get("name")
        a = data.get("address")
        return cls(
            source=data.get("source") or "",
            name=Name(
                full=n["full"],
                prefix=n.get("prefix"),
                given=n.get("given"),
                family=n.get("family"),
                suffix=n.get("suffix"),
            )
            if n
            else None,
            title=data.get("title"),
            organization=data.get("organization"),
            department=data.get("department"),
            phones=[
                Phone(p["number"], p.get("type", "work"), p.get("extension"))
                for p in data.get("phones") or []
            ],
            emails=list(data.get("emails") or []),
            urls=list(data.get("urls") or []),
            profiles=[Profile(p["network"], p["url"]) for p in data.get("profiles") or []],
            address=Address(
                **{k: a.get(k) for k in ("street", "postal_code", "city", "region", "country")}
            )
            if a
            else None,
            raw_text=data.get("raw_text") or "",
            confidence=dict(data.get("confidence") or {}),
        )
