"""The card and encounter forms: a Contact as form values, and submitted values back as a Contact.

Nothing is saved from a form that does not validate: ``parse_contact`` returns the problems,
one per field, in words the person can act on, and the page shows them beside the fields.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date

import phonenumbers
from starlette.datastructures import FormData

from cardscan.book.links import network_of, profile_from_url
from cardscan.book.records import Encounter
from cardscan.model import PHONE_TYPES, Address, Contact, Name, Phone, Profile

ADDRESS_PARTS = ("street", "postal_code", "city", "region", "country")
NAME_PARTS = ("prefix", "given", "family", "suffix")
#: What a typed phone number may hold: "+49 (0)30 123-456", "030/1234560".
_PHONE_TEXT = re.compile(r"[\d\s+()/.-]+")


@dataclass
class Problems:
    """Field name -> what is wrong with it."""

    by_field: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, message: str) -> None:
        self.by_field.setdefault(name, message)

    def __bool__(self) -> bool:
        return bool(self.by_field)


def _text(form: FormData, key: str) -> str | None:
    value = form.get(key)
    text = " ".join(str(value).split()) if isinstance(value, str) else ""
    return text or None


def _texts(form: FormData, key: str) -> list[str]:
    return [" ".join(v.split()) for v in form.getlist(key) if isinstance(v, str)]


def contact_values(contact: Contact) -> dict[str, object]:
    """The form's values for a contact (an empty list gets one empty row to fill in)."""
    name = contact.name
    address = contact.address or Address()
    return {
        "name_full": name.full if name else "",
        **{f"name_{p}": (getattr(name, p) or "") if name else "" for p in NAME_PARTS},
        "title": contact.title or "",
        "organization": contact.organization or "",
        "department": contact.department or "",
        "phones": [(shown_phone(p.number), p.type, p.extension or "") for p in contact.phones]
        or [("", "work", "")],
        "emails": list(contact.emails) or [""],
        "urls": list(contact.urls) or [""],
        "profiles": [p.url for p in contact.profiles] or [""],
        **{part: getattr(address, part) or "" for part in ADDRESS_PARTS},
    }


def submitted_values(form: FormData) -> dict[str, object]:
    """The values as submitted, to show the form again with its problems."""
    numbers, types, exts = (_texts(form, k) for k in ("phone_number", "phone_type", "phone_ext"))
    phones = list(
        zip(numbers, types + ["work"] * len(numbers), exts + [""] * len(numbers), strict=False)
    )
    return {
        "name_full": _text(form, "name_full") or "",
        **{f"name_{p}": _text(form, f"name_{p}") or "" for p in NAME_PARTS},
        **{k: _text(form, k) or "" for k in ("title", "organization", "department")},
        "phones": phones or [("", "work", "")],
        **{k: _texts(form, k[:-1]) or [""] for k in ("emails", "urls", "profiles")},
        **{part: _text(form, part) or "" for part in ADDRESS_PARTS},
    }


def parse_contact(form: FormData, base: Contact, *, region: str) -> tuple[Contact, Problems]:
    """The edited contact; ``base`` gives what the form does not hold (source, OCR text)."""
    problems = Problems()
    contact = dataclasses.replace(
        base,
        name=_name(form, base.name),
        title=_text(form, "title"),
        organization=_text(form, "organization"),
        department=_text(form, "department"),
        phones=_phones(form, region, problems),
        emails=_emails(form, problems),
        urls=[u for u in _texts(form, "url") if u],
        profiles=_profiles(form, problems),
        address=_address(form),
        photo=None,
    )
    if contact.is_empty():
        problems.add("name_full", "give at least a name, a company, a phone or an e-mail")
    return contact, problems


def _name(form: FormData, before: Name | None) -> Name | None:
    parts = {p: _text(form, f"name_{p}") for p in NAME_PARTS}
    full = _text(form, "name_full")
    old_parts = {p: getattr(before, p) if before else None for p in NAME_PARTS}
    old_full = before.full if before else None
    if parts != old_parts and full == old_full and any(parts.values()):
        # A part was corrected and the whole name not: the whole name follows the parts.
        words = [parts["prefix"], parts["given"], parts["family"]]
        full = " ".join(w for w in words if w) or None
        if full and parts["suffix"]:
            full += f", {parts['suffix']}"
    if not full:
        full = " ".join(w for w in (parts["given"], parts["family"]) if w) or None
    return Name(full=full, **parts) if full else None


def _phones(form: FormData, region: str, problems: Problems) -> list[Phone]:
    numbers, types, exts = (_texts(form, k) for k in ("phone_number", "phone_type", "phone_ext"))
    phones = []
    for i, number in enumerate(numbers):
        if not number:
            continue
        kind = types[i] if i < len(types) and types[i] in PHONE_TYPES else "work"
        ext = exts[i] if i < len(exts) and exts[i] else None
        e164 = normalise_phone(number, region)
        if e164 is None:
            problems.add(
                "phone_number",
                f"{number!r} is not a phone number; write it like +49 30 1234560 or 030 1234560",
            )
            continue
        phones.append(Phone(e164, kind, ext))  # type: ignore[arg-type]
    return phones


def shown_phone(e164: str) -> str:
    """ "+49 30 1234560" for "+49301234560": easier to compare with the card."""
    try:
        parsed = phonenumbers.parse(e164)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise_phone(text: str, region: str) -> str | None:
    """E.164 ("+49301234560") for a number as a person types it, else None."""
    if not _PHONE_TEXT.fullmatch(text):  # phonenumbers would read "030 abc" as 030 222
        return None
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _emails(form: FormData, problems: Problems) -> list[str]:
    emails = []
    for value in _texts(form, "email"):
        if not value:
            continue
        local, at, domain = value.partition("@")
        if not (local and at and "." in domain) or " " in value:
            problems.add("email", f"{value!r} is not an e-mail address (name@example.com)")
            continue
        emails.append(value)
    return emails


def _profiles(form: FormData, problems: Problems) -> list[Profile]:
    profiles = []
    for value in _texts(form, "profile"):
        if not value:
            continue
        try:
            profile = profile_from_url(value)
        except ValueError:
            problems.add("profile", f"{value!r} is not a web address (https://...)")
            continue
        profiles.append(Profile(network_of(profile.url), profile.url))
    return profiles


def _address(form: FormData) -> Address | None:
    address = Address(**{part: _text(form, part) for part in ADDRESS_PARTS})
    return None if address.is_empty() else address


def parse_encounter(
    form: FormData, *, source: str | None, today: date
) -> tuple[Encounter, list[str], Problems]:
    """(encounter, profile URLs, problems) from the where/when/what part of the form."""
    problems = Problems()
    met_on = _date(form, "met_on", problems) or today
    follow = _date(form, "follow_up_by", problems)
    tags = tuple(t.strip() for t in (_text(form, "tags") or "").split(",") if t.strip())
    urls: list[str] = []
    url = _text(form, "profile_url")
    if url:
        try:
            urls.append(profile_from_url(url).url)
        except ValueError:
            problems.add("profile_url", f"{url!r} is not a web address (https://...)")
    encounter = Encounter(
        met_on=met_on,
        event=_text(form, "event"),
        notes=_note(form),
        tags=tags,
        source=source,
        follow_up_by=follow,
    )
    return encounter, urls, problems


def _note(form: FormData) -> str | None:
    value = form.get("notes")
    text = value.strip() if isinstance(value, str) else ""
    return text.replace("\r\n", "\n") or None


def _date(form: FormData, key: str, problems: Problems) -> date | None:
    text = _text(form, key)
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.add(key, f"{text!r} is not a date; write it as YYYY-MM-DD")
        return None


def encounter_values(form: FormData | None, today: date) -> dict[str, str]:
    """The where/when/what fields: as submitted, else empty with today's date."""
    keys = ("event", "notes", "tags", "follow_up_by", "profile_url")
    if form is None:
        return {"met_on": today.isoformat(), **dict.fromkeys(keys, "")}
    values = {k: str(form.get(k) or "") for k in (*keys, "met_on")}
    return values
