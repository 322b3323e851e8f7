"""`cardscan who` and `cardscan book ...`: search, list, show, edit, export and forget the
contacts saved in the contact book."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import click

from cardscan.book import Book, resolve_location
from cardscan.book import edit as book_edit
from cardscan.book import match as book_match
from cardscan.book import render as book_render
from cardscan.book.export import BOOK_FORMATS, write_book
from cardscan.book.search import search
from cardscan.cli.app import (
    fail,
    handle_errors,
    interactive,
    main,
    output_stream,
)
from cardscan.cli.options import (
    ALIASES_HELP,
    DATE,
    DB_OPTION,
    FormatChoice,
)
from cardscan.errors import (
    ExitCode,
    InvalidEditError,
    MissingDependencyError,
    UsageError,
)
from cardscan.export import Format, format_of_file
from cardscan.export.base import output_errors
from cardscan.files import write_private
from cardscan.imaging.photo import vcard_photo
from cardscan.model import Contact


@main.command()
@click.argument("query", nargs=-1, required=True)
@DB_OPTION
@handle_errors
def who(query: tuple[str, ...], db: Path | None) -> None:
    """Who was that? Search the contact book by name, company, e-mail, event, notes or tags,
    or by a phone number (who called: "+49 341 4086755", "0341 4086755")."""
    if not " ".join(query).strip():
        raise UsageError("`cardscan who` needs something to look for, e.g. a name or an event")
    with Book(resolve_location(db), create=False) as book:
        hits = search(book.entries(), " ".join(query))
    if not hits:
        fail(f"nobody in the contact book matches {' '.join(query)!r}", ExitCode.not_found)
    click.echo("\n\n".join(book_render.render_card(entry) for entry in hits))


@main.group()
def book() -> None:
    """The contact book: list, show, edit, export and forget saved contacts."""


@book.command("list")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@click.option("--since", type=DATE, help="Only contacts met on or after YYYY-MM-DD.")
@DB_OPTION
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
@DB_OPTION
@handle_errors
def book_show(contact_id: int, db: Path | None) -> None:
    """One contact with history, profile links and every encounter."""
    with Book(resolve_location(db), create=False) as store:
        click.echo(book_render.render_card(store.get(contact_id)))


@book.command("edit")
@click.argument("contact_id", metavar="ID", type=int)
@DB_OPTION
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
        again = interactive() and body != book_edit.without_error(shown)
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
    if not (os.environ.get("VISUAL") or os.environ.get("EDITOR") or interactive()):
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


@book.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=FormatChoice(BOOK_FORMATS),
    help="Default: what -o's ending asks for (.vcf, .jsonl, .csv), else vcard; "
    f"also accepted: {ALIASES_HELP}.",
)
@DB_OPTION
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
    with output_stream(output) as stream, output_errors(stream):
        count = write_book(entries, fmt, stream, photos)
    click.echo(f"Exported {count} contacts{f' -> {output}' if output else ''}", err=True)


@book.command("forget")
@click.argument("contact_id", metavar="ID", type=int)
@click.option("--yes", is_flag=True, help="Really delete: there is no undo.")
@DB_OPTION
@handle_errors
def book_forget(contact_id: int, yes: bool, db: Path | None) -> None:
    """Delete a contact with encounters, history and card photos for good (right to erasure).

    Without --yes it asks first on a terminal, and refuses elsewhere."""
    with Book(resolve_location(db), create=False) as store:
        entry = store.get(contact_id)
        name = book_render.who_line(entry)
        if not yes:
            if not interactive():
                raise UsageError(
                    f"this deletes #{contact_id} {name} for good; add --yes to confirm"
                )
            question = f"Forget #{contact_id} {name}, with every encounter and photo, for good?"
            if not click.confirm(question, default=False, err=True):
                click.echo("Nothing was deleted.", err=True)
                return
        store.forget(contact_id)
    click.echo(f"Forgot #{contact_id} {name}: nothing about them remains in the book.", err=True)
