"""The contact book: remembers who was met where and when, on top of the scan pipeline."""

from cardscan.book.records import BookEntry, Change, Encounter, SaveOutcome
from cardscan.book.store import Book, default_location, resolve_location

__all__ = [
    "Book",
    "BookEntry",
    "Change",
    "Encounter",
    "SaveOutcome",
    "default_location",
    "resolve_location",
]
