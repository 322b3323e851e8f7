"""Front and back of a card with a fake OCR engine: merged into one contact, refused when they
name two people."""

import pytest

from cardscan.model import Contact, Name, Phone
from cardscan.options import ScanOptions
from cardscan.parse.merge import merge_contacts
from cardscan.pipeline import Scanner, ScanResult
from tests.fakes import FakeEngine, ocr_result
from tests.pipeline_support import card_photo


def test_front_and_back_are_merged(tmp_path):
    front = ocr_result("Anna Müller\nMüller & Schmidt GmbH\nTel. +49 30 1234567")
    back = ocr_result("anna.mueller@mueller-schmidt.de\nMobil 0171 2345678")
    engine = FakeEngine(front, back)
    result = Scanner(ScanOptions(qr=False), engine=engine).scan(
        [card_photo(tmp_path, "front.png"), card_photo(tmp_path, "back.png")]
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


def test_two_different_people_are_not_merged(tmp_path):
    from cardscan.errors import InputError

    front = ocr_result("Anna Müller\nanna@beispiel.de")
    other = ocr_result("Jan Schmidt\njan@andere.de")
    scanner = Scanner(ScanOptions(qr=False), engine=FakeEngine(front, other))
    with pytest.raises(InputError, match="different people"):
        scanner.scan([card_photo(tmp_path, "a.png"), card_photo(tmp_path, "b.png")])


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
