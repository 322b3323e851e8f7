"""Per-field accuracy and seconds per card on N synthetic card photos generated from a seed.

    python -m benchmarks.accuracy --n 200 --seed 2026 [--jobs 2] [--engine tesserocr]
                                  [--world classic|open] [--lenient]

Not a test: it prints a table (and writes benchmarks/out/accuracy-SEED.json with every miss)
so that a person can see where the pipeline goes wrong.  The cards are made fresh from the seed
by tools/gencards; never tune the parser to one seed's cards. ``--world open`` makes them with
what real cards print beyond the generator's tables (tools/gencards/openworld.py). The scoring
is strict (benchmarks/compare.py: case, the name's parts, the department; values read that
the card does not print are counted); ``--lenient`` is the scoring of 2026-11.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.compare import FIELDS, field_matches, invented
from cardscan.model import Contact
from cardscan.options import ScanOptions
from cardscan.pipeline import Scanner, ScanResult
from cardscan.pipeline.sheets import Sheet, read_picture
from tools.gencards import WORLDS, make_card
from tools.gencards.render import DoesNotFit

OUT = Path(__file__).parent / "out"


@dataclass(frozen=True)
class CardOutcome:
    seed: int
    meta: dict[str, object]
    matches: dict[str, bool]
    seconds: float
    truth: dict[str, object]
    got: dict[str, object]
    invented: list[str]
    lenient: dict[str, bool]
    split: bool = False  # the page finder took the photo for several cards


_scanner: Scanner | None = None
_world = "classic"
_lenient = False


def _init(engine: str, world: str = "classic", lenient: bool = False) -> None:
    global _scanner, _world, _lenient
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _scanner = Scanner(ScanOptions(engine=engine))
    _world, _lenient = world, lenient


def _run(seed: int) -> CardOutcome | None:
    assert _scanner is not None
    try:
        card = make_card(seed, world=_world)
    except DoesNotFit:  # the generator could not lay this seed's text out: not a card
        return None
    start = time.perf_counter()
    split = False
    try:
        # As `cardscan scan` reads a photo: the page finder first, which must leave a photo
        # of one card to the one-card path.
        outcomes = read_picture(_scanner, Sheet(Path(f"seed-{seed}")), card.photo)
        split = len(outcomes) != 1
        first = outcomes[0]
        got = first.contact if isinstance(first, ScanResult) and not split else Contact("")
        if not isinstance(first, ScanResult):
            got = Contact(source=f"seed-{seed}", raw_text=f"FAILED {first.reason}")
    except Exception as exc:  # a crash is a miss on every field, and is shown
        got = Contact(source=f"seed-{seed}", raw_text=f"CRASH {type(exc).__name__}: {exc}")
    seconds = time.perf_counter() - start
    return CardOutcome(
        seed,
        dict(card.meta),
        field_matches(card.truth, got, lenient=_lenient),
        seconds,
        card.truth.to_dict(),
        got.to_dict(),
        invented(card.truth, got),
        field_matches(card.truth, got, lenient=True),
        split,
    )


def run(
    n: int, seed: int, jobs: int, engine: str, world: str = "classic", lenient: bool = False
) -> list[CardOutcome]:
    """The first n cards from the seed's sequence that the generator can lay out."""
    outcomes: list[CardOutcome] = []
    start = seed * 100_000
    while len(outcomes) < n:
        seeds = list(range(start, start + n - len(outcomes)))
        start += len(seeds)
        if jobs <= 1:
            _init(engine, world, lenient)
            got = [_run(s) for s in seeds]
        else:
            ctx = multiprocessing.get_context("fork")
            with ctx.Pool(jobs, _init, (engine, world, lenient)) as pool:
                got = pool.map(_run, seeds, chunksize=4)
        outcomes += [o for o in got if o is not None]
    return outcomes


def report(outcomes: list[CardOutcome], wall: float, jobs: int, engine: str) -> str:
    n = len(outcomes)
    rows = ["| field | accuracy | lenient (2026-11) |", "|---|---|---|"]
    for f in [f for f in FIELDS if f in outcomes[0].matches]:
        ok = sum(o.matches[f] for o in outcomes)
        old = f"{sum(o.lenient[f] for o in outcomes) / n:.3f}" if f in outcomes[0].lenient else ""
        rows.append(f"| {f} | {ok / n:.3f} ({ok}/{n}) | {old} |")
    allok = sum(all(o.matches.values()) for o in outcomes)
    allold = sum(all(o.lenient.values()) for o in outcomes)
    rows.append(f"| all fields correct | {allok / n:.3f} ({allok}/{n}) | {allold / n:.3f} |")
    wrong = sum(len(o.invented) for o in outcomes)
    cards = sum(bool(o.invented) for o in outcomes)
    rows.append(f"| values read that the card does not print | {wrong} (on {cards} cards) |")
    split = sum(o.split for o in outcomes)
    if split:  # a photo of one card must never be split: shown only when it happens
        rows.append(f"| photos split into several cards | {split} |")
    per_card = sum(o.seconds for o in outcomes) / n
    rows.append("")
    rows.append(
        f"{n} cards, engine {engine}: {per_card:.3f} s per card in one worker "
        f"(load excluded: the photo is generated in memory); wall {wall:.1f} s with {jobs} job(s); "
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--engine", default="auto")
    ap.add_argument("--world", choices=WORLDS, default="classic")
    ap.add_argument("--lenient", action="store_true", help="the scoring of 2026-11")
    args = ap.parse_args()
    start = time.perf_counter()
    outcomes = run(args.n, args.seed, args.jobs, args.engine, args.world, args.lenient)
    wall = time.perf_counter() - start
    text = report(outcomes, wall, args.jobs, args.engine)
    print(text)
    OUT.mkdir(exist_ok=True)
    misses = [
        {
            "seed": o.seed,
            "meta": o.meta,
            "wrong": [f for f, ok in o.matches.items() if not ok],
            "invented": o.invented,
            "truth": o.truth,
            "got": o.got,
        }
        for o in outcomes
        if not all(o.matches.values()) or o.invented
    ]
    name = f"accuracy-{args.seed}{'-open' if args.world == 'open' else ''}.json"
    (OUT / name).write_text(
        json.dumps({"report": text, "misses": misses}, ensure_ascii=False, indent=1, default=str),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
