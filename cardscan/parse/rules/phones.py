"""Phone label words: the word printed before a number decides its type."""

from __future__ import annotations

import re

from cardscan.model import PhoneType

# (label word, type, card text it exists for)
PHONE_LABEL_RULES: tuple[tuple[str, PhoneType, str], ...] = (
    # German
    ("telefon", "work", "Telefon 030 1234567"),
    ("tel", "work", "Tel.: 030/123456-0"),
    ("fon", "work", "Fon 089 12345678"),
    ("büro", "work", "Büro: 0711 1234567"),
    ("zentrale", "work", "Zentrale +49 40 1234560"),
    ("durchwahl", "work", "Durchwahl +49 221 1234567"),
    ("direkt", "work", "Direkt +49 221 1234567"),
    ("mobil", "mobile", "Mobil 0171 2345678"),
    ("mobiltelefon", "mobile", "Mobiltelefon 0160 1234567"),
    ("handy", "mobile", "Handy 0152 23456789"),
    ("telefax", "fax", "Telefax 030 1234568"),
    ("fax", "fax", "Fax +49 30 1234568"),
    # English
    ("phone", "work", "Phone +44 20 7946 0123"),
    ("office", "work", "Office +1 212 555 0147"),
    ("direct", "work", "Direct +1 415 555 0100"),
    ("dir", "work", "Dir. +44 161 496 0000"),
    ("main", "work", "Main +1 212 555 0100"),
    ("mobile", "mobile", "Mobile +44 7911 123456"),
    ("mob", "mobile", "Mob. +44 7911 123456"),
    ("cell", "mobile", "Cell +1 415 555 0199"),
    ("cellphone", "mobile", "Cellphone +1 415 555 0199"),
    # One-letter labels of compact cards: "T +49 30 1234567 | M +49 171 2345678 | F ..."
    ("t", "work", "T +49 30 1234567"),
    ("p", "work", "P +1 212 555 0100"),
    ("o", "work", "O +1 212 555 0100"),
    ("m", "mobile", "M +49 171 2345678"),
    ("c", "mobile", "C +1 415 555 0199"),
    ("h", "mobile", "H 0171 2345678"),  # Handy
    ("f", "fax", "F +49 30 1234568"),
)
PHONE_LABELS: dict[str, PhoneType] = {word: kind for word, kind, _ in PHONE_LABEL_RULES}

_LABEL_WORDS = "|".join(sorted((re.escape(k) for k in PHONE_LABELS), key=len, reverse=True))
# "Tel." / "Tel:" / "T" / "Mobil." followed by a separator; group 1 is the label word.
PHONE_LABEL_RE = re.compile(
    r"(?<![\w@.])(" + _LABEL_WORDS + r")\s*\.?\s*[:.]?\s*(?=[\s+(\d])", re.IGNORECASE
)
# A label printed (or read) without a space before the number: "T0341 621432-62", "M078 420".
PHONE_LABEL_GLUED_RE = re.compile(r"(?<![\w@.])(" + _LABEL_WORDS + r")(?=[+(]?\d)", re.IGNORECASE)
# ... or right after the number before it: "TEL:06-4821-7730FAX:06-4821-7731" (words of three
# letters or more, with a colon or dot: "12F" or "3Tel" in an address stay as printed).
_LONG_LABELS = "|".join(
    re.escape(k) for k in sorted(PHONE_LABELS, key=len, reverse=True) if len(k) >= 3
)
PHONE_LABEL_AFTER_NUMBER_RE = re.compile(
    r"(?<=\d)(" + _LONG_LABELS + r")(?=\s?[.:]\s?[+(]?\d)", re.IGNORECASE
)
