"""The parser's input: text lines (model.TextLine, with the geometry that helps) cleaned and
split at printed separators; plain text as lines for fixtures."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from cardscan.model import TextLine
from cardscan.parse.rules.phones import PHONE_AND_FAX_RE, PHONE_LABEL_ONLY_RE

# Separators printed between items on one line: "Hauptstraße 12 · 10115 Berlin | Tel. 030 123".
# OCR reads a middle dot as "«" too.  (Also as "+", but "Schmidt + Partner GmbH" is a company:
# the address parser deals with a "+" between address parts.)
# A bar right before a dot is an initial OCR misread: "E-Mail |.price@firma.com" is j.price;
# one right before an @ is an l: "eber|@gabriel.at".
# A bar that ends a line right after a capital or digit is a letter: "EH2 4P|" is EH2 4PJ.
_SEPARATORS = re.compile(
    r"\s*(?:\|(?!\.\w|@)(?!(?<=[A-Z0-9]\|)\s*$)|[·•◆♦●▪■►»«]|\s[-–—/]\s(?=\D)|\s{3,})\s*"
)

# OCR look-alikes that never belong on a card: curly quotes, odd dashes, ligatures.
_TRANSLATE = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "“": '"',
        "”": '"',
        "—": "-",
        "–": "-",
        "‐": "-",
        "‑": "-",
        "ﬁ": "fi",
        "ﬂ": "fl",
        "\u00a0": " ",
        "©": "@",  # "info©example.de" is an OCR slip for @
    }
)


def clean(text: str) -> str:
    """Normalise Unicode and OCR look-alikes; keep umlauts, drop control characters."""
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    return re.sub(r"\s+", " ", text).strip(" \t,;")


def split_segments(line: TextLine) -> list[TextLine]:
    """Split a line at printed separators so each segment holds one item."""
    # "Tel / Fax: 0212 ...", "Tel - Fax:": one label for one number, not two items
    text = PHONE_AND_FAX_RE.sub(lambda m: re.sub(r"\s+", "", m.group(0)), line.text)
    parts = [p for p in (clean(p) for p in _SEPARATORS.split(text)) if p]
    # A phone label in a cell of its own stays with its number: "Mob. | +1 312 555 0147".
    for i in range(len(parts) - 1, 0, -1):
        if PHONE_LABEL_ONLY_RE.match(parts[i - 1]) and re.match(r"[+(\d]", parts[i]):
            parts[i - 1 : i + 1] = [f"{parts[i - 1]} {parts[i]}"]
    return [dataclasses.replace(line, text=p) for p in parts]


def lines_from_text(text: str) -> list[TextLine]:
    """Plain card text (one line per row, as in test fixtures) -> TextLines without geometry."""
    rows = [r for r in text.splitlines() if r.strip()]
    n = max(len(rows), 1)
    return [TextLine(r, 0.0, 1.0, i / n, 0.0) for i, r in enumerate(rows)]
