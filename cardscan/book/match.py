"""Is this someone we know? Match a scanned card to the book and save it as an encounter."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

from cardscan.book.codec import field_text, match_key
from cardscan.book.links import with_profiles
from cardscan.book.records import HISTORY_FIELDS, Change, Encounter, SaveOutcome
from cardscan.book.store import Book, now_text
from cardscan.model import Contact

#: Single-value fields a newer card overwrites when it prints something else.
_REPLACED = ("title", "organization", "department")


def find_match(book: Book, contact: Contact) -> tuple[int, str] | None:
    """(contact id, how) for the stored contact this card belongs to, or None.

    E-mail first (most specific, compared case-insensitively), then phone (E.164 makes
    "+49 30 123" and "030 123" equal), then folded name + organisation ("Müller" = "Mueller").
    """
    for email in contact.emails:
        if found := book.find_by_email(email):
            return found, "email"
    for phone in contact.phones:
        if found := book.find_by_phone(phone.number):
            return found, "phone"
    key = match_key(contact)
    if key and (found := book.find_by_key(key)):
        return found, "name+organization"
    return None


def merge(old: Contact, new: Contact) -> Contact:
    """The stored contact updated by a newer card: what the new card prints wins.

    Phones, e-mails and address are replaced as a whole when the new card has them (the old
    ones stay in field history); profile links and web addresses accumulate; a blank on the
    new card (OCR missed it) never erases what is known.
    """
    replaced = {}
    for name in _REPLACED:
        value = getattr(new, name)
        if value and value.strip():
            replaced[name] = value
    if new.phones and {p.number for p in new.phones} != {p.number for p in old.phones}:
        replaced["phones"] = new.phones
    if new.emails and {e.lower() for e in new.emails} != {e.lower() for e in old.emails}:
        replaced["emails"] = new.emails
    if new.address and not new.address.is_empty():
        replaced["address"] = new.address
    known = {p.url.lower() for p in old.profiles}
    merged = dataclasses.replace(
        old,
        source=new.source or old.source,
        name=old.name or new.name,
        urls=_union(old.urls, new.urls),
        profiles=[*old.profiles, *(p for p in new.profiles if p.url.lower() not in known)],
        raw_text=new.raw_text or old.raw_text,
        **replaced,
    )
    # where each value came from (printed, repaired, entered by the user), the newer card's
    # word first, for the values the merged contact holds
    newer = {(o.field, o.value) for o in new.origins}
    origins = [*new.origins, *(o for o in old.origins if (o.field, o.value) not in newer)]
    return dataclasses.replace(
        merged, origins=[o for o in origins if o.value in merged.values(o.field)]
    )


def diff(old: Contact, new: Contact, on: date) -> list[Change]:
    """History entries for fields whose value changed (filling a blank is not a change)."""
    changes = []
    for name in HISTORY_FIELDS:
        before, after = field_text(old, name), field_text(new, name)
        if before is not None and before != after:
            changes.append(Change(name, before, after, on))
    return changes


def save(
    book: Book,
    contact: Contact,
    encounter: Encounter,
    *,
    profile_urls: tuple[str, ...] | list[str] = (),
    image: bytes | None = None,
) -> SaveOutcome:
    """Store a scanned card: a new contact, or an encounter (and updates) for a known one.

    Matching and writing happen in one write transaction, so two processes saving the
    same person at once cannot both create them.
    """
    contact = with_profiles(contact, profile_urls)
    now = now_text()
    with book.transaction():
        found = find_match(book, contact)
        changes: list[Change] = []
        if found is None:
            contact_id = book.insert_contact(contact, now)
        else:
            contact_id = found[0]
            old = book.get(contact_id).contact
            merged = merge(old, contact)
            changes = diff(old, merged, encounter.met_on)
            book.update_contact(contact_id, merged, now)
            book.add_changes(contact_id, changes)
        encounter_id = book.add_encounter(contact_id, encounter)
        if image:
            book.add_image(contact_id, image, encounter.met_on)
    return SaveOutcome(
        contact_id=contact_id,
        created=found is None,
        matched_by=found[1] if found else None,
        changes=tuple(changes),
        encounter_id=encounter_id,
    )


def replace_fields(book: Book, contact_id: int, contact: Contact, on: date) -> list[Change]:
    """Store an edited contact as it is (``book edit``), keeping changed fields as history."""
    with book.transaction():
        old = book.get(contact_id).contact
        contact = dataclasses.replace(
            contact,
            source=contact.source or old.source,
            raw_text=contact.raw_text or old.raw_text,
        )
        changes = diff(old, contact, on)
        book.update_contact(contact_id, contact, now_text())
        book.add_changes(contact_id, changes)
    return changes


def _union(first: Sequence[str], second: Sequence[str]) -> list[str]:
    seen = {v.lower() for v in first}
    return list(first) + [v for v in second if v.lower() not in seen]
