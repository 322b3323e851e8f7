"""Text helpers every stage compares words with: folding umlauts and accents, edit distances.

Standard library only, below every package that uses it (the parser, the re-readings, the
contact book's search and matching).
"""

from __future__ import annotations

import unicodedata

# Letters of Turkish, Polish, Nordic and South Slavic names that no accent stripping turns into
# ASCII: "Kılınç" is "kilinc" in an address, "Łukasz" "lukasz", "Søren" "soren".
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th",
                               "æ": "ae", "œ": "oe"})  # fmt: skip


def fold(text: str) -> str:
    """Lower case for comparisons, ASCII for the letters of the names on this project's cards:
    "Müller" -> "mueller", "Žan" -> "zan", "Kılınç" -> "kilinc"."""
    text = text.lower().translate(_UNDECOMPOSED)
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(a, b)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def lower(text: str) -> str:
    """Lower case with the Turkish capital İ as i: str.lower() gives "i̇" (an i and a combining
    dot), so "MAKİNA".lower() would never equal "makina"."""
    return text.replace("İ", "i").lower()


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: substitutions, insertions and deletions."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def one_edit(a: str, b: str) -> bool:
    """At most one substitution, insertion or deletion apart."""
    if a == b:
        return True
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1 :] for i in range(len(b)))
