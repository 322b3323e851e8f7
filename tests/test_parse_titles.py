"""A job title the title tables do not know: the plain line right under the name, in its
column; never a line elsewhere on the card, nor one that names a company. Invented cards."""

import pytest

from cardscan.model import TextLine
from cardscan.parse import lines_from_text, parse_card


def line(text: str, top: float, left: float, height: float = 30) -> TextLine:
    return TextLine(text, height, 0.92, top, left, left + 0.018 * len(text))


@pytest.mark.parametrize(
    "title",
    [
        "Lagerist",  # in no title table: its place says what it is
        "Bankkauffrau",  # holds an organisation word ("bank"), and is no organisation
    ],
)
def test_an_unknown_title_right_under_the_name_is_read(title):
    card = f"Ayla Brenner\n{title}\nNordhafen Logistik GmbH\nTel. 040 5556677"
    assert parse_card(lines_from_text(card)).title == title


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(
            [
                line("Emre Kaya", 0.40, 0.35, 44),
                line("Kaya Sac Ltd. Şti.", 0.10, 0.05, 50),
                line("Tel: (0212) 555 12 34", 0.70, 0.05),
                line("Esenyurt", 0.86, 0.62),  # an address's leftover, in the next column
            ],
            id="a line in another column at the card's foot",
        ),
        pytest.param(
            [
                line("Kaya Sac Ltd. Şti.", 0.10, 0.05, 50),
                line("Emre Kaya", 0.40, 0.05, 44),
                line("AMBALAJ MALZEMELERİ TİCARETİ", 0.50, 0.05),  # what the firm trades in
                line("Tel: (0212) 555 12 34", 0.70, 0.05),
            ],
            id="a line of the company's trade",
        ),
    ],
)
def test_no_title_is_invented(lines):
    contact = parse_card(lines)
    assert contact.name is not None and contact.name.full == "Emre Kaya"
    assert contact.title is None


@pytest.mark.parametrize(
    ("printed", "email", "name", "title"),
    [
        ("Ralf Kessler Founder & CEO", "rkessler", "Ralf Kessler", "Founder & CEO"),
        ("Tom Berger Director of Logistics", "tom.berger", "Tom Berger", "Director of Logistics"),
        ("Anna Maria Berger Head of Sales", "am.berger", "Anna Maria Berger", "Head of Sales"),
    ],
)
def test_a_title_read_into_the_names_line_is_split_off(printed, email, name, title):
    # the title set in another type on the name's line: OCR reads one line; the e-mail
    # spells the name
    card = f"Nordlicht Labs\n{printed}\nPh. +1 415 555 0182\n{email}@nordlicht-labs.io"
    contact = parse_card(lines_from_text(card))
    assert contact.name is not None and contact.name.full == name
    assert contact.title == title


def test_a_title_that_starts_with_a_first_name_stays_whole():
    # "Senior" is someone's first name somewhere; no e-mail spells "Senior Account"
    card = "Nordlicht Labs\nThomas Rowland\nSenior Account Manager\nthomas.rowland@nordlicht.io"
    contact = parse_card(lines_from_text(card))
    assert contact.name is not None and contact.name.full == "Thomas Rowland"
    assert contact.title == "Senior Account Manager"


@pytest.mark.parametrize("printed", ["Anna Berger Consulting", "Dr. Anna Berger"])
def test_a_name_line_without_a_title_stays_whole(printed):
    contact = parse_card(lines_from_text(f"{printed}\nTel. 040 5556677"))
    assert contact.title is None


@pytest.mark.parametrize(
    ("line", "title", "department", "organization"),
    [
        # the title, a comma, then the department or the company with its legal form
        (
            "Associate Professor, Department of Applied Physics",
            "Associate Professor",
            "Department of Applied Physics",
            "Hanul University",
        ),
        ("Head of Marketing, Helix Systems GmbH", "Head of Marketing", None, "Helix Systems GmbH"),
        ("CEO, Helix Systems Inc.", "CEO", None, "Helix Systems Inc."),
        # a firm's name with a title word in it stays the firm's
        (
            "Müller & Partner, Rechtsanwälte GmbH",
            None,
            None,
            "Müller & Partner, Rechtsanwälte GmbH",
        ),
    ],
)
def test_a_title_and_a_department_or_company_on_one_line(line, title, department, organization):
    card = f"Dana Kim\n{line}\n" + ("Hanul University\n" if "Department" in line else "")
    contact = parse_card(lines_from_text(card))
    assert (contact.title, contact.department, contact.organization) == (
        title,
        department,
        organization,
    )


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # a division in brackets after the title is no legal form ("SA" is one in Switzerland)
        ("Deputy Director General (SA)", "Deputy Director General (SA)"),
        ("Head of Sales (AG)", "Head of Sales (AG)"),
        # a Turkish engineer's title abbreviated
        ("Elk. Müh.", "Elk. Müh."),
    ],
)
def test_titles_that_look_like_other_fields(line, title):
    contact = parse_card(lines_from_text(f"Dana Kim\n{line}\nMinistry of Transport\n"))
    assert (contact.title, contact.organization) == (title, "Ministry of Transport")


def test_a_department_with_its_umlauts_dots_lost_is_the_department():
    contact = parse_card(lines_from_text("Dana Kim\nQualitatsmanagement\nHelix Systems GmbH\n"))
    assert (contact.title, contact.department) == (None, "Qualitätsmanagement")
    (origin,) = [o for o in contact.origins if o.field == "department"]
    assert (origin.source, origin.read) == ("repaired", "Qualitatsmanagement")


def test_no_other_word_is_bent_to_the_department_table():
    # "Produkt" is one letter from the table's English "product": it stays as printed
    contact = parse_card(lines_from_text("Dana Kim\nVertrieb & Produkt\nHelix Systems GmbH\n"))
    assert "Vertrieb & Produkt" in (contact.title, contact.department)
    assert [o for o in contact.origins if o.field == "department"] == []


@pytest.mark.parametrize("line", ["Partner Solutions, Inc.", "Manager Tools, LLC"])
def test_a_company_with_its_legal_form_after_a_comma_stays_whole(line):
    contact = parse_card(lines_from_text(f"Dana Kim\n{line}\n"))
    assert (contact.title, contact.organization) == (None, line)


def test_title_word_before_a_department_makes_the_line_a_title():
    card = "Katharina Seidel\nLeiterin Forschung & Entwicklung\nLindqvist Optik GmbH"
    contact = parse_card(lines_from_text(card))
    assert (contact.title, contact.department) == ("Leiterin Forschung & Entwicklung", None)
    # a department alone stays a department
    card = "Katharina Seidel\nProjektleiterin\nForschung & Entwicklung\nLindqvist Optik GmbH"
    contact = parse_card(lines_from_text(card))
    assert (contact.title, contact.department) == ("Projektleiterin", "Forschung & Entwicklung")


def test_line_with_a_legal_form_is_no_title():
    # a firm of lawyers: its professions and its legal form, above the person's own title
    card = (
        "BRÜCKNER & PARTNER\nRechtsanwälte Steuerberater mbB\nFlorian Brückner\n"
        "Rechtsanwalt | Fachanwalt für Arbeitsrecht\nbrueckner@brueckner-partner.de"
    )
    contact = parse_card(lines_from_text(card))
    assert contact.title == "Rechtsanwalt"
    assert contact.organization == "BRÜCKNER & PARTNER"


def test_title_that_starts_with_a_legal_form_word_stays_a_title():
    card = "David Lam\nGroup Associate Director\nHarbour Land Company Limited"
    assert parse_card(lines_from_text(card)).title == "Group Associate Director"


@pytest.mark.parametrize(
    ("card", "title"),
    [
        ("Lena Haas\nHead of Research Group\nNordlicht Labs GmbH", "Head of Research Group"),
        # a line ending with a legal form whose last letter is a dot is the company's
        ("Ana Lima\nSócia\nLima Holding\nAttorneys & Consultants S.A.", "Sócia"),
    ],
)
def test_title_ending_in_a_legal_form_word(card, title):
    assert parse_card(lines_from_text(card)).title == title


def test_name_before_a_title_with_group_on_one_line_is_the_name():
    card = "Anna Berg Head of Group Finance\nanna.berg@berg-test.de"
    contact = parse_card(lines_from_text(card))
    assert contact.name is not None and contact.name.full == "Anna Berg"


@pytest.mark.parametrize(
    ("card", "org"),
    [
        (
            "Anna Berg Tax Advisors GmbH, Hamburg\nanna.berg@berg-test.de",
            "Anna Berg Tax Advisors GmbH, Hamburg",
        ),
        (
            "Lena Klein Consulting Engineers UG (haftungsbeschränkt)\nlena.klein@klein-test.de",
            "Lena Klein Consulting Engineers UG (haftungsbeschränkt)",
        ),
    ],
)
def test_company_named_after_a_person_is_not_split_into_a_name_and_a_title(card, org):
    assert parse_card(lines_from_text(card)).organization == org
