"""Merge two readings of one card: front and back photo, two OCR readings, QR data and OCR."""

from __future__ import annotations

from dataclasses import replace

from cardscan.model import CONFIDENCE_FIELDS, Address, Contact, Origin, Source
from cardscan.parse.checks import crosscheck, drop_second_readings
from cardscan.parse.draft import Draft
from cardscan.parse.rules import ROLE_MAILBOXES


def merge_contacts(first: Contact, second: Contact) -> Contact:
    """Fields of ``first`` win; ``second`` fills what is missing and adds phones, e-mails, links."""
    address = first.address
    if address is None or address.is_empty():
        address = second.address
    elif second.address is not None:
        # Fill single missing parts (a QR payload without a country, say).
        address = Address(
            **{
                k: getattr(address, k) or getattr(second.address, k)
                for k in ("street", "postal_code", "city", "region", "country")
            }
        )
    phones = list(first.phones)
    for p in second.phones:
        if all(q.number != p.number for q in phones):
            phones.append(p)
    confidence = dict(second.confidence)
    confidence.update(first.confidence)
    return replace(
        first,
        name=first.name or second.name,
        title=first.title or second.title,
        organization=first.organization or second.organization,
        department=first.department or second.department,
        phones=phones,
        emails=[*first.emails, *(e for e in second.emails if e not in first.emails)],
        urls=[*first.urls, *(u for u in second.urls if u not in first.urls)],
        profiles=[*first.profiles, *(p for p in second.profiles if p not in first.profiles)],
        address=address,
        raw_text="\n".join(t for t in (first.raw_text, second.raw_text) if t),
        confidence=confidence,
        origins=[*first.origins, *(o for o in second.origins if o not in first.origins)],
        proposals=[*first.proposals, *(p for p in second.proposals if p not in first.proposals)],
    )


def mark_source(contact: Contact, source: Source) -> Contact:
    """``contact`` with the values read as printed marked as coming from ``source`` (a QR
    code, a second reading of the card); repaired values keep their origin."""
    for name in CONFIDENCE_FIELDS:
        for value in contact.values(name):
            if contact.origin(name, value).source == "printed":
                contact = contact.with_origin(Origin(name, value, source))
    return contact


def combine_readings(first: Contact, second: Contact) -> Contact:
    """One card read twice (the second time as one block of lines, to fill what the first
    reading missed): what the first found wins, the second fills gaps, and the whole card's
    e-mails, websites and name are checked against each other again. The person's own
    address comes first, as cards print it: address books prefer the first. The card's text
    (raw_text) is the first reading's, once: the second only fills fields (its text took part
    in the check, as evidence)."""
    merged = Draft.of(merge_contacts(first, mark_source(second, "second_reading")))
    crosscheck(merged)
    merged.emails.sort(key=lambda e: e.partition("@")[0] in ROLE_MAILBOXES)
    return replace(merged.freeze(), raw_text=first.raw_text)


def combine_qr(qr: Contact, contact: Contact) -> Contact:
    """A card's QR code data merged with its OCR reading: the code is exact and wins for the
    fields it carries, and an OCR misreading of an address the code gives goes."""
    merged = merge_contacts(mark_source(qr, "qr"), contact)
    return drop_second_readings(merged, qr.emails)


def same_person(a: Contact, b: Contact) -> bool:
    """Can two readings be the two sides of one card?  Not when both name someone and the
    names differ, nor when both carry e-mails and none is shared (a back side often carries
    only a logo, a map or the same data in English, which is fine)."""
    if a.name and b.name:
        # "Dr. Anna Müller" and "Anna Müller" are one person; the family name decides
        fa, fb = _key(a.name.family or a.name.full), _key(b.name.family or b.name.full)
        if fa not in _key(b.name.full) and fb not in _key(a.name.full):
            return False
    return not (a.emails and b.emails and not set(a.emails) & set(b.emails))


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalpha())
