"""Ground truth of the real cards beside the project, and how a reading is scored against it.

Two folders, both outside the repository (they show real people's data; nothing of them is
ever copied into the project):

- ``../shared/realcards-labelled/``: 86 cards, ``cNNN.<ext>`` with ``cNNN.json`` beside it.
  Every field is counted on every card: a label of null / [] means nothing is printed, so the
  reading must be empty too (an invented name, company or number is a miss).
- ``../shared/realcards/``: 30 phone photos, labels in ``labels.json`` there. null means "not
  printed in Latin script, or not on the card", so a null field is not counted on that card.

A field is right when (case-insensitive, Unicode NFC, spaces collapsed):
  name          given and family name each as labelled (the 30 photos: the words, any order)
  title         the labelled title
  organization  one of the labelled forms (the first as printed, then forms a reader accepts)
  emails        the same set of addresses
  phones        the same set of (E.164 number, type)
  urls          the same set of web addresses (scheme, ``www.`` case and trailing / ignored)
  profiles      the same set of profile URLs
  address       street, postal code and city, each where labelled (punctuation ignored)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cardscan.model import Contact

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
LABELLED_DIR = SHARED / "realcards-labelled"
PHOTOS_DIR = SHARED / "realcards"

#: Fields of the table, in order. "mean" is taken over these.
FIELDS = ("name", "title", "organization", "emails", "phones", "urls", "profiles", "address")
#: Rows shown under the table that explain a field's misses; not part of the mean.
DETAIL_FIELDS = ("phone numbers (type ignored)", "postal code", "city")


_ONE_I = str.maketrans({"İ": "I", "ı": "i"})


def text_key(value: object) -> str:
    """Case-folded, NFC, whitespace collapsed, trailing punctuation dropped. The Turkish i's are
    one letter here: "DEMİRTAŞ" (as labelled, in the printed capitals) is "Demirtaş"."""
    if not isinstance(value, str) or not value:
        return ""
    value = unicodedata.normalize("NFC", value).translate(_ONE_I).casefold()
    return re.sub(r"\s+", " ", value).strip(" .,;")


def loose_key(value: object) -> str:
    """Letters and digits only, accents kept: for streets, where OCR's commas do not matter."""
    return re.sub(r"[\W_]+", "", text_key(value))


def url_key(url: str) -> str:
    """www.X.com/ == https://WWW.x.com == http://www.x.com"""
    url = url.strip()
    m = re.match(r"^(?:[a-z][a-z0-9+.-]*://)?([^/?#]+)(.*)$", url, re.IGNORECASE)
    if not m:
        return url.rstrip("/").lower()
    return (m.group(1).lower() + m.group(2)).rstrip("/")


def digits(value: object) -> str:
    return re.sub(r"\D", "", value) if isinstance(value, str) else ""


@dataclass(frozen=True)
class Truth:
    """One labelled card."""

    path: Path
    collection: str  # "labelled" (86 cards) or "photos" (30 phone photos)
    repository: str  # where the image came from (SOURCE.md)
    country: str
    label: dict[str, Any]
    strict: bool  # True: an empty label is counted (the reading must be empty as well)

    @property
    def file(self) -> str:
        return self.path.name


def _repositories(folder: Path) -> dict[str, str]:
    """file -> repository, from the table in SOURCE.md."""
    source = folder / "SOURCE.md"
    if not source.is_file():
        return {}
    out: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and "." in cells[0] and "/" in cells[1]:
            out[cells[0]] = cells[1]
    return out


def load_truths(labelled: Path = LABELLED_DIR, photos: Path = PHOTOS_DIR) -> list[Truth]:
    """Every labelled card of both folders that is a card (``is_card: false`` is left out)."""
    truths: list[Truth] = []
    if labelled.is_dir():
        repos = _repositories(labelled)
        for label_file in sorted(labelled.glob("*.json")):
            label = json.loads(label_file.read_text(encoding="utf-8"))
            if not label.get("is_card", True):
                continue
            image = labelled / label["file"]
            truths.append(
                Truth(image, "labelled", repos.get(image.name, "?"),
                      label.get("country") or "?", label, strict=True)
            )  # fmt: skip
    labels = photos / "labels.json"
    if labels.is_file():
        data = json.loads(labels.read_text(encoding="utf-8"))
        for label in data["cards"] if isinstance(data, dict) else data:
            truths.append(
                Truth(photos / label["file"], "photos", "thucdx/business_card_detection",
                      _photo_country(label), label, strict=False)
            )  # fmt: skip
    return truths


def _photo_country(label: dict[str, Any]) -> str:
    """The 30 photos carry no country: the calling code of their first number says it."""
    for phone in label.get("phones") or []:
        number = phone.get("number", "")
        for code, country in (("+81", "JP"), ("+84", "VN"), ("+1", "US")):
            if number.startswith(code):
                return country
    return "JP"


# --- per field: the expected value from a label, the value read, and whether they agree -----


def _name_ok(t: Truth, c: Contact) -> bool | None:
    label = t.label.get("name")
    if isinstance(label, str):  # the 30 photos: words in any order
        got = c.name.full if c.name else ""
        return sorted(text_key(label).split()) == sorted(text_key(got).split())
    if label is None:
        return None if not t.strict else c.name is None
    if c.name is None:
        return False
    return text_key(label.get("given")) == text_key(c.name.given) and text_key(
        label.get("family")
    ) == text_key(c.name.family)


def _title_ok(t: Truth, c: Contact) -> bool | None:
    label = t.label.get("title")
    if not label and not t.strict:
        return None
    return text_key(label) == text_key(c.title)


def _org_ok(t: Truth, c: Contact) -> bool | None:
    label = t.label.get("organization")
    forms = [label] if isinstance(label, str) else list(label or [])
    if not forms:
        return None if not t.strict else not c.organization
    return text_key(c.organization) in {text_key(f) for f in forms}


def _set_ok(
    key: str, norm: Callable[[str], str], got: Callable[[Contact], Sequence[str]]
) -> Callable[[Truth, Contact], bool | None]:
    def ok(t: Truth, c: Contact) -> bool | None:
        label = t.label.get(key) or []
        if not label and not t.strict:
            return None
        return {norm(v) for v in label} == {norm(v) for v in got(c)}

    return ok


def _phones(c: Contact) -> set[tuple[str, str]]:
    return {(p.number, p.type) for p in c.phones}


def _phones_ok(t: Truth, c: Contact, *, types: bool = True) -> bool | None:
    label = t.label.get("phones") or []
    if not label and not t.strict:
        return None
    if types:
        return {(p["number"], p["type"]) for p in label} == _phones(c)
    return {p["number"] for p in label} == {p.number for p in c.phones}


def _address_part_ok(part: str) -> Callable[[Truth, Contact], bool | None]:
    def ok(t: Truth, c: Contact) -> bool | None:
        label = (t.label.get("address") or {}).get(part)
        if not label:
            return None
        got = getattr(c.address, part) if c.address else None
        if part == "postal_code":
            return digits(label) == digits(got)
        return text_key(label) == text_key(got)

    return ok


def _address_ok(t: Truth, c: Contact) -> bool | None:
    label = t.label.get("address")
    got = c.address if c.address and not c.address.is_empty() else None
    if not label:
        return None if not t.strict else got is None
    if got is None:
        return False
    for part, value in label.items():
        if not value:
            continue
        read = getattr(got, part, None)
        if part == "postal_code":
            right = digits(value) == digits(read)
        elif part == "street":
            right = loose_key(value) == loose_key(read)
        else:
            right = text_key(value) == text_key(read)
        if not right:
            return False
    return True


SCORERS: dict[str, Callable[[Truth, Contact], bool | None]] = {
    "name": _name_ok,
    "title": _title_ok,
    "organization": _org_ok,
    "emails": _set_ok("emails", str.lower, lambda c: c.emails),
    "phones": _phones_ok,
    "urls": _set_ok("urls", url_key, lambda c: c.urls),
    "profiles": _set_ok("profiles", url_key, lambda c: [p.url for p in c.profiles]),
    "address": _address_ok,
    "phone numbers (type ignored)": lambda t, c: _phones_ok(t, c, types=False),
    "postal code": _address_part_ok("postal_code"),
    "city": _address_part_ok("city"),
}


def expected(t: Truth, field: str) -> object:
    """The label's value of a field, for the list of misses."""
    if field == "profiles":
        return t.label.get("profiles") or []
    if field == "address":
        return t.label.get("address")
    return t.label.get(field)


def read_value(c: Contact, field: str) -> object:
    """What was read for a field, in the label's shape, for the list of misses."""
    record = c.to_dict()
    if field == "name":
        return {"given": c.name.given, "family": c.name.family} if c.name else None
    if field == "phones":
        return sorted(_phones(c))
    if field == "profiles":
        return [p.url for p in c.profiles]
    if field == "address":
        return {k: v for k, v in (record["address"] or {}).items() if v} or None
    return record.get(field)


def score(t: Truth, c: Contact) -> Iterator[tuple[str, bool]]:
    """(field, right) for every field counted on this card."""
    for field, scorer in SCORERS.items():
        right = scorer(t, c)
        if right is not None:
            yield field, right
