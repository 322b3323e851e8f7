"""The company by the card's domain: the logo's word that spells it, beside a legal form that does
not name the company, and companies named like people. Invented cards of classes real cards show."""

import pytest

from cardscan.parse import lines_from_text, parse_card
from cardscan.parse.company import domain_agreement, mentions_domain, spelled_by_domain
from cardscan.parse.rules import PARENT_NOTE_RULES


@pytest.mark.parametrize(
    ("text", "domains", "expected"),
    [
        ("Blue ridge gate", {"blueridgegate"}, 1.0),
        ("ZW KORSAN", {"korsanmetal"}, 6 / 11),  # a logo's debris beside the name
        ("GÜNEŞ TEKNİK", {"gunesteknik"}, 1.0),  # letters the domain writes plainly
        ("Müller Bau", {"muellerbau"}, 1.0),  # ü as ue
        ("Endüstri Sanayi ve Tic. Ltd. Şti.", {"korsanmetal"}, 0.0),
        # the name among many other words is a mention, not the company's line
        ("Korsan Endüstri Sanayi ve Ticaret Ltd. Şti.", {"korsan"}, 0.0),
    ],
)
def test_domain_agreement(text, domains, expected):
    assert domain_agreement(text, domains) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "domains", "expected"),
    [
        ("Korsan Endüstri Sanayi ve Ticaret Ltd. Şti.", {"korsan"}, True),
        ("Nordic Field Systems Co.", {"nfs"}, True),  # the initials
        ("Endüstri Sanayi ve Tic. Ltd. Şti.", {"korsanmetal"}, False),
    ],
)
def test_mentions_domain(text, domains, expected):
    assert mentions_domain(text, domains) is expected


def test_the_logo_that_spells_the_domain_is_the_company():
    card = """ZW KORSAN
Endüstri Sanayi ve Tic. Ltd. Şti.
Deniz YILDIRIM
Satış Müdürü
www.korsanmetal.com
deniz@korsanmetal.com"""
    contact = parse_card(lines_from_text(card))
    # the logo's name begins the company's, the line under it is its trade and legal form
    assert contact.organization == "KORSAN Endüstri Sanayi ve Tic. Ltd. Şti."
    assert contact.name is not None and contact.name.full == "Deniz Yildirim"


def test_a_legal_form_line_that_names_the_company_stays():
    card = """NFS
Nordic Field Systems Co.
Jordan Miller
Managing Director
jordan.miller@nfs.example.com"""
    assert parse_card(lines_from_text(card)).organization == "Nordic Field Systems Co."


def test_a_company_named_like_a_person_beside_the_person():
    card = """KEMAL PANO
Ayşe Kaya
Satış Temsilcisi
www.kemalpano.com.tr
Gsm: 0532 111 22 33"""
    contact = parse_card(lines_from_text(card))
    assert contact.name is not None and contact.name.full == "Ayşe Kaya"
    assert contact.organization == "KEMAL PANO"


def test_a_person_with_their_own_domain_is_the_person():
    contact = parse_card(lines_from_text("Anna Beispiel\nwww.anna-beispiel.de\nTel. 030 1234567"))
    assert contact.name is not None and contact.name.full == "Anna Beispiel"
    assert contact.organization is None


def test_the_name_beside_a_title_is_the_person():
    # both start with a given name and no e-mail spells either: the title decides
    card = (
        "TARIK PROFİL\nALÜMİNYUM DOĞRAMA SANAYİ\nTarık SANCAK\nGenel Müdür\nTel: (0212) 555 66 19"
    )
    contact = parse_card(lines_from_text(card))
    assert contact.name is not None and contact.name.family == "Sancak"
    assert contact.title == "Genel Müdür"


def test_free_mail_says_nothing_of_the_company():
    card = "Polar Frio\nRefrigeração\npolarfrio@uol.com.br"
    contact = parse_card(lines_from_text(card))
    assert contact.organization != "Terra"


@pytest.mark.parametrize(
    "card",
    [
        "EMRE METAL\nVida - Somun - Civata\nTel: (0212) 555 41 26\nEsenyurt / İSTANBUL",
        "DENİZ ELEKTRİK\nPano ve Tesisat\nGsm: 0532 555 12 34",
    ],
)
def test_a_given_name_with_a_trade_word_is_a_company(card):
    # "Emre" and "Deniz" are given names; "Metal", "Elektrik" make the line a firm's
    contact = parse_card(lines_from_text(card))
    assert contact.name is None
    assert contact.organization == card.split("\n")[0]


@pytest.mark.parametrize(
    ("read", "domains", "expected"),
    [
        # the logo's first letters lost: the domain spells the whole name
        ("EKA METAL", {"bekametal"}, "BEKA METAL"),
        ("eka metal", {"bekametal"}, "beka metal"),
        # a word printed Capitalised or in mixed case is read as printed
        ("Lumen Design GmbH", {"illumen", "lumen-design"}, None),
        ("Eka Metal", {"bekametal"}, None),
        ("eLearning Akademie GmbH", {"learning-akademie"}, None),
        ("ket", {"laket"}, None),  # too few letters left to tell
        # a mark before the logo read as letters
        ("NEÇINAROĞLU METAL", {"cinaroglu"}, "ÇINAROĞLU METAL"),
        (
            "AOIDEKSAN Endüstri Sanayi ve Tic. Ltd. Şti.",
            {"deksan"},
            "DEKSAN Endüstri Sanayi ve Tic. Ltd. Şti.",
        ),
        # nothing lost: left as read
        ("Helix Systems GmbH", {"helix-systems"}, None),
        ("Metallbau Schmidt", {"schmidt-metallbau"}, None),
        # a domain's own prefix is no lost letter
        ("Bergbau GmbH", {"mybergbau"}, None),
    ],
)
def test_a_logo_spelled_by_the_domain(read, domains, expected):
    assert spelled_by_domain(read, domains) == expected


def test_the_logo_put_right_is_recorded_and_flagged():
    card = "Ayşe Korkmaz\nEKA METAL\nTel: +90 212 555 12 34\nayse@bekametal.com.tr\n"
    contact = parse_card(lines_from_text(card))
    assert contact.organization == "BEKA METAL"
    (origin,) = [o for o in contact.origins if o.field == "organization"]
    assert (origin.source, origin.rule, origin.read) == (
        "repaired",
        "logo-spelled-by-domain",
        "EKA METAL",
    )
    assert "organization" in contact.review()


@pytest.mark.parametrize(
    ("pattern", "note"), PARENT_NOTE_RULES, ids=[n for _, n in PARENT_NOTE_RULES]
)
def test_a_note_of_the_companys_owner_is_not_the_company(pattern, note):
    card = f"Dana Kim\nDirector\nHarbor Finch Ltd.\n{note}\n"
    assert parse_card(lines_from_text(card)).organization == "Harbor Finch Ltd."


@pytest.mark.parametrize(
    ("card", "org"),
    [
        # a possessive's apostrophe is the name's own, not a logo's debris
        ("HANNA VOGT\nManager\nHanna's Travel\nTel. +49 30 1234567", "Hanna's Travel"),
        # (the typographic apostrophe read as the plain one)
        ("Tom Reilly\nOwner\nO'Brien’s Bikes Inc.\nTel. +1 312 555 0134", "O'Brien's Bikes Inc."),
        # a logo's bracketed letter beside the name still is debris
        ("Tom Reilly\nOwner\n(E) Lakeside Dental\nTel. +1 312 555 0134", "Lakeside Dental"),
        # another language's spelling of an organisation word is no OCR slip of it
        (
            "Claire Dubois\nFondation Lémanique\nclaire@fondation-lemanique.ch",
            "Fondation Lémanique",
        ),
        # a thin letter lost is one
        (
            "Claire Dubois\nOpen Data Foundaton e.V.\nclaire@od-test.org",
            "Open Data Foundation e.V.",
        ),
        # a company whose name holds a title word is not split into a name and a title
        (
            "Jennifer Alvarez, CPA\nPartner\nAlvarez Tax Advisors LLC\njalvarez@alvarez-test.com",
            "Alvarez Tax Advisors LLC",
        ),
    ],
)
def test_company_line_read_as_printed(card, org):
    """An apostrophe, another language's spelling, a title word inside a company's name."""
    assert parse_card(lines_from_text(card)).organization == org


def test_company_line_with_its_legal_form_goes_on_no_further():
    # a logo's sign after the legal form; the department under it is no part of the name
    card = "Quarzit Weinbau GmbH &\nRechnungswesen\nE-Mail: post@quarzit-weinbau.de"
    assert parse_card(lines_from_text(card)).organization == "Quarzit Weinbau GmbH"


@pytest.mark.parametrize(
    ("card", "org", "title"),
    [
        ("Jonas Feld\nGeschäftsführer\nFeld & Partner", "Feld & Partner", "Geschäftsführer"),
        (
            "Jonas Feld\nSteuerberater\nKühn, Lenz und Partner",
            "Kühn, Lenz und Partner",
            "Steuerberater",
        ),
        ("Jonas Feld\nGeschäftsführer\nSmith & Partners", "Smith & Partners", "Geschäftsführer"),
        ("Jonas Feld\nSteuerberater\nDr. Roth & Partner", "Roth & Partner", "Steuerberater"),
        # "& Partner" after a title is a title; "Brand Partner" names no firm
        ("Jonas Feld\nManaging Director & Partner", None, "Managing Director & Partner"),
        ("Jonas Feld\nHead of Alliances & Partnerships", None, "Head of Alliances & Partnerships"),
        ("Jonas Feld\nBrand Partner\njonas@feld-test.de", None, "Brand Partner"),
    ],
)
def test_firm_of_partners_and_a_partners_title(card, org, title):
    contact = parse_card(lines_from_text(card))
    assert (contact.organization, contact.title) == (org, title)


def test_owners_note_ending_in_a_joining_word_is_no_part_of_the_name():
    card = "Lena Haas\nGeschäftsführerin\nEin Unternehmen der\nHelix Gruppe GmbH"
    assert parse_card(lines_from_text(card)).organization == "Helix Gruppe GmbH"
