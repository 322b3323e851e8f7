"""The one exception hierarchy of cardscan; each class carries the exit code the CLI returns.

    CardscanError                     exit 1 unless a subclass says otherwise
    +-- InputError (also ValueError)  a photo that cannot be used        -> exit 1
    |   +-- UnreadableImageError      not an image, truncated, no permission
    |   +-- ImageTooLargeError        more pixels than the documented limit (a photo, a PDF page)
    |   +-- PdfError                  a PDF that is encrypted, broken or has too many pages
    +-- OcrError                      Tesseract failed or timed out on one card -> exit 1
    +-- UsageError                    options that do not fit together    -> exit 2
    +-- OutputError                   the output file cannot be written   -> exit 4
    +-- MissingDependencyError        Tesseract, a language pack or an editor missing -> exit 3
    +-- CarddavError                  the address-book server refused or did not answer -> exit 7
    +-- BookError                     the contact book cannot be opened or written -> exit 5
        +-- ContactNotFoundError      no contact with that ID in the book -> exit 6
        +-- NoBookError               no book at all where it was looked for -> exit 6
        +-- InvalidEditError (also ValueError)  an edited record that does not validate -> exit 2

Messages are written for the person at the keyboard: they name the file and say what to do.
Anything else that escapes a command (a ``ValueError`` from a bug, say) is not one of these:
the CLI reports it as an internal error, exit 70, with the traceback under ``-v``.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    ok = 0
    input_failed = 1  # some (or all) inputs could not be read; the others were still written
    usage = 2  # click's own code for bad options
    missing_dependency = 3  # Tesseract or a language pack is not installed
    output_failed = 4  # the output file could not be written
    book_failed = 5  # the contact book (SQLite file) cannot be opened or written
    not_found = 6  # no contact with that ID in the contact book
    carddav_failed = 7  # the CardDAV server refused the contacts or could not be reached
    # A bug in cardscan, not a problem of the input or the options. 70 is EX_SOFTWARE of
    # BSD's sysexits.h ("internal software error"), far from the codes above, so scripts can
    # tell "report this" apart from "fix the input".
    internal = 70
    interrupted = 130  # Ctrl-C


class CardscanError(Exception):
    exit_code: ExitCode = ExitCode.input_failed


class InputError(CardscanError, ValueError):
    """A photo that cannot be turned into a contact."""


class UnreadableImageError(InputError):
    pass


class ImageTooLargeError(InputError):
    pass


class PdfError(InputError):
    """A PDF that cannot be read: password-protected, damaged, or more pages than the limit."""


class OcrError(CardscanError):
    pass


class UsageError(CardscanError):
    """Options that do not validate or do not fit together (click checks the rest)."""

    exit_code = ExitCode.usage


class OutputError(CardscanError):
    exit_code = ExitCode.output_failed


class OutputClosed(OutputError):
    """The reader of standard output stopped reading (``cardscan batch ... | head``)."""


class MissingDependencyError(CardscanError):
    exit_code = ExitCode.missing_dependency


class BookError(CardscanError):
    """The contact book cannot be opened, migrated or written."""

    exit_code = ExitCode.book_failed


class ContactNotFoundError(BookError):
    exit_code = ExitCode.not_found


class NoBookError(BookError):
    """A command that only reads the book was pointed at a book that does not exist."""

    exit_code = ExitCode.not_found


class InvalidEditError(BookError, ValueError):
    """An edited contact record that does not validate; nothing was saved."""

    exit_code = ExitCode.usage


class CarddavError(CardscanError):
    """The CardDAV server refused us (credentials, wrong URL) or could not be reached."""

    exit_code = ExitCode.carddav_failed
