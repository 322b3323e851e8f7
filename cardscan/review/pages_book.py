"""Pages of the contact book: search as `who` does, edit, forget, and send (download, CardDAV)."""

from __future__ import annotations

import io
from dataclasses import replace
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from cardscan.book import Book, BookEntry
from cardscan.book.export import write_book
from cardscan.book.links import search_links
from cardscan.book.match import replace_fields
from cardscan.book.records import HISTORY_FIELDS
from cardscan.book.render import history_note, note_text
from cardscan.book.search import search
from cardscan.carddav import PushResult
from cardscan.errors import CarddavError, ContactNotFoundError
from cardscan.export import Format
from cardscan.export.vcard import to_vcard
from cardscan.imaging.photo import vcard_photo
from cardscan.model import PHONE_TYPES
from cardscan.review.forms import FormData, contact_values, parse_contact, submitted_values

if TYPE_CHECKING:
    from cardscan.review.session import Pages, Review

#: Downloads offered: the name in the URL -> (label, the export format it is written in).
EXPORTS: dict[str, tuple[str, Format]] = {
    "vcard3": ("vCard 3.0 (iPhone, Android, Google, Outlook)", Format.vcard),
    "vcard4": ("vCard 4.0 (Thunderbird, Nextcloud)", Format.vcard),
    Format.google_csv.value: ("Google Contacts CSV", Format.google_csv),
    Format.outlook_csv.value: ("Outlook CSV", Format.outlook_csv),
}


def vcards(book: Book, entries: list[BookEntry], version: str) -> list[str]:
    """One vCard per entry: encounters in NOTE, tags as CATEGORIES, the card photo as PHOTO."""
    cards = []
    for entry in entries:
        stored = book.images(entry.id) if entry.has_image else []
        photo = vcard_photo(stored[-1]) if stored else None
        tags = list(dict.fromkeys(t for e in entry.encounters for t in e.tags))
        contact = replace(entry.contact, photo=photo)
        cards.append(to_vcard(contact, version=version, note=note_text(entry), categories=tags))
    return cards


def export_text(book: Book, entries: list[BookEntry], fmt: str) -> str:
    if fmt in ("vcard3", "vcard4"):
        return "".join(vcards(book, entries, "3.0" if fmt == "vcard3" else "4.0"))
    stream = io.StringIO(newline="")
    write_book(entries, fmt, stream)
    return stream.getvalue()


def routes(review: Review, pages: Pages) -> list[BaseRoute]:
    def open_book() -> Book:
        return Book(review.book_path)

    def entry_or_404(book: Book, request: Request) -> BookEntry:
        try:
            return book.get(request.path_params["id"])
        except ContactNotFoundError:
            raise HTTPException(404) from None

    def chosen(book: Book, request: Request) -> list[BookEntry]:
        """All entries, or the one ``?id=`` (``id`` in the form) names."""
        wanted = request.query_params.get("id", "")
        entries = book.entries()
        if not wanted:
            return entries
        if not wanted.isdigit() or not any(e.id == int(wanted) for e in entries):
            raise HTTPException(404)
        return [e for e in entries if e.id == int(wanted)]

    async def book_page(request: Request) -> Response:
        query = request.query_params.get("q", "").strip()
        with open_book() as book:
            entries = book.entries()
        hits = search(entries, query) if query else entries
        return pages.render(
            request,
            "book.html",
            query=query,
            entries=hits,
            total=len(entries),
            today=review.today(),
            searches={e.id: search_links(e.contact) for e in hits},
        )

    def contact_page(
        request: Request, entry: BookEntry, status_code: int = 200, **context: object
    ) -> Response:
        context.setdefault("values", contact_values(entry.contact))
        context.setdefault("problems", {})
        notes = {name: history_note(entry.history_of(name)) for name in HISTORY_FIELDS}
        return pages.render(
            request,
            "contact.html",
            status_code=status_code,
            entry=entry,
            notes=notes,
            phone_types=PHONE_TYPES,
            today=review.today(),
            searches=search_links(entry.contact),
            **context,
        )

    async def show_contact(request: Request) -> Response:
        with open_book() as book:
            entry = entry_or_404(book, request)
        message = "Saved." if request.query_params.get("saved") else None
        return contact_page(request, entry, message=message)

    async def edit_contact(request: Request) -> Response:
        form: FormData = await request.form()
        with open_book() as book:
            entry = entry_or_404(book, request)
            contact, problems = parse_contact(form, entry.contact, region=review.region)
            if problems:
                values = submitted_values(form)
                return contact_page(request, entry, 422, values=values, problems=problems.by_field)
            replace_fields(book, entry.id, contact, review.today())
        return RedirectResponse(f"/book/{entry.id}?saved=1", status_code=303)

    async def book_image(request: Request) -> Response:
        with open_book() as book:
            entry = entry_or_404(book, request)
            stored = book.images(entry.id)
        if not stored:
            raise HTTPException(404)
        return Response(stored[-1], media_type="image/jpeg")

    async def confirm_forget(request: Request) -> Response:
        with open_book() as book:
            entry = entry_or_404(book, request)
        return pages.render(request, "forget.html", entry=entry)

    async def forget(request: Request) -> Response:
        with open_book() as book:
            entry = entry_or_404(book, request)
            book.forget(entry.id)  # VACUUM: a moment on a book of thousands
        name = entry.contact.display_name() or f"#{entry.id}"
        for item in review.stack.items():
            if item.saved_as == entry.id:
                review.stack.update(item.id, saved_as=None, saved=None, message=None)
        with open_book() as book:
            entries = book.entries()
        return pages.render(
            request,
            "book.html",
            query="",
            entries=entries,
            total=len(entries),
            today=review.today(),
            searches={e.id: search_links(e.contact) for e in entries},
            message=f"Forgot {name}: nothing about them remains in the book.",
        )

    async def send_page(request: Request) -> Response:
        with open_book() as book:
            entries = book.entries()
        return pages.render(request, "send.html", entries=entries, exports=EXPORTS, pushed=None)

    async def export(request: Request) -> Response:
        fmt = request.query_params.get("format", "vcard3")
        if fmt not in EXPORTS:
            raise HTTPException(404)
        with open_book() as book:
            entries = chosen(book, request)
            text = export_text(book, entries, fmt)
        written = EXPORTS[fmt][1]
        suffix, media = written.suffix, written.media_type
        one = request.query_params.get("id")
        filename = f"cardscan-contact-{one}{suffix}" if one else f"cardscan-contacts{suffix}"
        return Response(
            text.encode("utf-8"),
            media_type=f"{media}; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    async def push(request: Request) -> Response:
        form: FormData = await request.form()
        url = str(form.get("url") or "").strip()
        username = str(form.get("username") or "").strip() or None
        password = str(form.get("password") or "") or None  # used for this request only
        with open_book() as book:
            entries = book.entries()
            wanted = str(form.get("id") or "")
            if wanted.isdigit():
                entries = [e for e in entries if e.id == int(wanted)]
            cards = vcards(book, entries, "3.0")  # what CardDAV servers and phones expect
        pushed: list[PushResult] = []
        problem = None
        try:
            client = review.carddav(url, username, password)
            await run_in_threadpool(client.check)
            for card in cards:
                pushed.append(await run_in_threadpool(client.push, card))
        except CarddavError as exc:
            problem = str(exc)
        with open_book() as book:
            everyone = book.entries()
        return pages.render(
            request,
            "send.html",
            status_code=502 if problem else 200,
            entries=everyone,
            exports=EXPORTS,
            pushed=pushed,
            problem=problem,
            url=url,
            username=username or "",
        )

    return [
        Route("/book", book_page),
        Route("/book/{id:int}", show_contact),
        Route("/book/{id:int}", edit_contact, methods=["POST"]),
        Route("/book/{id:int}/image", book_image),
        Route("/book/{id:int}/forget", confirm_forget),
        Route("/book/{id:int}/forget", forget, methods=["POST"]),
        Route("/send", send_page),
        Route("/export", export),
        Route("/send/carddav", push, methods=["POST"]),
    ]
