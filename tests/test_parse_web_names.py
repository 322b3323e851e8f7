"""E-mails and profile links put right by the printed name: look-alike letters, initials,
role mailboxes and second readings of one address."""

import pytest


@pytest.mark.parametrize(
    ("emails", "name", "expected"),
    [
        (["iydia.wood@x.co.uk"], ["lydia", "wood"], ["lydia.wood@x.co.uk"]),
        (["viester@x.com"], ["victor", "lester"], ["vlester@x.com"]),
        # one for one: what becomes of the readings is settled by cardscan.parse.checks
        (
            ["theresa.jackson@r.com", "jackson@r.com"],
            ["theresa", "jackson"],
            ["theresa.jackson@r.com", "jackson@r.com"],
        ),
        (
            ["dlachmann@c.de", "diachmann@c.de"],
            ["dieter", "lachmann"],
            ["dlachmann@c.de", "dlachmann@c.de"],
        ),
        (["info@c.de", "anna@c.de"], ["anna", "lachmann"], ["info@c.de", "anna@c.de"]),
        (["ilse@c.de"], ["ilse", "lachmann"], ["ilse@c.de"]),
        # rn read as m: Simon Turner's s.tumer@ (the name is not bent to a misread e-mail)
        (["s.tumer@w.co.uk"], ["simon", "turner"], ["s.turner@w.co.uk"]),
        (["s.turner@w.co.uk"], ["simon", "tumer"], ["s.turner@w.co.uk"]),
        # a thin letter read twice, a zero for an o
        (["natalia.stoeckll@g.at"], ["natalia", "stoeckl"], ["natalia.stoeckl@g.at"]),
        (["a.0estrovsky@n.de"], ["anna", "oestrovsky"], ["a.oestrovsky@n.de"]),
        # an address that is the name stays as it is
        (["tim@x.de"], ["tim", "berg"], ["tim@x.de"]),
        (["timm@x.de"], ["tim", "berg"], ["timm@x.de"]),  # too short to call a letter doubled
        # an initial that is the family name's first letter is no doubled letter
        (["aalbrecht@b.ch"], ["anne", "albrecht"], ["aalbrecht@b.ch"]),
        (["rrose@g.com"], ["robert", "rose"], ["rrose@g.com"]),
        # a thin letter lost; the initial and a family name of two words
        (["rta@s.co.uk"], ["rita", "smith"], ["rita@s.co.uk"]),
        (["ana@s.co.uk"], ["anna", "smith"], ["ana@s.co.uk"]),
        (["izurlinden@l.at"], ["lisa", "zur", "linden"], ["lzurlinden@l.at"]),
        # the family name's own initial is no candidate: not "oswald.tthies@"
        (["oswald.thies@b.de"], ["oswald", "thies"], ["oswald.thies@b.de"]),
        # f read as t
        (["ajungter@h.de"], ["anna", "jungfer"], ["ajungfer@h.de"]),
        # a name read without its umlaut dots ("Mullner"): the address spells them out
        (["kristian.mueliner@n.at"], ["kristian", "mullner"], ["kristian.muellner@n.at"]),
        (["kristian.mullner@n.at"], ["kristian", "mullner"], ["kristian.mullner@n.at"]),
        (["jbauer@n.at"], ["jan", "bauer"], ["jbauer@n.at"]),
        # j read as i; the family name of two words without the initial
        (["liones@b.co.uk"], ["leon", "jones"], ["ljones@b.co.uk"]),
        (["lorraine.vandiik@m.co.uk"], ["lorraine", "van", "dijk"], ["lorraine.vandijk@m.co.uk"]),
        # the address's l is not bent to a name misread with i ("Tyler Gienn" for Glenn)
        (["glenn@c.com"], ["tyler", "gienn"], ["glenn@c.com"]),
        (["willlam.chen@b.com"], ["william", "chen"], ["william.chen@b.com"]),
        # a stroke read after the end of a name; a short name keeps its last letter
        (["paertzelti@k.de"], ["anette", "paertzelt"], ["paertzelt@k.de"]),
        (["anai@k.de"], ["ana", "berg"], ["anai@k.de"]),
        # ri read as n
        (["mnch@b.de"], ["mark", "rich"], ["mrich@b.de"]),
        (["nina@b.de"], ["rina", "berg"], ["nina@b.de"]),  # another name stays
        # g read as q
        (["tfiqueroa@w.com"], ["tom", "figueroa"], ["tfigueroa@w.com"]),
        # c read as e ("Erkan Akçay": erkanakeay@)
        (["erkanakeay@y.net"], ["erkan", "akcay"], ["erkanakcay@y.net"]),
        (["erkan.akman@y.net"], ["erkan", "akcay"], ["erkan.akman@y.net"]),  # another name
    ],
)
def test_correct_emails(emails, name, expected):
    from cardscan.parse.crosscheck import correct_emails

    assert correct_emails(emails, name) == expected


def test_email_initial_corrected_by_name():
    from cardscan.parse.crosscheck import correct_emails

    assert correct_emails(["i.wright@x.com"], ["lucy", "wright"]) == ["l.wright@x.com"]
    assert correct_emails(["a.wright@x.com"], ["lucy", "wright"]) == ["a.wright@x.com"]


def test_bar_before_the_at_is_an_l_not_a_separator():
    from cardscan.parse import lines_from_text, parse_card

    card = "Marta Eberl\nMail eber|@gabriel.at\nhttps://www.gabriel.at"
    assert parse_card(lines_from_text(card)).emails == ("eberl@gabriel.at",)


def test_bar_initial_on_a_card_is_the_given_names_initial():
    from cardscan.parse import lines_from_text, parse_card

    card = "Josephine Price\nSenior Account Manager\nE-mail |.price@ sonnhalde.com"
    assert parse_card(lines_from_text(card)).emails == ("j.price@sonnhalde.com",)


def test_academic_prefix_is_no_email_initial():
    from cardscan.parse import lines_from_text, parse_card

    # "Ing." must not turn Lars's l.meusburger@ (read I.meusburger@) into i.meusburger@: the
    # I/l glyph has two readings, and the name chooses l
    card = "Dipl.-Ing. Lars Meusburger\nI.meusburger@zaunerenergie.at"
    contact = parse_card(lines_from_text(card))
    assert contact.emails == ("l.meusburger@zaunerenergie.at",)
    assert contact.proposals == ()
    # ... and Ilse's capital I stays an i
    card = "Ilse Berg\nIlse.berg@zaunerenergie.at"
    assert parse_card(lines_from_text(card)).emails == ("ilse.berg@zaunerenergie.at",)


@pytest.mark.parametrize(
    ("email", "name", "initial", "expected"),
    [
        # "|.price@" on Josephine Price's card: the bar was her j
        ("l.price@s.com", ["josephine", "price"], "j", "j.price@s.com"),
        # a family name of two words: Franz-Xaver zur Linden
        ("l.zurlinden@r.de", ["franz", "xaver", "zur", "linden"], "f", "f.zurlinden@r.de"),
        # a wide initial is no narrow-glyph slip: Anna Price's l.price@ is someone else's
        ("l.price@s.com", ["anna", "price"], "a", "l.price@s.com"),
        # the rest is not the family name: a team address stays as printed
        ("l.sales@s.com", ["josephine", "price"], "j", "l.sales@s.com"),
    ],
)
def test_narrow_initial_restored_from_name(email, name, initial, expected):
    from cardscan.parse.crosscheck import correct_emails

    assert correct_emails([email], name, initial) == [expected]


@pytest.mark.parametrize(
    ("card", "url"),
    [
        # look-alike slips in a handle, put right by the printed name
        ("Ilir Fehr\nxing.com/profile/llir_Fehr", "https://www.xing.com/profile/Ilir_Fehr"),
        (
            "Geraldine Hill\nlinkedin.com/in/geraidine-hill-948a08",
            "https://www.linkedin.com/in/geraldine-hill-948a08",
        ),
        # slashes and letters of the address read wrong
        (
            "Driton Bolliger\nwww.linkedin.convin/driton-bolliger",
            "https://www.linkedin.com/in/driton-bolliger",
        ),
        ("Minh Tran\nlinkedin.com/iniminhtran", "https://www.linkedin.com/in/minhtran"),
        # Xing's number after a namesake's handle stays
        (
            "Josef Nagl\nwww.xing.com/profile/Josef_NagI91",
            "https://www.xing.com/profile/Josef_Nagl91",
        ),
        # a handle that is not the name stays
        ("Anna Berg\nlinkedin.com/in/ivan-berg", "https://www.linkedin.com/in/ivan-berg"),
    ],
)
def test_profile_slips(card, url):
    from cardscan.parse import lines_from_text, parse_card

    # valid handles as read stay as printed; the name's spelling is only proposed
    contact = parse_card(lines_from_text(card))
    assert [p.url for p in contact.profiles] == [url] or [
        p.candidate for p in contact.proposals
    ] == [url]


@pytest.mark.parametrize("role", ["info", "hello", "office", "kontakt", "sales"])
def test_role_mailbox_slips(role):
    from cardscan.parse.crosscheck import correct_emails

    misread = role.replace("l", "i", 1).replace("o", "0", 1)
    assert correct_emails([f"{misread}@firma.de"], ["anna", "berg"]) == [f"{role}@firma.de"]


def test_a_name_is_no_misread_role_mailbox():
    from cardscan.parse.crosscheck import correct_emails

    assert correct_emails(["mai@firma.de"], ["mai", "nguyen"]) == ["mai@firma.de"]
    assert correct_emails(["mai@firma.de"], ["anna", "berg"]) == ["mail@firma.de"]


def test_letter_before_the_full_given_name_is_debris():
    from cardscan.parse.crosscheck import correct_emails

    # "E" read as "t" before bethan.moore@: not an initial
    assert correct_emails(["t.bethan.moore@v.co.uk"], ["bethan", "moore"]) == [
        "bethan.moore@v.co.uk"
    ]
    # a real initial before the family name stays
    assert correct_emails(["t.moore@v.co.uk"], ["bethan", "moore"]) == ["t.moore@v.co.uk"]


@pytest.mark.parametrize(
    ("emails", "expected"),
    [
        # a second reading that lost the start of the local part
        (["ude@silverline.de", "kgude@silverline.de"], ["kgude@silverline.de"]),
        # a garbled second reading beside the one that spells the printed name
        (
            ["joel.hochreiter@quantis.at", "jo.aochreiter@quantis.at"],
            ["joel.hochreiter@quantis.at"],
        ),
        (["jo.aochreiter@quantis.at", "j.hochreiter@quantis.at"], ["j.hochreiter@quantis.at"]),
        # the person's address and a team address are two addresses
        (
            ["joel.hochreiter@quantis.at", "info@quantis.at"],
            ["joel.hochreiter@quantis.at", "info@quantis.at"],
        ),
        (["jhochreiter@quantis.at", "hochreiter@quantis.at"], ["jhochreiter@quantis.at"]),
        # nothing spells the name: both stay (nothing tells which one was printed)
        (
            ["jo.aochreiter@quantis.at", "joe.hochreuter@quantis.at"],
            ["jo.aochreiter@quantis.at", "joe.hochreuter@quantis.at"],
        ),
        # not the same domain: two addresses
        (
            ["joel.hochreiter@quantis.at", "jo.aochreiter@privat.at"],
            ["joel.hochreiter@quantis.at", "jo.aochreiter@privat.at"],
        ),
    ],
)
def test_second_readings_of_one_address_are_dropped(emails, expected):
    from cardscan.parse.crosscheck import dedupe_emails

    assert dedupe_emails(emails, "joel", "hochreiter") == expected


def test_name_in_another_script_is_no_spelling_to_compare():
    from cardscan.parse import lines_from_text, parse_card
    from cardscan.parse.crosscheck import dedupe_emails

    emails = ["ivan@firma.de", "ivn@firma.de"]
    assert dedupe_emails(emails, "иван", "петров") == emails
    card = "Иван Петров\nДиректор\nivan@firma.de\nivan.petrov@firma.de"
    assert parse_card(lines_from_text(card)).emails == ("ivan@firma.de", "ivan.petrov@firma.de")


def test_name_spellings_include_both_parts_of_a_double_given_name():
    from cardscan.parse.crosscheck import dedupe_emails

    emails = ["khgude@firma.de", "kh.gxde@firma.de"]
    assert dedupe_emails(emails, "karl-heinz", "gude") == ["khgude@firma.de"]


@pytest.mark.parametrize(
    ("name", "email"),
    [
        # what follows a given name is the rest of a longer given name, not a + or a digit
        ("Chris Berger", "christian.berger@helix.de"),
        ("Kristina Olsen", "kristina.olsen@helix.de"),
        # a family name's l before a dot is the name's own
        ("Anna Hal", "hall.anna@helix.de"),
    ],
)
def test_no_plus_or_digit_is_proposed_inside_a_name(name, email):
    from cardscan.parse import lines_from_text, parse_card

    contact = parse_card(lines_from_text(f"{name}\nHelix GmbH\n{email}\n"))
    assert contact.emails == (email,)
    assert contact.proposals == ()


def test_a_plus_after_a_glyph_repair_is_still_only_proposed():
    from cardscan.parse import lines_from_text, parse_card

    contact = parse_card(lines_from_text("Tyler Beck\nHelix GmbH\ntyler.becktmesse|@talweg.com\n"))
    assert all("+" not in e for e in contact.emails)


@pytest.mark.parametrize(
    ("card", "email"),
    [
        # the S/5 glyph read as a capital S after the name, alone or before digits
        ("Teresa Jaspers\ne teresa.jaspersS@kontor-test.com", "teresa.jaspers5@kontor-test.com"),
        ("Frances Kroll\nE frances.krollS2@acme-test.co.uk", "frances.kroll52@acme-test.co.uk"),
        ("Sean Obrien\ne: sobrienS@webster-test.com", "sobrien5@webster-test.com"),
        # the I/l glyph before the name's spelling and a number ("Irotter7@" for Luana Rotter)
        ("Luana Rotter\nE-Mail | Irotter7@northwind-test.at", "lrotter7@northwind-test.at"),
        # the initials run together ("Ig@" for Lothar Gross)
        ("Lothar Gross\nMail Ig@lumina-test.ch", "lg@lumina-test.ch"),
    ],
)
def test_glyph_after_or_before_the_name_read_as_the_name_spells_it(card, email):
    """A glyph with two readings (S/5, I/l) in an address: the name chooses the reading, and
    the value is flagged as repaired."""
    from cardscan.parse import lines_from_text, parse_card

    contact = parse_card(lines_from_text(card))
    assert contact.emails == (email,)
    assert contact.origin("emails", email).source == "repaired"
    assert "emails" in contact.review()


@pytest.mark.parametrize(
    ("card", "email"),
    [
        # an s printed in lower case is no glyph read either way: only proposed
        ("Teresa Jaspers\ne teresa.jasperss@kontor-test.com", "teresa.jasperss@kontor-test.com"),
        # a capital S that starts a word is a capital ("anna.vonSteinS": no)
        ("Anna Stein\nanna.Stein@kontor-test.com", "anna.stein@kontor-test.com"),
        # an S after another name than the card's stays an s
        ("Teresa Jaspers\ne paulS@kontor-test.com", "pauls@kontor-test.com"),
    ],
)
def test_s_without_the_glyph_or_the_name_stays_as_read(card, email):
    from cardscan.parse import lines_from_text, parse_card

    contact = parse_card(lines_from_text(card))
    assert contact.emails == (email,)


def test_sub_address_read_apart_joins_the_name_before_it():
    """ "dietrich.seifert +events@": the + read after a space; "+events@" alone names no
    mailbox (no valid reading), so the name before it chooses."""
    from cardscan.parse import lines_from_text, parse_card

    card = "Dietrich Seifert\nSales Manager\nE-Mail dietrich.seifert +events@kestrel-test.de"
    contact = parse_card(lines_from_text(card))
    assert contact.emails == ("dietrich.seifert+events@kestrel-test.de",)
