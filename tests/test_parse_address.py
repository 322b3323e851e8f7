"""Addresses in the styles of Germany, Austria, Switzerland, the UK, the US and Japan."""

import pytest

from cardscan.model import Address
from cardscan.parse import lines_from_text, parse_card
from cardscan.parse.rules import PO_BOX_RULES, PREMISES_RULES

CASES = [
    ("Hauptstraße 12\n10115 Berlin", Address("Hauptstraße 12", "10115", "Berlin")),
    (
        "Königstr. 5\nD-70173 Stuttgart\nDeutschland",
        Address("Königstr. 5", "70173", "Stuttgart", None, "Deutschland"),
    ),
    ("Mariahilfer Straße 5/3\nA-1060 Wien", Address("Mariahilfer Straße 5/3", "1060", "Wien")),
    (
        "Bahnhofstrasse 10\nCH-8001 Zürich\nSchweiz",
        Address("Bahnhofstrasse 10", "8001", "Zürich", None, "Schweiz"),
    ),
    ("Am Markt 3 · 28195 Bremen", Address("Am Markt 3", "28195", "Bremen")),
    ("Lindenallee 7 | 50968 Köln", Address("Lindenallee 7", "50968", "Köln")),
    (
        "Gartenweg 1, 80331 München, Germany",
        Address("Gartenweg 1", "80331", "München", None, "Germany"),
    ),
    (
        "221B Baker Street\nLondon NW1 6XE\nUnited Kingdom",
        Address("221B Baker Street", "NW1 6XE", "London", None, "United Kingdom"),
    ),
    ("10 Downing Street, London SW1A 2AA", Address("10 Downing Street", "SW1A 2AA", "London")),
    (
        "123 Main Street\nSpringfield, IL 62704",
        Address("123 Main Street", "62704", "Springfield", "IL"),
    ),
    (
        "350 Fifth Avenue, New York, NY 10118",
        Address("350 Fifth Avenue", "10118", "New York", "NY"),
    ),
    # one-line addresses whose middle dots OCR read as "+" and "«"
    (
        "Hanne-Bohlander-Straße 57 + D-51108 Köln + Germany",
        Address("Hanne-Bohlander-Straße 57", "51108", "Köln", None, "Germany"),
    ),
    (
        "66 High Street + Edinburgh « EH2 9RT + England",
        Address("66 High Street", "EH2 9RT", "Edinburgh", None, "England"),
    ),
    # UK postcode slips: the outward digit read as l, the inward digit as a letter, a final J
    # as a bar or bracket; a company before the postcode on its line is not the city
    ("193 Park Road\nGlasgow Gl 1FF", Address("193 Park Road", "G1 1FF", "Glasgow")),
    ("205 Park Road » Oxford » OX1 ARQ", Address("205 Park Road", "OX1 4RQ", "Oxford")),
    ("141 Park Road\nLondon WIT OZE", Address("141 Park Road", "W1T 0ZE", "London")),
    ("209 Queen Street\nBirmingham B2 1xw", Address("209 Queen Street", "B2 1XW", "Birmingham")),
    ("214 High Street\nLondon\nWIT 5EJ", Address("214 High Street", "W1T 5EJ", "London")),
    ("150 London Road\nEdinburgh\nEH2 4P|", Address("150 London Road", "EH2 4PJ", "Edinburgh")),
    ("204 Albion Place\nBristol BS2 6R]", Address("204 Albion Place", "BS2 6RJ", "Bristol")),
    ("125 High Street\nBristol\nBS2 90S", Address("125 High Street", "BS2 9QS", "Bristol")),
    ("21 Park Road\nLondon\nEC2A 30B", Address("21 Park Road", "EC2A 3QB", "London")),
    ("51 High Street\nBirmingham B1 2))", Address("51 High Street", "B1 2JJ", "Birmingham")),
    ("65 Queen Street\nBristol BS1 6)D", Address("65 Queen Street", "BS1 6JD", "Bristol")),
    ("234 High Street\nEdinburgh EH3 OD}", Address("234 High Street", "EH3 0DJ", "Edinburgh")),
    ("47 Station Road\nOxford\nOX1 6/P", Address("47 Station Road", "OX1 6JP", "Oxford")),
    (
        "37 Queen Street - Edinburgh - EH1 02X",
        Address("37 Queen Street", "EH1 0ZX", "Edinburgh"),
    ),
    (
        "208 Albion Place\nNordlicht Ltd | Edinburgh EH1 ows",
        Address("208 Albion Place", "EH1 0WS", "Edinburgh"),
    ),
    (
        "229 Church Street\nGlasgow\nCook Partners Ltd | G2 9A)",
        Address("229 Church Street", "G2 9AJ", "Glasgow"),
    ),
    # Japan, printed in English: block numbers, ward, city, prefecture, postcode, country
    (
        "3-8-21, Higashihama, Izumo City\nShimane, 693-0157 JAPAN",
        Address("3-8-21, Higashihama", "693-0157", "Izumo", "Shimane", "JAPAN"),
    ),
    (
        "Sakura Bldg. 12F, 3-5-7 Hongo\nBunkyo-ku, Tokyo 113-0091, Japan",
        Address(
            "Sakura Bldg. 12F, 3-5-7 Hongo, Bunkyo-ku",
            "113-0091",
            "Tokyo",
            "Tokyo",
            "Japan",
        ),
    ),
    (
        "7F, 4-5-6 Nishiki, Higashi-ku\nNAGOYA,AICHI,461-0012, JAPAN",
        Address("7F, 4-5-6 Nishiki, Higashi-ku", "461-0012", "Nagoya", "Aichi", "JAPAN"),
    ),
    (
        "〒113-0034 Tokyo, Bunkyo-ku, Yushima 4-5-6",
        Address("Bunkyo-ku, Yushima 4-5-6", "113-0034", "Tokyo", "Tokyo"),
    ),
    (
        "2-3 Minami-machi, Fuji-shi, Shizuoka-ken 416-0931",
        Address("2-3 Minami-machi", "416-0931", "Fuji", "Shizuoka"),
    ),
    # the l of a country read as i
    (
        "Klemtweg 169\n30168 Hannover\nDeutschiand",
        Address("Klemtweg 169", "30168", "Hannover", None, "Deutschland"),
    ),
    # the ü of a city read as ii
    ("Königsallee 5\n40212 Diisseldorf", Address("Königsallee 5", "40212", "Düsseldorf")),
    # the country line without the dots of its Ö
    (
        "Marko-Hollaus-Ring 101/11\n8045 Graz\nOsterreich",
        Address("Marko-Hollaus-Ring 101/11", "8045", "Graz", None, "Österreich"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_address(text, expected):
    assert parse_card(lines_from_text(text)).address == expected


def test_a_road_number_is_no_uk_postcode():
    # inward letters read as zeros need a letter beside them: "A1 000" is no "A1 0QQ"
    assert parse_card(lines_from_text("Anna Berg\nRoute A1 000\nBerlin")).address is None


def test_no_address_without_postcode():
    assert parse_card(lines_from_text("Anna Müller\nGeschäftsführerin")).address is None


def test_plus_before_a_digit_is_a_phone_not_a_separator():
    contact = parse_card(lines_from_text("Anna Müller\nTel. + 49 30 1234567"))
    assert [p.number for p in contact.phones] == ["+49301234567"]


def test_all_caps_name_is_no_uk_postcode():
    # SHIMAZU would be SH1M 4ZU if a slipped digit needed no space between the halves
    contact = parse_card(lines_from_text("KEIKO SHIMAZU\nE-mail:shimazu@example.co.jp"))
    assert contact.address is None
    assert contact.name is not None and contact.name.family == "Shimazu"


def test_plus_in_a_company_name_is_no_separator():
    # German firms print "Schmidt + Partner"; OCR's "+" for a middle dot only parts addresses
    card = "Anna Berg\nSchmidt + Partner GmbH · Hauptstr. 5 · 10115 Berlin"
    contact = parse_card(lines_from_text(card))
    assert contact.organization == "Schmidt + Partner GmbH"
    assert contact.address == Address("Hauptstr. 5", "10115", "Berlin")


def test_japanese_postcode_needs_a_sign_of_japan():
    # "123-4567" alone is no postcode on a German card (an extension, an order number)
    assert parse_card(lines_from_text("Anna Berg\nBestellnr. 123-4567\nBerlin")).address is None


def test_japanese_card_numbers_get_the_japanese_country_code():
    card = (
        "Taro Yamada\n3-8-21, Higashihama, Izumo City\nShimane, 693-0157 JAPAN\nPhone 0853-20-1234"
    )
    assert [p.number for p in parse_card(lines_from_text(card)).phones] == ["+81853201234"]


def test_name_above_a_japanese_postcode_is_no_city():
    # a real card: 〒 read as "F", the address in Japanese script after it, the name above
    card = "KEIKO SHIMAZU\nF 530-0046 B COURT 3-4-5\nE-mail:shimazu@example.co.jp"
    contact = parse_card(lines_from_text(card))
    assert contact.name is not None and contact.name.family == "Shimazu"
    assert contact.address is not None and contact.address.city is None


def test_street_with_a_range_of_house_numbers():
    # "168-170" was taken for a phone number, and the street was lost with it
    card = "Seip GmbH & Co. KG\nDenis Holt\nTelefon 0341-3680086\nAm Markt 168-170\n19625 Nabburg"
    contact = parse_card(lines_from_text(card))
    assert contact.address is not None and contact.address.street == "Am Markt 168-170"
    assert [p.number for p in contact.phones] == ["+493413680086"]


@pytest.mark.parametrize(
    ("card", "street"),
    [
        # English-speaking countries print the house number first; a road without a street word
        ("2455 Alameda de las Pulgas\nMenlo Park, CA 94025", "2455 Alameda de las Pulgas"),
        ("18 The Shambles\nYork YO1 7LZ", "18 The Shambles"),
        # a company line above the postcode is no street, digits first or not
        ("3D Druck Nord GmbH\n24103 Kiel", None),
    ],
)
def test_street_that_starts_with_its_number(card, street):
    address = parse_card(lines_from_text(card)).address
    assert address is not None and address.street == street


@pytest.mark.parametrize(
    ("card", "street"),
    [
        # the premises above the street ...
        (
            "Unit 4, The Old Brewery\n12 Mill Lane\nBristol BS1 6JP",
            "Unit 4, The Old Brewery, 12 Mill Lane",
        ),
        ("Haus B, 3. Etage\nLindenallee 7\n50968 Köln", "Haus B, 3. Etage, Lindenallee 7"),
        # ... or under it, right above the city
        (
            "1200 Fifth Avenue\nSuite 1500\nSeattle, WA 98101",
            "1200 Fifth Avenue, Suite 1500",
        ),
    ],
)
def test_premises_line_joins_the_street(card, street):
    address = parse_card(lines_from_text(card)).address
    assert address is not None and address.street == street


@pytest.mark.parametrize(("word", "example"), PREMISES_RULES, ids=[w for w, _ in PREMISES_RULES])
def test_premises_rule(word, example):
    address = parse_card(lines_from_text(f"{example}\n45 Station Road\nLeeds LS1 4DY")).address
    assert address is not None and address.street == f"{example}, 45 Station Road"


@pytest.mark.parametrize(
    "line",
    [
        "Haus der Bildung e.V.",
        "Floor Design GmbH",
        "Unit Consulting Ltd",
        "Haus Sonnenhang",
        "STEM Lernwerkstatt",
        "FLOORS UNLIMITED",
    ],
)
def test_company_or_house_name_above_the_street_is_no_premises(line):
    address = parse_card(lines_from_text(f"{line}\nLindenallee 7\n50968 Köln")).address
    assert address is not None and address.street == "Lindenallee 7"


@pytest.mark.parametrize(("pattern", "example"), PO_BOX_RULES, ids=[e for _, e in PO_BOX_RULES])
def test_post_office_box_stands_for_the_street(pattern, example):
    address = parse_card(lines_from_text(f"{example}\n67433 Neustadt")).address
    assert address is not None and address.street == example
    # a street printed beside it is the street
    address = parse_card(lines_from_text(f"Lindenallee 7\n{example}\n67433 Neustadt")).address
    assert address is not None and address.street == "Lindenallee 7"


@pytest.mark.parametrize(
    ("card", "street"),
    [
        # the box's number as cards print it
        ("Postfach: 12 34\n67433 Neustadt", "Postfach: 12 34"),
        ("PO Box #1234\nLeeds LS1 4DY", "PO Box #1234"),
        # a street without a street word under or over the box is still the street
        ("Unter den Linden 5\nPostfach 12 34\n10117 Berlin", "Unter den Linden 5"),
        (
            "2455 Alameda de las Pulgas\nP.O. Box 1234\nMenlo Park, CA 94025",
            "2455 Alameda de las Pulgas",
        ),
        # the box before the postcode on its line, the street above
        ("Lindenallee 7\nPostfach 12 34, 67433 Neustadt", "Lindenallee 7"),
        # a company's line with a premises word and a number is no premises
        ("Lena Roth\nUnit 4 Solutions Ltd\nLindenallee 7\n67433 Neustadt", "Lindenallee 7"),
    ],
)
def test_post_office_box_and_the_street(card, street):
    address = parse_card(lines_from_text(card)).address
    assert address is not None and address.street == street
