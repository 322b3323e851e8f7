"""`cardscan review`: check and fix a stack of cards in the browser, the card beside its fields.

server.py      sockets (127.0.0.1, and the LAN address with --lan), start and stop
app.py         the Starlette application, templates and static files
security.py    tokens, cookies, CSRF, allowed hosts, Content-Security-Policy
pages_stack.py the stack, uploads, one card beside its fields, saving, the phone's page
pages_book.py  the contact book: search, edit, forget, downloads, CardDAV
forms.py       form values <-> Contact and Encounter; checks.py: fields to check
service.py     reads photos in the background (batch.scan_many); state.py: the stack
photos.py      given photos and the private upload folder
"""

from cardscan.review.server import ReviewSettings, run_review

__all__ = ["ReviewSettings", "run_review"]
