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
    # Other languages of cards handed over at German fairs
    ("gsm", "mobile", "Gsm: +90 532 123 45 67"),  # Turkish, Belgian, Dutch cards
    ("cep", "mobile", "Cep: +90 532 123 45 67"),  # Turkish "cep telefonu"
    ("faks", "fax", "Faks: +90 212 123 45 67"),  # Turkish, Polish
    ("celular", "mobile", "Celular: +55 11 98765-4321"),  # Portuguese, Spanish
    ("cel", "mobile", "Cel.: +55 11 98765-4321"),
    ("fone", "work", "Fone: +55 11 3456-7890"),  # Brazilian Portuguese
    ("telefone", "work", "Telefone +55 11 3456-7890"),
    ("whatsapp", "mobile", "WhatsApp +55 11 98765-4321"),
    ("tél", "work", "Tél. +33 1 42 68 53 00"),  # French
    ("portable", "mobile", "Portable +33 6 12 34 56 78"),
    ("cellulare", "mobile", "Cellulare +39 347 123 4567"),  # Italian
    ("móvil", "mobile", "Móvil +34 612 34 56 78"),  # Spanish
    ("movil", "mobile", "Movil +34 612 34 56 78"),
    ("mobiel", "mobile", "Mobiel +31 6 12345678"),  # Dutch
    ("tlf", "work", "Tlf. +47 22 12 34 56"),  # Danish, Norwegian
    ("ph", "work", "Ph. +61 2 9876 5432"),  # Australian and British cards
    ("hp", "mobile", "HP +65 9123 4567"),  # "handphone": Singapore, Malaysia
    ("dl", "work", "DL: +852 2555 8222"),  # direct line: Hong Kong
    # One-letter labels of compact cards: "T +49 30 1234567 | M +49 171 2345678 | F ..."
    ("t", "work", "T +49 30 1234567"),
    ("p", "work", "P +1 212 555 0100"),
    ("o", "work", "O +1 212 555 0100"),
    ("m", "mobile", "M +49 171 2345678"),
    ("c", "mobile", "C +1 415 555 0199"),
    ("h", "mobile", "H 0171 2345678"),  # Handy
    ("f", "fax", "F +49 30 1234568"),
    ("g", "mobile", "G +90 536 555 24 42"),  # GSM, on Turkish cards
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

# A label alone in its cell, its number in the next: "Mob. | +1 312 555 0147" (split at the bar).
PHONE_LABEL_ONLY_RE = re.compile(r"^(" + _LABEL_WORDS + r")\s*\.?\s*:?$", re.IGNORECASE)
# Two labels for one number: "Tel/Fax: 0212 555 23 54", "Tel.&Fax", "Tel - Fax" (the number is
# the office's; the label of the number says work).
PHONE_AND_FAX_RE = re.compile(
    r"\b(tel|telefon|fon|phone)\.?\s*(?:[/&+]|\s-\s|-)\s*(?:tele)?(?:fax|faks)\b\.?", re.IGNORECASE
)
