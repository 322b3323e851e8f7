"""What reading one card gives: a ScanResult (the contact and how sure we are) or a
ScanFailure (why not, and the exit status it calls for)."""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass, field

from cardscan.errors import ExitCode
from cardscan.model import Contact

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ScanResult:
    source: str
    contact: Contact
    seconds: float
    ocr_confidence: float
    warnings: tuple[str, ...] = field(default=())
    # What the person should hear about this card ("back side merged into ...").
    notes: tuple[str, ...] = field(default=())
    # A small JPEG of the card when it was cut from a larger picture (a page of several
    # cards, a PDF page): the contact book keeps it. None: the photo file shows the card.
    thumbnail: bytes | None = field(default=None, repr=False)

    ok: bool = field(default=True, init=False)


@dataclass(frozen=True)
class ScanFailure:
    source: str
    reason: str
    exit_code: int = ExitCode.input_failed
    #: For a bug (exit_code ExitCode.internal): the traceback, shown by `cardscan -v`.
    details: str = ""

    ok: bool = field(default=False, init=False)

    @classmethod
    def of_bug(cls, source: str, exc: Exception) -> ScanFailure:
        """A photo that met a bug in cardscan: the rest of a batch goes on, the bug is told."""
        log.info("unexpected error on %s", source, exc_info=exc)
        what = " ".join(f"{type(exc).__name__}: {exc}".split())
        details = "".join(traceback.format_exception(exc)).rstrip()
        return cls(source, f"internal error ({what})", ExitCode.internal, details)


Outcome = ScanResult | ScanFailure
