"""Label words: the words cards print before a value ("E-Mail:", "Web", "Tel."), in two tables.

The phone labels also decide a number's type (PHONE_LABEL_RULES); LABEL_WORDS is every label
word of both tables, for the modules that only need to know that a word is a label:
ocr/lines.py (a lone label in its own column joins the value beside it), parse/contact.py
(a label left over once its value was taken), parse/web.py (a label before an address is no
part of it), parse/rules/phones.py (the patterns of a label before a number). The tables sit
below both the OCR and the parser, which read them.
"""

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

# (label word, the field it names, card text it exists for). Matched case-insensitively;
# a dot or colon after the word is no part of it.
LABEL_RULES: tuple[tuple[str, str, str], ...] = (
    ("e-mail", "emails", "E-Mail: anna.berg@firma.de"),
    ("email", "emails", "Email anna.berg@firma.de"),
    ("mail", "emails", "Mail: anna.berg@firma.de"),
    ("e", "emails", "E anna.berg@firma.de"),
    ("kontakt", "emails", "Kontakt: anna.berg@firma.de"),
    ("contact", "emails", "Contact anna.berg@firma.de"),
    ("web", "urls", "Web: www.firma.de"),
    ("website", "urls", "Website www.firma.de"),
    ("internet", "urls", "Internet: www.firma.de"),
    ("homepage", "urls", "Homepage www.firma.de"),
    ("www", "urls", "WWW: www.firma.de"),
    ("url", "urls", "URL: https://firma.de"),
    ("w", "urls", "W www.firma.de"),
    ("linkedin", "profiles", "LinkedIn linkedin.com/in/anna-berg"),
    ("xing", "profiles", "XING xing.com/profile/Anna_Berg"),
    ("adresse", "address", "Adresse: Hauptstraße 1"),
    ("anschrift", "address", "Anschrift Hauptstraße 1"),
    ("address", "address", "Address: 12 High Street"),
)

#: Label words of e-mail addresses ("E-Mail", "Mail", "E"): never the start of a local part.
EMAIL_LABELS: frozenset[str] = frozenset(w for w, f, _ in LABEL_RULES if f == "emails")

#: Every label word, phone labels included ("tel", "fax", "t", "m", ...).
LABEL_WORDS: frozenset[str] = frozenset(w for w, _, _ in LABEL_RULES) | frozenset(PHONE_LABELS)


def _alternatives(words: frozenset[str]) -> str:
    """A regex alternation of the words, longest first ("e-mail" before "e")."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


#: A label alone: "Tel.", "E-Mail:", "W" (for text left over once the value was taken).
LABEL_ALONE_RE = re.compile(rf"^(?:{_alternatives(LABEL_WORDS)})\s*[:.]?\s*$", re.IGNORECASE)

#: The alternation of the e-mail label words, for patterns that must not start at one.
EMAIL_LABEL_ALTERNATIVES = _alternatives(EMAIL_LABELS)

#: The alternation of every label word, for patterns that look for a label.
LABEL_ALTERNATIVES = _alternatives(LABEL_WORDS)
