"""Pages of the stack: every card read so far, uploads, one card beside its fields, saving it,
and the phone's capture page (the only one the --lan token opens)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from cardscan.book import Book
from cardscan.book.links import search_links
from cardscan.book.match import find_match, save
from cardscan.book.render import save_message
from cardscan.errors import InputError
from cardscan.imaging.photo import vcard_photo
from cardscan.model import PHONE_TYPES
from cardscan.review.checks import field_checks, marks
from cardscan.review.forms import (
    FormData,
    contact_values,
    encounter_values,
    parse_contact,
    parse_encounter,
    submitted_values,
)
from cardscan.review.photos import MAX_FILES, MAX_REQUEST_BYTES, MAX_UPLOAD_BYTES, upload_name
from cardscan.review.state import CardItem, Origin

if TYPE_CHECKING:
    from cardscan.review.session import Pages, Review

Endpoint = Callable[[Request], Awaitable[Response]]


def met_text(book: Book, contact_id: int) -> str:
    """ "met at Hannover Messe on 2026-03-01" for the latest encounter, or ""."""
    entry = book.get(contact_id)
    if not entry.encounters:
        return ""
    last = entry.encounters[-1]
    where = f" at {last.event}" if last.event else ""
    return f"met{where} on {last.met_on.isoformat()}"


def routes(review: Review, pages: Pages) -> list[BaseRoute]:
    stack = review.stack

    def item_or_404(request: Request, origin: Origin | None = None) -> CardItem:
        item = stack.get(request.path_params["id"])
        if item is None or (origin is not None and item.origin != origin):
            raise HTTPException(404)
        return item

    def listing(origin: Origin | None) -> dict[str, Any]:
        items = stack.items(origin)
        done, total = sum(i.finished for i in items), len(items)
        return {
            "items": items,
            "marks": {i.id: [] if i.saved else marks(i.contact) for i in items},
            "done": done,
            "total": total,
            "version": stack.version,
        }

    async def stack_page(request: Request) -> Response:
        return pages.render(request, "stack.html", **listing(None))

    async def stack_list(request: Request) -> Response:
        return pages.render(request, "_stack_list.html", **listing(None))

    async def progress(request: Request) -> Response:
        done, total = stack.progress()
        return JSONResponse({"done": done, "total": total, "version": stack.version})

    async def receive(request: Request, origin: Origin) -> list[int]:
        """Keep the uploaded photos and hand them to the readers; returns their ids."""
        length = request.headers.get("content-length")
        if length is None or not length.isdigit():
            raise HTTPException(411, "send the photos as a form upload")
        if int(length) > MAX_REQUEST_BYTES:
            raise HTTPException(413, "too much at once; send fewer photos")
        ids = []
        async with request.form(max_files=MAX_FILES, max_fields=10) as form:
            for upload in form.getlist("photos"):
                if not isinstance(upload, UploadFile):
                    continue
                name = upload_name(upload.filename)
                data = await upload.read(MAX_UPLOAD_BYTES + 1)
                try:
                    path = await run_in_threadpool(review.uploads.keep, data, name)
                except InputError as exc:
                    reason = _without_name(str(exc), name)
                    stack.add(name, review.uploads.path, origin, status="failed", reason=reason)
                    continue
                ids.append(stack.add(name, path, origin).id)
        review.service.submit(ids)
        return ids

    async def upload(request: Request, origin: Origin, back: str) -> Response:
        ids = await receive(request, origin)
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"ids": ids})
        return RedirectResponse(back, status_code=303)

    async def upload_full(request: Request) -> Response:
        return await upload(request, "upload", "/")

    async def upload_lan(request: Request) -> Response:
        return await upload(request, "lan", "/capture")

    def image(kind: str, origin: Origin | None = None) -> Endpoint:
        async def serve(request: Request) -> Response:
            item = item_or_404(request, origin)
            data = item.card_jpeg if kind == "card" else item.thumb_jpeg
            if data is None:
                raise HTTPException(404)
            return Response(data, media_type="image/jpeg")

        return serve

    def card_context(
        item: CardItem, values: dict[str, object], encounter: dict[str, str]
    ) -> dict[str, Any]:
        assert item.contact is not None
        known = None
        with Book(review.book_path) as book:
            found = None if item.saved else find_match(book, item.contact)
            if found:
                known = {"id": found[0], "met": met_text(book, found[0]), "how": found[1]}
        items = [i for i in stack.items() if i.status == "done"]
        position = next((n for n, i in enumerate(items, 1) if i.id == item.id), 0)
        return {
            "item": item,
            "values": values,
            "encounter": encounter,
            "checks": [] if item.saved else field_checks(item.contact),
            "known": known,
            "searches": search_links(item.contact),
            "phone_types": PHONE_TYPES,
            "position": position,
            "count": len(items),
            "next": stack.next_after(item.id),
        }

    async def card_page(request: Request) -> Response:
        item = item_or_404(request)
        if item.contact is None:
            return pages.render(request, "pending.html", item=item)
        values = contact_values(item.saved or item.contact)
        context = card_context(item, values, encounter_values(None, review.today()))
        saved = request.query_params.get("saved", "")
        done = stack.get(int(saved)) if saved.isdigit() else None
        message = done.message if done else item.message
        return pages.render(request, "card.html", problems={}, message=message, **context)

    async def save_card(request: Request) -> Response:
        item = item_or_404(request)
        if item.contact is None:
            raise HTTPException(409, "this card has not been read yet")
        form: FormData = await request.form()
        contact, problems = parse_contact(form, item.contact, region=review.region)
        encounter, urls, more = parse_encounter(form, source=item.name, today=review.today())
        problems.by_field.update(more.by_field)
        if problems:
            context = card_context(
                item, submitted_values(form), encounter_values(form, review.today())
            )
            return pages.render(
                request, "card.html", status_code=422, problems=problems.by_field, **context
            )
        image = vcard_photo(item.card_jpeg) if item.card_jpeg else None
        with Book(review.book_path) as book:
            found = find_match(book, contact)
            before = met_text(book, found[0]) if found else ""
            outcome = save(book, contact, encounter, profile_urls=urls, image=image)
        text = save_message(outcome, contact.display_name())
        if before:
            text = f"{contact.display_name()} was already in your book: {before}.\n{text}"
        stack.update(item.id, saved_as=outcome.contact_id, message=text, saved=contact)
        following = stack.next_after(item.id)
        if form.get("next") and following is not None:
            return RedirectResponse(f"/card/{following.id}?saved={item.id}", status_code=303)
        return RedirectResponse(f"/card/{item.id}", status_code=303)

    async def capture_page(request: Request) -> Response:
        return pages.render(request, "capture.html", **listing("lan"))

    async def capture_list(request: Request) -> Response:
        return pages.render(request, "_capture_list.html", **listing("lan"))

    return [
        Route("/", stack_page),
        Route("/stack/list", stack_list),
        Route("/progress", progress),
        Route("/upload", upload_full, methods=["POST"]),
        Route("/card/{id:int}", card_page),
        Route("/card/{id:int}/save", save_card, methods=["POST"]),
        Route("/card/{id:int}/image", image("card")),
        Route("/card/{id:int}/thumb", image("thumb")),
        Route("/capture", capture_page),
        Route("/capture/list", capture_list),
        Route("/capture/upload", upload_lan, methods=["POST"]),
        Route("/capture/{id:int}/thumb", image("thumb", "lan")),
    ]


def _without_name(reason: str, name: str) -> str:
    """The loader's message without the file name in front (the page shows it already)."""
    return reason[len(name) + 1 :].strip() if reason.startswith(name + ":") else reason
