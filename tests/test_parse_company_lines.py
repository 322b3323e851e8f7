"""A company's name printed over several lines: the logo's name over the line of trade and
legal form. Invented cards of the classes real cards show, and the lines that must stay apart
(a title, a slogan, a logo that repeats the name, a logo's misread marks)."""

import pytest

from cardscan.model import TextLine
from cardscan.parse import lines_from_text, parse_card


def card(*rows: tuple[str, float, float] | tuple[str, float, float, float]) -> list[TextLine]:
    """Lines as OCR gives them: (text, height in pixels, top 0..1[, confidence]), left-aligned."""
    lines = []
    for row in rows:
        text, height, top = row[:3]
        confidence = row[3] if len(row) == 4 else 0.92
        lines.append(TextLine(text, height, confidence, top, 0.08, 0.08 + 0.02 * len(text)))
    return lines


@pytest.mark.parametrize(
    ("lines", "organization"),
    [
        pytest.param(
            card(
                ("NORDLICHT", 64, 0.08),
                ("Werbetechnik GmbH", 28, 0.2),
                ("Jana Oswald", 36, 0.42),
                ("Projektleiterin", 24, 0.5),
                ("jana.oswald@nl-werbung.de", 22, 0.8),
            ),
            "NORDLICHT Werbetechnik GmbH",
            id="the logo's name, printed larger, over the legal form",
        ),
        pytest.param(
            card(
                ("DEMİRKAYA", 70, 0.06),
                ("K", 60, 0.12),  # the logo's mark between the lines
                ("PLASTİK ENJEKSİYON MAKİNA", 30, 0.19),
                ("SAN. ve TİC. LTD. ŞTİ.", 30, 0.25),
                ("Serkan ÖZTÜRK", 40, 0.45),
                ("Genel Müdür", 26, 0.52),
            ),
            "DEMİRKAYA PLASTİK ENJEKSİYON MAKİNA SAN. ve TİC. LTD. ŞTİ.",
            id="the name, the trade and the legal form on three lines",
        ),
        pytest.param(
            card(
                ("OZANLAR PROFİL", 90, 0.06),
                ("ALÜMİNYUM DOĞRAMA SANAYİ", 40, 0.19),  # an organisation word, no legal form
                ("Tarık Ozanlı", 44, 0.45),
                ("Genel Müdür", 28, 0.52),
            ),
            "OZANLAR PROFİL ALÜMİNYUM DOĞRAMA SANAYİ",
            id="over an organisation word's line",
        ),
    ],
)
def test_a_name_printed_over_the_legal_forms_line_is_read_with_it(lines, organization):
    assert parse_card(lines).organization == organization


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        (
            "ERDEM\nMAKİNA\nSan. ve Tic. Ltd. Şti.\nMurat ERDEM\nwww.erdemmakina.com.tr",
            "ERDEM MAKİNA",  # the trade word's line is the company's, the logo's name over it
        ),
        (
            "ERDEM\nPLASTİK ENJEKSİYON\nSan. ve Tic. Ltd. Şti.\nMurat ERDEM\nwww.erdemplastik.com",
            "ERDEM PLASTİK ENJEKSİYON San. ve Tic. Ltd. Şti.",
        ),
        (
            "Müller & Söhne\nMaschinenbau GmbH\nJana Oswald\nwww.mueller-soehne.de",
            "Müller & Söhne Maschinenbau GmbH",
        ),
    ],
)
def test_the_domain_joins_lines_of_one_size(text, organization):
    # no font sizes known (plain text): the domain spells the lines read together
    assert parse_card(lines_from_text(text)).organization == organization


@pytest.mark.parametrize(
    ("lines", "organization"),
    [
        pytest.param(
            card(
                ("Anna Berger", 40, 0.1),
                ("Vertriebsleiterin", 28, 0.18),
                ("Hafenkran Logistik GmbH", 28, 0.26),
            ),
            "Hafenkran Logistik GmbH",
            id="a title above the company",
        ),
        pytest.param(
            card(
                ("Ideen, die bewegen", 20, 0.1),
                ("Hafenkran Logistik GmbH", 30, 0.17),
                ("Anna Berger", 40, 0.4),
            ),
            "Hafenkran Logistik GmbH",
            id="a slogan, printed smaller",
        ),
        pytest.param(
            card(
                ("AKIMET", 80, 0.06),
                ("Akımet San. Tic. Ltd. Şti.", 30, 0.18),
                ("Deniz Kaya", 40, 0.4),
            ),
            "Akımet San. Tic. Ltd. Şti.",
            id="a logo that repeats the name",
        ),
        pytest.param(
            card(
                ("HOS", 80, 0.06),
                ("Helios Optical Systems, Inc.", 30, 0.18),
                ("Ann Baker", 40, 0.4),
            ),
            "Helios Optical Systems, Inc.",
            id="a logo of the name's initials",
        ),
        pytest.param(
            card(
                ("BE BFR BRA BB]", 80, 0.06, 0.22),
                ("Helios Optical Systems, Inc.", 30, 0.18),
                ("Ann Baker", 40, 0.4),
            ),
            "Helios Optical Systems, Inc.",
            id="a logo misread",
        ),
        pytest.param(
            card(
                ("Ann Baker", 40, 0.04),
                ("Lagerlogistik", 44, 0.12),  # a title the tables do not know, printed large
                ("Helios Optical Systems, Inc.", 30, 0.86),
            ),
            "Helios Optical Systems, Inc.",
            id="a line at the card's other end",
        ),
        pytest.param(
            card(
                ("Nordhafen Immobilien GmbH", 30, 0.1),
                ("Anna Berger", 40, 0.4),
                ("Mühlenweg 4", 24, 0.7),
            ),
            "Nordhafen Immobilien GmbH",
            id="nothing above",
        ),
    ],
)
def test_lines_that_are_not_the_companys_stay_apart(lines, organization):
    contact = parse_card(lines)
    assert contact.organization == organization
    assert contact.name is not None


def test_the_persons_name_over_the_company_stays_the_persons():
    lines = card(
        ("Fenja Lindqvist", 60, 0.1),
        ("Nordhafen Immobilien GmbH", 30, 0.2),
        ("fenja@nordhafen-immo.de", 24, 0.7),
    )
    contact = parse_card(lines)
    assert contact.organization == "Nordhafen Immobilien GmbH"
    assert contact.name is not None and contact.name.full == "Fenja Lindqvist"
