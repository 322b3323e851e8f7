"""The command line: builds options, calls the library, renders, maps errors to exit codes."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click
import phonenumbers

from cardscan import __version__
from cardscan.book import Book, Encounter, resolve_location
from cardscan.book import edit as book_edit
from cardscan.book import match as book_match
from cardscan.book import render as book_render
from cardscan.book.export import BOOK_FORMATS, write_book
from cardscan.book.links import profile_from_url
from cardscan.book.search import search
from cardscan.carddav import CarddavClient, PushResult, split_vcards
from cardscan.errors import (
    CardscanError,
    ExitCode,
    InputError,
    InvalidEditError,
    MissingDependencyError,
    OutputClosed,
    OutputError,
    UsageError,
)
from cardscan.export import FORMAT_ALIASES, Format, format_of_file, open_writer
from cardscan.export.base import output_errors
from cardscan.export.resume import done_sources
from cardscan.export.vcard import to_vcard
from cardscan.files import make_private_folder, output_file, write_private
from cardscan.imaging.load import display_name
from cardscan.imaging.photo import card_thumbnail, vcard_photo
from cardscan.model import Contact
from cardscan.options import ScanOptions
from cardscan.pipeline import ScanFailure, Scanner, ScanResult
from cardscan.pipeline.pool import read_cards
from cardscan.pipeline.sheets import find_images, plan, read_files
from cardscan.report import TABLE_ROWS, failure_text, read_summary, to_check, who_was_found

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"cardscan: error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Expected failures become one line on stderr and an exit code, never a traceback;
    anything else is a bug: one line too, exit 70, and the traceback with -v."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except OutputClosed:
            # "cardscan batch ... | head": the reader has all it wanted; end quietly, and
            # keep Python from complaining when it flushes the closed stdout at exit.
            with contextlib.suppress(OSError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except CardscanError as exc:
            if logging.getLogger().isEnabledFor(logging.DEBUG):
                logging.getLogger("cardscan").exception("details")
            _fail(str(exc), int(exc.exit_code))
        except KeyboardInterrupt:
            _fail("interrupted; the output file was left as it was", ExitCode.interrupted)
        except (click.ClickException, click.exceptions.Abort, click.exceptions.Exit):
            raise  # click's own: bad options, a declined prompt
        except Exception as exc:
            _internal_error(exc)
        return None

    return wrapper  # type: ignore[return-value]


def _verbose() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().params.get("verbose"))  # cardscan -v ...


def _failure_line(failure: ScanFailure) -> str:
    """ "FILE: reason"; for a bug, how to see its traceback (shown above it with -v)."""
    if failure.exit_code != ExitCode.internal:
        return failure_text(failure)
    if _verbose() and failure.details:
        click.echo(failure.details, err=True)
        return f"{failure_text(failure)}; this is a bug in cardscan: please report it"
    return (
        f"{failure_text(failure)}; this is a bug in cardscan: run it again as "
        "`cardscan -v COMMAND ...` to see the traceback, and report it"
    )


def _exit_code(failures: list[ScanFailure]) -> int:
    """A bug's exit status when one photo met one, else that some input failed."""
    if any(f.exit_code == ExitCode.internal for f in failures):
        return ExitCode.internal
    return ExitCode.input_failed


def _internal_error(exc: Exception) -> NoReturn:
    """A bug in cardscan, not in the input or the options: say so in one line."""
    ctx = click.get_current_context(silent=True)
    shown = bool(ctx and ctx.find_root().params.get("verbose"))  # cardscan -v ...
    if shown:
        click.echo("".join(traceback.format_exception(exc)).rstrip(), err=True)
    what = " ".join(f"{type(exc).__name__}: {exc}".split())
    then = (
        "please report it with the traceback above"
        if shown
        else "run it again as `cardscan -v COMMAND ...` to see the traceback, and report it"
    )
    _fail(f"internal error ({what}); this is a bug in cardscan: {then}", ExitCode.internal)


class _NothingRead(Exception):
    """Raised inside the output's `with` so the atomic write is dropped."""


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _terminate_like_ctrl_c() -> None:
    """SIGTERM (a closed terminal, `kill`, a service manager) ends a batch like Ctrl-C:
    the half-written temporary file is removed and the old output stays as it was."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)


def _group(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Several click options applied as one decorator, in the order given."""

    def apply(func: F) -> F:
        for deco in reversed(decorators):
            func = deco(func)
        return func

    return apply


class _FormatChoice(click.Choice[str]):
    """--format: the values of export.Format (or some of them), and their aliases ("vcf")."""

    def __init__(self, formats: Iterable[str] = tuple(Format)) -> None:
        # the values, not the enum names; "VCARD" as well as "vcard"
        super().__init__([str(f) for f in formats], case_sensitive=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if isinstance(value, str):
            value = FORMAT_ALIASES.get(value.strip().lower(), value)
        return str(super().convert(value, param, ctx))


#: What --help says about the aliases, from the same table --format reads.
_ALIASES_HELP = ", ".join(f"{alias} = {fmt}" for alias, fmt in FORMAT_ALIASES.items())


def export_options(func: F) -> F:
    """Options of the written vCards (scan, batch), handed on as ``vcard: dict``."""

    @functools.wraps(func)
    def wrapper(
        *args: Any, vcard_version: str, vcard_review: bool, vcard_source: bool, **kwargs: Any
    ) -> Any:
        vcard = {"version": vcard_version, "review": vcard_review, "source": vcard_source}
        return func(*args, vcard=vcard, **kwargs)

    return _group(  # type: ignore[return-value]
        click.option(
            "--vcard-version",
            type=click.Choice(["3.0", "4.0"]),
            default="3.0",
            show_default=True,
            help="vCard version: 3.0 is read by every address book; 4.0 not by iOS/Android.",
        ),
        click.option(
            "--vcard-review",
            is_flag=True,
            help="Add 'cardscan: please check title' to the vCard's NOTE when fields were read "
            "with low confidence (off by default: the NOTE travels on into phones and address "
            "books; stderr and JSON always say it).",
        ),
        click.option(
            "--vcard-source",
            is_flag=True,
            help="Name the photo each vCard was read from (X-CARDSCAN-SOURCE, a path on this "
            "computer; off by default, batch --resume turns it on).",
        ),
    )(wrapper)


def _writer_options(fmt: str, vcard: dict[str, Any], *, single: bool = False) -> dict[str, Any]:
    """Keyword arguments of open_writer() for the chosen format."""
    if fmt == Format.vcard:
        return vcard
    return {"single": True} if fmt == Format.json and single else {}


def carddav_options(func: F) -> F:
    """--carddav URL and its login options (push, batch)."""
    return _group(
        click.option(
            "--carddav",
            metavar="URL",
            help="Address-book URL to upload the contacts to, e.g. "
            "https://HOST/remote.php/dav/addressbooks/users/USER/contacts/ (Nextcloud).",
        ),
        click.option("--username", help="Login for the CardDAV server."),
        click.option(
            "--password-env",
            metavar="VAR",
            help="Name of the environment variable that holds the password (preferred).",
        ),
        click.option(
            "--password", help="The password itself (visible to other users in the process list)."
        ),
    )(func)


def scan_options(func: F) -> F:
    """The options every scanning command shares, handed to it as one ``options: ScanOptions``."""

    @functools.wraps(func)
    def wrapper(
        *args: Any,
        lang: str,
        region: str,
        engine: str,
        debug_dir: Path | None,
        no_qr: bool,
        photo: str,
        **kwargs: Any,
    ) -> Any:
        try:
            options = _options(lang, region, engine, debug_dir, no_qr, photo)
        except ValueError as exc:  # ScanOptions' own checks (--lang, --photo)
            _fail(str(exc), ExitCode.usage)
        except CardscanError as exc:
            _fail(str(exc), int(exc.exit_code))
        return func(*args, options=options, **kwargs)

    return _group(  # type: ignore[return-value]
        click.option("--lang", default="deu+eng", show_default=True, help="Tesseract languages."),
        click.option(
            "--region",
            default="DE",
            show_default=True,
            help="Country for phone numbers printed without +CC (the card itself wins when it says).",
        ),
        click.option(
            "--engine",
            type=click.Choice(["auto", "tesserocr", "pytesseract"]),
            default="auto",
            show_default=True,
            help="OCR engine: tesserocr keeps Tesseract loaded (fast); pytesseract runs the CLI.",
        ),
        click.option(
            "--debug-dir",
            type=click.Path(file_okay=False, path_type=Path),
            help="Write each intermediate image here to see what went wrong.",
        ),
        click.option("--no-qr", is_flag=True, help="Ignore QR codes on the cards."),
        click.option(
            "--photo",
            type=click.Choice(["none", "card", "face"]),
            default="none",
            show_default=True,
            help="Embed a small JPEG (at most 512 px) in the vCard as PHOTO: card = the flattened "
            "card, face = the portrait printed on the card (no PHOTO when the card has none), "
            "none = no picture.",
        ),
    )(wrapper)


class _Date(click.DateTime):
    """A date option shown as YYYY-MM-DD in --help."""

    name = "date"

    def get_metavar(self, *args: Any, **kwargs: Any) -> str:
        return "YYYY-MM-DD"


_DATE = _Date(formats=["%Y-%m-%d"])
_DB = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Contact book file [default: $CARDSCAN_DB, else book.sqlite3 in the user data folder].",
)


def save_options(func: F) -> F:
    """Options that store the scanned contacts in the contact book."""
    return _group(
        click.option("--save", is_flag=True, help="Also store the contact in the contact book."),
        click.option("--event", help="Where you met (with --save), e.g. 'Hannover Messe 2026'."),
        click.option("--met-on", type=_DATE, help="Date you met, YYYY-MM-DD [default: today]."),
        click.option("--note", help="What you talked about (with --save)."),
        click.option("--tag", "tags", multiple=True, help="A keyword; repeat for more."),
        click.option(
            "--profile-url", "profile_urls", multiple=True, help="Their LinkedIn/Xing/web profile."
        ),
        click.option("--follow-up-by", type=_DATE, help="Remind me to follow up by YYYY-MM-DD."),
        _DB,
    )(func)


def _book_request(save: bool, db: Path | None, **encounter: Any) -> tuple[Path, Encounter] | None:
    """(book location, encounter template) for --save; refuses book options without --save."""
    given = [k.replace("_", "-") for k, v in encounter.items() if v]
    if not save:
        if given or db:
            raise click.UsageError(f"--{given[0] if given else 'db'} only works with --save")
        return None
    met_on, follow = encounter.pop("met_on"), encounter.pop("follow_up_by")
    try:  # checked before the scan, not when the first card is saved
        for url in encounter["profile_url"]:
            profile_from_url(url)
        template = Encounter(
            met_on=met_on.date() if met_on else date.today(),
            event=encounter["event"],
            notes=encounter["note"],
            tags=tuple(encounter["tags"]),
            follow_up_by=follow.date() if follow else None,
        )
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    return resolve_location(db), template


def _save(
    book: Book, template: Encounter, contact: Contact, photo: str, urls: Any, image: bytes | None
) -> None:
    encounter = dataclasses.replace(template, source=photo)
    image = image or card_thumbnail(Path(photo))
    outcome = book_match.save(book, contact, encounter, profile_urls=urls, image=image)
    click.echo(book_render.save_message(outcome, contact.display_name()), err=True)


def _options(
    lang: str, region: str, engine: str, debug_dir: Path | None, no_qr: bool, photo: str
) -> ScanOptions:
    if region.upper() not in phonenumbers.SUPPORTED_REGIONS:
        raise UsageError(
            f"--region {region}: not a country code phone numbers know; use e.g. DE, AT, CH, GB, US"
        )
    if debug_dir is not None:
        try:
            make_private_folder(debug_dir)  # the images show other people's cards
        except OSError as exc:
            raise OutputError(
                f"cannot create the debug folder {debug_dir}: {exc.strerror}; choose another"
            ) from exc
    return ScanOptions(
        lang=lang, region=region, engine=engine, debug_dir=debug_dir, qr=not no_qr, photo=photo
    )


def _format_for(fmt: str | None, output: Path | None, options: ScanOptions) -> str:
    """--format, else what -o's ending asks for, else vCard; warns when --photo has no place."""
    if fmt is None:
        fmt = format_of_file(output) or Format.vcard
    if options.photo != "none" and fmt != "vcard":
        click.echo(f"cardscan: --photo {options.photo} goes into vCards only, not {fmt}", err=True)
    return fmt


@contextlib.contextmanager
def _output(path: Path | None, previous: str = "") -> Iterator[TextIO]:
    """stdout, or -o's file (replaced atomically; a device or pipe written into, see files.py);
    ``previous`` is written first (--resume)."""
    if path is None or str(path) == "-":
        yield sys.stdout
    else:
        with output_file(path) as stream:
            stream.write(previous)
            yield stream


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cardscan")
@click.option(
    "-v", "--verbose", count=True, help="More detail on stderr (-vv: debug, with tracebacks)."
)
def main(verbose: int) -> None:
    """Turn photos of business cards into contacts (vCard, JSON, CSV)."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, format="cardscan: %(levelname)s: %(message)s", stream=sys.stderr
    )


@main.command()
@click.argument("photos", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=_FormatChoice(),
    default=None,
    help="vCard (for address books), a JSON record, CSV, or the CSV Google Contacts/Outlook "
    "import [default: from the ending of -o FILE (.vcf .json .jsonl .csv), else vcard; "
    f"also accepted: {_ALIASES_HELP}].",
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
    fmt = _format_for(fmt, output, options)
    request = _book_request(save, db, profile_url=profile_urls, **encounter)
    outcomes = read_files(Scanner(options), list(photos))
    results = [o for o in outcomes if isinstance(o, ScanResult) and not o.contact.is_empty()]
    empty = "no contact details were recognised"
    failures = [
        o if isinstance(o, ScanFailure) else ScanFailure(o.source, empty)
        for o in outcomes
        if not any(o is r for r in results)
    ]
    if not results:
        if len(outcomes) == 1 and isinstance(outcomes[0], ScanFailure):
            _fail(_failure_line(outcomes[0]), outcomes[0].exit_code)
        _fail(
            f"{' + '.join(display_name(p) for p in photos)}: no name, company, phone or e-mail "
            "was recognised; photograph the card closer, flat and in even light "
            "(--debug-dir shows what was seen)",
            ExitCode.input_failed,
        )
    writer_options = _writer_options(fmt, vcard, single=len(results) == 1)
    with _output(output) as stream, open_writer(Format(fmt), stream, **writer_options) as writer:
        for result in results:
            writer.write(result.contact)
    for result in results:
        for note in result.notes:
            click.echo(f"cardscan: {note}", err=True)
    if request:
        with Book(request[0]) as book:
            for result in results:
                photo = str(photos[0]) if len(results) == 1 else result.source
                _save(book, request[1], result.contact, photo, profile_urls, result.thumbnail)
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
        click.echo(f"cardscan: {_failure_line(failure)}", err=True)
    if failures:
        sys.exit(_exit_code(failures))


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
    type=_FormatChoice(),
    default=None,
    help="One .vcf with all contacts, JSON Lines (one record a line), a JSON array, or CSV "
    "[default: from the ending of -o FILE (.vcf .json .jsonl .csv), else vcard; "
    f"also accepted: {_ALIASES_HELP}].",
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
    fmt = _format_for(fmt, output, options)
    _terminate_like_ctrl_c()
    paths = find_images(folder, recursive=recursive)
    if not paths:
        _fail(_no_photos(folder, recursive), ExitCode.input_failed)
    previous = ""
    if resume:
        if output is None:
            raise UsageError("--resume needs -o FILE: the output of the run to continue")
        previous, already = done_sources(output, fmt)
        vcard = {**vcard, "source": True}  # what the next --resume needs to know
        left = [p for p in paths if display_name(p) not in already]
        done_before, paths = len(paths) - len(left), left
        click.echo(
            f"Resuming {output}: {_count(done_before, 'photo')} done, {len(paths)} to read.",
            err=True,
        )
        if not paths:
            return
    jobs = jobs or os.cpu_count() or 1
    # Check the address book before the long scan, not after it.
    client = _carddav_client(carddav, username, password, password_env) if carddav else None
    cards: list[str] = []
    request = _book_request(save, db, profile_url=profile_urls, **encounter)
    # Only this (parent) process writes to the book, in the order the cards arrive.
    book = Book(request[0]) if request else None
    found: list[Contact] = []
    checks: list[tuple[str, list[str]]] = []  # (photo, fields to check)
    failures: list[ScanFailure] = []
    count = 0
    todo = plan(paths, options)
    pictures: list[int] = []  # one entry per photo or PDF page read (the progress bar's steps)
    kept = False
    try:
        with (
            _output(output, previous) as stream,
            open_writer(Format(fmt), stream, **_writer_options(fmt, vcard)) as writer,
            click.progressbar(length=len(todo), label="Reading cards", file=sys.stderr) as bar,
        ):

            def step(n: int) -> None:
                pictures.append(n)
                bar.update(n)

            jobs = min(jobs, len(todo))
            for outcome in read_cards(
                todo, options, jobs=jobs, timeout=timeout, pairs=pairs, done=step
            ):
                count += 1
                for remark in outcome.notes if isinstance(outcome, ScanResult) else ():
                    click.echo(f"cardscan: {remark}", err=True)
                if isinstance(outcome, ScanResult) and not outcome.contact.is_empty():
                    writer.write(outcome.contact)
                    if client:  # 3.0: what CardDAV servers and Apple/Android expect
                        cards.append(to_vcard(outcome.contact, **{**vcard, "version": "3.0"}))
                    if book and request:
                        _save(
                            book, request[1], outcome.contact, outcome.source, profile_urls,
                            outcome.thumbnail,
                        )  # fmt: skip
                    if len(found) < TABLE_ROWS:
                        found.append(outcome.contact)
                    if outcome.contact.review():
                        checks.append((outcome.source, list(outcome.contact.review())))
                    continue
                if isinstance(outcome, ScanResult):
                    outcome = ScanFailure(outcome.source, "no contact details were recognised")
                failures.append(outcome)
                lead = "\n" if sys.stderr.isatty() else ""  # below the progress bar
                click.echo(f"{lead}cardscan: {_failure_line(outcome)}", err=True)
            if count == len(failures) and output is not None and output.exists():
                raise _NothingRead  # keep the old file rather than replace it with nothing
    except _NothingRead:
        kept = True
    except KeyboardInterrupt:
        _fail(
            f"interrupted after {len(pictures)} of {len(todo)} photos; "
            f"{output or 'the output'} was left as it was",
            ExitCode.interrupted,
        )
    finally:
        if book:
            book.close()
    done = count - len(failures)
    if output is not None and found:
        click.echo(who_was_found(found, done, output, display_name(folder)), err=True)
    where = f" -> {output}" if output and not kept else ""
    click.echo(
        f"Read {read_summary(len(todo), count)}: {_count(done, 'contact')} found, "
        f"{len(failures)} failed{where}",
        err=True,
    )
    if kept:
        click.echo(f"Nothing was read, so {output} was left as it was.", err=True)
    note = to_check(checks)
    if note:
        click.echo(note, err=True)
    for f in failures:  # again at the end: in a long batch the first report scrolled away
        click.echo(f"  failed: {failure_text(f)}", err=True)
    if client is not None and cards and any(r.status == "failed" for r in _push(client, cards)):
        sys.exit(ExitCode.carddav_failed)
    if failures:
        sys.exit(_exit_code(failures))


def _no_photos(folder: Path, recursive: bool) -> str:
    """Why a batch found nothing to read, and what to do when the photos are in subfolders."""
    message = f"no photos or PDFs (.jpg, .png, .heic, .pdf, ...) in {folder}"
    if recursive:
        return message + " or its subfolders"
    below = len(find_images(folder, recursive=True))
    if below:
        return (
            f"{message} itself, but {_count(below, 'photo')} in its subfolders: "
            "add --recursive (-r) to read them"
        )
    try:
        if any(p.is_dir() for p in folder.iterdir()):
            return message + ", nor in its subfolders"
    except OSError as exc:
        return f"cannot read the folder {folder}: {exc.strerror}; check its permissions"
    return message


def _carddav_client(
    url: str, username: str | None, password: str | None, password_env: str | None
) -> CarddavClient:
    """Build the client and make sure the address book is there before anything is uploaded."""
    if password is not None and password_env is not None:
        raise UsageError("give either --password or --password-env, not both")
    if password_env is not None:
        password = os.environ.get(password_env)
        if password is None:
            raise UsageError(
                f"the environment variable {password_env} is not set; "
                f"set it to the password (export {password_env}=...) or pass --password"
            )
    if password is not None and username is None:
        raise UsageError("a password needs --username as well")
    if username is not None and password is None:
        if not sys.stdin.isatty():
            raise UsageError(f"no password for {username}: pass --password-env VAR")
        password = click.prompt(f"Password for {username}", hide_input=True, err=True)
    client = CarddavClient(url, username=username, password=password)
    client.check()
    return client


def _push(client: CarddavClient, cards: list[str]) -> list[PushResult]:
    """Upload the cards, one line per failure and a summary on stderr."""
    results: list[PushResult] = []
    with click.progressbar(
        cards, label="Uploading contacts", file=sys.stderr, length=len(cards)
    ) as todo:
        for card in todo:
            results.append(client.push(card))
    counts = {s: sum(r.status == s for r in results) for s in ("created", "updated", "failed")}
    click.echo(
        f"Pushed {len(results)} contacts to {client.url}: {counts['created']} created, "
        f"{counts['updated']} updated, {counts['failed']} failed",
        err=True,
    )
    for r in results:
        if r.status == "failed":
            click.echo(f"  failed: {r.name or r.uid}: {r.reason}", err=True)
    return results


@main.command()
@click.argument("vcf", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@carddav_options
@handle_errors
def push(
    vcf: Path,
    carddav: str | None,
    username: str | None,
    password_env: str | None,
    password: str | None,
) -> None:
    """Upload the contacts of a .vcf file to a CardDAV address book, one resource per contact.

    A contact that is already there (same UID) is updated, not duplicated.
    """
    if not carddav:
        raise UsageError("push needs --carddav URL (the address book's URL)")
    try:
        text = vcf.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{vcf} is not UTF-8 text; save it as UTF-8 and try again") from exc
    except OSError as exc:
        raise InputError(f"cannot read {vcf}: {exc.strerror}") from exc
    cards = split_vcards(text, source=str(vcf))
    client = _carddav_client(carddav, username, password, password_env)
    if any(r.status == "failed" for r in _push(client, cards)):
        sys.exit(ExitCode.carddav_failed)


@main.command()
@click.argument("query", nargs=-1, required=True)
@_DB
@handle_errors
def who(query: tuple[str, ...], db: Path | None) -> None:
    """Who was that? Search the contact book by name, company, e-mail, event, notes or tags,
    or by a phone number (who called: "+49 341 4086755", "0341 4086755")."""
    if not " ".join(query).strip():
        raise UsageError("`cardscan who` needs something to look for, e.g. a name or an event")
    with Book(resolve_location(db), create=False) as book:
        hits = search(book.entries(), " ".join(query))
    if not hits:
        _fail(f"nobody in the contact book matches {' '.join(query)!r}", ExitCode.not_found)
    click.echo("\n\n".join(book_render.render_card(entry) for entry in hits))


@main.group()
def book() -> None:
    """The contact book: list, show, edit, export and forget saved contacts."""


@book.command("list")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--since", type=_DATE, help="Only contacts met on or after YYYY-MM-DD.")
@_DB
@handle_errors
def book_list(fmt: str, since: Any, db: Path | None) -> None:
    """Every saved contact with when you last met them and follow-ups."""
    with Book(resolve_location(db), create=False) as store:
        entries = store.entries(since=since.date() if since else None)
    if fmt == "json":
        click.echo(json.dumps([e.to_dict() for e in entries], ensure_ascii=False, indent=2))
    else:
        click.echo(book_render.render_table(entries))


@book.command("show")
@click.argument("contact_id", metavar="ID", type=int)
@_DB
@handle_errors
def book_show(contact_id: int, db: Path | None) -> None:
    """One contact with history, profile links and every encounter."""
    with Book(resolve_location(db), create=False) as store:
        click.echo(book_render.render_card(store.get(contact_id)))


@book.command("edit")
@click.argument("contact_id", metavar="ID", type=int)
@_DB
@handle_errors
def book_edit_cmd(contact_id: int, db: Path | None) -> None:
    """Edit a contact's fields in $VISUAL / $EDITOR (as JSON); changes are kept as history.

    Text that does not validate opens again with the error on top (on a terminal), or is kept
    in a file beside the book that the next `book edit ID` starts from: no edit is lost."""
    path = resolve_location(db)
    with Book(path, create=False) as store:
        saved = book_edit.editable_text(store.get(contact_id).contact)
    draft = book_edit.draft_path(path, contact_id)
    text = saved
    if draft.exists():
        text = draft.read_text(encoding="utf-8")
        click.echo(f"Opening your unsaved edit of #{contact_id} ({draft}).", err=True)
    contact = _edit_until_valid(text, saved, draft)
    if contact is None:
        click.echo("No changes; nothing was saved.", err=True)
        return
    with Book(path, create=False) as store:
        changes = book_match.replace_fields(store, contact_id, contact, date.today())
    draft.unlink(missing_ok=True)
    click.echo(f"Saved #{contact_id} ({len(changes)} field(s) kept in history).", err=True)


def _edit_until_valid(text: str, saved: str, draft: Path) -> Contact | None:
    """The edited contact, or None for no change; reopens the editor with the error on top
    while the person fixes it, and keeps the text in ``draft`` when they give up."""
    shown = text
    while True:
        after = _run_editor(shown)
        body = book_edit.without_error(after if after is not None else shown)
        if body == saved:
            draft.unlink(missing_ok=True)
            return None
        # On a terminal, while the person keeps changing it, the text opens again (below the
        # error); else it is kept in ``draft``.
        again = _interactive() and body != book_edit.without_error(shown)
        try:
            return book_edit.parse_edit(body, first_line=book_edit.HEADER_LINES + 1 if again else 1)
        except InvalidEditError as exc:
            if not again:
                write_private(draft, body.encode("utf-8"))
                exc.args = (
                    f"{exc}; nothing was saved, your text is kept in {draft}: "
                    "`cardscan book edit` opens it again to fix it (delete it to start over)",
                )
                raise
            shown = book_edit.with_error(body, str(exc), draft)


def _run_editor(text: str) -> str | None:
    """click.edit(), with what to do when there is no editor to run."""
    if not (os.environ.get("VISUAL") or os.environ.get("EDITOR") or _interactive()):
        raise MissingDependencyError(
            "`book edit` opens the contact in your text editor, and neither $VISUAL nor "
            "$EDITOR names one (nor is there a terminal to run one in): set it, e.g. "
            "`export EDITOR=nano`, or EDITOR='gedit --wait' for a window, and run it again"
        )
    try:
        return click.edit(text, extension=".json")
    except click.ClickException as exc:
        raise MissingDependencyError(
            f"the editor did not run ({exc.message}); nothing was saved: set $EDITOR to an "
            "editor you have, e.g. `export EDITOR=nano`"
        ) from exc


def _interactive() -> bool:
    """A person at a terminal, who can answer a question or use a terminal editor."""
    return sys.stdin is not None and sys.stdin.isatty()  # None: started with stdin closed


@book.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=_FormatChoice(BOOK_FORMATS),
    help="Default: what -o's ending asks for (.vcf, .jsonl, .csv), else vcard; "
    f"also accepted: {_ALIASES_HELP}.",
)
@_DB
@handle_errors
def book_export(output: Path | None, fmt: str | None, db: Path | None) -> None:
    """The whole book as vCard (encounters in NOTE, the card photo as PHOTO), JSON Lines, CSV,
    or the CSV that Google Contacts/Outlook import (encounters in Notes)."""
    if fmt is None:  # "-o all.csv" writes CSV, as scan and batch do
        fmt = format_of_file(output) or Format.vcard
        if fmt not in BOOK_FORMATS:
            raise UsageError(
                f"the book is exported as JSON Lines, not as {fmt}: use -o FILE.jsonl "
                "or --format jsonl"
            )
    with Book(resolve_location(db), create=False) as store:
        entries = store.entries()
        photos: dict[int, bytes] = {}
        for entry in entries if fmt == "vcard" else []:
            stored = store.images(entry.id) if entry.has_image else []
            photo = vcard_photo(stored[-1]) if stored else None
            if photo:
                photos[entry.id] = photo
    with _output(output) as stream, output_errors(stream):
        count = write_book(entries, fmt, stream, photos)
    click.echo(f"Exported {count} contacts{f' -> {output}' if output else ''}", err=True)


@book.command("forget")
@click.argument("contact_id", metavar="ID", type=int)
@click.option("--yes", is_flag=True, help="Really delete: there is no undo.")
@_DB
@handle_errors
def book_forget(contact_id: int, yes: bool, db: Path | None) -> None:
    """Delete a contact with encounters, history and card photos for good (right to erasure).

    Without --yes it asks first on a terminal, and refuses elsewhere."""
    with Book(resolve_location(db), create=False) as store:
        entry = store.get(contact_id)
        name = book_render.who_line(entry)
        if not yes:
            if not _interactive():
                raise UsageError(
                    f"this deletes #{contact_id} {name} for good; add --yes to confirm"
                )
            question = f"Forget #{contact_id} {name}, with every encounter and photo, for good?"
            if not click.confirm(question, default=False, err=True):
                click.echo("Nothing was deleted.", err=True)
                return
        store.forget(contact_id)
    click.echo(f"Forgot #{contact_id} {name}: nothing about them remains in the book.", err=True)


@main.command()
@click.argument("photos", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="[default: a free one]")
@click.option("--no-browser", is_flag=True, help="Only print the address; open no browser.")
@click.option("--lan", is_flag=True, help="Also let phones on this Wi-Fi upload photos.")
@_DB
@scan_options
@handle_errors
def review(
    photos: tuple[Path, ...],
    port: int,
    no_browser: bool,
    lan: bool,
    db: Path | None,
    options: ScanOptions,
) -> None:
    """Check and fix cards in the browser, each beside its fields; save them to the contact
    book and send them on. Reads PHOTOS (files or folders); without any, opens the book."""
    from cardscan.review import ReviewSettings, run_review

    settings = ReviewSettings(
        photos, resolve_location(db), options, port=port, lan=lan, open_browser=not no_browser
    )
    run_review(settings, announce=click.echo)
    click.echo("cardscan: review stopped", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
