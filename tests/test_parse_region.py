"""The card's country from its own evidence, so national numbers are read in the right country.

Invented cards of the classes real cards showed: Turkish and Brazilian cards print their numbers
without a country code, US cards spell out their state, Korean cards name only their city.
"""

import pytest

from cardscan.parse import lines_from_text, parse_card
from cardscan.parse.region import infer_region, region_votes


@pytest.mark.parametrize(
    ("lines", "emails", "urls", "expected"),
    [
        # a Turkish legal form and a big city, no +90 anywhere
        (["Yıldırım Kalıp San. ve Tic. Ltd. Şti.", "Esenyurt / İSTANBUL"], [], [], "TR"),
        # the country at the end of the address line, dotted capital I read as I
        (["Organize Sanayi Bölgesi 5. Cad. No: 7", "Kayseri / TURKIYE"], [], [], "TR"),
        # a Brazilian CEP and the state after the city
        (["Rua das Palmeiras, 120 - Centro", "CEP 04567-010 - Campinas - SP"], [], [], "BR"),
        # only the e-mail's domain says it
        (["Tel. (11) 3456-7890"], ["contato@padaria-estrela.com.br"], [], "BR"),
        # a US state spelled out before the ZIP code
        (["450 Serra Mall", "Stanford, California 94305-2004"], [], [], "US"),
        # a Korean street address
        (["45 Yanghwa-ro, Mapo-gu", "Seoul 04520, Korea"], [], [], "KR"),
        # a number with its country code decides over the default
        (["Tel. +43 1 234 56 78"], [], [], "AT"),
        # nothing on the card: the default
        (["Anna Beispiel", "Tel. 030 1234567"], ["anna@beispiel.com"], [], "DE"),
    ],
)
def test_country_of_the_card(lines, emails, urls, expected):
    assert infer_region(lines, emails, urls, default="DE") == expected


def test_a_german_card_with_a_dotcom_stays_german():
    votes = region_votes(["Hauptstraße 1", "10115 Berlin"], ["anna@beispiel.com"], [])
    assert not votes


def test_the_default_wins_a_tie():
    # one .at address against one .de address: --region decides
    emails = ["a@beispiel.at", "b@beispiel-gruppe.de"]
    assert infer_region([], emails, [], default="DE") == "DE"
    assert infer_region([], emails, [], default="AT") == "AT"


def test_the_website_outweighs_a_group_address():
    # www.firma.at beside anna@firma-gruppe.de: an Austrian card
    assert infer_region([], ["anna@firma-gruppe.de"], ["www.firma.at"], default="DE") == "AT"


def _phones(card: str) -> list[tuple[str, str]]:
    return [(p.number, p.type) for p in parse_card(lines_from_text(card)).phones]


def test_turkish_card_numbers_are_turkish():
    card = """Deniz Sancak
Sancak Hırdavat San. ve Tic. Ltd. Şti.
Tel: (0212) 555 12 34 Faks: (0212) 555 12 35
Gsm: 0532 111 22 33
Karaağaç OSB / İSTANBUL"""
    assert _phones(card) == [
        ("+902125551234", "work"),
        ("+902125551235", "fax"),
        ("+905321112233", "mobile"),
    ]


def test_brazilian_card_numbers_are_brazilian():
    card = """Padaria Estrela
Fone: (11) 3456-7890
Cel.: (11) 98765-4321
Rua das Palmeiras, 120 - Centro - SP"""
    assert _phones(card) == [("+551134567890", "work"), ("+5511987654321", "mobile")]


def test_us_numbers_without_country_code_on_a_us_card():
    card = """Jordan Miller
450 Serra Mall
Stanford, California 94305-2004
(650) 555-0134 · 650.555.0135 Fax"""
    assert _phones(card) == [("+16505550134", "work"), ("+16505550135", "fax")]


def test_numbers_without_country_code_and_no_evidence_use_the_default():
    assert _phones("Anna Beispiel\nTel. 030 1234567") == [("+49301234567", "work")]


def test_a_local_number_takes_the_area_code_of_the_cards_other_number():
    card = "Floricultura Jardim Azul\nTel (11) 2345-6610\n3987-1402\nRua das Acácias, 318 - SP"
    assert _phones(card) == [("+551123456610", "work"), ("+551139871402", "work")]


def test_a_local_number_with_no_area_code_on_the_card_is_left_out():
    # nothing on the card says which area: no number is made up
    assert _phones("Floricultura Jardim Azul\n3987-1402\nRua das Acácias, 318 - SP") == []


def test_japanese_numbers_by_their_grouping():
    card = "Hana Sato\nMinato-ku, Tokyo\nTEL 03-5555-0123 FAX 03-5555-0124"
    assert _phones(card) == [("+81355550123", "work"), ("+81355550124", "fax")]


def test_a_japanese_postcode_with_its_mark_misread_is_no_local_number():
    card = "Hana Sato\n7107-0055 Minato-ku, Tokyo\nTEL. 03-5555-0123 FAX. 03-5555-0124"
    assert _phones(card) == [("+81355550123", "work"), ("+81355550124", "fax")]
