"""Whole cards as OCR text (tests/cards/NAME.txt) against the record expected (NAME.json).

Each fixture is its own test, so a failure names the card and shows every field that differs.
"""

import json
from pathlib import Path

import pytest

from cardscan.parse import lines_from_text, parse_card

CARDS = Path(__file__).parent / "cards"
KEYS = (
    "name",
    "title",
    "organization",
    "department",
    "phones",
    "emails",
    "urls",
    "profiles",
    "address",
)


@pytest.mark.parametrize("card", sorted(p.stem for p in CARDS.glob("*.txt")))
def test_card(card):
    text = (CARDS / f"{card}.txt").read_text(encoding="utf-8")
    expected = json.loads((CARDS / f"{card}.json").read_text(encoding="utf-8"))
    got = parse_card(lines_from_text(text), source=card).to_dict()
    for phone in got["phones"]:
        phone.pop("extension")
    diff = {k: (expected[k], got[k]) for k in KEYS if expected[k] != got[k]}
    assert diff == {}


def test_freelancer_name_matching_the_domain_is_the_person():
    text = "Anna Müller\nFotografin\nanna@anna-mueller.de\nwww.anna-mueller.de"
    contact = parse_card(lines_from_text(text))
    assert contact.name is not None and contact.name.full == "Anna Müller"
    assert contact.organization is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("m Mende KG", "Mende KG"),  # a logo's initial before the name
        ("SE Sonnhalde Engineering LLC", "Sonnhalde Engineering LLC"),  # legal forms come last
        ("Bluepeak GmbH & Co.KG", "Bluepeak GmbH & Co. KG"),
        # the country line beside the company read into its line; a country word before the
        # legal form is part of the name
        ("Parker & Fisher Inc. USA", "Parker & Fisher Inc."),
        ("Acme Ltd United Kingdom", "Acme Ltd"),
        ("Helix Deutschland GmbH", "Helix Deutschland GmbH"),
    ],
)
def test_company_line_cleaned(line, expected):
    contact = parse_card(lines_from_text(f"{line}\nErika Beispiel"))
    assert contact.organization == expected


def test_country_read_into_the_company_line_goes_to_the_address():
    card = "Erika Beispiel\nBahnhofstrasse 137a\nCH-9005 St. Gallen\nSchär & Zbinden GmbH Schweiz"
    contact = parse_card(lines_from_text(card))
    assert contact.organization == "Schär & Zbinden GmbH"
    assert contact.address is not None and contact.address.country == "Schweiz"


def test_organisation_word_gets_its_capital_back():
    # OCR read the capital I of "Immobilien" as a small i
    text = "ll Christoph immobilien GmbH\nJolanta Nohlmans\njolanta@christophimmobilien.de"
    assert parse_card(lines_from_text(text)).organization == "Christoph Immobilien GmbH"
    # a name printed all in lower case is left so
    text = "acme immobilien gmbh\nJolanta Nohlmans\njolanta@acme.de"
    assert parse_card(lines_from_text(text)).organization == "acme immobilien gmbh"
