"""Scan options, built once at the edge (the CLI) and passed down explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

#: Largest image (width x height) that is decoded at all. Phone cameras write at most
#: 50 MP (48/50 MP sensors); a card needs far less. A 60000x60000 PNG "bomb" is a few
#: hundred bytes on disk but 10 GB once decoded, so the header is checked first.
DEFAULT_MAX_PIXELS = 50_000_000

#: Most pages of a PDF that are read: a stack of 300 cards scanned one per page. Each page
#: is rendered at 300 dpi (8.7 MP for A4) and read like a photo, about a second per card.
DEFAULT_MAX_PAGES = 300


#: Tesseract languages: German and English cards come first.
DEFAULT_LANG = "deu+eng"


@dataclass(frozen=True)
class ScanOptions:
    lang: str = DEFAULT_LANG  # cards from countries with other letters are read again (pipeline)
    region: str = "DE"  # phone region for national numbers when the card does not say
    engine: str = "auto"  # "tesserocr" (in-process, default when installed) or "pytesseract"
    debug_dir: Path | None = None  # write each intermediate image here
    max_pixels: int = DEFAULT_MAX_PIXELS
    max_pages: int = DEFAULT_MAX_PAGES  # pages of a PDF
    ocr_timeout: float = 60.0  # seconds per card for the subprocess engine
    qr: bool = True  # decode QR codes on the card and merge their data
    # vCard PHOTO: "card" = a small JPEG of the flattened card, "face" = the portrait printed
    # on the card (none when it has none), "none" = no picture
    photo: str = "none"
    # Longest side of the card picture for photo="card": 512 px suits a vCard PHOTO; the
    # review app asks for more so that the card can be zoomed beside its fields.
    photo_side: int = 512
    # Below this OCR confidence the upside-down reading is tried as well.
    flip_below: float = 0.80

    def __post_init__(self) -> None:
        if len(self.region) != 2 or not self.region.isalpha():
            raise ValueError(f"region {self.region!r} is not a two-letter country code like DE")
        if not self.lang or any(
            not part.isalnum() for part in self.lang.replace("_", "").split("+")
        ):
            raise ValueError(f"languages {self.lang!r} must look like deu+eng")
        if self.photo not in ("none", "card", "face"):
            raise ValueError(f"--photo must be card, face or none, not {self.photo!r}")
        object.__setattr__(self, "region", self.region.upper())
