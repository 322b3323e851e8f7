"""Phone numbers: card text -> E.164 with the type the label says."""

import pytest

from cardscan.parse import lines_from_text, parse_card
from cardscan.parse.phones import find_phones, strip_phones
from cardscan.parse.rules import NOT_PHONE_LABEL_RULES

CASES = [
    # card text, region, expected [(E.164, type)]
    ("Tel. +49 (0)30 1234567", "DE", [("+49301234567", "work")]),
    ("Tel.: 030/123456-0", "DE", [("+49301234560", "work")]),
    ("Telefon 030 / 123 456-0", "DE", [("+49301234560", "work")]),
    ("Fon 089 12345678", "DE", [("+498912345678", "work")]),
    ("Mobil 0171 2345678", "DE", [("+491712345678", "mobile")]),
    ("Handy: 0152 23456789", "DE", [("+4915223456789", "mobile")]),
    ("Fax +49 30 1234568", "DE", [("+49301234568", "fax")]),
    ("Telefax 030 1234568", "DE", [("+49301234568", "fax")]),
    (
        "T +49 30 1234567 M +49 171 2345678 F +49 30 1234568",
        "DE",
        [("+49301234567", "work"), ("+491712345678", "mobile"), ("+49301234568", "fax")],
    ),
    ("Tel. 030/123456-0 · Fax -99", "DE", [("+49301234560", "work"), ("+493012345699", "fax")]),
    ("T +43 1 234 56 78", "DE", [("+4312345678", "work")]),
    ("Mobil +43 676 1234567", "AT", [("+436761234567", "mobile")]),
    ("Tel. 01 234 56 78", "AT", [("+4312345678", "work")]),
    ("+41 44 123 45 67", "DE", [("+41441234567", "work")]),
    ("Phone +44 20 7946 0123", "DE", [("+442079460123", "work")]),
    ("Mobile 07911 123456", "GB", [("+447911123456", "mobile")]),
    ("Office (212) 555-0147", "US", [("+12125550147", "work")]),
    ("Cell 415-555-0199", "US", [("+14155550199", "mobile")]),
    ("Direct +1 212 555 0147", "DE", [("+12125550147", "work")]),
    ("0049 89 12345678", "DE", [("+498912345678", "work")]),
    # unlabelled mobile numbers are recognised by their range
    ("+49 171 2345678", "DE", [("+491712345678", "mobile")]),
    # OCR read a letter O for a zero
    ("Tel. +49 3O 1234567", "DE", [("+49301234567", "work")]),
    # ... a degree sign for the dot or space between digit groups (not the whole number)
    ("Tel:(0216)555°7130", "TR", [("+902165557130", "work")]),
    # ... a quote for the colon after a label
    ('Faks"(0216) 555 71 31', "TR", [("+902165557131", "fax")]),
    # a postcode or a date is not a phone number
    ("10115 Berlin", "DE", []),
    # a range of house numbers is valid as a short German number, but no card prints one
    # without its area code; a label still makes a short number a phone
    ("Am Markt 168-170", "DE", []),
    ("Römerstraße 169-171", "DE", []),
    ("Tel. 168-170", "DE", [("+49168170", "work")]),
]


def _read(text: str, region: str) -> list[tuple[str, str]]:
    """(E.164, type) of every number find_phones reads on one line."""
    return [(f.phone.number, f.phone.type) for f in find_phones(text, region)]


@pytest.mark.parametrize(("text", "region", "expected"), CASES)
def test_find_phones(text, region, expected):
    found = _read(text, region)
    assert found == expected


def test_extension_is_kept():
    (f,) = find_phones("Phone 089 12 34 56 78 ext. 12", "DE")
    assert f.phone.number == "+498912345678"
    assert f.phone.extension == "12"


def test_strip_phones_leaves_other_text():
    text = "Hauptstraße 1 Tel. 030 1234567"
    assert strip_phones(text, find_phones(text, "DE")) == "Hauptstraße 1"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["T +43 1 234 56 78"], "AT"),
        (["0041 44 123 45 67"], "CH"),
        # "-0013" is no 00 prefix (a number grouped 03-5550-0134 would say Japan by its shape)
        (["Kaiserstr. 1 · 10115-0013", "030 5550134"], "DE"),
        # a Japanese address: the postal mark, a prefecture or the country after the postcode
        (["〒104-0033 Tokyo", "03-5550-0134"], "JP"),
        (["Shimane, 693-0157 JAPAN"], "JP"),
        (["Bunkyo-ku, Tokyo, 113-0034"], "JP"),
        (["Gartenweg 1, 80331 München, Germany"], "DE"),
        (["Tokyo 113-0091, Japan"], "JP"),
        (["A-1010 Wien"], "AT"),
        (["London SW1A 2AA"], "GB"),
        (["Springfield, IL 62704"], "US"),
        (["Österreich"], "AT"),
    ],
)
def test_infer_region(texts, expected):
    from cardscan.parse.region import infer_region

    assert infer_region(texts, [], [], default="DE") == expected


def test_region_from_domain():
    from cardscan.parse.region import infer_region

    assert infer_region(["Tel. 044 123 45 67"], ["a@firma.ch"], [], default="DE") == "CH"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Birmingham", "B2 OHA"], "GB"),  # O read for the digit: still a UK postcode
        (["B2B SAP Beratung"], "DE"),  # but not every letter-digit pattern makes a card British
    ],
)
def test_infer_region_uk_postcode_slips(texts, expected):
    from cardscan.parse.region import infer_region

    assert infer_region(texts, [], [], default="DE") == expected


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # a one-letter label printed (or read) without a space before the number
        ("T0341 621432-62", "DE", [("+4934162143262", "work")]),
        (
            "T 071 978 61 02 - M078 420 40 20",
            "CH",
            [("+41719786102", "work"), ("+41784204020", "mobile")],
        ),
        ("F0761 73078598", "DE", [("+4976173078598", "fax")]),
        # the next label glued to the end of the number before it
        (
            "TEL:030-4821-7730FAX:030-4821-7731",
            "DE",
            [("+493048217730", "work"), ("+493048217731", "fax")],
        ),
        (
            "Tel. 0341 4086755Mobil: 0171 2345678",
            "DE",
            [("+493414086755", "work"), ("+491712345678", "mobile")],
        ),
    ],
)
def test_label_glued_to_the_number(text, region, expected):
    assert _read(text, region) == expected


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # the last digits of a second number, printed once after the first
        (
            "Tel: 0212 555 29 44-45",
            "TR",
            [("+902125552944", "work"), ("+902125552945", "work")],
        ),
        ("Fax (0212) 555 10 97-98", "TR", [("+902125551097", "fax"), ("+902125551098", "fax")]),
        (
            "Phone: +90 212 555 27 61 - 62",
            "TR",
            [("+902125552761", "work"), ("+902125552762", "work")],
        ),
        # a German extension is no range: "-0" stays the number's own
        ("Tel. 030/123456-0", "DE", [("+49301234560", "work")]),
        # nor is a range of house numbers
        ("Am Markt 168-170", "DE", []),
    ],
)
def test_two_numbers_printed_as_one_with_a_range(text, region, expected):
    assert _read(text, region) == expected


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # one number for phone and fax: the office's number, labelled work
        ("Tel/Fax: 0212 555 23 54", "TR", [("+902125552354", "work")]),
        ("Tel&Fax: 0212 555 23 54", "TR", [("+902125552354", "work")]),
        ("Tel - Fax: 0212 555 23 54", "TR", [("+902125552354", "work")]),
        # the label after the number
        ("650 555 0102 Fax", "US", [("+16505550102", "fax")]),
        ("(0212) 555 10 92 (Pbx)", "TR", [("+902125551092", "work")]),
        # a label followed by the next number labels that number, not the one before
        (
            "T: 0212 555 6853 F:0212 555 68 54",
            "TR",
            [("+902125556853", "work"), ("+902125556854", "fax")],
        ),
    ],
)
def test_labels_in_other_places(text, region, expected):
    assert _read(text, region) == expected


def test_a_label_in_a_cell_of_its_own():
    card = "Jordan Miller\nMob. | +1 312 555 0147 | Fax | +1 512 555 0173"
    contact = parse_card(lines_from_text(card))
    assert [(p.number, p.type) for p in contact.phones] == [
        ("+13125550147", "mobile"),
        ("+15125550173", "fax"),
    ]


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # German and Austrian switchboards: "-62" is the extension, part of the number
        ("T: 089 / 353 27 86-62", "DE", [("+4989353278662", "work")]),
        ("F 01/433 24 77-28", "AT", [("+431433247728", "fax")]),
    ],
)
def test_a_switchboard_extension_is_no_range(text, region, expected):
    assert _read(text, region) == expected


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # a second subscriber number after the first, its area code left out
        (
            "Tel.: (0212) 555 47 18 - 555 62 09 Fax: (0212) 555 80 80",
            "TR",
            [("+902125554718", "work"), ("+902125556209", "work"), ("+902125558080", "fax")],
        ),
        (
            "Tel.: +91-11-2355 1234, 2355 5678",
            "DE",
            [("+911123551234", "work"), ("+911123555678", "work")],
        ),
        # digits too short to be a number of that area are no second number
        ("Tel. 030 1234567, 12345", "DE", [("+49301234567", "work")]),
        # a number printed whole after the first is read as printed
        (
            "Tel. 030 1234567 / 040 7654321",
            "DE",
            [("+49301234567", "work"), ("+49407654321", "work")],
        ),
    ],
)
def test_a_second_number_without_its_area_code(text, region, expected):
    assert _read(text, region) == expected


def test_a_number_alone_under_a_phone_line_shares_its_area_code():
    card = "Ayşe Korkmaz\nTel : ( 0212 ) 555 71 20\n555 71 21\nFax : (0212 ) 555 71 29\n"
    contact = parse_card(lines_from_text(card), region="TR")
    assert [(p.number, p.type) for p in contact.phones] == [
        ("+902125557120", "work"),
        ("+902125557121", "work"),
        ("+902125557129", "fax"),
    ]


def test_digits_alone_away_from_the_phones_are_no_number():
    card = "Ayşe Korkmaz\nTel : (0212) 555 71 20\nVergi Dairesi Yeşilova\n555 71 21\n"
    contact = parse_card(lines_from_text(card), region="TR")
    assert [p.number for p in contact.phones] == ["+902125557120"]


def test_one_number_under_two_labels_is_the_phone_and_the_fax():
    card = "Ayşe Korkmaz\nT: 0212 555 90 14 F: 0212 555 90 14\n"
    contact = parse_card(lines_from_text(card), region="TR")
    assert [(p.number, p.type) for p in contact.phones] == [
        ("+902125559014", "work"),
        ("+902125559014", "fax"),
    ]


def test_a_turkish_industrial_estate_says_the_cards_country():
    card = (
        "Ayşe Korkmaz\n"
        "Yeşilova Organize San. Kuyumcular Sit. E5 Blok No: 27 Yeşilova - İST.\n"
        "Tel: (0212) 555 41 41\n"
    )
    contact = parse_card(lines_from_text(card), region="DE")
    assert [p.number for p in contact.phones] == ["+902125554141"]


@pytest.mark.parametrize(
    ("pattern", "example"), NOT_PHONE_LABEL_RULES, ids=[e for _, e in NOT_PHONE_LABEL_RULES]
)
def test_a_tax_or_register_number_is_no_phone(pattern, example):
    region = "TR" if "Yeşilova" in example or "Sic" in example else "DE"
    assert find_phones(example, region) == []
    # the same digits after a phone label are a phone
    digits = example.split()[-1]
    assert [f.phone.type for f in find_phones(f"Tel. {digits}", region)] in ([], ["work"])


def test_a_tax_number_after_the_phones_of_a_line():
    line = "Tel: (0212) 555 85 30 V.D. Yeşilova 5551234567"
    assert [f.phone.number for f in find_phones(line, "TR")] == ["+902125558530"]


def test_numbers_under_an_office_in_another_country_are_read_as_that_countrys():
    card = (
        "Kenji Sato\nSales Director\n3-7-21, Nishikawa, Tottori City\nTottori, 680-0011 JAPAN\n"
        "TEL +81-857-55-7788\nRoom 3, Tan Phu Ward\nDistrict 7, Ho Chi Minh City, Vietnam\n"
        "TEL (VN mobile): 093-5551374\n"
    )
    contact = parse_card(lines_from_text(card))
    assert [p.number for p in contact.phones] == ["+81857557788", "+84935551374"]


def test_a_german_card_with_an_austrian_branch():
    card = (
        "Anna Berg\nGeschäftsführerin\nHauptstraße 1, 10115 Berlin, Deutschland\n"
        "Tel. 030 1234567\nNiederlassung Österreich\nRingstraße 5, 1010 Wien\nTel. 01 234 56 78\n"
    )
    contact = parse_card(lines_from_text(card))
    assert [p.number for p in contact.phones] == ["+49301234567", "+4312345678"]


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # a label in brackets after the first one says the type
        ("Phone (cell) 212-555-0147", "US", [("+12125550147", "mobile")]),
        ("TEL (VN mobile): 028-3555-1374", "VN", [("+842835551374", "mobile")]),
    ],
)
def test_a_label_in_brackets_after_another(text, region, expected):
    assert _read(text, region) == expected


@pytest.mark.parametrize(
    ("line", "region", "expected"),
    [
        # one label for phone and fax, spaced: not split into two items
        ("Phone / Fax: +49 30 5550123", "DE", [("+49305550123", "work")]),
        ("Tel - Fax: 0212 555 53 26", "TR", [("+902125555326", "work")]),
        (
            "Tel: 030 5550123 / Fax: 030 5550124",
            "DE",
            [("+49305550123", "work"), ("+49305550124", "fax")],
        ),
    ],
)
def test_phone_and_fax_as_one_label_on_a_card(line, region, expected):
    contact = parse_card(lines_from_text(f"Anna Berg\n{line}\n"), region=region)
    assert [(p.number, p.type) for p in contact.phones] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # the NANP shape says North America where nothing else on the card does
        ("Office: (415) 555-0134  Cell: (415) 555-0199", ["+14155550134", "+14155550199"]),
        ("P 212.555.0147", ["+12125550147"]),
        # German national numbers start with their trunk 0
        ("Tel. 0711 555-0134", ["+497115550134"]),
    ],
)
def test_a_number_in_the_north_american_shape(line, expected):
    contact = parse_card(lines_from_text(f"Anna Berg\n{line}\n"), region="DE")
    assert [p.number for p in contact.phones] == expected


@pytest.mark.parametrize(
    ("text", "region", "expected"),
    [
        # a word that begins like a tax label is no label
        ("Einkauf 030 1234567", "DE", [("+49301234567", "work")]),
        ("Abnahme 030 1234567", "DE", [("+49301234567", "work")]),
        # a postcode after a spaced dash is not read into the number (phonenumbers took
        # "030 1234567 - 10115" for one number too long for E.164)
        ("Tel. 030 1234567 - 10115 Berlin", "DE", [("+49301234567", "work")]),
    ],
)
def test_words_and_postcodes_beside_a_number(text, region, expected):
    assert _read(text, region) == expected


def test_a_team_that_names_a_country_does_not_change_the_numbers_country():
    card = (
        "Anna Berg\nLeitung Vertrieb Österreich\nHelix GmbH\n10115 Berlin\nTel. 0228 123456\n"
        "anna@helix.de\nwww.helix.de\n"
    )
    assert [p.number for p in parse_card(lines_from_text(card)).phones] == ["+49228123456"]


def test_a_number_alone_under_an_office_abroad_keeps_that_countrys_area():
    card = "Anna Berg\nHelix GmbH\n10115 Berlin\nBüro 8001 Zürich, Schweiz\nTel. 044 555 56 78\n555 56 79\n"
    contact = parse_card(lines_from_text(card))
    assert [p.number for p in contact.phones] == ["+41445555678", "+41445555679"]
