"""Field-by-field comparison of a read contact with the truth of a synthetic card."""

from __future__ import annotations

import re
import unicodedata

from cardscan.model import Address, Contact

#: The fields the benchmark reports, in table order.
FIELDS = ("name", "title", "organization", "emails", "phones", "urls", "profiles", "address")


def _norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).casefold()
    return re.sub(r"\s+", " ", text).strip(" .,")


def _address_key(a: Address | None) -> tuple[str, ...]:
    if a is None or a.is_empty():
        return ()
    return tuple(
        _norm(getattr(a, k)) for k in ("street", "postal_code", "city", "region", "country")
    )


def field_matches(truth: Contact, got: Contact) -> dict[str, bool]:
    """For each field: is the reading exactly right (a value where there is none is wrong)?"""
    return {
        "name": _norm(truth.name.full if truth.name else None)
        == _norm(got.name.full if got.name else None),
        "title": _norm(truth.title) == _norm(got.title),
        "organization": _norm(truth.organization) == _norm(got.organization),
        "emails": sorted(truth.emails) == sorted(got.emails),
        # every number right and of the right type
        "phones": sorted((p.number, p.type) for p in truth.phones)
        == sorted((p.number, p.type) for p in got.phones),
        "urls": sorted(u.lower() for u in truth.urls) == sorted(u.lower() for u in got.urls),
        "profiles": sorted((p.network, p.url.lower()) for p in truth.profiles)
        == sorted((p.network, p.url.lower()) for p in got.profiles),
        "address": _address_key(truth.address) == _address_key(got.address),
    }
