"""Typed contact records: what the parser produces and every exporter consumes."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
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

#: The confidence of a field that holds a value a rule repaired, or a reading a rule doubts:
#: below REVIEW_THRESHOLD, so that a person checks it.
REPAIRED_CONFIDENCE = 0.5

#: Where a value came from: printed on the card and read as it is; read from a second reading
#: of its part of the image (a rule's proposal that reading confirmed); from a QR code; or
#: repaired by a rule from a reading that was no valid value.
#: Where a value came from: the card's print as read, a second reading of the card, its QR
#: code, a repair rule, or the user ("entered": a --profile-url, a link typed in the review).
Source = Literal["printed", "second_reading", "qr", "repaired", "entered"]
SOURCES: tuple[str, ...] = get_args(Source)

#: The fields of a contact that hold several values (tuples in a Contact).
SEQUENCE_FIELDS = ("phones", "emails", "urls", "profiles", "origins", "proposals")

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


@dataclass(frozen=True)
class Origin:
    """Where one value of a field came from: ``Origin("emails", "anna@x.de", "repaired",
    "comma-for-dot", "anna@x,de")``."""

    field: str  # one of CONFIDENCE_FIELDS
    value: str  # the value as in the record (a phone's E.164 number, a profile's URL)
    source: Source = "printed"
    rule: str | None = None  # the rule that made (or proposed what confirmed) the value
    read: str | None = None  # what OCR read, where that was not the value itself

    def __post_init__(self) -> None:
        if self.field not in CONFIDENCE_FIELDS:
            raise ValueError(f"origin of unknown field {self.field!r}")
        if self.source not in SOURCES:
            raise ValueError(f"source {self.source!r} is not one of {SOURCES}")


@dataclass(frozen=True)
class Proposal:
    """A rule's doubt about a valid reading: "tfiqueroa@x.com" for the printed tfigueroa@x.com
    beside the name read "Tom Fiqueroa". The value stays as read unless a second reading of
    its part of the image shows ``candidate`` (cardscan.reread.recheck)."""

    field: str  # the field of ``value``
    value: str  # the value as read, kept
    candidate: str  # what the rule proposes
    rule: str
    read: str  # the text the value was read from (where to look in the image)
    to_field: str | None = None  # the candidate's field when it is another ("urls" -> "emails")

    @property
    def target(self) -> str:
        return self.to_field or self.field


@dataclass(frozen=True)
class TextLine:
    """One line (or one separated segment of a line) of card text."""

    text: str
    height: float = 0.0  # font size in pixels (0 when unknown, e.g. plain-text fixtures)
    confidence: float = 1.0  # OCR confidence 0..1
    top: float = 0.0  # position on the card, 0..1 from the top (0 when unknown)
    left: float = 0.0  # 0..1 from the left
    right: float = 0.0  # 0..1 from the left, where the line ends (0 when unknown)


class ContactFields:
    """What a contact record reads like: the fields and the questions asked of them. Shared by
    Contact (frozen, what every stage hands on) and the parser's draft (parse/draft.py, built
    up in place while one card is parsed)."""

    source: str
    name: Name | None
    title: str | None
    organization: str | None
    department: str | None
    phones: Sequence[Phone]
    emails: Sequence[str]
    urls: Sequence[str]
    profiles: Sequence[Profile]
    address: Address | None
    raw_text: str
    confidence: Mapping[str, float]
    photo: bytes | None
    origins: Sequence[Origin]
    proposals: Sequence[Proposal]

    def origin(self, field_name: str, value: str) -> Origin:
        """Where ``value`` of ``field_name`` came from (printed, unless recorded otherwise)."""
        for o in self.origins:
            if o.field == field_name and o.value == value:
                return o
        return Origin(field_name, value)

    def origins_with(self, origin: Origin) -> list[Origin]:
        """The origins once ``origin`` is recorded (replacing what was recorded for its value)."""
        kept = [o for o in self.origins if (o.field, o.value) != (origin.field, origin.value)]
        return [*kept, origin] if origin != Origin(origin.field, origin.value) else kept

    def values(self, field_name: str) -> list[str]:
        """The values of one field as strings: the keys of origin() and the provenance list."""
        value = getattr(self, field_name)
        if field_name == "phones":
            return [p.number for p in self.phones]
        if field_name == "profiles":
            return [p.url for p in self.profiles]
        if field_name == "name":
            return [self.name.full] if self.name else []
        if field_name == "address":
            a = self.address
            return [", ".join(v for v in vars(a).values() if v)] if a and not a.is_empty() else []
        if isinstance(value, (list, tuple)):
            return [str(v) for v in value]
        return [value] if value else []

    def open_proposals(self) -> list[Proposal]:
        """The proposals whose value is still in the record."""
        return [p for p in self.proposals if p.value in self.values(p.field)]

    def doubted_confidence(self) -> dict[str, float]:
        """The confidences once fields with a repaired value or an unconfirmed proposal have
        REPAIRED_CONFIDENCE at most, so that they are listed for review."""
        confidence = dict(self.confidence)
        doubtful = {o.field for o in self.origins if o.source == "repaired"}
        doubtful |= {p.field for p in self.open_proposals()}
        for name in doubtful:
            if self.values(name):
                confidence[name] = min(
                    confidence.get(name, REPAIRED_CONFIDENCE), REPAIRED_CONFIDENCE
                )
        return confidence

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
            "provenance": [
                {"field": f, "value": v, "source": self.origin(f, v).source}
                for f in CONFIDENCE_FIELDS
                for v in self.values(f)
            ],
            "repairs": [
                {"field": o.field, "from": o.read, "to": o.value, "rule": o.rule}
                for o in self.origins
                if o.rule and o.read is not None and o.value in self.values(o.field)
            ],
            "suggestions": [
                {"field": p.field, "value": p.value, "suggested": p.candidate, "rule": p.rule}
                for p in self.open_proposals()
            ],
        }


@dataclass(frozen=True)
class Contact(ContactFields):
    """Everything read from one card (or the photos of one card's two sides). Frozen: a stage
    that changes a field returns a new Contact (``dataclasses.replace``). Sequences given as
    lists are kept as tuples, the confidences as a copy of their own."""

    source: str
    name: Name | None = None
    title: str | None = None
    organization: str | None = None
    department: str | None = None
    phones: Sequence[Phone] = ()
    emails: Sequence[str] = ()
    urls: Sequence[str] = ()
    profiles: Sequence[Profile] = ()
    address: Address | None = None
    raw_text: str = ""
    #: 0..1 per field name in CONFIDENCE_FIELDS (only for fields that have a value)
    confidence: Mapping[str, float] = field(default_factory=dict)
    #: A JPEG for the vCard PHOTO (cardscan.imaging.photo keeps it small); not part of the JSON record.
    photo: bytes | None = field(default=None, repr=False)
    #: Where values came from, where that is not "printed as read" (see origin()).
    origins: Sequence[Origin] = ()
    #: Rules' doubts about valid readings, not confirmed by the image (yet).
    proposals: Sequence[Proposal] = ()

    def __post_init__(self) -> None:
        for name in SEQUENCE_FIELDS:
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "confidence", dict(self.confidence))

    __hash__ = None  # type: ignore[assignment]  # the confidences are a dict

    def with_origin(self, origin: Origin) -> Contact:
        """This contact with where a value came from recorded (see origins_with)."""
        return replace(self, origins=self.origins_with(origin))

    def with_doubts_flagged(self) -> Contact:
        """This contact with its doubted fields listed for review (see doubted_confidence)."""
        return replace(self, confidence=self.doubted_confidence())

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
            origins=_origins_of(data),
            proposals=[
                Proposal(p["field"], p["value"], p["suggested"], p["rule"], "")
                for p in data.get("suggestions") or []
            ],
        )


def _origins_of(data: dict[str, Any]) -> list[Origin]:
    """The origins a record's "provenance" and "repairs" lists give (printed ones are not kept)."""
    repairs = {(r["field"], r["to"]): r for r in data.get("repairs") or []}
    origins = []
    for p in data.get("provenance") or []:
        key = (p["field"], p["value"])
        if p.get("source", "printed") != "printed" or key in repairs:
            r = repairs.get(key, {})
            origins.append(Origin(*key, p.get("source", "printed"), r.get("rule"), r.get("from")))
    return origins
