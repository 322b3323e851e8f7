"""`batch --resume`: which photos and PDFs an earlier, interrupted run already wrote to the output."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cardscan.errors import InputError
from cardscan.export.vcard import SOURCE_PROPERTY

#: Output formats that can be continued: one record after another, no header, no closing.
RESUMABLE = ("vcard", "jsonl")


def done_sources(path: Path, fmt: str) -> tuple[str, set[str]]:
    """The output's text so far and the names of the photos and PDFs it already holds."""
    if fmt not in RESUMABLE:
        raise ValueError(f"--resume works with --format {' or '.join(RESUMABLE)}, not {fmt}")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "", set()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"cannot read {path} to resume it ({exc}); move it away or drop --resume"
        ) from exc
    sources = _jsonl_sources(text) if fmt == "jsonl" else _vcard_sources(text)
    return text, {name for source in sources for name in files_of(source)}


def files_of(source: str) -> set[str]:
    """The files a record's ``source`` was read from: ``page.jpg#3`` (third card of a
    photo) and ``scan.pdf#2.1`` (a card on page 2) name page.jpg and scan.pdf; front and
    back merged, ``front.jpg + back.jpg``, name both. The source itself counts too, so
    that a file whose name has " + " in it is still found."""
    names = {source}
    for part in source.split(" + "):
        names.add(part)
        names.add(_CARD_NUMBER.sub("", part))
    return names


#: The card's place in its picture, at the end of a source: "#3", "#2.1".
_CARD_NUMBER = re.compile(r"#\d+(?:\.\d+)?$")


def _jsonl_sources(text: str) -> set[str]:
    sources: set[str] = set()
    for line in text.splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line cut off by a crash: that photo is read again
        if isinstance(record, dict) and isinstance(record.get("source"), str):
            sources.add(record["source"])
    return sources


def _vcard_sources(text: str) -> set[str]:
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    prefix = SOURCE_PROPERTY + ":"
    return {
        re.sub(r"\\([\\,;])", r"\1", line[len(prefix) :]).replace("\\n", "\n")
        for line in unfolded.splitlines()
        if line.upper().startswith(prefix)
    }
