"""The pipeline with a fake OCR engine: stages are wired, flip logic, batch outcomes, merging."""

from pathlib import Path

import cv2
import numpy as np
import pytest

from cardscan.errors import UnreadableImageError
from cardscan.model import Contact, Name, Phone
from cardscan.ocr.engine import OcrLine, OcrResult, OcrWord
from cardscan.ocr.lines import ocr_lines
from cardscan.ocr.tessdata import has_language
from cardscan.options import ScanOptions
from cardscan.parse.merge import merge_contacts
from cardscan.pipeline import ScanFailure, Scanner, ScanResult
from cardscan.pipeline.sheets import find_images
from cardscan.reread.lostdots import WORD_READINGS
from tests.fakes import FakeEngine, ocr_result

CARD = """Dr. Anna Müller
Geschäftsführerin
Müller & Schmidt GmbH
Tel. +49 30 1234567
anna.mueller@mueller-schmidt.de
"""


def _photo(tmp_path: Path, name: str = "card.png") -> Path:
    img = np.full((600, 900, 3), 90, np.uint8)
    cv2.rectangle(img, (150, 150), (750, 450), (245, 245, 245), -1)
    cv2.putText(img, "Anna", (200, 300), cv2.FONT_HERSHEY_SIMPLEX, 2, (0, 0, 0), 3)
    path = tmp_path / name
    cv2.imwrite(str(path), img)
    return path


def test_scan_wires_stages(tmp_path):
    engine = FakeEngine(ocr_result(CARD))
    scanner = Scanner(ScanOptions(qr=False), engine=engine)
    result = scanner.scan([_photo(tmp_path)])
    c = result.contact
    assert c.name is not None and c.name.full == "Dr. Anna Müller"
    assert c.organization == "Müller & Schmidt GmbH"
    assert c.title == "Geschäftsführerin"
    assert [p.number for p in c.phones] == ["+49301234567"]
    assert c.source.endswith("card.png")
    assert engine.calls == 1  # a confident reading is not tried upside down


def test_low_confidence_tries_upside_down(tmp_path):
    engine = FakeEngine(ocr_result("xx yy", confidence=0.3), ocr_result(CARD, confidence=0.95))
    result = Scanner(ScanOptions(qr=False), engine=engine).scan([_photo(tmp_path)])
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

    photo = cv2.imread(str(_photo(tmp_path)))
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

    photo = cv2.imread(str(_photo(tmp_path)))
    card = replace(prepare(photo), direction_sure=False)
    engine = _FragmentsWhenTurned()
    result, kept = Scanner(ScanOptions(qr=False), engine=engine).read(card, photo)
    assert engine.calls > 1  # the other way was tried
    assert result.confidence == pytest.approx(0.48) and kept.rotated in (0, 180)


class _ReadsOnlyThePhotosShape(FakeEngine):
    """Reads well only an image of the photo's 3:2 shape (the card outline in _photo is 2:1)."""

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
    contact, confidence = scanner.scan_image(cv2.imread(str(_photo(tmp_path))), source="x")
    assert confidence == 0.9 and contact.name is not None
    # a card that reads well through its outline is read once
    engine = FakeEngine(ocr_result(CARD, confidence=0.9))
    Scanner(ScanOptions(qr=False), engine=engine).scan_image(
        cv2.imread(str(_photo(tmp_path))), source="x"
    )
    assert engine.calls == 1


def test_upside_down_kept_only_when_better(tmp_path):
    # (0.75: below the 0.8 that tries a turn, above the 0.7 that tries the whole photo)
    engine = FakeEngine(ocr_result(CARD, confidence=0.75), ocr_result("zz", confidence=0.5))
    result = Scanner(ScanOptions(qr=False), engine=engine).scan([_photo(tmp_path)])
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


def test_front_and_back_are_merged(tmp_path):
    front = ocr_result("Anna Müller\nMüller & Schmidt GmbH\nTel. +49 30 1234567")
    back = ocr_result("anna.mueller@mueller-schmidt.de\nMobil 0171 2345678")
    engine = FakeEngine(front, back)
    result = Scanner(ScanOptions(qr=False), engine=engine).scan(
        [_photo(tmp_path, "front.png"), _photo(tmp_path, "back.png")]
    )
    assert isinstance(result, ScanResult)
    c = result.contact
    assert c.emails == ("anna.mueller@mueller-schmidt.de",)
    assert {p.type for p in c.phones} == {"work", "mobile"}
    assert c.name is not None and c.name.full == "Anna Müller"


def test_merge_prefers_first():
    a = Contact("a", name=Name("Anna Müller"), phones=[Phone("+49301234567")])
    b = Contact(
        "b",
        name=Name("A. Mueller"),
        title="CEO",
        phones=[Phone("+49301234567"), Phone("+491712345678", "mobile")],
    )
    m = merge_contacts(a, b)
    assert m.name == a.name and m.title == "CEO" and len(m.phones) == 2


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
        Scanner(ScanOptions(qr=False, photo="card"), engine=engine).scan([_photo(tmp_path)]).contact
    )
    assert contact.photo is not None and contact.photo[:2] == b"\xff\xd8"
    image = cv2.imdecode(np.frombuffer(contact.photo, np.uint8), cv2.IMREAD_UNCHANGED)
    assert image.ndim == 3 and max(image.shape[:2]) <= 512
    assert "photo" not in contact.to_dict()


def test_no_photo_by_default(tmp_path):
    contact = (
        Scanner(ScanOptions(qr=False), engine=FakeEngine(ocr_result(CARD)))
        .scan([_photo(tmp_path)])
        .contact
    )
    assert contact.photo is None


def _read_twice(tmp_path, first: str, second: str) -> tuple[FakeEngine, Contact]:
    """Scan a photo with an engine whose first and second readings are these texts."""
    engine = FakeEngine(ocr_result(first), ocr_result(second))
    contact = Scanner(ScanOptions(qr=False), engine=engine).scan([_photo(tmp_path)]).contact
    return engine, contact


def test_second_reading_fills_a_missing_email(tmp_path):
    engine, contact = _read_twice(
        tmp_path,
        "Anna Müller\nBeispiel GmbH\nE-Mail\nTel. +49 30 1234567",
        "Anna Müller\nE-Mail: anna.mueller@beispiel.de",
    )
    assert engine.calls == 2
    assert contact.emails == ("anna.mueller@beispiel.de",)
    assert contact.organization == "Beispiel GmbH"
    # the second reading is a different one: one block of lines, noise filter off
    assert engine.requests[1] == (4, False)


def test_website_without_email_asks_for_a_second_reading(tmp_path):
    # Tesseract's noise filter dropped the whole "Mail:" line: only the website hints at it
    _, contact = _read_twice(
        tmp_path,
        "Anna Müller\nTel. +49 30 1234567\nwww.beispiel.de",
        "Anna Müller\nMail: anna.mueller@beispiel.de\nwww.beispiel.de",
    )
    assert contact.emails == ("anna.mueller@beispiel.de",)


def test_card_without_any_email_is_read_again(tmp_path):
    # the whole line "annette.ehlert@vertex.de · www.vertex.de" dropped: nothing hints at it
    engine, contact = _read_twice(
        tmp_path,
        "Dr. Annette Ehlert\nLeiterin Marketing\nFon 089 58363645\n80344 München",
        "Dr. Annette Ehlert\nannette.ehlert@vertex.de · www.vertex.de",
    )
    assert engine.requests[1] == (4, False)
    assert contact.emails == ("annette.ehlert@vertex.de",)
    assert contact.urls == ("https://www.vertex.de",)


def test_team_address_alone_asks_for_the_persons_line(tmp_path):
    # sparse-text mode dropped the person's own address beside the team's "info@"
    engine, contact = _read_twice(
        tmp_path,
        "Steve Reid\nSoftware Engineer\nTel 503-514-6214\ninfo@cobalt.com",
        "Steve Reid\ns.reid@cobalt.com\ninfo@cobalt.com",
    )
    assert engine.calls >= 2
    assert contact.emails == ("s.reid@cobalt.com", "info@cobalt.com")  # the person's first


def test_complete_reading_is_not_read_twice(tmp_path):
    engine = FakeEngine(ocr_result(CARD))
    Scanner(ScanOptions(qr=False), engine=engine).scan([_photo(tmp_path)])
    assert engine.calls == 1


def test_two_different_people_are_not_merged(tmp_path):
    from cardscan.errors import InputError

    front = ocr_result("Anna Müller\nanna@beispiel.de")
    other = ocr_result("Jan Schmidt\njan@andere.de")
    scanner = Scanner(ScanOptions(qr=False), engine=FakeEngine(front, other))
    with pytest.raises(InputError, match="different people"):
        scanner.scan([_photo(tmp_path, "a.png"), _photo(tmp_path, "b.png")])


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            Contact("a", name=Name("Dr. Anna Müller", family="Müller")),
            Contact("b", name=Name("Anna Müller", family="Müller")),
            True,
        ),
        (
            Contact("a", name=Name("Anna Müller", family="Müller")),
            Contact("b", emails=["anna@x.de"]),
            True,
        ),
        (Contact("a", emails=["anna@x.de"]), Contact("b", emails=["jan@x.de"]), False),
        (
            Contact("a", name=Name("Anna Müller", family="Müller")),
            Contact("b", name=Name("Jan Roth", family="Roth")),
            False,
        ),
    ],
)
def test_same_person(a, b, same):
    from cardscan.parse.merge import same_person

    assert same_person(a, b) is same


def test_two_readings_are_checked_together(tmp_path):
    # the first reading lost the name line, the second the start of the e-mail: "ude@" was
    # read where "kgude@" was, so it is a second reading of that print, not an address
    engine, contact = _read_twice(
        tmp_path,
        "Silverline GmbH\nkgude@silverline.de\nTel. 030 1234567",
        "Karl Gude\nE-Mail ude@silverline.de\nGeschäftsführer",
    )
    # two readings of the card, then kgude@ (K. + Gude) read again enlarged for a lost dot
    assert [psm for psm, _ in engine.requests] == [None, 4, *(r.psm for r in WORD_READINGS)]
    assert contact.name is not None and contact.name.family == "Gude"
    assert contact.emails == ("kgude@silverline.de",)


def test_ocr_misreading_of_the_qr_codes_address_is_dropped(tmp_path):
    # The QR code carries j.wenger@ exactly; OCR read "j;wenger@" as wenger@: one address.
    import segno

    qr = segno.make("MECARD:N:Wenger,Jutta;EMAIL:j.wenger@hofer.ch;;", error="m")
    matrix = np.array([[0 if dark else 255 for dark in row] for row in qr.matrix], np.uint8)
    code = np.pad(np.kron(matrix, np.ones((6, 6), np.uint8)), 30, constant_values=255)
    photo = np.full((700, 1000, 3), 255, np.uint8)
    photo[50 : 50 + code.shape[0], 50 : 50 + code.shape[1]] = code[..., None]
    path = tmp_path / "card.png"
    cv2.imwrite(str(path), photo)
    engine = FakeEngine(ocr_result("Jutta Wenger\nTel. 031 600 76 71\nwenger@hofer.ch"))
    contact = Scanner(ScanOptions(), engine=engine).scan([path]).contact
    assert contact.emails == ("j.wenger@hofer.ch",)


TURKISH_AS_READ = """Deniz Yildirim
Satis Müdürü
Yildirim Kalip San. ve Tic. Ltd. Sti.
Tel: (0212) 555 12 34
deniz@yildirimkalip.com.tr
Esenyurt / ISTANBUL
"""
TURKISH_AS_READ_BY_LATIN = (
    TURKISH_AS_READ.replace("Yildirim", "Yıldırım")
    .replace("Kalip", "Kalıp")
    .replace("Sti.", "Şti.")
    .replace("deniz@", "dení̇z@")
)  # the all-Latin model puts accents on ASCII now and then


@pytest.mark.skipif(not has_language("Latin"), reason="tesseract-ocr-script-latn not installed")
def test_a_card_from_a_country_with_other_letters_is_read_with_the_latin_model(tmp_path):
    engine = FakeEngine(ocr_result(TURKISH_AS_READ), ocr_result(TURKISH_AS_READ_BY_LATIN))
    contact = Scanner(ScanOptions(qr=False), engine=engine).scan([_photo(tmp_path)]).contact
    assert engine.langs[:2] == [None, "Latin"]
    assert contact.name is not None and contact.name.full == "Deniz Yıldırım"
    assert contact.organization == "Yıldırım Kalıp San. ve Tic. Ltd. Şti."
    # the e-mail as the default models read it
    assert contact.emails == ("deniz@yildirimkalip.com.tr",)


def test_a_german_card_is_read_once(tmp_path):
    engine = FakeEngine(ocr_result(CARD))
    Scanner(ScanOptions(qr=False), engine=engine).scan([_photo(tmp_path)])
    assert engine.langs == [None]


def test_languages_chosen_by_the_user_are_kept(tmp_path):
    engine = FakeEngine(ocr_result(TURKISH_AS_READ))
    Scanner(ScanOptions(qr=False, lang="tur+eng"), engine=engine).scan([_photo(tmp_path)])
    assert "Latin" not in engine.langs
