"""Many photos and PDFs: find them, read them in a pool of worker processes, stream
outcomes in order.

Each photo, and each page of a PDF, is one picture, read by one worker (which holds one
Scanner, one loaded Tesseract) into one outcome per card on it. A picture that takes longer
than the time limit, or whose worker dies (a crash inside Tesseract), is reported as failed;
the pool is then replaced and the other pictures go on.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from cardscan.ocr.engine import EngineOptions
from cardscan.ocr.factory import probe_engine
from cardscan.options import ScanOptions
from cardscan.pipeline.outcomes import Outcome, ScanFailure
from cardscan.pipeline.scanner import Scanner
from cardscan.pipeline.sheets import Sheet, plan, read_sheet
from cardscan.pipeline.sides import PictureOutcomes, merge_backs, pair_sides

log = logging.getLogger(__name__)

_worker_scanner: Scanner | None = None


def _init_worker(options: ScanOptions) -> None:
    global _worker_scanner
    # Workers end quietly on the pool's SIGTERM and leave Ctrl-C to the parent.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ["OMP_THREAD_LIMIT"] = "1"  # Tesseract's threads would fight the pool
    _worker_scanner = Scanner(options)


def _work(sheet: Sheet) -> list[Outcome]:
    assert _worker_scanner is not None
    return read_sheet(_worker_scanner, sheet)


def check_engine(options: ScanOptions) -> None:
    """Fail early, in this process, when Tesseract or a language is missing (not in 2 workers)."""
    probe_engine(options.engine, EngineOptions(lang=options.lang))


def scan_many(
    paths: Iterable[Path], options: ScanOptions, *, jobs: int = 1, timeout: float = 120.0
) -> Iterator[Outcome]:
    """One outcome per card of the photos and PDFs, in input order (see scan_pictures)."""
    for picture in scan_pictures(plan(paths, options), options, jobs=jobs, timeout=timeout):
        yield from picture.outcomes


def read_cards(
    todo: list[Sheet | ScanFailure],
    options: ScanOptions,
    *,
    jobs: int = 1,
    timeout: float = 120.0,
    pairs: bool = False,
    done: Callable[[int], object] | None = None,
) -> Generator[Outcome, None, None]:
    """One outcome per card of the planned pictures, in order, front and back sides merged
    (two by two with ``pairs``, else each back side that follows its front); ``done(1)`` is
    called as each picture is finished (a progress bar)."""

    def pictures() -> Iterator[PictureOutcomes]:
        for picture in scan_pictures(todo, options, jobs=jobs, timeout=timeout):
            if done is not None:
                done(1)
            yield picture

    grouped = pair_sides(pictures()) if pairs else pictures()
    cards = (outcome for picture in grouped for outcome in picture.outcomes)
    yield from (cards if pairs else merge_backs(cards))


def scan_pictures(
    todo: list[Sheet | ScanFailure], options: ScanOptions, *, jobs: int = 1, timeout: float = 120.0
) -> Iterator[PictureOutcomes]:
    """The outcomes of each picture in input order, streamed as they finish (memory stays
    flat for any number).

    With ``jobs`` 1 and a single picture it is read in this process; otherwise in a pool,
    where ``timeout`` (seconds per picture) can stop one that hangs.
    """
    if not any(isinstance(t, Sheet) for t in todo):
        yield from (PictureOutcomes(t.source, (t,)) for t in todo if isinstance(t, ScanFailure))
        return
    check_engine(options)
    if len(todo) == 1 and jobs <= 1:
        sheet = todo[0]
        assert isinstance(sheet, Sheet)
        yield PictureOutcomes(sheet.name, tuple(read_sheet(Scanner(options), sheet)))
        return
    yield from _pooled(todo, options, jobs, timeout)


def _new_pool(options: ScanOptions, jobs: int) -> Pool:
    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    return ctx.Pool(jobs, initializer=_init_worker, initargs=(options,))


def _pooled(
    todo_list: list[Sheet | ScanFailure], options: ScanOptions, jobs: int, timeout: float
) -> Iterator[PictureOutcomes]:
    todo = deque(todo_list)
    window = 2 * jobs  # pictures handed to the pool ahead of the one we wait for
    running: deque[tuple[Sheet | ScanFailure, AsyncResult[list[Outcome]] | None]] = deque()
    pool = _new_pool(options, jobs)
    try:
        while todo or running:
            while todo and len(running) < window:
                item = todo.popleft()
                task = pool.apply_async(_work, (item,)) if isinstance(item, Sheet) else None
                running.append((item, task))
            item, result = running.popleft()
            if isinstance(item, ScanFailure):
                yield PictureOutcomes(item.source, (item,))
                continue
            assert result is not None
            deadline = time.monotonic() + timeout
            outcomes: list[Outcome] | None = None
            while outcomes is None:
                try:
                    outcomes = result.get(timeout=max(0.0, deadline - time.monotonic()))
                except multiprocessing.TimeoutError:
                    log.warning(
                        "%s: no result after %.0f s; restarting the workers", item.name, timeout
                    )
                    outcomes = [
                        ScanFailure(
                            item.name,
                            f"gave up after {timeout:.0f} s (the picture hangs or crashed the "
                            "OCR); try it alone with `cardscan scan`, or raise --timeout",
                        )
                    ]
                    pool.terminate()
                    pool.join()
                    # The pictures already handed out start again in a fresh pool.
                    todo.extendleft(reversed([i for i, _ in running]))
                    running.clear()
                    pool = _new_pool(options, jobs)
            yield PictureOutcomes(item.name, tuple(outcomes))
    finally:
        pool.terminate()
        pool.join()
