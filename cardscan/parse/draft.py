"""The parser's record under construction: a contact whose fields are edited in place while
one card (or one QR payload) is parsed, frozen into a Contact when it is done.

Only the parsers build drafts (parse/, qr.py); everything they hand on is a frozen Contact.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from cardscan.model import Address, Contact, ContactFields, Name, Origin, Phone, Profile, Proposal


@dataclass
class Draft(ContactFields):
    """A Contact being built: the same fields, in lists and a dict that the parser edits."""

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
    confidence: dict[str, float] = field(default_factory=dict)
    photo: bytes | None = field(default=None, repr=False)
    origins: list[Origin] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)

    @classmethod
    def of(cls, contact: Contact) -> Draft:
        """A draft to edit, a copy of ``contact`` (which stays as it is)."""
        values = {f.name: getattr(contact, f.name) for f in fields(contact)}
        return cls(
            **{
                **values,
                **{k: list(v) for k, v in values.items() if isinstance(v, tuple)},
                "confidence": dict(contact.confidence),
            }
        )

    def freeze(self) -> Contact:
        """The finished record."""
        return Contact(**{f.name: getattr(self, f.name) for f in fields(self)})

    def set_origin(self, origin: Origin) -> None:
        """Record where a value came from (replacing what was recorded for it)."""
        self.origins = self.origins_with(origin)

    def flag_doubts(self) -> None:
        """Doubted fields get REPAIRED_CONFIDENCE at most (model.doubted_confidence)."""
        self.confidence = self.doubted_confidence()
