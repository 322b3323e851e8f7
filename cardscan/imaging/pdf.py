"""PDF pages as pictures: count the pages, render one at 300 dpi, refuse what cannot be read.

PDFium (pypdfium2) renders the pages: its wheels bundle the library (no system packages,
unlike pdf2image's poppler), it is the renderer of Chromium, and it reads the JPEG-in-PDF
files that office scanners write. Nothing is rendered before the page count and each
page's size at 300 dpi have been checked against the limits, as load.py does for photos.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from cardscan.errors import ImageTooLargeError, PdfError
from cardscan.imaging.load import display_name
from cardscan.options import DEFAULT_MAX_PAGES, DEFAULT_MAX_PIXELS

log = logging.getLogger(__name__)

#: File endings read as PDF (case-insensitive).
PDF_SUFFIXES = frozenset({".pdf"})

#: Resolution pages are rendered at: a card's 7-8 pt print gets an x-height of about 15 px,
#: which is what Tesseract reads well; office scanners scan cards at 300 dpi too.
DPI = 300

#: PDF user space units per inch.
_POINTS = 72.0

#: Largest PDF read at all (bytes): a scan of 300 pages of cards is 50-150 MB.
MAX_FILE_BYTES = 1 << 30


def is_pdf(path: Path) -> bool:
    """Is this file to be read as a PDF (by its ending)?"""
    return path.suffix.lower() in PDF_SUFFIXES


def page_count(path: Path, *, max_pages: int = DEFAULT_MAX_PAGES) -> int:
    """The number of pages; raises PdfError (missing, encrypted, broken, too many pages)."""
    name = display_name(path)
    document = _open(path, name)
    try:
        count = len(document)
    finally:
        document.close()
    if count == 0:
        raise PdfError(f"{name}: the PDF has no pages; export it from the scanner again")
    if count > max_pages:
        raise PdfError(
            f"{name}: {count} pages are more than the limit of {max_pages} pages; "
            "split the PDF into smaller files (e.g. with qpdf --split-pages) and read those"
        )
    return count


def render_page(
    path: Path, number: int, *, dpi: int = DPI, max_pixels: int = DEFAULT_MAX_PIXELS
) -> np.ndarray:
    """Page ``number`` (1-based) as a BGR uint8 array at ``dpi``, as the page is shown
    (its /Rotate applied); refuses a page larger than ``max_pixels`` before rendering."""
    name = display_name(path)
    document = _open(path, name)
    try:
        if not 1 <= number <= len(document):
            raise PdfError(f"{name}: has no page {number} (it has {len(document)})")
        page = document[number - 1]
        try:
            width_pt, height_pt = page.get_size()
            width, height = (round(v / _POINTS * dpi) for v in (width_pt, height_pt))
            if width * height > max_pixels:
                raise ImageTooLargeError(
                    f"{name} page {number}: {width_pt / _POINTS * 25.4:.0f}x"
                    f"{height_pt / _POINTS * 25.4:.0f} mm is {width}x{height} pixels at {dpi} "
                    f"dpi, more than the limit of {max_pixels / 1e6:g} MP (a guard against "
                    "oversized pages); scan the cards on A4 or Letter pages"
                )
            if min(width, height) < 1:
                raise PdfError(f"{name} page {number}: the page has no area")
            bitmap = page.render(scale=dpi / _POINTS, may_draw_forms=False)
            try:
                image = np.array(bitmap.to_numpy(), dtype=np.uint8, copy=True)
            finally:
                bitmap.close()
        finally:
            page.close()
    except pdfium.PdfiumError as exc:
        raise PdfError(
            f"{name} page {number}: cannot be rendered ({exc}); export the PDF again"
        ) from None
    finally:
        document.close()
    log.debug("rendered %s page %d at %d dpi: %dx%d", name, number, dpi, width, height)
    return _to_bgr(image)


def _open(path: Path, name: str) -> pdfium.PdfDocument:
    """Open the PDF, turning each way it can fail into a PdfError a person can act on."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PdfError(f"{name}: no such file; check the path") from None
    except OSError as exc:
        raise PdfError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if size > MAX_FILE_BYTES:
        raise PdfError(
            f"{name}: {size / 2**20:.0f} MB is more than the limit of "
            f"{MAX_FILE_BYTES / 2**20:.0f} MB for a PDF; split it into smaller files"
        )
    try:
        return pdfium.PdfDocument(path)
    except PermissionError:
        raise PdfError(
            f"{name}: permission denied; make the file readable (chmod +r) and retry"
        ) from None
    except OSError as exc:
        raise PdfError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PdfError(
                f"{name}: the PDF is password-protected; save a copy without a password "
                "(open it and print to PDF) and read that"
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise PdfError(
                f"{name}: the PDF uses an encryption PDFium does not support; "
                "save a copy without protection and read that"
            ) from None
        raise PdfError(
            f"{name}: not a readable PDF (it is damaged or not a PDF at all); "
            "export or scan it again"
        ) from None


def _to_bgr(image: np.ndarray) -> np.ndarray:
    """PDFium's bitmap (BGR, BGRx or grey) as contiguous BGR."""
    if image.ndim == 2:
        return np.ascontiguousarray(np.repeat(image[:, :, None], 3, axis=2))
    return np.ascontiguousarray(image[:, :, :3])
