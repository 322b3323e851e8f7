"""Per-field accuracy and seconds per card on 30 real phone photos of business cards.

    python -m benchmarks.realcards [--dir ../shared/realcards] [--engine auto] [--verbose]

Measures how well the whole pipeline (load, find the card, OCR, parse) reads real phone photos
(3120x3120 JPEG, grey desk, some cards lying sideways, several Japanese cards with English
parts), against hand-written ground truth in benchmarks/realcards_labels.json.

The photos are NOT part of this repository: they show real people's contact data and are read
from a folder beside the project (default ``../shared/realcards``, see SOURCE.md there).
Only the labels live here.

Scoring, per field, only on the cards whose label for that field is not null/empty (the table
says on how many cards each field was counted):
  name          case-insensitive, word order ignored ("TANAKA KENJI" == "Kenji Tanaka")
  title, organization   case-insensitive equality after collapsing spaces
  emails        set equality (lower case)
  phones        set of (E.164 number, type) equality; "phone numbers" ignores the type
  urls          set equality after normalising (https scheme, lower-case host, no trailing /)
  postal code, city     of the first (head-office) address: digits / case-insensitive text

Default scan options (region DE): the card's own evidence (+81, "Japan") has to decide;
--region JP shows how much a known region would help.
Not a test: it always exits 0 once it has run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cardscan.model import Contact
from cardscan.options import ScanOptions
from cardscan.pipeline import Scanner

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "realcards"
LABELS = Path(__file__).resolve().parent / "realcards_labels.json"

Label = dict[str, Any]


def _text(value: str | None) -> str:
    """Case-folded, NFC, whitespace collapsed."""
    if not value:
        return ""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value).casefold()).strip()


def _name_key(value: str | None) -> tuple[str, ...]:
    return tuple(sorted(_text(value).split()))


def normalise_url(url: str) -> str:
    """https scheme, lower-case host, no trailing slash: http://WWW.X.jp/ -> https://www.x.jp"""
    url = url.strip()
    m = re.match(r"^(?:[a-z][a-z0-9+.-]*://)?([^/?#]+)(.*)$", url, re.IGNORECASE)
    if not m:
        return url.rstrip("/")
    host, rest = m.group(1).lower(), m.group(2)
    return f"https://{host}{rest}".rstrip("/")


def _digits(value: str | None) -> str:
    return re.sub(r"\D", "", value or "")


@dataclass(frozen=True)
class Field:
    """One row of the table: how to read the expected and the got value, and when to count it."""

    name: str
    expected: Callable[[Label], object]
    got: Callable[[Contact], object]


def _label_address(label: Label, key: str) -> str | None:
    address = label.get("address") or {}
    value = address.get(key)
    return value if isinstance(value, str) else None


FIELDS: tuple[Field, ...] = (
    Field(
        "name",
        lambda lb: _name_key(lb.get("name")),
        lambda c: _name_key(c.name.full if c.name else None),
    ),
    Field("title", lambda lb: _text(lb.get("title")), lambda c: _text(c.title)),
    Field(
        "organization", lambda lb: _text(lb.get("organization")), lambda c: _text(c.organization)
    ),
    Field(
        "emails",
        lambda lb: frozenset(e.lower() for e in lb.get("emails") or []),
        lambda c: frozenset(e.lower() for e in c.emails),
    ),
    Field(
        "phones",
        lambda lb: frozenset((p["number"], p["type"]) for p in lb.get("phones") or []),
        lambda c: frozenset((p.number, p.type) for p in c.phones),
    ),
    Field(
        "phone numbers (type ignored)",
        lambda lb: frozenset(p["number"] for p in lb.get("phones") or []),
        lambda c: frozenset(p.number for p in c.phones),
    ),
    Field(
        "urls",
        lambda lb: frozenset(normalise_url(u) for u in lb.get("urls") or []),
        lambda c: frozenset(normalise_url(u) for u in c.urls),
    ),
    Field(
        "postal code",
        lambda lb: _digits(_label_address(lb, "postal_code")),
        lambda c: _digits(c.address.postal_code if c.address else None),
    ),
    Field(
        "city",
        lambda lb: _text(_label_address(lb, "city")),
        lambda c: _text(c.address.city if c.address else None),
    ),
)


@dataclass
class CardResult:
    file: str
    seconds: float
    error: str | None = None
    # field name -> (right, expected, got); only fields counted on this card
    fields: dict[str, tuple[bool, object, object]] = field(default_factory=dict)


def _show(value: object) -> str:
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(map(str, value))) + "}" if value else "{}"
    if isinstance(value, tuple):
        return " ".join(value) if value else "-"
    return repr(value) if value else "-"


def load_labels(path: Path) -> list[Label]:
    if not path.is_file():
        sys.exit(f"labels not found: {path} (benchmarks/realcards_labels.json is part of the repo)")
    data = json.loads(path.read_text(encoding="utf-8"))
    cards = data["cards"] if isinstance(data, dict) else data
    if not isinstance(cards, list) or not cards:
        sys.exit(f"no labelled cards in {path}")
    return cards


def score(label: Label, got: Contact) -> dict[str, tuple[bool, object, object]]:
    out: dict[str, tuple[bool, object, object]] = {}
    for f in FIELDS:
        expected = f.expected(label)
        if not expected:  # null or empty in the label: this card does not count for the field
            continue
        value = f.got(got)
        out[f.name] = (expected == value, expected, value)
    return out


def run(folder: Path, labels: list[Label], scanner: Scanner) -> list[CardResult]:
    results: list[CardResult] = []
    for label in labels:
        path = folder / label["file"]
        start = time.perf_counter()
        error: str | None = None
        try:
            contact = scanner.scan([path]).contact
        except Exception as exc:  # a failed card is a miss on every counted field, and is shown
            error = f"{type(exc).__name__}: {exc}"
            contact = Contact(source=str(path))
        result = CardResult(label["file"], time.perf_counter() - start, error)
        result.fields = score(label, contact)
        results.append(result)
        print(f"  {label['file']}: {result.seconds:.2f} s", file=sys.stderr, flush=True)
    return results


def report(results: list[CardResult], engine: str, wall: float) -> str:
    rows = ["| field | right | counted | accuracy |", "|---|---:|---:|---:|"]
    for f in FIELDS:
        counted = [r.fields[f.name][0] for r in results if f.name in r.fields]
        right = sum(counted)
        acc = f"{right / len(counted):.2f}" if counted else "-"
        rows.append(f"| {f.name} | {right} | {len(counted)} | {acc} |")
    exact = sum(all(ok for ok, _, _ in r.fields.values()) for r in results if r.error is None)
    rows.append(
        f"| all counted fields right | {exact} | {len(results)} | {exact / len(results):.2f} |"
    )
    errors = sum(r.error is not None for r in results)
    per_card = sum(r.seconds for r in results) / len(results)
    rows.append("")
    rows.append(
        f"{len(results)} photos ({errors} failed), engine {engine}: {per_card:.2f} s per card "
        f"(load + detect + OCR + parse, one process), wall {wall:.1f} s; machine: "
        f"{platform.platform()}, {platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    return "\n".join(rows)


def misses(results: list[CardResult]) -> str:
    lines = ["", "| file | field | expected | got |", "|---|---|---|---|"]
    for r in results:
        if r.error:
            lines.append(f"| {r.file} | (scan failed) | | {r.error} |")
        for name, (ok, expected, got) in r.fields.items():
            if not ok:
                lines.append(f"| {r.file} | {name} | {_show(expected)} | {_show(got)} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="folder with r_1.jpg ...")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--engine", default="auto")
    ap.add_argument(
        "--region", default="DE", help="phone region for national numbers (default DE, as shipped)"
    )
    ap.add_argument("--verbose", "-v", action="store_true", help="print every miss per card")
    args = ap.parse_args()

    folder: Path = args.dir
    if not folder.is_dir():
        sys.exit(
            f"photo folder not found: {folder}\n"
            "The real card photos are not part of the repository; pass --dir FOLDER."
        )
    labels = load_labels(args.labels)
    missing = [lb["file"] for lb in labels if not (folder / lb["file"]).is_file()]
    if missing:
        sys.exit(f"{len(missing)} labelled photo(s) missing in {folder}: {', '.join(missing)}")

    scanner = Scanner(ScanOptions(engine=args.engine, region=args.region))
    start = time.perf_counter()
    results = run(folder, labels, scanner)
    wall = time.perf_counter() - start
    print(report(results, f"{scanner.engine.name}, region {scanner.options.region}", wall))
    if args.verbose:
        print(misses(results))


if __name__ == "__main__":
    main()
