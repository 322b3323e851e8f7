"""The pipeline with a fake OCR engine: stages are wired, flip logic, bad files, OCR lines and
the card's photo."""

import cv2
import numpy as np
import pytest

from cardscan.errors import UnreadableImageError
from cardscan.ocr.engine import OcrLine, OcrResult, OcrWord
from cardscan.ocr.lines import ocr_lines
from cardscan.options import ScanOptions
from cardscan.pipeline import ScanFailure, Scanner
from cardscan.pipeline.sheets import find_images
from tests.fakes import FakeEngine, ocr_result
from tests.pipeline_support import CARD, card_photo


def test_scan_wires_stages(tmp_path):
    engine = FakeEngine(ocr_result(CARD))
    scanner = Scanner(ScanOptions(qr=False), engine=engine)
    result = scanner.scan([card_photo(tmp_path)])
    c = result.contact
    assert c.name is not None and c.name.full == "Dr. Anna Müller"
    assert c.organization == "Müller & Schmidt GmbH"
    assert c.title == "Geschäftsführerin"
    assert [p.number for p in c.phones] == ["+49301234567"]
    assert c.source.endswith("card.png")
    assert engine.calls == 1  # a confident reading is not tried upside down


def test_low_confidence_tries_upside_down(tmp_path):
    engine = FakeEngine(ocr_result("xx yy", confidence=0.3), ocr_result(CARD, confidence=0.95))
    result = Scanner(ScanOptions(qr=False), engine=engine).scan([card_photo(tmp_path)])
    assert engine.calls == 2
    assert result.contact.name is not None


def test_known_orientation_is_rechecked_only_when_the_reading_is_hopeless():
    import numpy as np

    from cardscan.imaging.preprocess import PreparedCard

    card = PreparedCard(
        np.full((60, 100), 255, np.uint8), True, None, 0, False, 1.0, orientation_known=True
    )
    # the letters' shapes said upright, yet the reading is hopeless: the turn is tried
    engine = FakeEngine(ocr_result("xx yy", confidence=0.2), ocr_result(CARD, confidence=0.9))
    result, turned = Scanner(ScanOptions(qr=False), engine=engine).read(card)
    assert engine.calls == 2 and result.confidence == 0.9 and turned.rotated == 180
    # a middling reading of a card whose way up is known is not read twice
    engine = FakeEngine(ocr_result(CARD, confidence=0.7))
    Scanner(ScanOptions(qr=False), engine=engine).read(card)
    assert engine.calls == 1


class _ReadsOnlyLandscape(FakeEngine):
    """Reads a card well only when its image is wider than tall (its lines run across)."""

    def recognize(
        self, image: np.ndarray, *, psm: int | None = None, noise_filter: bool = True, lang=None
    ) -> OcrResult:
        self.calls += 1
        wide = image.shape[1] > image.shape[0]
        return ocr_result(CARD, confidence=0.9) if wide else ocr_result("xx yy", confidence=0.3)


def test_unsure_direction_is_read_the_other_way_when_the_reading_is_poor(tmp_path):
    from dataclasses import replace

    from cardscan.imaging.preprocess import prepare

    photo = cv2.imread(str(card_photo(tmp_path)))
    # the letters said (without conviction) that the lines run along the card: turned by 90
    turned = replace(prepare(photo, sideways=True), direction_sure=False)
    assert turned.image.shape[0] > turned.image.shape[1]
    engine = _ReadsOnlyLandscape()
    result, card = Scanner(ScanOptions(qr=False), engine=engine).read(turned, photo)
    assert result.confidence == 0.9 and card.rotated in (0, 180)
    # a sure direction is not read the other way, however poor the reading
    engine = _ReadsOnlyLandscape()
    result, card = Scanner(ScanOptions(qr=False), engine=engine).read(
        replace(turned, direction_sure=True), photo
    )
    assert result.confidence == 0.3 and card.rotated in (90, 270) and engine.calls == 2


class _FragmentsWhenTurned(FakeEngine):
    """Reads the card poorly (0.48) the way it lies, and a few fragments at 0.57 turned."""

    def recognize(
        self, image: np.ndarray, *, psm: int | None = None, noise_filter: bool = True, lang=None
    ) -> OcrResult:
        self.calls += 1
        wide = image.shape[1] > image.shape[0]
        return ocr_result(CARD, confidence=0.48) if wide else ocr_result("Ik 38", confidence=0.57)


def test_a_few_fragments_are_no_better_reading(tmp_path):
    from dataclasses import replace

    from cardscan.imaging.preprocess import prepare

    photo = cv2.imread(str(card_photo(tmp_path)))
    card = replace(prepare(photo), direction_sure=False)
    engine = _FragmentsWhenTurned()
    result, kept = Scanner(ScanOptions(qr=False), engine=engine).read(card, photo)
    assert engine.calls > 1  # the other way was tried
    assert result.confidence == pytest.approx(0.48) and kept.rotated in (0, 180)


class _ReadsOnlyThePhotosShape(FakeEngine):
    """Reads well only an image of the photo's 3:2 shape (the card outline in card_photo is 2:1)."""

    def recognize(
        self, image: np.ndarray, *, psm: int | None = None, noise_filter: bool = True, lang=None
    ) -> OcrResult:
        self.calls += 1
        height, width = image.shape
        photo_like = abs(max(width, height) / min(width, height) - 1.5) < 0.1
        return ocr_result(CARD, confidence=0.9 if photo_like else 0.4)


def test_poor_reading_through_the_outline_tries_the_whole_photo(tmp_path):
    # the outline found may be wrong (a card merged with clutter): the whole photo is read too
    scanner = Scanner(ScanOptions(qr=False), engine=_ReadsOnlyThePhotosShape())
    contact, confidence = scanner.scan_image(cv2.imread(str(card_photo(tmp_path))), source="x")
    assert confidence == 0.9 and contact.name is not None
    # a card that reads well through its outline is read once
    engine = FakeEngine(ocr_result(CARD, confidence=0.9))
    Scanner(ScanOptions(qr=False), engine=engine).scan_image(
        cv2.imread(str(card_photo(tmp_path))), source="x"
    )
    assert engine.calls == 1


def test_upside_down_kept_only_when_better(tmp_path):
    # (0.75: below the 0.8 that tries a turn, above the 0.7 that tries the whole photo)
    engine = FakeEngine(ocr_result(CARD, confidence=0.75), ocr_result("zz", confidence=0.5))
    result = Scanner(ScanOptions(qr=False), engine=engine).scan([card_photo(tmp_path)])
    assert engine.calls == 2
    assert result.contact.name is not None and result.contact.name.family == "Müller"


def test_outcome_names_bad_file(tmp_path):
    bad = tmp_path / "broken.jpg"
    bad.write_bytes(b"not a jpeg")
    out = Scanner(ScanOptions(qr=False), engine=FakeEngine(ocr_result(CARD))).outcome(bad)
    assert isinstance(out, ScanFailure)
    assert "broken.jpg" in out.reason or out.source.endswith("broken.jpg")


def test_scan_raises_for_bad_file(tmp_path):
    with pytest.raises(UnreadableImageError):
        Scanner(ScanOptions(qr=False), engine=FakeEngine(ocr_result(CARD))).scan(
            [tmp_path / "missing.jpg"]
        )


def test_two_columns_become_two_lines():
    words = (
        OcrWord("Anna", 0.9, (10, 10, 50, 20)),
        OcrWord("Müller", 0.9, (70, 10, 70, 20)),
        OcrWord("Tel.", 0.9, (600, 12, 40, 20)),
        OcrWord("030", 0.9, (650, 12, 40, 20)),
    )
    lines = ocr_lines(OcrResult((OcrLine(words),), "fake", (1000, 600)))
    assert [t.text for t in lines] == ["Anna Müller", "Tel. 030"]


def test_find_images_sorted_and_filtered(tmp_path):
    for name in ["b.JPG", "a.png", "notes.txt", ".hidden.jpg"]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jpeg").write_bytes(b"x")
    assert [p.name for p in find_images(tmp_path)] == ["a.png", "b.JPG"]
    assert [p.name for p in find_images(tmp_path, recursive=True)] == ["a.png", "b.JPG", "c.jpeg"]


def test_label_column_joins_value_on_same_row():
    def word(text, x, y):
        return OcrWord(text, 0.9, (x, y, 20 * len(text), 30))

    lines = (
        OcrLine((word("Tel", 100, 430),)),
        OcrLine((word("0121", 270, 433), word("3938147", 370, 433))),
        OcrLine((word("0121", 270, 493), word("3938146", 370, 493))),
        OcrLine((word("Fax", 100, 495),)),
    )
    texts = [t.text for t in ocr_lines(OcrResult(lines, "fake", (1000, 600)))]
    assert texts == ["Tel 0121 3938147", "Fax 0121 3938146"]


def test_photo_card_keeps_a_small_colour_jpeg(tmp_path):
    engine = FakeEngine(ocr_result(CARD))
    contact = (
        Scanner(ScanOptions(qr=False, photo="card"), engine=engine)
        .scan([card_photo(tmp_path)])
        .contact
    )
    assert contact.photo is not None and contact.photo[:2] == b"\xff\xd8"
    image = cv2.imdecode(np.frombuffer(contact.photo, np.uint8), cv2.IMREAD_UNCHANGED)
    assert image.ndim == 3 and max(image.shape[:2]) <= 512
    assert "photo" not in contact.to_dict()


def test_no_photo_by_default(tmp_path):
    contact = (
        Scanner(ScanOptions(qr=False), engine=FakeEngine(ocr_result(CARD)))
        .scan([card_photo(tmp_path)])
        .contact
    )
    assert contact.photo is None
