"""`cardscan scan` (one card, or the cards of one picture) and `cardscan batch` (a folder):
options in, the library's batch call, progress and report out."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

import click

from cardscan.book import Book
from cardscan.book import render as book_render
from cardscan.book.records import SaveOutcome
from cardscan.cli.app import (
    count,
    exit_status,
    fail,
    failure_line,
    handle_errors,
    main,
    output_stream,
)
from cardscan.cli.options import (
    ALIASES_HELP,
    FormatChoice,
    book_request,
    carddav_client,
    carddav_options,
    export_options,
    format_for,
    save_options,
    scan_options,
    writer_options,
)
from cardscan.cli.push import push_cards_shown
from cardscan.cli.report import TABLE_ROWS, failure_text, read_summary, to_check, who_was_found
from cardscan.errors import (
    ExitCode,
    UsageError,
)
from cardscan.export import Format, open_writer
from cardscan.export.resume import done_sources
from cardscan.imaging.load import display_name
from cardscan.model import Contact
from cardscan.options import ScanOptions
from cardscan.pipeline import Outcome, ScanFailure, Scanner, ScanResult
from cardscan.pipeline.batch import (
    NOTHING_RECOGNISED,
    BatchProgress,
    BatchReport,
    BatchSettings,
    BookSink,
    CarddavSink,
    Sink,
    WriterSink,
    run_batch,
)
from cardscan.pipeline.sheets import find_images, read_files


class _NothingRead(Exception):
    """Raised inside the output's `with` so the atomic write is dropped."""


def _terminate_like_ctrl_c() -> None:
    """SIGTERM (a closed terminal, `kill`, a service manager) ends a batch like Ctrl-C:
    the half-written temporary file is removed and the old output stays as it was."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


@main.command()
@click.argument("photos", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=FormatChoice(),
    default=None,
    help="vCard (for address books), a JSON record, CSV, or the CSV Google Contacts/Outlook "
    "import [default: from the ending of -o FILE (.vcf .json .jsonl .csv), else vcard; "
    f"also accepted: {ALIASES_HELP}].",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: stdout).",
)
@export_options
@scan_options
@save_options
@handle_errors
def scan(
    photos: tuple[Path, ...],
    fmt: str | None,
    vcard: dict[str, Any],
    output: Path | None,
    options: ScanOptions,
    save: bool,
    db: Path | None,
    profile_urls: tuple[str, ...],
    **encounter: Any,
) -> None:
    """Read one card; several PHOTOS (front and back) are merged into one contact.

    A photo or PDF with several cards gives one contact per card."""
    fmt = format_for(fmt, output, options)
    request = book_request(save, db, profile_url=profile_urls, **encounter)
    outcomes = read_files(Scanner(options), list(photos))
    results = [o for o in outcomes if isinstance(o, ScanResult) and not o.contact.is_empty()]
    failures = [
        o if isinstance(o, ScanFailure) else ScanFailure(o.source, NOTHING_RECOGNISED)
        for o in outcomes
        if not any(o is r for r in results)
    ]
    if not results:
        if len(outcomes) == 1 and isinstance(outcomes[0], ScanFailure):
            fail(failure_line(outcomes[0]), outcomes[0].exit_code)
        fail(
            f"{' + '.join(display_name(p) for p in photos)}: no name, company, phone or e-mail "
            "was recognised; photograph the card closer, flat and in even light "
            "(--debug-dir shows what was seen)",
            ExitCode.input_failed,
        )
    options_of_writer = writer_options(fmt, vcard, single=len(results) == 1)
    with (
        output_stream(output) as stream,
        open_writer(Format(fmt), stream, **options_of_writer) as writer,
    ):
        for result in results:
            writer.write(result.contact)
    for result in results:
        for note in result.notes:
            click.echo(f"cardscan: {note}", err=True)
    if request:
        with Book(request[0]) as book:
            sink = BookSink(book, request[1], profile_urls=profile_urls, on_saved=_tell_saved)
            for result in results:
                sink.add(result, photo=str(photos[0]) if len(results) == 1 else None)
    for result in results:
        name = "" if len(results) == 1 else f"{result.source}: "
        if options.photo == "face" and result.contact.photo is None and fmt == "vcard":
            click.echo(
                f"cardscan: {name}no portrait found on the card: the vCard has no PHOTO", err=True
            )
        review = result.contact.review()
        if review:
            click.echo(
                f"cardscan: {name}please check {', '.join(review)} (low confidence)", err=True
            )
    for failure in failures:
        click.echo(f"cardscan: {failure_line(failure)}", err=True)
    if failures:
        sys.exit(exit_status(failures))


def _tell_saved(contact: Contact, outcome: SaveOutcome) -> None:
    click.echo(book_render.save_message(outcome, contact.display_name()), err=True)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: stdout).",
)
@click.option(
    "--format",
    "fmt",
    type=FormatChoice(),
    default=None,
    help="One .vcf with all contacts, JSON Lines (one record a line), a JSON array, or CSV "
    "[default: from the ending of -o FILE (.vcf .json .jsonl .csv), else vcard; "
    f"also accepted: {ALIASES_HELP}].",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes [default: number of cores].",
)
@click.option("--recursive", "-r", is_flag=True, help="Also read the folders inside FOLDER.")
@click.option(
    "--pairs",
    is_flag=True,
    help="The photos (sorted by name) are front and back of one card, two by two: merge them.",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Keep what -o FILE already holds and read only the photos not in it yet (jsonl, or "
    "vcard written with --resume or --vcard-source: the cards must name their photos).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(1),
    default=120.0,
    show_default=True,
    help="Seconds one photo may take before it is given up as failed.",
)
@carddav_options
@export_options
@scan_options
@save_options
@handle_errors
def batch(
    folder: Path,
    output: Path | None,
    fmt: str | None,
    vcard: dict[str, Any],
    jobs: int | None,
    recursive: bool,
    pairs: bool,
    resume: bool,
    timeout: float,
    carddav: str | None,
    username: str | None,
    password_env: str | None,
    password: str | None,
    options: ScanOptions,
    save: bool,
    db: Path | None,
    profile_urls: tuple[str, ...],
    **encounter: Any,
) -> None:
    """Read every card in the photos and PDFs in FOLDER into one file (several cards on one
    photo or page are read one by one); one bad photo never stops the batch."""
    fmt = format_for(fmt, output, options)
    _terminate_like_ctrl_c()
    paths = find_images(folder, recursive=recursive)
    if not paths:
        fail(_no_photos(folder, recursive), ExitCode.input_failed)
    previous = ""
    if resume:
        if output is None:
            raise UsageError("--resume needs -o FILE: the output of the run to continue")
        previous, already = done_sources(output, fmt)
        vcard = {**vcard, "source": True}  # what the next --resume needs to know
        left = [p for p in paths if display_name(p) not in already]
        done_before, paths = len(paths) - len(left), left
        click.echo(
            f"Resuming {output}: {count(done_before, 'photo')} done, {len(paths)} to read.",
            err=True,
        )
        if not paths:
            return
    settings = BatchSettings(jobs=jobs or os.cpu_count() or 1, timeout=timeout, pairs=pairs)
    # Check the address book before the long scan, not after it.
    client = carddav_client(carddav, username, password, password_env) if carddav else None
    pushed = CarddavSink(client, **vcard) if client else None
    request = book_request(save, db, profile_url=profile_urls, **encounter)
    # Only this (parent) process writes to the book, in the order the cards arrive.
    book = Book(request[0]) if request else None
    progress = _Progress()
    report: BatchReport | None = None
    kept = stopped = False
    try:
        with (
            output_stream(output, previous) as stream,
            open_writer(Format(fmt), stream, **writer_options(fmt, vcard)) as writer,
        ):
            sinks: list[Sink] = [WriterSink(writer)]
            sinks += [pushed] if pushed else []
            if book and request:
                sinks.append(
                    BookSink(book, request[1], profile_urls=profile_urls, on_saved=_tell_saved)
                )
            try:
                report = run_batch(paths, options, sinks, settings=settings, progress=progress)
            except KeyboardInterrupt:
                if not resume:
                    raise
                # The file holds what it held plus each card read so far, whole (a writer
                # writes a card at once): kept, for the next --resume to go on from.
                stopped = True
            finally:
                progress.close()
            if report is not None and not report.found and output and output.exists():
                raise _NothingRead  # keep the old file rather than replace it with nothing
    except _NothingRead:
        kept = True
    except KeyboardInterrupt:
        fail(
            f"interrupted after {progress.read} of {progress.pictures} photos; "
            f"{output or 'the output'} was left as it was (with --resume, what was read is "
            "kept and the next run goes on from there)",
            ExitCode.interrupted,
        )
    finally:
        if book:
            book.close()
    if stopped:
        fail(
            f"interrupted after {progress.read} of {progress.pictures} photos; the cards read "
            f"are in {output}: run the same command again to read the rest",
            ExitCode.interrupted,
        )
    assert report is not None
    _summary(report, output, folder, kept=kept)
    if pushed is not None and pushed.cards:
        results = push_cards_shown(pushed.client, pushed.cards)
        if any(r.status == "failed" for r in results):
            sys.exit(ExitCode.carddav_failed)
    if report.failures:
        sys.exit(exit_status(report.failures))


class _Progress(BatchProgress):
    """The batch's progress on stderr: a bar of the pictures read, each card's notes and
    failures as they come (below the bar on a terminal)."""

    def __init__(self) -> None:
        self.pictures = 0
        self.read = 0
        self._bar: Any = None

    def planned(self, pictures: int) -> None:
        self.pictures = pictures
        self._bar = click.progressbar(length=pictures, label="Reading cards", file=sys.stderr)
        self._bar.__enter__()

    def picture_read(self) -> None:
        self.read += 1
        self._bar.update(1)

    def card_read(self, outcome: Outcome) -> None:
        for remark in outcome.notes if isinstance(outcome, ScanResult) else ():
            click.echo(f"cardscan: {remark}", err=True)

    def failed(self, failure: ScanFailure) -> None:
        lead = "\n" if sys.stderr.isatty() else ""  # below the progress bar
        click.echo(f"{lead}cardscan: {failure_line(failure)}", err=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)


def _summary(report: BatchReport, output: Path | None, folder: Path, *, kept: bool) -> None:
    """What was read, who was found, what to check and what failed, on stderr."""
    found, failures = report.found, report.failures
    if output is not None and found:
        contacts = [r.contact for r in found[:TABLE_ROWS]]
        click.echo(who_was_found(contacts, len(found), output, display_name(folder)), err=True)
    where = f" -> {output}" if output and not kept else ""
    click.echo(
        f"Read {read_summary(report.pictures, len(report.outcomes))}: "
        f"{count(len(found), 'contact')} found, {len(failures)} failed{where}",
        err=True,
    )
    if kept:
        click.echo(f"Nothing was read, so {output} was left as it was.", err=True)
    note = to_check(report.to_check)
    if note:
        click.echo(note, err=True)
    for f in failures:  # again at the end: in a long batch the first report scrolled away
        click.echo(f"  failed: {failure_text(f)}", err=True)


def _no_photos(folder: Path, recursive: bool) -> str:
    """Why a batch found nothing to read, and what to do when the photos are in subfolders."""
    message = f"no photos or PDFs (.jpg, .png, .heic, .pdf, ...) in {folder}"
    if recursive:
        return message + " or its subfolders"
    below = len(find_images(folder, recursive=True))
    if below:
        return (
            f"{message} itself, but {count(below, 'photo')} in its subfolders: "
            "add --recursive (-r) to read them"
        )
    try:
        if any(p.is_dir() for p in folder.iterdir()):
            return message + ", nor in its subfolders"
    except OSError as exc:
        return f"cannot read the folder {folder}: {exc.strerror}; check its permissions"
    return message
