"""`batch --resume`: which photos an earlier, interrupted run already wrote to the output."""

from __future__ import annotations

import json
import re
from pathlib import Path

from cardscan.errors import InputError
from cardscan.export.vcard import SOURCE_PROPERTY

#: Output formats that can be continued: one record after another, no header, no closing.
RESUMABLE = ("vcard", "jsonl")


def done_sources(path: Path, fmt: str) -> tuple[str, set[str]]:
    """The output's text so far and the photo names (``source``) it already holds."""
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
    if fmt == "jsonl":
        return text, _jsonl_sources(text)
    return text, _vcard_sources(text)


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
