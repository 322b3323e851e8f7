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
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO, TypeVar

import click
import phonenumbers

from cardscan import __version__
from cardscan.batch import find_images, plan, read_cards
from cardscan.book import Book, Encounter, resolve_location
from cardscan.book import edit as book_edit
from cardscan.book import match as book_match
from cardscan.book import render as book_render
from cardscan.book.export import BOOK_FORMATS, write_book
from cardscan.book.image import card_thumbnail, vcard_photo
from cardscan.book.search import search
from cardscan.carddav import CarddavClient, PushResult, split_vcards
from cardscan.errors import CardscanError, ExitCode, InputError, OutputClosed
from cardscan.export import Format, open_writer
from cardscan.export.vcard import to_vcard
from cardscan.files import atomic_text_file
from cardscan.imaging.load import display_name
from cardscan.model import Contact
from cardscan.options import ScanOptions
from cardscan.pipeline import ScanFailure, Scanner, ScanResult
from cardscan.report import TABLE_ROWS, failure_text, read_summary, to_check, who_was_found
from cardscan.resume import done_sources
from cardscan.sheets import read_files

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"cardscan: error: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Expected failures become one line on stderr and an exit code, never a traceback."""

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
        except ValueError as exc:  # options that do not validate
            _fail(str(exc), ExitCode.usage)
        return None

    return wrapper  # type: ignore[return-value]


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


def export_options(func: F) -> F:
    """Options of the written file (scan, batch)."""
    return _group(
        click.option(
            "--vcard-version",
            type=click.Choice(["3.0", "4.0"]),
            default="3.0",
            show_default=True,
            help="vCard version: 3.0 is read by every address book; 4.0 not by iOS/Android.",
        ),
    )(func)


def _writer_options(fmt: str, vcard_version: str, *, single: bool = False) -> dict[str, Any]:
    """Keyword arguments of open_writer() for the chosen format."""
    if fmt == "vcard":
        return {"version": vcard_version}
    return {"single": True} if fmt == "json" and single else {}


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
        except ValueError as exc:
            _fail(str(exc), ExitCode.usage)
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
    return resolve_location(db), Encounter(
        met_on=met_on.date() if met_on else date.today(),
        event=encounter["event"],
        notes=encounter["note"],
        tags=tuple(encounter["tags"]),
        follow_up_by=follow.date() if follow else None,
    )


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
        raise ValueError(
            f"--region {region}: not a country code phone numbers know; use e.g. DE, AT, CH, GB, US"
        )
    if debug_dir is not None:
        debug_dir.mkdir(parents=True, exist_ok=True)
    return ScanOptions(
        lang=lang, region=region, engine=engine, debug_dir=debug_dir, qr=not no_qr, photo=photo
    )


# The format a file name asks for when --format is not given: "-o contacts.csv" writes CSV.
_FORMAT_BY_SUFFIX = {".vcf": "vcard", ".vcard": "vcard", ".json": "json", ".jsonl": "jsonl",
                     ".ndjson": "jsonl", ".csv": "csv"}  # fmt: skip


def _format_of_file(output: Path | None) -> str:
    """What -o's ending asks for ("contacts.csv": csv), else vCard."""
    suffix = output.suffix.lower() if output is not None and str(output) != "-" else ""
    return _FORMAT_BY_SUFFIX.get(suffix, "vcard")


def _format_for(fmt: str | None, output: Path | None, options: ScanOptions) -> str:
    """--format, else what -o's ending asks for, else vCard; warns when --photo has no place."""
    if fmt is None:
        fmt = _format_of_file(output)
    if options.photo != "none" and fmt != "vcard":
        click.echo(f"cardscan: --photo {options.photo} goes into vCards only, not {fmt}", err=True)
    return fmt


@contextlib.contextmanager
def _output(path: Path | None, previous: str = "") -> Iterator[TextIO]:
    """stdout, or a file replaced atomically; ``previous`` is written first (--resume)."""
    if path is None or str(path) == "-":
        yield sys.stdout
    else:
        with atomic_text_file(path) as stream:
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
    type=click.Choice(["vcard", "json", "jsonl", "csv", "google-csv", "outlook-csv"]),
    default=None,
    help="vCard (for address books), a JSON record, CSV, or the CSV Google Contacts/Outlook "
    "import [default: from the ending of -o FILE (.vcf .json .jsonl .csv), else vcard].",
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
    vcard_version: str,
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
            _fail(failure_text(outcomes[0]), outcomes[0].exit_code)
        _fail(
            f"{' + '.join(display_name(p) for p in photos)}: no name, company, phone or e-mail "
            "was recognised; photograph the card closer, flat and in even light "
            "(--debug-dir shows what was seen)",
            ExitCode.input_failed,
        )
    writer_options = _writer_options(fmt, vcard_version, single=len(results) == 1)
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
        click.echo(f"cardscan: {failure_text(failure)}", err=True)
    if failures:
        sys.exit(ExitCode.input_failed)


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
    type=click.Choice(["vcard", "jsonl", "json", "csv", "google-csv", "outlook-csv"]),
    default=None,
    help="One .vcf with all contacts, JSON Lines (one record a line), a JSON array, or CSV "
    "[default: from the ending of -o FILE (.vcf .json .jsonl .csv), else vcard].",
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
    help="Keep what -o FILE already holds and read only the photos not in it yet (vcard, jsonl).",
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
    vcard_version: str,
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
        _fail(
            f"no photos or PDFs (.jpg, .png, .heic, .pdf, ...) in {folder}", ExitCode.input_failed
        )
    previous = ""
    if resume:
        if output is None:
            raise ValueError("--resume needs -o FILE: the output of the run to continue")
        previous, already = done_sources(output, fmt)
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
            open_writer(Format(fmt), stream, **_writer_options(fmt, vcard_version)) as writer,
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
                        cards.append(to_vcard(outcome.contact, version="3.0"))
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
                click.echo(f"{lead}cardscan: {failure_text(outcome)}", err=True)
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
        click.echo(who_was_found(found, done), err=True)
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
        sys.exit(ExitCode.input_failed)


def _carddav_client(
    url: str, username: str | None, password: str | None, password_env: str | None
) -> CarddavClient:
    """Build the client and make sure the address book is there before anything is uploaded."""
    if password is not None and password_env is not None:
        raise ValueError("give either --password or --password-env, not both")
    if password_env is not None:
        password = os.environ.get(password_env)
        if password is None:
            raise ValueError(
                f"the environment variable {password_env} is not set; "
                f"set it to the password (export {password_env}=...) or pass --password"
            )
    if password is not None and username is None:
        raise ValueError("a password needs --username as well")
    if username is not None and password is None:
        if not sys.stdin.isatty():
            raise ValueError(f"no password for {username}: pass --password-env VAR")
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
        raise ValueError("push needs --carddav URL (the address book's URL)")
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
    with Book(resolve_location(db)) as book:
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
    with Book(resolve_location(db)) as store:
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
    with Book(resolve_location(db)) as store:
        click.echo(book_render.render_card(store.get(contact_id)))


@book.command("edit")
@click.argument("contact_id", metavar="ID", type=int)
@_DB
@handle_errors
def book_edit_cmd(contact_id: int, db: Path | None) -> None:
    """Edit a contact's fields in $VISUAL / $EDITOR (as JSON); changes are kept as history."""
    with Book(resolve_location(db)) as store:
        before = book_edit.editable_text(store.get(contact_id).contact)
        after = click.edit(before, extension=".json")
        if after is None or after == before:
            click.echo("No changes; nothing was saved.", err=True)
            return
        contact = book_edit.parse_edit(after)
        changes = book_match.replace_fields(store, contact_id, contact, date.today())
    click.echo(f"Saved #{contact_id} ({len(changes)} field(s) kept in history).", err=True)


@book.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(BOOK_FORMATS),
    help="Default: what -o's ending asks for (.vcf, .jsonl, .csv), else vcard.",
)
@_DB
@handle_errors
def book_export(output: Path | None, fmt: str | None, db: Path | None) -> None:
    """The whole book as vCard (encounters in NOTE, the card photo as PHOTO), JSON Lines, CSV,
    or the CSV that Google Contacts/Outlook import (encounters in Notes)."""
    if fmt is None:  # "-o all.csv" writes CSV, as scan and batch do
        fmt = _format_of_file(output)
        if fmt not in BOOK_FORMATS:
            _fail(
                f"the book is exported as JSON Lines, not as {fmt}: use -o FILE.jsonl "
                "or --format jsonl",
                ExitCode.usage,
            )
    with Book(resolve_location(db)) as store:
        entries = store.entries()
        photos: dict[int, bytes] = {}
        for entry in entries if fmt == "vcard" else []:
            stored = store.images(entry.id) if entry.has_image else []
            photo = vcard_photo(stored[-1]) if stored else None
            if photo:
                photos[entry.id] = photo
    with _output(output) as stream:
        count = write_book(entries, fmt, stream, photos)
    click.echo(f"Exported {count} contacts{f' -> {output}' if output else ''}", err=True)


@book.command("forget")
@click.argument("contact_id", metavar="ID", type=int)
@click.option("--yes", is_flag=True, help="Really delete: there is no undo.")
@_DB
@handle_errors
def book_forget(contact_id: int, yes: bool, db: Path | None) -> None:
    """Delete a contact with encounters, history and card photos for good (right to erasure)."""
    if not yes:
        _fail(
            f"this deletes contact #{contact_id} for good; add --yes to confirm",
            ExitCode.usage,
        )
    with Book(resolve_location(db)) as store:
        name = store.get(contact_id).contact.display_name()
        store.forget(contact_id)
    click.echo(f"Forgot #{contact_id} {name}: nothing about them remains in the book.", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
