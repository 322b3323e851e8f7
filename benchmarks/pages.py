"""Several cards in one picture: cards found, false and duplicate cards, field accuracy per
card against reading the same cards one per photo, and seconds per page.

    python -m benchmarks.pages --pages 60 --seed 20 [--jobs 2]

Pages come from tools/gencards/page.py: 2-10 cards on a table (wood, cloth, white paper,
grey, dark; even, gradient or dim light; some touching, turned by 90/180 degrees) or on a
scanner's glass (A4, 300 dpi, read as a PDF page), and every sixth page holds one card.
Each card of a page is also read alone from tools.gencards' ordinary photo of it
(make_card(seed)), and both readings are compared with the truth. A card counts as found
when a card read from the page lies on it (intersection over union >= 0.5). Not a test: it
prints a table and writes benchmarks/out/pages-SEED.json with every page's details.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import cv2
import numpy as np

from benchmarks.compare import FIELDS, field_matches
from cardscan.imaging.pages import find_cards
from cardscan.model import Contact
from cardscan.options import ScanOptions
from cardscan.pipeline import Scanner
from cardscan.pipeline.sheets import Sheet, pieces
from tools.gencards import make_card
from tools.gencards.page import make_page

OUT = Path(__file__).parent / "out"

#: A card read from the page lies on a printed card when they overlap this much.
MATCH_IOU = 0.5


@dataclass
class CardResult:
    seed: int
    found: bool
    page_fields: dict[str, bool] = field(default_factory=dict)  # read from the page
    photo_fields: dict[str, bool] = field(default_factory=dict)  # read from its own photo


@dataclass
class PageResult:
    seed: int
    meta: dict[str, object]
    cards: list[CardResult]
    false_cards: int
    duplicates: int
    find_seconds: float
    read_seconds: float


_scanner: Scanner | None = None


def _init(engine: str) -> None:
    global _scanner
    os.environ["OMP_THREAD_LIMIT"] = "1"
    _scanner = Scanner(ScanOptions(engine=engine))


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    both, _ = cv2.intersectConvexConvex(a.astype(np.float32), b.astype(np.float32))
    area_a = abs(cv2.contourArea(a.astype(np.float32)))
    area_b = abs(cv2.contourArea(b.astype(np.float32)))
    return float(both) / max(area_a + area_b - float(both), 1.0)


def _read(image: np.ndarray, source: str) -> Contact:
    assert _scanner is not None
    try:
        contact, _ = _scanner.scan_image(image, source=source)
    except Exception as exc:  # a crash is a miss on every field
        contact = Contact(source=source, raw_text=f"CRASH {type(exc).__name__}: {exc}")
    return contact


def run_page(task: tuple[int, int | None]) -> PageResult:
    """Read one generated page card by card, and each of its cards from its own photo."""
    seed, n_cards = task
    page = make_page(seed, n_cards=n_cards)
    scanner_page = page.meta["kind"] == "scanner"
    # A scanner page is read as a PDF page: one card on it is cut out, not read whole.
    sheet = Sheet(Path(f"page-{seed}.pdf"), 1) if scanner_page else Sheet(Path(f"page-{seed}.jpg"))
    start = time.perf_counter()
    layout = find_cards(page.image)
    found_at = time.perf_counter()
    cards = [CardResult(c.seed, False) for c in page.cards]
    false_cards = duplicates = 0
    for piece in pieces(sheet, page.image, layout):
        got = _read(piece.image, sheet.card_source(piece.number))
        if piece.quad is None:  # read whole: one card, or several not told apart
            hit = 0 if len(page.cards) == 1 else None
        else:
            overlaps = [_iou(piece.quad, c.corners) for c in page.cards]
            best = int(np.argmax(overlaps))
            hit = best if overlaps[best] >= MATCH_IOU else None
        if hit is None:
            false_cards += 1
        elif cards[hit].found:
            duplicates += 1
        else:
            cards[hit].found = True
            cards[hit].page_fields = field_matches(page.cards[hit].truth, got)
    read_seconds = time.perf_counter() - found_at
    for result, placed in zip(cards, page.cards, strict=True):
        alone = make_card(placed.seed)
        result.photo_fields = field_matches(placed.truth, _read(alone.photo, "alone"))
    return PageResult(
        seed, dict(page.meta), cards, false_cards, duplicates, found_at - start, read_seconds
    )


def _accuracy(results: list[dict[str, bool]]) -> tuple[float, float]:
    """(share of fields right, share of cards with every field right)."""
    if not results:
        return 0.0, 0.0
    fields = sum(sum(r[f] for f in FIELDS) for r in results) / (len(FIELDS) * len(results))
    whole = sum(all(r.values()) for r in results) / len(results)
    return fields, whole


def report(pages: list[PageResult], wall: float, jobs: int) -> str:
    cards = [c for p in pages for c in p.cards]
    found = [c for c in cards if c.found]
    rows = ["| pages | cards printed | found | false cards | duplicates |", "|---|---|---|---|---|"]
    false_cards = sum(p.false_cards for p in pages)
    duplicates = sum(p.duplicates for p in pages)
    rows.append(
        f"| {len(pages)} | {len(cards)} | {len(found)} ({len(found) / len(cards):.3f}) "
        f"| {false_cards} | {duplicates} |"
    )
    rows += ["", "| kind | pages | cards | found |", "|---|---|---|---|"]
    groups: dict[str, list[PageResult]] = {}
    for p in pages:
        kind = "one card" if p.meta["cards"] == 1 else str(p.meta["kind"])
        touching = " (touching)" if p.meta["touching"] and p.meta["cards"] != 1 else ""
        groups.setdefault(kind + touching, []).append(p)
        groups.setdefault(f"background {p.meta['background']}", []).append(p)
    for name, group in sorted(groups.items()):
        n = sum(len(p.cards) for p in group)
        ok = sum(c.found for p in group for c in p.cards)
        rows.append(f"| {name} | {len(group)} | {n} | {ok} ({ok / n:.3f}) |")
    page_f, page_all = _accuracy([c.page_fields for c in found])
    photo_f, photo_all = _accuracy([c.photo_fields for c in found])
    every_f, every_all = _accuracy([c.photo_fields for c in cards])
    rows += [
        "",
        "| field accuracy per card | fields right | all fields right |",
        "|---|---|---|",
        f"| read from the page (found cards) | {page_f:.3f} | {page_all:.3f} |",
        f"| the same cards, one per photo | {photo_f:.3f} | {photo_all:.3f} |",
        f"| difference | {page_f - photo_f:+.3f} | {page_all - photo_all:+.3f} |",
        f"| all printed cards, one per photo | {every_f:.3f} | {every_all:.3f} |",
        "",
        "| field | from the page | one per photo |",
        "|---|---|---|",
    ]
    for f in FIELDS:
        on_page = sum(c.page_fields[f] for c in found) / max(len(found), 1)
        alone = sum(c.photo_fields[f] for c in found) / max(len(found), 1)
        rows.append(f"| {f} | {on_page:.3f} | {alone:.3f} |")
    find = sum(p.find_seconds for p in pages) / len(pages)
    per_page = sum(p.find_seconds + p.read_seconds for p in pages) / len(pages)
    rows += [
        "",
        f"{per_page:.2f} s per page in one worker ({per_page * len(pages) / len(cards):.2f} s "
        f"per card; finding the cards {find:.3f} s a page; generating excluded); wall "
        f"{wall:.0f} s with {jobs} job(s) for pages and one-card photos; machine: "
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    ]
    return "\n".join(rows)


def tasks(n: int, seed: int) -> list[tuple[int, int | None]]:
    """Page seeds seed*1000+i; every sixth page holds one card."""
    return [(seed * 1000 + i, 1 if i % 6 == 5 else None) for i in range(n)]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--engine", default="auto")
    args = ap.parse_args()
    start = time.perf_counter()
    todo = tasks(args.pages, args.seed)
    if args.jobs <= 1:
        _init(args.engine)
        pages = [run_page(t) for t in todo]
    else:
        with multiprocessing.get_context("fork").Pool(args.jobs, _init, (args.engine,)) as pool:
            pages = pool.map(run_page, todo, chunksize=1)
    text = report(pages, time.perf_counter() - start, args.jobs)
    print(text)
    OUT.mkdir(exist_ok=True)
    (OUT / f"pages-{args.seed}.json").write_text(
        json.dumps(
            {"report": text, "pages": [asdict(p) for p in pages]},
            ensure_ascii=False,
            indent=1,
            default=str,
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
