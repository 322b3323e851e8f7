"""Card text made safe for export: control characters out, line breaks normalised."""

from __future__ import annotations

import re
import unicodedata

# Everything a reader might take for the end of a line: CRLF, CR, LF, NEL, and the Unicode
# line and paragraph separators (str.splitlines and JavaScript both break on the last two).
_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")

# Horizontal tab, vertical tab and form feed separate words on a card: keep them as a space
# so that "Müller\tGmbH" does not become "MüllerGmbH".
_SPACE_LIKE = str.maketrans("\t\x0b\x0c", "   ")


def clean_text(value: str, *, keep_newlines: bool = True) -> str:
    """Drop control characters and lone surrogates; line breaks become "\\n" (or a space)."""
    value = _LINE_BREAK.sub("\n" if keep_newlines else " ", value).translate(_SPACE_LIKE)
    return "".join(
        ch
        for ch in value
        # Cc: C0/C1 controls and DEL (a card's text must never end a vCard line);
        # Cs: lone surrogates, which cannot be encoded as UTF-8 at all.
        if (ch == "\n" and keep_newlines) or unicodedata.category(ch) not in ("Cc", "Cs")
    )
