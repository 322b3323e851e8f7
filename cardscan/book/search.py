"""`cardscan who`: fuzzy, umlaut- and case-insensitive search over what the book knows."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from difflib import SequenceMatcher

from cardscan.book.records import BookEntry
from cardscan.text import fold

#: A query word this close to a word in the book still matches ("Mülller", "Hoffman").
FUZZY_RATIO = 0.8
#: Shorter query words must match exactly: "al" close to "at" would find everyone.
FUZZY_MIN_LENGTH = 4

_EPOCH = date(1970, 1, 1)
_WORD = re.compile(r"[\w@.+-]+")


def strip_marks(text: str) -> str:
    """Lower case without diacritics: "Müller" -> "muller", "Straße" -> "strasse"."""
    text = unicodedata.normalize("NFKD", text.lower().replace("ß", "ss"))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def variants(text: str) -> set[str]:
    """Both spellings a person might type: "muller" and "mueller" both find "Müller"."""
    return {fold(text), strip_marks(text)}


def searchable_text(entry: BookEntry) -> str:
    """Everything ``who`` searches: name, company, title, e-mails, events, notes, tags."""
    c = entry.contact
    parts = [c.name.full if c.name else "", c.organization or "", c.title or "", c.department or ""]
    parts += c.emails
    for e in entry.encounters:
        parts += [e.event or "", e.notes or "", *e.tags]
    return "\n".join(p for p in parts if p)


def score(entry: BookEntry, query: str) -> float:
    """0 when some query word is not found; higher for exact than for near matches."""
    haystacks = variants(searchable_text(entry))
    words = {w for h in haystacks for w in _WORD.findall(h)}
    total = 0.0
    for token in query.split():
        forms = variants(token)
        if any(f in h for f in forms for h in haystacks):
            total += 2
        elif len(token) >= FUZZY_MIN_LENGTH and _near(forms, words):
            total += 1
        else:
            return 0.0
    return total


def search(entries: list[BookEntry], query: str) -> list[BookEntry]:
    """Entries matching every word of ``query``, best first (then most recently met)."""
    if not query.strip():
        raise ValueError("`cardscan who` needs something to look for, e.g. a name or an event")
    digits = _phone_digits(query)
    if digits:  # "+49 341 4086755", "0341/4086755": who called?
        scored = [(2.0 if _has_phone(e, digits) else 0.0, e) for e in entries]
    else:
        scored = [(score(e, query), e) for e in entries]
    hits = [(s, e) for s, e in scored if s > 0]
    hits.sort(key=lambda se: (-se[0], -(se[1].last_met() or _EPOCH).toordinal()))
    return [e for _, e in hits]


#: A query of only phone characters with at least this many digits is a phone number.
PHONE_MIN_DIGITS = 6


def _phone_digits(query: str) -> str | None:
    """The significant digits of a query that is a phone number, else None: "+49 (0)341
    4086755" and "0341 4086755" both give "3414086755"'s tail to compare."""
    if not re.fullmatch(r"[\d\s+()/.-]+", query.strip()):
        return None
    query = re.sub(r"\(0\)", "", query)  # "+49 (0)341": the trunk zero in brackets
    digits = re.sub(r"\D", "", query)
    if len(digits) < PHONE_MIN_DIGITS:
        return None
    # "0049 341 ..." and "+49 341 ..." match the stored E.164 number whole, "0341 ..." (the
    # trunk zero dropped) its tail
    return digits.lstrip("0")


def _has_phone(entry: BookEntry, digits: str) -> bool:
    return any(p.number.lstrip("+").endswith(digits) for p in entry.contact.phones)


def _near(forms: set[str], words: set[str]) -> bool:
    return any(
        SequenceMatcher(None, f, w).ratio() >= FUZZY_RATIO
        for f in forms
        for w in words
        if abs(len(w) - len(f)) <= 3
    )
