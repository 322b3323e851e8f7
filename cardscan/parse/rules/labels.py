"""Label words: the words cards print before a value ("E-Mail:", "Web", "Tel."), in one table.

The phone labels, which also decide a number's type, live in rules/phones.py; LABEL_WORDS
here is every label word of both tables, for the modules that only need to know that a word
is a label: layout.py (a lone label in its own column joins the value beside it),
parse/contact.py (a label left over once its value was taken), parse/web.py (a label before
an address is no part of it).
"""

from __future__ import annotations

import re

from cardscan.parse.rules.phones import PHONE_LABELS

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
