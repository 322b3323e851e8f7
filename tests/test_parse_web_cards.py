"""E-mails on whole cards: the name before an address only proposed, an address split over
two lines, an @ or label misread."""

import pytest


def _read(card):
    from cardscan.parse import lines_from_text, parse_card

    contact = parse_card(lines_from_text(card))
    return list(contact.emails), [p.candidate for p in contact.proposals if p.field == "emails"]


@pytest.mark.parametrize(
    ("card", "emails", "proposed"),
    [
        # the dot after the given name read as a space? "brown@" is valid as read: the given
        # name is proposed, not put in
        (
            "Victoria Brown\nVertex Capital Corp.\nVictoria brown@vertex-capital.com",
            ["brown@vertex-capital.com"],
            ["victoria.brown@vertex-capital.com"],
        ),
        # the initial read as a look-alike digit, its dot as a space? The address was no
        # valid one as read ("northwind com"), but its repair only put the dots back: the
        # given name's initial is a proposal like any other
        (
            "Stephanie Gutierrez\nNorthwind Inc.\nE-mail: 5 gutierrez @ northwind com",
            ["gutierrez@northwind.com"],
            ["s.gutierrez@northwind.com"],
        ),
        (
            "Thomas Gutierrez\nNorthwind Inc.\nE-mail: 5 gutierrez @ northwind com",
            ["gutierrez@northwind.com"],
            [],
        ),
        # a label before a family-name address changes nothing
        (
            "Victoria Brown\nVertex Capital Corp.\nE-Mail brown@vertex-capital.com",
            ["brown@vertex-capital.com"],
            [],
        ),
        # a space read into the local part: joined only as a proposal
        (
            "Esther Christoph\nFröhlich Immobilien GmbH\nE esther.chris toph@froehlich.de",
            ["toph@froehlich.de"],
            ["esther.christoph@froehlich.de"],
        ),
        # a word before an address that does not spell the name with it stays apart
        (
            "Esther Christoph\nFröhlich Immobilien GmbH\nKontakt toph@froehlich.de",
            ["toph@froehlich.de"],
            [],
        ),
    ],
)
def test_name_before_an_address_is_only_proposed(card, emails, proposed):
    assert _read(card) == (emails, proposed)


@pytest.mark.parametrize(
    ("card", "email"),
    [
        # the space after the dot; a family name with particles
        (
            "Steven van der Merwe\nAguilar LLC\nE: Steven. vandermerwe@aguilar.com",
            "steven.vandermerwe@aguilar.com",
        ),
        # the space before it
        (
            "Frida Lindqvist\nNorrsken AB\nFrida .Lindqvist@norrsken.se",
            "frida.lindqvist@norrsken.se",
        ),
        # the given name's initial; a sub-address and a number after the name
        ("Ilka Pommer\nMail | i. pommer+messe@holzbau-test.at", "i.pommer+messe@holzbau-test.at"),
        ("Ilka Pommer\nMail | ilka. pommer7@holzbau-test.at", "ilka.pommer7@holzbau-test.at"),
        # the dot read as a low comma, glued; the initial read as a glyph no address holds
        ("Jonas van Dorp\nmail j‚vandorp@dorp-druck.at", "j.vandorp@dorp-druck.at"),
        ("Franz-Peter Steckel\ne-mail: £.steckel@kroker-test.de", "f.steckel@kroker-test.de"),
    ],
)
def test_dot_read_after_the_given_name_lets_the_name_choose(card, email):
    """ "Steven. vandermerwe@": the dot is read, the line holds "vandermerwe@" after a word
    and the one address "steven.vandermerwe@"; the name chooses, and the value is flagged."""
    from cardscan.parse import lines_from_text, parse_card

    contact = parse_card(lines_from_text(card))
    assert list(contact.emails) == [email]
    origin = contact.origin("emails", email)
    assert origin.source == "repaired"
    assert "given-name-before-the-dot" in origin.rule.split("+")
    assert "emails" in contact.review()


@pytest.mark.parametrize(
    "card",
    [
        "Max Weber\nmax.weber@foo.de\nweber@foo.de",  # two addresses, one line each
        "Steven Merwe\nE: Dr. merwe@aguilar.com",  # a word with a dot that is no name
        "Steven Merwe\nE: Anna. merwe@aguilar.com",  # another person's given name
    ],
)
def test_dot_before_an_address_without_the_given_name_changes_nothing(card):
    from cardscan.parse import lines_from_text, parse_card

    contact = parse_card(lines_from_text(card))
    printed = [line.rsplit(" ", 1)[-1] for line in card.splitlines() if "@" in line]
    assert list(contact.emails) == printed


def test_name_gets_its_umlaut_back_from_the_corrected_address():
    from cardscan.parse import lines_from_text, parse_card

    # the address as printed spells the umlaut out
    card = "Nussbaumer GmbH\nKristian Mullner\nkristian.muellner@nussbaumer.at"
    contact = parse_card(lines_from_text(card))
    assert contact.emails == ("kristian.muellner@nussbaumer.at",)
    assert contact.name is not None and contact.name.family == "Müllner"
    # a misread address is only proposed its correction, and says nothing of the name
    card = "Nussbaumer GmbH\nKristian Mullner\nkristian.mueliner@nussbaumer.at"
    contact = parse_card(lines_from_text(card))
    assert contact.emails == ("kristian.mueliner@nussbaumer.at",)
    assert [p.candidate for p in contact.proposals] == ["kristian.muellner@nussbaumer.at"]


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        # the columns of a tilted card read apart: label and local part, the domain elsewhere
        (
            "Sean Rojas\nPhone: 312-472-8689\n@delgado-software.com\nEmail: sean.rojas\n"
            "Chicago, IL 60622",
            ["sean.rojas@delgado-software.com"],
        ),
        ("Anna Berg\nanna.berg\n@firma.de", ["anna.berg@firma.de"]),
        # a word without label, dot or hyphen is no local part; two candidates are no answer
        ("Eva\n@firma.de", []),
        ("Vertrieb\n@firma.de", []),
        # a social-media handle alone on its line, a website: no address
        ("Cafe Luitpold GmbH\nwww.cafe-luitpold.de\n@cafe.luitpold", []),
        # an unlabelled word only where no address was read whole
        ("Anna Berg\nanna.berg\n@firma.de\ninfo@firma.de", ["info@firma.de"]),
        ("E-Mail: anna.berg\nE-Mail: jan.roth\n@firma.de", []),
    ],
)
def test_address_split_over_two_lines(card, expected):
    from cardscan.parse import lines_from_text, parse_card

    assert list(parse_card(lines_from_text(card)).emails) == expected


@pytest.mark.parametrize(
    ("card", "emails", "urls", "proposed"),
    [
        # the @ read as a letter: a valid website as read; the address it may be (name
        # spelling + look-alike + the card's own website) is proposed in its place
        (
            "Wesley Ayala\nGreenfield Inc.\nE: ayalaegreenfield.com\nW: www.greenfield.com",
            [],
            ["https://ayalaegreenfield.com", "https://www.greenfield.com"],
            ["ayala@greenfield.com"],
        ),
        (
            "Wesley Ayala\nE: ayalacegreenfield.com\nW: www.greenfield.com",
            [],
            ["https://ayalacegreenfield.com", "https://www.greenfield.com"],
            ["ayala@greenfield.com"],
        ),
        # no valid value as read (a dotless ı): the name chooses the reading
        (
            "Wesley Ayala\nE: ayalacıgreenfield.com\nW: www.greenfield.com",
            ["ayala@greenfield.com"],
            ["https://www.greenfield.com"],
            [],
        ),
        # another word before the host is no address
        (
            "Wesley Ayala\nshopegreenfield.com\nW: www.greenfield.com",
            [],
            ["https://shopegreenfield.com", "https://www.greenfield.com"],
            [],
        ),
        # a letter before a family-name address: the label E read as t, or an initial? It is
        # no part of the valid address as read; the initial is only proposed
        ("Alicja von Stein\nGotthard AG\nt vonstein@gotthard.de", ["vonstein@gotthard.de"], [], ["t.vonstein@gotthard.de"]),
        ("Tom von Stein\nGotthard AG\nt vonstein@gotthard.de", ["vonstein@gotthard.de"], [], ["t.vonstein@gotthard.de"]),
        ("Johann Georg Müller\ng mueller@firma.de", ["mueller@firma.de"], [], ["g.mueller@firma.de"]),
        ("Alicja von Stein\nGotthard AG\nt.vonstein@gotthard.de", ["t.vonstein@gotthard.de"], [], []),
    ],
)  # fmt: skip
def test_address_read_with_its_at_or_label_misread(card, emails, urls, proposed):
    from cardscan.parse import lines_from_text, parse_card

    contact = parse_card(lines_from_text(card))
    assert (list(contact.emails), list(contact.urls)) == (emails, urls)
    assert [p.candidate for p in contact.proposals] == proposed


@pytest.mark.parametrize(
    ("card", "email"),
    [
        # "E." labels the line; Eva Pommer's address as printed is pommer@
        ("Eva Pommer\nE. pommer@holzbau-test.at", "pommer@holzbau-test.at"),
        # a lower-case letter after the label is her initial; so is any other one
        ("Eva Pommer\nE: e. pommer@holzbau-test.at", "e.pommer@holzbau-test.at"),
        ("Michael Weber\nMail m. weber@weber-test.de", "m.weber@weber-test.de"),
    ],
)
def test_label_letter_before_an_address_is_no_initial(card, email):
    from cardscan.parse import lines_from_text, parse_card

    assert parse_card(lines_from_text(card)).emails == (email,)


def test_given_name_before_one_address_leaves_another_alone():
    # the name before the first address says nothing of the second, printed cleanly
    from cardscan.parse import lines_from_text, parse_card

    card = (
        "Steven van der Merwe\nE: Steven. vandermerwe@aguilar-test.com\n"
        "Privat: vandermerwe@merwe-home.net"
    )
    contact = parse_card(lines_from_text(card))
    assert contact.emails == (
        "steven.vandermerwe@aguilar-test.com",
        "vandermerwe@merwe-home.net",
    )
    # nor where the domains begin alike ("aguilar-test.com", "aguilar.net")
    card = (
        "Steven van der Merwe\nE: Steven. vandermerwe@aguilar-test.com\n"
        "Privat: vandermerwe@aguilar.net"
    )
    assert parse_card(lines_from_text(card)).emails == (
        "steven.vandermerwe@aguilar-test.com",
        "vandermerwe@aguilar.net",
    )


def test_letter_labels_in_lower_case_are_labels():
    # a card that labels every line with a letter: "e." is the e-mail's label
    from cardscan.parse import lines_from_text, parse_card

    card = "Eva Pommer\nt. +43 1 234 5678\ne. pommer@holzbau-test.at\nw. holzbau-test.at"
    assert parse_card(lines_from_text(card)).emails == ("pommer@holzbau-test.at",)
