"""The click options the commands share, each family turned into one typed value (ScanOptions,
the vCard options, the book's encounter, the CardDAV client) before the library is called."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import click
import phonenumbers

from cardscan.book import Encounter, resolve_location
from cardscan.book.links import profile_from_url
from cardscan.carddav import CarddavClient
from cardscan.cli.app import (
    F,
    fail,
    option_group,
)
from cardscan.errors import (
    CardscanError,
    ExitCode,
    OutputError,
    UsageError,
)
from cardscan.export import FORMAT_ALIASES, Format, format_of_file
from cardscan.files import make_private_folder
from cardscan.options import ScanOptions


class FormatChoice(click.Choice[str]):
    """--format: the values of export.Format (or some of them), and their aliases ("vcf")."""

    def __init__(self, formats: Iterable[str] = tuple(Format)) -> None:
        # the values, not the enum names; "VCARD" as well as "vcard"
        super().__init__([str(f) for f in formats], case_sensitive=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        if isinstance(value, str):
            value = FORMAT_ALIASES.get(value.strip().lower(), value)
        return str(super().convert(value, param, ctx))


ALIASES_HELP = ", ".join(f"{alias} = {fmt}" for alias, fmt in FORMAT_ALIASES.items())


def export_options(func: F) -> F:
    """Options of the written vCards (scan, batch), handed on as ``vcard: dict``."""

    @functools.wraps(func)
    def wrapper(
        *args: Any, vcard_version: str, vcard_review: bool, vcard_source: bool, **kwargs: Any
    ) -> Any:
        vcard = {"version": vcard_version, "review": vcard_review, "source": vcard_source}
        return func(*args, vcard=vcard, **kwargs)

    return option_group(  # type: ignore[return-value]
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


def writer_options(fmt: str, vcard: dict[str, Any], *, single: bool = False) -> dict[str, Any]:
    """Keyword arguments of open_writer() for the chosen format."""
    if fmt == Format.vcard:
        return vcard
    return {"single": True} if fmt == Format.json and single else {}


def carddav_options(func: F) -> F:
    """--carddav URL and its login options (push, batch)."""
    return option_group(
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
            options = scan_options_of(lang, region, engine, debug_dir, no_qr, photo)
        except ValueError as exc:  # ScanOptions' own checks (--lang, --photo)
            fail(str(exc), ExitCode.usage)
        except CardscanError as exc:
            fail(str(exc), int(exc.exit_code))
        return func(*args, options=options, **kwargs)

    return option_group(  # type: ignore[return-value]
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


class DateOption(click.DateTime):
    """A date option shown as YYYY-MM-DD in --help."""

    name = "date"

    def get_metavar(self, *args: Any, **kwargs: Any) -> str:
        return "YYYY-MM-DD"


DATE = DateOption(formats=["%Y-%m-%d"])


DB_OPTION = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Contact book file [default: $CARDSCAN_DB, else book.sqlite3 in the user data folder].",
)


def save_options(func: F) -> F:
    """Options that store the scanned contacts in the contact book."""
    return option_group(
        click.option("--save", is_flag=True, help="Also store the contact in the contact book."),
        click.option("--event", help="Where you met (with --save), e.g. 'Hannover Messe 2026'."),
        click.option("--met-on", type=DATE, help="Date you met, YYYY-MM-DD [default: today]."),
        click.option("--note", help="What you talked about (with --save)."),
        click.option("--tag", "tags", multiple=True, help="A keyword; repeat for more."),
        click.option(
            "--profile-url", "profile_urls", multiple=True, help="Their LinkedIn/Xing/web profile."
        ),
        click.option("--follow-up-by", type=DATE, help="Remind me to follow up by YYYY-MM-DD."),
        DB_OPTION,
    )(func)


def book_request(save: bool, db: Path | None, **encounter: Any) -> tuple[Path, Encounter] | None:
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


def scan_options_of(
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


def format_for(fmt: str | None, output: Path | None, options: ScanOptions) -> str:
    """--format, else what -o's ending asks for, else vCard; warns when --photo has no place."""
    if fmt is None:
        fmt = format_of_file(output) or Format.vcard
    if options.photo != "none" and fmt != "vcard":
        click.echo(f"cardscan: --photo {options.photo} goes into vCards only, not {fmt}", err=True)
    return fmt


def carddav_client(
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
