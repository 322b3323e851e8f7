"""Per-field accuracy on every labelled real card beside the project: the parser's measure.

    python -m benchmarks.realcards [--jobs 2] [--engine auto] [--region DE] [-v]
                                   [--only labelled|photos] [--compare benchmarks/out/OLD.json]

Reads the 86 labelled cards in ``../shared/realcards-labelled/`` and the 30 phone photos in
``../shared/realcards/`` through the whole pipeline (load, find the card, OCR, parse) with the
shipped defaults, and scores each field against the labels (see benchmarks/reallabels.py for
the rules: on the 86 cards an invented value is a miss). Prints the table per field for both
folders and each alone, then the mean field accuracy and all-fields-right per source
repository and per country, and writes every card's reading to benchmarks/out/realcards.json
(``--compare`` an older copy to see which cards a change fixed or broke).

The images and labels are never part of this repository: they show real people's data.
Not a test: it exits 0 once it has run.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from benchmarks.reallabels import (
    DETAIL_FIELDS,
    FIELDS,
    LABELLED_DIR,
    PHOTOS_DIR,
    Truth,
    expected,
    load_truths,
    read_value,
    score,
)
from cardscan.model import Contact
from cardscan.ocr.factory import make_engine
from cardscan.options import ScanOptions
from cardscan.pipeline import Outcome, ScanResult
from cardscan.pipeline.pool import scan_pictures
from cardscan.pipeline.sheets import plan

OUT = Path(__file__).parent / "out"


@dataclass(frozen=True)
class CardScore:
    truth: Truth
    fields: dict[str, bool]
    contact: Contact
    error: str | None
    seconds: float
    split: bool = False  # the page finder took the photo for several cards

    def all_right(self) -> bool:
        return self.error is None and all(self.fields.get(f, True) for f in FIELDS)


def _best(outcomes: tuple[Outcome, ...]) -> Outcome:
    """The photo's one card; of a photo the page finder split, the card read with most fields
    (the split is counted: every photo here shows one card)."""
    results = [o for o in outcomes if isinstance(o, ScanResult)]
    if not results:
        return outcomes[0]
    return max(results, key=lambda r: sum(bool(v) for v in r.contact.to_dict().values()))


def run(truths: list[Truth], options: ScanOptions, jobs: int) -> list[CardScore]:
    scores: list[CardScore] = []
    paths = [t.path for t in truths]
    start = time.perf_counter()
    pictures = scan_pictures(plan(paths, options), options, jobs=jobs)
    for truth, picture in zip(truths, pictures, strict=True):
        outcome = _best(picture.outcomes)
        if isinstance(outcome, ScanResult):
            contact, error, seconds = outcome.contact, None, outcome.seconds
        else:
            contact, error, seconds = Contact(source=str(truth.path)), outcome.reason, 0.0
        score_of = CardScore(truth, dict(score(truth, contact)), contact, error, seconds)
        scores.append(dataclasses.replace(score_of, split=len(picture.outcomes) > 1))
        done = len(scores)
        print(f"\r  {done}/{len(truths)} {time.perf_counter() - start:.0f} s", end="",
              file=sys.stderr, flush=True)  # fmt: skip
    print(file=sys.stderr)
    return scores


def _ratio(right: int, counted: int) -> str:
    return f"{right / counted:.2f} ({right}/{counted})" if counted else "-"


def _mean(scores: list[CardScore]) -> float:
    accs = []
    for f in FIELDS:
        counted = [s.fields[f] for s in scores if f in s.fields]
        if counted:
            accs.append(sum(counted) / len(counted))
    return sum(accs) / len(accs) if accs else 0.0


def field_table(groups: dict[str, list[CardScore]]) -> str:
    heads = list(groups)
    rows = [
        "| field | " + " | ".join(heads) + " |",
        "|---|" + "---:|" * len(heads),
    ]
    for f in (*FIELDS, *DETAIL_FIELDS):
        cells = []
        for scores in groups.values():
            counted = [s.fields[f] for s in scores if f in s.fields]
            cells.append(_ratio(sum(counted), len(counted)))
        label = f if f in FIELDS else f"({f})"
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
    rows.append("| **mean of the fields** | " + " | ".join(
        f"**{_mean(s):.3f}**" for s in groups.values()) + " |")  # fmt: skip
    rows.append("| **all fields right** | " + " | ".join(
        f"**{_ratio(sum(x.all_right() for x in s), len(s))}**" for s in groups.values()) + " |")  # fmt: skip
    return "\n".join(rows)


def breakdown(scores: list[CardScore], key: str) -> str:
    groups: dict[str, list[CardScore]] = defaultdict(list)
    for s in scores:
        groups[getattr(s.truth, key)].append(s)
    rows = [f"| {key} | cards | mean of the fields | all fields right |", "|---|---:|---:|---:|"]
    for name, group in sorted(groups.items(), key=lambda kv: -len(kv[1])):
        right = sum(s.all_right() for s in group)
        rows.append(f"| {name} | {len(group)} | {_mean(group):.2f} | {right} |")
    return "\n".join(rows)


def misses(scores: list[CardScore]) -> str:
    lines = ["| file | field | expected | read |", "|---|---|---|---|"]
    for s in scores:
        if s.error:
            lines.append(f"| {s.truth.file} | (failed) | | {s.error} |")
        for f, ok in s.fields.items():
            if not ok and f in FIELDS:
                exp = json.dumps(expected(s.truth, f), ensure_ascii=False)
                got = json.dumps(read_value(s.contact, f), ensure_ascii=False)
                lines.append(f"| {s.truth.file} | {f} | {exp} | {got} |")
    return "\n".join(lines)


def compare(scores: list[CardScore], old_file: Path) -> str:
    old = json.loads(old_file.read_text(encoding="utf-8"))["cards"]
    lines = []
    for s in scores:
        before = old.get(s.truth.file, {}).get("fields", {})
        for f in FIELDS:
            if f in s.fields and f in before and before[f] != s.fields[f]:
                mark = "fixed" if s.fields[f] else "BROKEN"
                lines.append(f"  {mark}: {s.truth.file} {f}: {read_value(s.contact, f)}")
    return "\n".join(lines) or "  no field changed"


def save(scores: list[CardScore], text: str) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / "realcards.json"
    cards = {
        s.truth.file: {
            "fields": s.fields,
            "error": s.error,
            "seconds": round(s.seconds, 3),
            "read": s.contact.to_dict(),
        }
        for s in scores
    }
    path.write_text(
        json.dumps({"report": text, "cards": cards}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    return path


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--labelled", type=Path, default=LABELLED_DIR)
    ap.add_argument("--photos", type=Path, default=PHOTOS_DIR)
    ap.add_argument("--only", choices=["labelled", "photos"])
    ap.add_argument("--country", help="only the cards of these countries, e.g. TR,BR")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--engine", default="auto")
    ap.add_argument("--lang", default="deu+eng")
    ap.add_argument("--region", default="DE", help="as shipped: the card's own evidence decides")
    ap.add_argument("--compare", type=Path, help="an earlier benchmarks/out/realcards.json")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every miss")
    args = ap.parse_args()

    truths = load_truths(args.labelled, args.photos)
    if args.only:
        truths = [t for t in truths if t.collection == args.only]
    if args.country:
        truths = [t for t in truths if t.country in args.country.upper().split(",")]
    missing = [str(t.path) for t in truths if not t.path.is_file()]
    if not truths or missing:
        sys.exit(
            f"real cards not found ({len(missing)} missing, e.g. {missing[:1]}): they live beside "
            "the project in ../shared/realcards-labelled/ and ../shared/realcards/"
        )
    options = ScanOptions(engine=args.engine, region=args.region, lang=args.lang)
    engine_name = make_engine(options.engine).name
    start = time.perf_counter()
    scores = run(truths, options, args.jobs)
    wall = time.perf_counter() - start

    groups = {"all": scores}
    for collection, title in (("labelled", "86 labelled"), ("photos", "30 photos")):
        part = [s for s in scores if s.truth.collection == collection]
        if part and len(part) < len(scores):
            groups[title] = part
    per_card = sum(s.seconds for s in scores) / len(scores)
    failed = sum(s.error is not None for s in scores)
    split = sum(s.split for s in scores)
    text = "\n\n".join(
        [
            field_table(groups),
            breakdown(scores, "repository"),
            breakdown(scores, "country"),
            f"{len(scores)} cards ({failed} failed, {split} photos split into several cards), engine {engine_name}, --lang {args.lang}, "
            f"--region {args.region}: {per_card:.2f} s per card in one worker (load, find, OCR, "
            f"parse), wall {wall:.0f} s with {args.jobs} job(s); machine: {platform.machine()}, "
            f"{os.cpu_count()} cores, Python {platform.python_version()}",
        ]
    )
    print(text)
    if args.verbose:
        print()
        print(misses(scores))
    if args.compare:
        print("\nChanged since " + str(args.compare) + ":")
        print(compare(scores, args.compare))
    print(f"\nEvery reading: {save(scores, text)}", file=sys.stderr)


if __name__ == "__main__":
    main()
