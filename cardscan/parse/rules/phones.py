"""Patterns of phone labels: where a label word (cardscan.labels) stands before a number."""

from __future__ import annotations

import re

from cardscan.labels import PHONE_LABELS

_LABEL_WORDS = "|".join(sorted((re.escape(k) for k in PHONE_LABELS), key=len, reverse=True))
# "Tel." / "Tel:" / "T" / "Mobil." followed by a separator (a colon read as a semicolon or a
# quote: 'Fax"(0216) 555 71 31'); group 1 is the label word. The last one before a number
# says its type: "TEL (VN mobile): 093-555 1374" is a mobile.
PHONE_LABEL_RE = re.compile(
    r"(?<![\w@.])(" + _LABEL_WORDS + r")\)?\s*\.?\s*[:.;\"'“”]?\s*(?=[\s+(\d])", re.IGNORECASE
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

# (pattern, card text it exists for): labels of tax and register numbers. A number after one
# is no phone, though its digits may make a valid one (a Turkish tax number is ten digits,
# like a mobile number).
NOT_PHONE_LABEL_RULES: tuple[tuple[str, str], ...] = (
    (r"V\.\s?D\.|Vergi\s+(?:D(?:airesi)?\.?|No\.?|Numarası)|VKN", "V.D. Yeşilova 5551234567"),
    (r"Tic\.?\s*Sic(?:il)?\.?|Mersis", "Tic. Sic. No: 123456"),
    (r"St\.?-?\s?Nr\.?|Steuer-?\s?(?:nummer|nr\.?)|USt-?\s?Id(?:Nr)?\.?", "St.-Nr. 0212 4567890"),
    (r"Tax\s+(?:code|no\.?|ID)|VAT(?:\s+no\.?)?|GST(?:IN)?|ABN|EIN", "Tax code: 0106472242"),
    (r"CNPJ|CPF|Inscr(?:ição|\.)\s*Est(?:adual|\.)", "CNPJ 12345678000190"),
    (r"HR[AB]|Handelsregister|Reg(?:\.|istration)\s*No\.?", "HRB 0711 234567"),
)
NOT_PHONE_LABEL_RE = re.compile(
    r"(?<![\w])(?:" + "|".join(p for p, _ in NOT_PHONE_LABEL_RULES) + r")(?![^\W\d_])",
    re.IGNORECASE,
)
#: How far before a number such a label may stand (the tax office's name between them):
#: "Einkauf: 030 ..." is no EIN, "Tel. 030 ... · USt-IdNr. ..." labels the next number only.
NOT_PHONE_LABEL_REACH = 30
