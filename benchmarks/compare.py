"""Field-by-field comparison of a read contact with the truth of a synthetic card.

Strict by default: text fields compare with their case ("Müller & Söhne GmbH", not
"müller & söhne gmbh"), the name by its parts (prefix, given, family, suffix: "Anna Lena
Berg" split as given "Anna", family "Lena Berg" is wrong), the department counts, and every
value read that the card does not print is counted as invented. ``lenient=True`` is the
scoring of 2026-11 (case-folded, the name as a whole, no department) for comparison.
"""

from __future__ import annotations

import re
import unicodedata

from cardscan.model import Address, Contact

#: The fields the benchmark reports, in table order.
FIELDS = (
    "name",
    "title",
    "organization",
    "department",
    "emails",
    "phones",
    "urls",
    "profiles",
    "address",
)
#: The fields of the 2026-11 scoring.
LENIENT_FIELDS = tuple(f for f in FIELDS if f != "department")


def _norm(text: str | None, *, fold: bool) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = text.casefold() if fold else text
    return re.sub(r"\s+", " ", text).strip(" .,")


def _address_key(a: Address | None, fold: bool) -> tuple[str, ...]:
    if a is None or a.is_empty():
        return ()
    return tuple(
        _norm(getattr(a, k), fold=fold)
        for k in ("street", "postal_code", "city", "region", "country")
    )


def _name_key(c: Contact, fold: bool) -> tuple[str, ...]:
    n = c.name
    if n is None:
        return ()
    if fold:
        return (_norm(n.full, fold=True),)
    return tuple(_norm(x, fold=False) for x in (n.full, n.prefix, n.given, n.family, n.suffix))


def field_matches(truth: Contact, got: Contact, *, lenient: bool = False) -> dict[str, bool]:
    """For each field: is the reading exactly right (a value where there is none is wrong)?"""
    fold = lenient
    matches = {
        "name": _name_key(truth, fold) == _name_key(got, fold),
        "title": _norm(truth.title, fold=fold) == _norm(got.title, fold=fold),
        "organization": _norm(truth.organization, fold=fold) == _norm(got.organization, fold=fold),
        "department": _norm(truth.department, fold=fold) == _norm(got.department, fold=fold),
        # an address's case carries nothing: compared lower-cased
        "emails": sorted(e.lower() for e in truth.emails) == sorted(e.lower() for e in got.emails),
        # every number right and of the right type
        "phones": sorted((p.number, p.type) for p in truth.phones)
        == sorted((p.number, p.type) for p in got.phones),
        "urls": sorted(u.lower() for u in truth.urls) == sorted(u.lower() for u in got.urls),
        "profiles": sorted((p.network, p.url.lower()) for p in truth.profiles)
        == sorted((p.network, p.url.lower()) for p in got.profiles),
        "address": _address_key(truth.address, fold) == _address_key(got.address, fold),
    }
    return {f: matches[f] for f in (LENIENT_FIELDS if lenient else FIELDS)}


def invented(truth: Contact, got: Contact) -> list[str]:
    """Values read that the card does not print: a name on a company's card, a title or
    department where none is, an e-mail, phone, website or profile that is not on it."""
    found = [
        f"{f}: {getattr(got, f)}"
        for f in ("title", "organization", "department")
        if getattr(got, f) and not getattr(truth, f)
    ]
    if got.name and not truth.name:
        found.append(f"name: {got.name.full}")
    if (
        got.address
        and not got.address.is_empty()
        and (truth.address is None or truth.address.is_empty())
    ):
        found.append("address")
    printed = {e.lower() for e in truth.emails} | {u.lower() for u in truth.urls}
    printed |= {p.url.lower() for p in truth.profiles} | {p.number for p in truth.phones}
    read = [*got.emails, *got.urls, *(p.url for p in got.profiles), *(p.number for p in got.phones)]
    found += [v for v in read if v.lower() not in printed]
    return found
