"""Command line: ``python -m tools.gencards OUT_DIR -n 12 --seed 7`` or ``--samples``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tools.gencards import DIFFICULTIES, LOCALES, WORLDS, write_set
from tools.gencards.samples import markdown_table, write_samples


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1600x1200, not {text!r}") from None
    if w < 64 or h < 64:
        raise argparse.ArgumentTypeError(f"size {text} is too small")
    return w, h


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.gencards",
        description="Write synthetic business-card photos (card_001.jpg) with their expected "
        "JSON (card_001.json).",
    )
    parser.add_argument("out_dir", type=Path, help="folder to write into (created if missing)")
    parser.add_argument("-n", type=int, default=12, help="number of cards (default 12)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the set (default 7)")
    parser.add_argument(
        "--size",
        type=_size,
        default=(1600, 1200),
        metavar="WxH",
        help="photo size (default 1600x1200)",
    )
    parser.add_argument("--difficulty", choices=DIFFICULTIES, default="normal")
    parser.add_argument("--locale", choices=LOCALES, default=None, help="default: mixed")
    parser.add_argument(
        "--world",
        choices=WORLDS,
        default="classic",
        help="open: what real cards print beyond the classic tables (tools/gencards/openworld.py)",
    )
    qr = parser.add_mutually_exclusive_group()
    qr.add_argument(
        "--qr", dest="qr", action="store_true", default=None, help="every card gets a vCard QR code"
    )
    qr.add_argument("--no-qr", dest="qr", action="store_false", help="no card gets one")
    parser.add_argument(
        "--flat",
        action="store_true",
        help="also write card_001_flat.png, the card before it is photographed",
    )
    parser.add_argument(
        "--samples",
        action="store_true",
        help="write the curated samples (fixed seeds; -n, --seed, --locale, "
        "--difficulty and --qr are ignored) and print their Markdown table",
    )
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("-n must be at least 1")
    if args.samples:
        written = write_samples(args.out_dir, photo_size=args.size, flat=args.flat)
        print(markdown_table(written))
        return 0
    paths = write_set(
        args.out_dir,
        args.n,
        args.seed,
        locale=args.locale,
        photo_size=args.size,
        difficulty=args.difficulty,
        qr=args.qr,
        flat=args.flat,
        world=args.world,
    )
    print(f"wrote {len(paths)} cards to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
