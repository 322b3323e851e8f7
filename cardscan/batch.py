"""Many photos: find them, read them in a pool of worker processes, stream outcomes in order.

Each worker holds one Scanner (one loaded Tesseract).  A card that takes longer than the time
limit, or whose worker dies (a crash inside Tesseract), is reported as failed; the pool is then
replaced and the other cards go on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from cardscan.imaging.load import IMAGE_SUFFIXES
from cardscan.ocr.engine import EngineOptions, probe_engine
from cardscan.options import ScanOptions
from cardscan.pipeline import Outcome, ScanFailure, Scanner

log = logging.getLogger(__name__)


def find_images(folder: Path, *, recursive: bool = False) -> list[Path]:
    """Image files in a folder, sorted by path so that output order is stable."""
    pattern = "**/*" if recursive else "*"
    found: list[Path] = []
    for p in folder.glob(pattern):
        if p.suffix.lower() in IMAGE_SUFFIXES and not p.name.startswith("."):
            try:
                if p.is_dir():
                    continue
            except OSError:
                pass
            found.append(p)
    return sorted(found)


_worker_scanner: Scanner | None = None


def _init_worker(options: ScanOptions) -> None:
    global _worker_scanner
    # Workers end quietly on the pool's SIGTERM and leave Ctrl-C to the parent.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract's threads would fight the pool
    _worker_scanner = Scanner(options)


def _work(path: Path) -> Outcome:
    assert _worker_scanner is not None
    return _worker_scanner.outcome(path)


def check_engine(options: ScanOptions) -> None:
    """Fail early, in this process, when Tesseract or a language is missing (not in 2 workers)."""
    probe_engine(options.engine, EngineOptions(lang=options.lang))


def scan_many(
    paths: Iterable[Path], options: ScanOptions, *, jobs: int = 1, timeout: float = 120.0
) -> Iterator[Outcome]:
    """Outcomes in input order, streamed as they finish (memory stays flat for any number).

    With ``jobs`` 1 and a single photo the card is read in this process; otherwise in a pool,
    where ``timeout`` (seconds per card) can stop a photo that hangs.
    """
    paths = list(paths)
    if not paths:
        return
    check_engine(options)
    if len(paths) == 1 and jobs <= 1:
        yield Scanner(options).outcome(paths[0])
        return
    yield from _pooled(paths, options, jobs, timeout)


def _new_pool(options: ScanOptions, jobs: int) -> Pool:
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    return ctx.Pool(jobs, initializer=_init_worker, initargs=(options,))


def _pooled(
    paths: list[Path], options: ScanOptions, jobs: int, timeout: float
) -> Iterator[Outcome]:
    todo = deque(paths)
    window = 2 * jobs  # cards handed to the pool ahead of the one we wait for
    running: deque[tuple[Path, AsyncResult[Outcome]]] = deque()
    pool = _new_pool(options, jobs)
    try:
        while todo or running:
            while todo and len(running) < window:
                path = todo.popleft()
                running.append((path, pool.apply_async(_work, (path,))))
            path, result = running.popleft()
            deadline = time.monotonic() + timeout
            outcome: Outcome | None = None
            while outcome is None:
                try:
                    outcome = result.get(timeout=max(0.0, deadline - time.monotonic()))
                except multiprocessing.TimeoutError:
                    log.warning("%s: no result after %.0f s; restarting the workers", path, timeout)
                    outcome = ScanFailure(
                        str(path),
                        f"gave up after {timeout:.0f} s (the photo hangs or crashed the OCR); "
                        "try it alone with `cardscan scan`, or raise --timeout",
                    )
                    pool.terminate()
                    pool.join()
                    # The cards already handed out start again in a fresh pool.
                    todo.extendleft(reversed([p for p, _ in running]))
                    running.clear()
                    pool = _new_pool(options, jobs)
            yield outcome
    finally:
        pool.terminate()
        pool.join()
