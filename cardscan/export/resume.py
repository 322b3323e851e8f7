"""`batch --resume`: which photos and PDFs an earlier, interrupted run already wrote to the output."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cardscan.errors import InputError, UsageError
from cardscan.export.vcard import SOURCE_PROPERTY
from cardscan.files import TargetKind, describe, examine

#: Output formats that can be continued: one record after another, no header, no closing.
RESUMABLE = ("vcard", "jsonl")


def done_sources(path: Path, fmt: str) -> tuple[str, set[str]]:
    """The output's text so far and the names of the photos and PDFs it already holds."""
    if fmt not in RESUMABLE:
        raise UsageError(f"--resume works with --format {' or '.join(RESUMABLE)}, not {fmt}")
    target = examine(path)
    if target.kind not in (TargetKind.new, TargetKind.file):  # a FIFO: reading it would wait
        raise UsageError(
            f"--resume continues a file, and {path} is {describe(target.mode or 0)}: "
            "write to a regular file, or drop --resume"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return "", set()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(
            f"cannot read {path} to resume it ({exc}); move it away or drop --resume"
        ) from exc
    if fmt == "jsonl":
        sources = _jsonl_sources(text)
    else:
        sources = _vcard_sources(text)
        cards = len(re.findall(r"^BEGIN:VCARD", text, re.IGNORECASE | re.MULTILINE))
        if cards and not sources:
            raise UsageError(
                f"{path} holds {cards} vCard(s) that do not name the photos they were read from "
                f"({SOURCE_PROPERTY}, written only with --vcard-source or --resume), so --resume "
                "cannot tell which photos are done: run the batch without --resume, or with "
                "--vcard-source (or -o FILE.jsonl) when you mean to continue it later"
            )
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
