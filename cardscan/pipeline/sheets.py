"""The pictures a file holds (a photo, or each page of a PDF) and reading every card on one.

A picture with one card reads as before: one outcome whose ``source`` is the file name.
A picture with several gives one outcome per card in reading order, named after the
picture and the card: ``page.jpg#3`` (third card of a photo), ``scan.pdf#2`` (the card on
page 2 of a PDF), ``scan.pdf#2.3`` (third card on page 2).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cardscan.errors import CardscanError, InputError, MissingDependencyError
from cardscan.imaging.cutout import cut_card, draw_layout
from cardscan.imaging.load import IMAGE_SUFFIXES, display_name, load_image
from cardscan.imaging.pages import PageLayout, find_cards
from cardscan.imaging.pdf import PDF_SUFFIXES, is_pdf, page_count, render_page
from cardscan.imaging.photo import jpeg_thumbnail
from cardscan.imaging.preprocess import write_debug_image
from cardscan.options import ScanOptions
from cardscan.pipeline.outcomes import Outcome, ScanFailure, ScanResult
from cardscan.pipeline.scanner import Scanner
from cardscan.pipeline.sides import merge_backs

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sheet:
    """One picture to read: a photo file, or one page (1-based) of a PDF."""

    path: Path
    page: int | None = None

    def __post_init__(self) -> None:
        if self.page is not None and self.page < 1:
            raise ValueError(f"PDF pages count from 1, not {self.page}")

    @property
    def name(self) -> str:
        """``photo.jpg``, or ``scan.pdf#2`` for page 2 of a PDF."""
        name = display_name(self.path)
        return name if self.page is None else f"{name}#{self.page}"

    def card_source(self, number: int | None) -> str:
        """The ``source`` of card ``number`` (1-based; None: the picture's only card)."""
        if number is None:
            return self.name
        return f"{self.name}.{number}" if self.page is not None else f"{self.name}#{number}"


def sheets_of(path: Path, options: ScanOptions) -> list[Sheet]:
    """The pictures of one file: the photo itself, or every page of a PDF (raises PdfError
    for a PDF that is encrypted, broken or longer than ``options.max_pages``)."""
    if not is_pdf(path):
        return [Sheet(path)]
    pages = page_count(path, max_pages=options.max_pages)
    return [Sheet(path, page) for page in range(1, pages + 1)]


#: File endings batch picks up (case-insensitive): photos (imaging.load's list) and PDFs.
INPUT_SUFFIXES = IMAGE_SUFFIXES | PDF_SUFFIXES


def find_images(folder: Path, *, recursive: bool = False) -> list[Path]:
    """Photo and PDF files in a folder, sorted by path so that output order is stable."""
    pattern = "**/*" if recursive else "*"
    found: list[Path] = []
    for p in folder.glob(pattern):
        if p.suffix.lower() in INPUT_SUFFIXES and not p.name.startswith("."):
            try:
                if p.is_dir():
                    continue
            except OSError:
                pass
            found.append(p)
    return sorted(found)


def plan(paths: Iterable[Path], options: ScanOptions) -> list[Sheet | ScanFailure]:
    """The pictures to read, in order: each photo, and each page of each PDF; a PDF that
    cannot be opened (encrypted, broken, too many pages) is a failure in its place."""
    todo: list[Sheet | ScanFailure] = []
    for path in paths:
        try:
            todo.extend(sheets_of(path, options))
        except CardscanError as exc:
            todo.append(ScanFailure(display_name(path), str(exc), int(exc.exit_code)))
    return todo


def load_sheet(sheet: Sheet, options: ScanOptions) -> np.ndarray:
    """The picture as a BGR array: the photo, or the PDF page rendered at 300 dpi."""
    if sheet.page is None:
        return load_image(sheet.path, max_pixels=options.max_pixels)
    return render_page(sheet.path, sheet.page, max_pixels=options.max_pixels)


def read_files(scanner: Scanner, paths: list[Path]) -> list[Outcome]:
    """``cardscan scan``: every card of one photo or PDF (back sides merged into the card
    before them), or one card from several photos of it (front and back, merged)."""
    if len(paths) > 1:
        pdfs = [display_name(p) for p in paths if is_pdf(p)]
        if pdfs:
            raise InputError(
                f"{pdfs[0]}: a PDF is read on its own; scan it alone, or put the files in a "
                "folder for `cardscan batch`"
            )
        return [scanner.scan(paths)]
    outcomes = [
        o for sheet in sheets_of(paths[0], scanner.options) for o in read_sheet(scanner, sheet)
    ]
    return list(merge_backs(outcomes))


@dataclass(frozen=True)
class Piece:
    """One card of a picture, ready to be read like a photo of it alone."""

    number: int | None  # its place in reading order; None: the picture's only card
    image: np.ndarray  # BGR: the card with a margin, or the whole picture
    quad: np.ndarray | None  # where it lies in the picture (rough); None: the whole picture


def read_sheet(scanner: Scanner, sheet: Sheet) -> list[Outcome]:
    """Every card on the picture, one outcome each; a picture that cannot be loaded gives
    one ScanFailure, a card that cannot be read one for that card. A blank PDF page (the
    empty back of a duplex scan) gives none."""
    try:
        return read_picture(scanner, sheet, load_sheet(sheet, scanner.options))
    except MissingDependencyError:
        raise
    except CardscanError as exc:
        return [ScanFailure(sheet.name, str(exc), int(exc.exit_code))]
    except Exception as exc:  # a bug must not cost the rest of the batch
        return [ScanFailure.of_bug(sheet.name, exc)]


def read_picture(scanner: Scanner, sheet: Sheet, image: np.ndarray) -> list[Outcome]:
    """read_sheet() for a picture already loaded."""
    layout = find_cards(image)
    prefix = _debug_prefix(sheet)
    if scanner.options.debug_dir is not None:
        drawn = draw_layout(image, layout)
        write_debug_image(scanner.options.debug_dir, prefix + "00-cards", drawn)
    return [_read(scanner, sheet, piece, prefix) for piece in pieces(sheet, image, layout)]


def pieces(sheet: Sheet, image: np.ndarray, layout: PageLayout) -> list[Piece]:
    """The cards to read on a picture, as the page finder laid them out.

    A photo that does not hold several cards is read whole, as before; a PDF page with one
    card is cut to it (a card is a small part of an A4 scan); a blank PDF page has none.
    """
    if sheet.page is not None and layout.blank:
        log.info("%s: blank page, skipped", sheet.name)
        return []
    if not layout.several and (sheet.page is None or not layout.regions):
        return [Piece(None, image, None)]
    numbered = layout.several
    return [
        Piece(index + 1 if numbered else None, cut_card(image, layout, index), region.quad)
        for index, region in enumerate(layout.regions)
    ]


def _read(scanner: Scanner, sheet: Sheet, piece: Piece, prefix: str) -> Outcome:
    """One card as a ScanResult, or a ScanFailure naming it (the other cards go on)."""
    source = sheet.card_source(piece.number)
    if piece.number is not None:
        prefix = f"{prefix}{piece.number}-"
    start = time.perf_counter()
    try:
        contact, confidence = scanner.scan_image(piece.image, source=source, debug_prefix=prefix)
    except MissingDependencyError:
        raise
    except CardscanError as exc:
        return ScanFailure(source, str(exc), int(exc.exit_code))
    except Exception as exc:  # a bug must not cost the other cards
        return ScanFailure.of_bug(source, exc)
    warnings = () if not contact.is_empty() else ("no contact details were recognised",)
    cut = piece.quad is not None or sheet.page is not None
    return ScanResult(
        source=source,
        contact=contact,
        seconds=time.perf_counter() - start,
        ocr_confidence=confidence,
        warnings=warnings,
        thumbnail=jpeg_thumbnail(piece.image) if cut else None,
    )


def _debug_prefix(sheet: Sheet) -> str:
    stem = Path(display_name(sheet.path)).stem
    return f"{stem}-" if sheet.page is None else f"{stem}-p{sheet.page}-"
