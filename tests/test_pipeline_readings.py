"""Second readings with a fake OCR engine: a field the first one missed, both checked together,
the QR code's address, the Latin model for other letters."""

import cv2
import numpy as np
import pytest

from cardscan.model import Contact
from cardscan.ocr.tessdata import has_language
from cardscan.options import ScanOptions
from cardscan.pipeline import Scanner
from cardscan.reread.lostdots import WORD_READINGS
from tests.fakes import FakeEngine, ocr_result
from tests.pipeline_support import CARD, card_photo


def _read_twice(tmp_path, first: str, second: str) -> tuple[FakeEngine, Contact]:
    """Scan a photo with an engine whose first and second readings are these texts."""
    engine = FakeEngine(ocr_result(first), ocr_result(second))
    contact = Scanner(ScanOptions(qr=False), engine=engine).scan([card_photo(tmp_path)]).contact
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
    # the card's text is the first reading's, once, not both readings one after the other
    assert contact.raw_text == "Anna Müller\nBeispiel GmbH\nE-Mail\nTel. +49 30 1234567"


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


def test_street_without_its_city_asks_for_the_city_line(tmp_path):
    # sparse-text mode dropped the line of the postcode and city under the street (a Turkish
    # card: read again with the Latin-script model first, which reads the same)
    first = (
        "Ayla Demir\nSatis Muduru\nTel +90 212 555 12 34\nayla@demir-test.com.tr\nLale Sok. No: 14"
    )
    second = "Ayla Demir\nLale Sok. No: 14\n34303 Kucukcekmece/Istanbul"
    engine = FakeEngine(ocr_result(first), ocr_result(first), ocr_result(second))
    contact = Scanner(ScanOptions(qr=False), engine=engine).scan([card_photo(tmp_path)]).contact
    assert (4, False) in engine.requests
    assert contact.address is not None
    assert (contact.address.postal_code, contact.address.city) == ("34303", "Istanbul")


def test_complete_reading_is_not_read_twice(tmp_path):
    engine = FakeEngine(ocr_result(CARD))
    Scanner(ScanOptions(qr=False), engine=engine).scan([card_photo(tmp_path)])
    assert engine.calls == 1


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
    contact = Scanner(ScanOptions(qr=False), engine=engine).scan([card_photo(tmp_path)]).contact
    assert engine.langs[:2] == [None, "Latin"]
    assert contact.name is not None and contact.name.full == "Deniz Yıldırım"
    assert contact.organization == "Yıldırım Kalıp San. ve Tic. Ltd. Şti."
    # the e-mail as the default models read it
    assert contact.emails == ("deniz@yildirimkalip.com.tr",)


def test_a_german_card_is_read_once(tmp_path):
    engine = FakeEngine(ocr_result(CARD))
    Scanner(ScanOptions(qr=False), engine=engine).scan([card_photo(tmp_path)])
    assert engine.langs == [None]


def test_languages_chosen_by_the_user_are_kept(tmp_path):
    engine = FakeEngine(ocr_result(TURKISH_AS_READ))
    Scanner(ScanOptions(qr=False, lang="tur+eng"), engine=engine).scan([card_photo(tmp_path)])
    assert "Latin" not in engine.langs
