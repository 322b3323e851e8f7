"""Speed: bare Tesseract vs cardscan batch --jobs 1 and --jobs 2, on the same photos, in one run.

    python -m benchmarks.speed --n 24 --seed 7

Writes N synthetic 1600x1200 JPEG card photos to a temporary folder, then times
  1. `tesseract PHOTO stdout -l deu+eng` once per photo (the bare, obvious path),
  2. `cardscan batch FOLDER --jobs 1 -o out.vcf` (whole pipeline: load, prepare, OCR, parse, export),
  3. the same with `--jobs 2`,
and prints seconds per card, the ratios and the peak memory (RSS) of the largest process.
Timings are only compared as ratios within one run: the machines are shared and noisy.

    python -m benchmarks.speed --n 24 --baseline ../cardscan-at-an-older-commit --rounds 3

also times an older checkout of cardscan (``git worktree add DIR COMMIT``; its code is run with
this environment's Python and packages) on the same photos with ``--jobs 1``, in turns with
this one, and prints the ratio: how a change moved the seconds per card.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import cv2

from tools.gencards import make_card


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process the command ran.

    Exit status 1 (some photos gave no contact) still counts: the time was spent.
    """
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode\n"
        "if rc not in (0, 1): sys.exit(f'{sys.argv[1]} exited {rc}')\n"
        "dt = time.perf_counter() - t\n"
        "print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], check=True, capture_output=True, text=True
    )
    secs, rss = out.stdout.split()
    return float(secs), float(rss)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=24)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--engine", default="auto")
    ap.add_argument("--baseline", type=Path, help="an older checkout of cardscan to compare with")
    ap.add_argument("--rounds", type=int, default=3, help="turns of baseline and this (--baseline)")
    args = ap.parse_args()
    tesseract = shutil.which("tesseract")
    cardscan = shutil.which("cardscan") or str(Path(sys.executable).parent / "cardscan")
    if not tesseract:
        sys.exit("tesseract is not installed: run `make test` (or apt-get install tesseract-ocr)")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "photos"
        folder.mkdir()
        for i in range(args.n):
            card = make_card(args.seed * 1000 + i, photo_size=(1600, 1200))
            cv2.imwrite(
                str(folder / f"card_{i:03d}.jpg"), card.photo, [cv2.IMWRITE_JPEG_QUALITY, 88]
            )
        photos = sorted(folder.glob("*.jpg"))

        env_note = os.environ.get("OMP_THREAD_LIMIT", "unset")
        bare_total = 0.0
        bare_rss = 0.0
        for p in photos:
            secs, rss = _timed([tesseract, str(p), "stdout", "-l", "deu+eng"])
            bare_total += secs
            bare_rss = max(bare_rss, rss)
        bare = bare_total / len(photos)

        results = {}
        for jobs in (1, 2):
            out = Path(tmp) / f"out{jobs}.vcf"
            cmd = [
                cardscan,
                "batch",
                str(folder),
                "--jobs",
                str(jobs),
                "--engine",
                args.engine,
                "-o",
                str(out),
            ]
            secs, rss = _timed(cmd)
            results[jobs] = (secs / len(photos), rss)

        if args.baseline:
            compare(args.baseline, folder, len(photos), args.engine, args.rounds)

    j1, j1_rss = results[1]
    j2, j2_rss = results[2]
    print(f"{len(photos)} photos 1600x1200 JPEG; OMP_THREAD_LIMIT in this shell: {env_note}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}")
    print("| run | s per card | peak RSS (MB) |")
    print("|---|---|---|")
    print(f"| bare `tesseract photo stdout -l deu+eng` | {bare:.3f} | {bare_rss:.0f} |")
    print(f"| cardscan batch --jobs 1 | {j1:.3f} | {j1_rss:.0f} |")
    print(f"| cardscan batch --jobs 2 | {j2:.3f} | {j2_rss:.0f} |")
    print(f"cardscan --jobs 1 / bare tesseract: {j1 / bare:.2f}  (target <= 0.33)")
    print(f"--jobs 2 speed-up over --jobs 1: {j1 / j2:.2f}x  (target >= 1.7)")


def compare(baseline: Path, folder: Path, n: int, engine: str, rounds: int) -> None:
    """This checkout against ``baseline`` with --jobs 1, in turns, on the same photos."""
    here = Path(__file__).resolve().parent.parent
    times: dict[str, list[float]] = {"baseline": [], "this": []}
    for _ in range(rounds):
        for name, root in (("baseline", baseline.resolve()), ("this", here)):
            cmd = [
                "env", f"PYTHONPATH={root}", sys.executable, "-m", "cardscan.cli", "batch",
                str(folder), "--jobs", "1", "--engine", engine, "-o", str(folder.parent / "cmp.vcf"),
            ]  # fmt: skip
            secs, _ = _timed(cmd)
            times[name].append(secs / n)
    base, this = (min(times[k]) for k in ("baseline", "this"))
    print(f"| {baseline} --jobs 1 (best of {rounds}) | {base:.3f} | |")
    print(f"| this checkout --jobs 1 (best of {rounds}) | {this:.3f} | |")
    print(f"this / baseline: {this / base:.2f}")


if __name__ == "__main__":
    main()
