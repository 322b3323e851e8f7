"""PDF input (imaging/pdf.py, sheets.py): pages, limits, and a clear error for bad PDFs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfWriter

from cardscan.cli import main
from cardscan.errors import ImageTooLargeError, PdfError
from cardscan.imaging.pdf import page_count, render_page
from cardscan.options import ScanOptions
from cardscan.pipeline import ScanFailure
from cardscan.pipeline.sheets import Sheet, find_images, plan, sheets_of

A4_300DPI = (2480, 3508)


def write_pdf(path: Path, pages: int = 1, size: tuple[int, int] = (1240, 1754), dpi=150) -> Path:
    """Grey pages, each with a dark square in its top-left quarter, at ``dpi``."""
    images = []
    for _ in range(pages):
        array = np.full((size[1], size[0], 3), 230, np.uint8)
        array[size[1] // 8 : size[1] // 4, size[0] // 8 : size[0] // 4] = 20
        images.append(Image.fromarray(array))
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def test_a4_page_is_rendered_at_300_dpi(tmp_path):
    pdf = write_pdf(tmp_path / "scan.pdf", pages=2)  # A4 at 150 dpi
    assert page_count(pdf) == 2
    image = render_page(pdf, 2)
    assert image.shape[2] == 3 and image.dtype == np.uint8
    assert abs(image.shape[0] - A4_300DPI[1]) <= 1 and abs(image.shape[1] - A4_300DPI[0]) <= 1
    # The dark square is where it was drawn: the page is upright and in BGR order.
    assert image[A4_300DPI[1] // 6, A4_300DPI[0] // 6].max() < 60
    assert image[A4_300DPI[1] // 2, A4_300DPI[0] // 2].min() > 200


def test_a_rotated_page_is_rendered_as_it_is_shown(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)  # A4 portrait, in points
    writer.pages[0].rotate(90)
    path = tmp_path / "turned.pdf"
    writer.write(path)
    height, width = render_page(path, 1).shape[:2]
    assert abs(height - A4_300DPI[0]) <= 1 and abs(width - A4_300DPI[1]) <= 1  # landscape


def test_password_protected_pdf_says_so(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("geheim", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    with pytest.raises(PdfError, match=r"locked\.pdf: the PDF is password-protected; save a copy"):
        page_count(path)


@pytest.mark.parametrize("data", [b"%PDF-1.4\n garbage", b"not a pdf at all", b""])
def test_broken_pdf_says_so(tmp_path, data):
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(PdfError, match=r"broken\.pdf: not a readable PDF"):
        page_count(path)


def test_missing_pdf(tmp_path):
    with pytest.raises(PdfError, match="no such file"):
        page_count(tmp_path / "nowhere.pdf")


def test_too_many_pages_are_refused_before_rendering(tmp_path):
    pdf = write_pdf(tmp_path / "long.pdf", pages=3, size=(200, 300))
    with pytest.raises(PdfError, match="3 pages are more than the limit of 2 pages; split"):
        page_count(pdf, max_pages=2)
    with pytest.raises(PdfError, match="more than the limit"):
        sheets_of(pdf, ScanOptions(max_pages=2))


def test_a_page_too_large_at_300_dpi_is_refused_before_rendering(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(2384, 3370)  # A0 in points: 139 MP at 300 dpi
    path = tmp_path / "poster.pdf"
    writer.write(path)
    with pytest.raises(ImageTooLargeError, match=r"page 1: 841x1189 mm is 9933x14042 pixels"):
        render_page(path, 1)


def test_every_page_is_a_picture_of_its_own(tmp_path):
    pdf = write_pdf(tmp_path / "scan.pdf", pages=3, size=(200, 300))
    photo = tmp_path / "card.jpg"
    sheets = sheets_of(pdf, ScanOptions()) + sheets_of(photo, ScanOptions())
    assert [s.name for s in sheets] == [f"{pdf}#1", f"{pdf}#2", f"{pdf}#3", str(photo)]
    assert Sheet(pdf, 2).card_source(3) == f"{pdf}#2.3"
    assert Sheet(photo).card_source(3) == f"{photo}#3"
    assert Sheet(photo).card_source(None) == str(photo)


def test_batch_finds_pdfs_and_plans_a_failure_for_a_bad_one(tmp_path):
    write_pdf(tmp_path / "a.pdf", pages=2, size=(200, 300))
    (tmp_path / "b.PDF").write_bytes(b"%PDF-1.4 broken")
    (tmp_path / "notes.txt").write_text("not a card")
    paths = find_images(tmp_path)
    assert [p.name for p in paths] == ["a.pdf", "b.PDF"]
    todo = plan(paths, ScanOptions())
    assert [t.name for t in todo if isinstance(t, Sheet)] == [f"{paths[0]}#1", f"{paths[0]}#2"]
    failures = [t for t in todo if isinstance(t, ScanFailure)]
    assert len(failures) == 1 and "not a readable PDF" in failures[0].reason


def test_scan_of_a_locked_pdf_is_one_line_and_exit_1(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("geheim", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    writer.write(path)
    result = CliRunner().invoke(main, ["scan", str(path)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"cardscan: error: {path}: the PDF is password-protected; save a copy without a "
        "password (open it and print to PDF) and read that"
    ]


def test_a_pdf_goes_alone_to_scan(tmp_path):
    pdf = write_pdf(tmp_path / "scan.pdf", size=(200, 300))
    result = CliRunner().invoke(main, ["scan", str(pdf), str(tmp_path / "x.jpg")])
    assert result.exit_code == 1
    assert "a PDF is read on its own" in result.stderr
