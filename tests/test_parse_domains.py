"""The card's domains and company name checked against each other (cardscan.parse.domains)."""

import pytest


@pytest.mark.parametrize(
    ("org", "domains", "expected"),
    [
        ("Aipenblick Logistik GmbH", {"alpenblick-logistik"}, "Alpenblick Logistik GmbH"),
        ("Atzier & Häring KG", {"atzler-haering"}, "Atzler & Häring KG"),
        # the domain itself misread: an l on the card is never "corrected" to i
        ("Prantl Medizintechnik", {"prantimedizintechnik"}, "Prantl Medizintechnik"),
        ("Silverline GmbH", {"silverline"}, "Silverline GmbH"),
        # more slips OCR makes in company names: l as t, f as t, c as e, g as s
        ("Sitvertine Bau AG", {"silverlinebau"}, "Silverline Bau AG"),
        ("Greentield Capital LLC", {"greenfield-capital"}, "Greenfield Capital LLC"),
        ("Meneit Corp.", {"mcneil"}, "Mcneil Corp."),
        ("sreenfieid Metallbau GmbH", {"greenfieldmetallbau"}, "Greenfield Metallbau GmbH"),
        ("Bamett Logistics Inc.", {"barnettlogistics"}, "Barnett Logistics Inc."),  # rn as m
        ("Hammer Bau AG", {"hammer-bau"}, "Hammer Bau AG"),
        # a different word of the same length is not a slip
        ("Nordwind Bau AG", {"nordlicht-bau"}, "Nordwind Bau AG"),
    ],
)
def test_company_name_corrected_by_domain(org, domains, expected):
    from cardscan.parse.domains import correct_by_domain

    assert correct_by_domain(org, domains) == expected


@pytest.mark.parametrize(
    ("emails", "urls", "expected_emails", "expected_urls"),
    [
        # the e-mail domain misread, the website right
        (
            ["carmen.aumann@gude-metalibau.de"],
            ["https://www.gude-metallbau.de"],
            ["carmen.aumann@gude-metallbau.de"],
            ["https://www.gude-metallbau.de"],
        ),
        # the website misread, the e-mail right
        (
            ["b.taylor@hartleywhite.co.uk"],
            ["https://www.hartieywhite.co.uk/kontakt"],
            ["b.taylor@hartleywhite.co.uk"],
            ["https://www.hartleywhite.co.uk/kontakt"],
        ),
        # different domains are left alone
        (["a@firma.de"], ["https://www.andere.de"], ["a@firma.de"], ["https://www.andere.de"]),
        (["a@fima.de"], ["https://www.firma.de"], ["a@fima.de"], ["https://www.firma.de"]),
    ],
)
def test_email_and_website_domains_agree(emails, urls, expected_emails, expected_urls):
    from cardscan.parse.domains import agree_domains

    assert agree_domains(emails, urls) == (expected_emails, expected_urls)


@pytest.mark.parametrize(
    ("email", "url", "org", "expected"),
    [
        # a letter lost in one of the two readings of the company's domain
        (
            "p@james-ogistics.co.uk",
            "https://www.james-logistics.co.uk",
            None,
            "james-logistics.co.uk",
        ),
        # rn read as m
        ("m@murphywamer.co.uk", "https://www.murphywarner.co.uk", None, "murphywarner.co.uk"),
        # a letter too many: the organisation's name says which reading was printed
        ("b@mcqguire.com", "https://www.mcguire.com", "McGuire Inc.", "mcguire.com"),
        # a hyphen or digit more may be a second domain of the company: both stay
        ("m@muellerbau.de", "https://www.mueller-bau.de", None, None),
        # a letter lost in the top-level domain: both "co" and "com" exist, the longer wins
        ("hans@firma.co", "https://www.firma.com", None, "firma.com"),
        # ... unless the company's name has the two words: then a hyphen was lost
        (
            "r@cobalt-logistics.com",
            "https://www.cobaltlogistics.com",
            "Cobalt Logistics LLC",
            "cobalt-logistics.com",
        ),
        ("m@firma.de", "https://www.firma2.de", None, None),
        # two letters apart: different domains
        ("m@abc-bau.de", "https://www.xyz-bau.de", None, None),
    ],
)
def test_domains_one_letter_apart_agree(email, url, org, expected):
    from cardscan.parse.domains import agree_domains

    emails, urls = agree_domains([email], [url], org, edits=True)
    if expected is None:
        assert (emails, urls) == ([email], [url])
    else:
        assert emails[0].endswith("@" + expected) and urls == [f"https://www.{expected}"]
    # without edits (before the organisation is known) only l/i slips are evened out
    assert agree_domains([email], [url]) == ([email], [url])


def test_two_printed_addresses_are_never_one():
    from cardscan.parse import lines_from_text, parse_card

    # One reading of a card: two addresses printed are two addresses, however alike
    # (merging two readings of one print is cardscan.reread.recheck's, by their place on the card).
    card = (
        "Amanda Parsons\nAlpenblick Analytics LLC\nparsons@alpenblick-analytcs.com\n"
        "amanda.parsons@alpenblick-analytics.com\nwww.alpenblick-analytics.com"
    )
    contact = parse_card(lines_from_text(card))
    assert contact.emails == (
        "parsons@alpenblick-analytcs.com",
        "amanda.parsons@alpenblick-analytics.com",
    )
    assert [p.candidate for p in contact.proposals] == ["parsons@alpenblick-analytics.com"]


@pytest.mark.parametrize(
    ("card", "emails"),
    [
        # the top-level domain lost: completed from the website, kept in printed order
        (
            "Mail: a.hettner@gute-doehn\nMail: info@gute-doehn.de\nwww.gute-doehn.de",
            ["a.hettner@gute-doehn.de", "info@gute-doehn.de"],
        ),
        # the dot before the top-level domain lost in the e-mail and the website
        (
            "m.leunberger @schnyder-mayerch\nhttps://www.schnyder-mayerch",
            ["m.leunberger@schnyder-mayer.ch"],
        ),
        # the end of the domain garbled: the start of the website's host (8+ letters)
        (
            "caterina.zimmer@eberhardt-gott :\\j\nWeb: www.eberhardt-gotthard.de",
            ["caterina.zimmer@eberhardt-gotthard.de"],
        ),
        # a space read into the domain, for a hyphen or beside a lost letter
        (
            "gary@quantis design.co.uk - info@quantis-design.co.uk\nwww.quantis-design.co.uk",
            ["gary@quantis-design.co.uk", "info@quantis-design.co.uk"],
        ),
        (
            "office @greenfield-elek rotechnik.de\nwww.greenfield-elektrotechnik.de",
            ["office@greenfield-elektrotechnik.de"],
        ),
        # every dot and hyphen of the domain read as a space
        (
            "Office (312) 555-0163\nevents @hollis bergman com\nWeb www hollis-bergman.com",
            ["events@hollis-bergman.com"],
        ),
        ("E-Mail: anna @berg bau de Tel 030 1234567\nwww.berg-bau.de", ["anna@berg-bau.de"]),
        ("anna @berg bau de\nwww.andere-bau.de", []),
        # a broken domain that is not the website's stays out
        ("anna@firma\nwww.andere.de", []),
        ("anna@firma andere.de\nwww.firma-gruppe.de", []),
        ("anna@eberh\nwww.eberhardt-gotthard.de", []),  # too little of it to tell
        # a logo's debris before "@ Company GmbH" is no address of the company
        ("1 @ Eberhardt GmbH\nwww.eberhardt.de", []),
    ],
)
def test_broken_email_domain_completed_from_the_website(card, emails):
    from cardscan.parse import lines_from_text, parse_card

    assert list(parse_card(lines_from_text(f"Anna Berg\n{card}")).emails) == emails


def test_domain_misread_alike_twice_is_spelled_by_the_organisation():
    from cardscan.parse.domains import agree_domains

    emails, urls = agree_domains(
        ["b.taylor@hartieywhite.co.uk"],
        ["https://www.hartieywhite.co.uk"],
        "Hartley White Ltd",
        edits=True,
    )
    assert emails == ["b.taylor@hartleywhite.co.uk"]
    assert urls == ["https://www.hartleywhite.co.uk"]
    # an organisation with another name changes nothing
    assert agree_domains(["a@prantimed.de"], [], "Weber GmbH", edits=True) == (
        ["a@prantimed.de"],
        [],
    )


def test_team_address_domain_agrees_with_the_persons():
    from cardscan.parse.domains import agree_domains

    # "wi" read as "m" in the second e-mail's domain: the organisation spells the first one
    emails, _ = agree_domains(
        ["mohamed.anderson@lewis-haynes.co.uk", "info@lems-haynes.co.uk"],
        [],
        "Lewis & Haynes Ltd",
        edits=True,
    )
    assert emails == ["mohamed.anderson@lewis-haynes.co.uk", "info@lewis-haynes.co.uk"]
    # two slips in a short name are too many to tell
    emails, _ = agree_domains(["a@helix.de", "info@heit.de"], [], "Helix GmbH", edits=True)
    assert emails == ["a@helix.de", "info@heit.de"]


def test_email_domain_gets_back_the_country_the_website_shows():
    from cardscan.parse.domains import agree_domains

    # OCR lost ".jp" after "co" in the e-mail; the website has it
    assert agree_domains(["sato@kgj.co"], ["http://www.kgj.co.jp"]) == (
        ["sato@kgj.co.jp"],
        ["http://www.kgj.co.jp"],
    )
    # "firma.de" beside "firma.de.vu" is no lost country: "de" is no second-level label
    assert agree_domains(["a@firma.de"], ["http://firma.de.vu"]) == (
        ["a@firma.de"],
        ["http://firma.de.vu"],
    )


def test_domain_of_the_companys_initials_is_spelled_by_them():
    from cardscan.parse.domains import agree_domains

    org = "Jiro Ito Logistics Inc."
    # l read as i in the e-mail, the website right: the initials decide
    emails, urls = agree_domains(["k-sato@jii.ad.jp"], ["https://www.jil.ad.jp"], org, edits=True)
    assert emails == ["k-sato@jil.ad.jp"]
    # both misread alike
    emails, urls = agree_domains(["r@jll.ad.jp"], ["https://www.jll.ad.jp"], org, edits=True)
    assert (emails, urls) == (["r@jil.ad.jp"], ["https://www.jil.ad.jp"])
    # another company's card changes nothing
    assert agree_domains(["r@jll.ad.jp"], [], "Weber GmbH", edits=True) == (["r@jll.ad.jp"], [])


def test_team_address_takes_the_company_domain_the_card_confirms():
    from cardscan.parse.domains import agree_domains

    emails = ["wiek@helix.de", "office@heit.de"]  # "office@ heit de": i read for l, x for t
    assert agree_domains(emails, ["https://www.helix.de"], "Helix GmbH", edits=True)[0] == [
        "wiek@helix.de",
        "office@helix.de",
    ]
    # the person's address and the website disagree with it only once each: not confirmed
    assert agree_domains(["office@heit.de"], ["https://www.helix.de"], None, edits=True)[0] == [
        "office@heit.de"
    ]
    # a person's address is never moved to another domain this way
    assert agree_domains(
        ["info@helix.de", "anna@heit.de"], ["https://www.helix.de"], "Helix GmbH", edits=True
    )[0] == ["info@helix.de", "anna@heit.de"]


@pytest.mark.parametrize(
    ("emails", "urls", "org", "expected"),
    [
        # misread alike in the e-mail and the website: the name spells it (l read as i, a
        # hyphenated label)
        (
            ["g.schuster@atzier-immobilien.de"],
            ["https://www.atzier-immobilien.de"],
            "Atzler Immobilien GmbH",
            "atzler-immobilien.de",
        ),
        # a hyphen and an l read as one 4
        (
            ["davies@jones4ogistics.co.uk"],
            ["https://www.jones4ogistics.co.uk"],
            "Jones Logistics Ltd",
            "jones-logistics.co.uk",
        ),
        # l read as t
        (["winkler@tumina.at"], ["https://www.tumina.at"], "Lumina GmbH", "lumina.at"),
        # q read as g; ri read as n (the hyphen stays where it was printed)
        (
            ["victor.stevens@igbal-wells.co.uk"],
            ["https://www.igbal-wells.co.uk"],
            "Iqbal & Wells Limited",
            "iqbal-wells.co.uk",
        ),
        (
            ["cheryl@nchardson-partners.co.uk"],
            ["https://www.nchardson-partners.co.uk"],
            "Richardson Partners LLP",
            "richardson-partners.co.uk",
        ),
        # a thin letter lost in both
        (["erik@stffel.de"], ["https://www.stffel.de"], "Stiffel AG", "stiffel.de"),
        # f read as t
        (
            ["k@naet-hafner.ch"],
            ["https://www.naet-hafner.ch"],
            "Näf & Hafner GmbH",
            "naef-hafner.ch",
        ),
        # no word has three l in a row: the website's "willlams" is no l spelling to follow
        (
            ["maurice@williams.co.uk"],
            ["https://www.willlams.co.uk"],
            "Williams Ltd",
            "williams.co.uk",
        ),
        # two readings that differ: the one the name spells wins over the longer one, once
        # the e-mail's slip is put right by the name
        (
            ["f.fraser@bradiey-boyle.com"],
            ["https://www.bradliey-boyle.com"],
            "Bradley & Boyle PLC",
            "bradley-boyle.com",
        ),
    ],
)
def test_company_domain_spelled_by_the_organisation(emails, urls, org, expected):
    from cardscan.parse.domains import agree_domains

    got_emails, got_urls = agree_domains(emails, urls, org, edits=True)
    assert [e.partition("@")[2] for e in got_emails] == [expected]
    assert got_urls == [f"https://www.{expected}"]


@pytest.mark.parametrize(
    ("email", "org"),
    [
        ("a@bau-gruppe.de", "Bauer GmbH"),  # not whole words of the name
        ("a@hillner.de", "Hiller GmbH"),  # another letter, not a slip of small print
        ("a@stfel.de", "Stiffel AG"),  # two letters lost
        ("a@mueller.de", "Müller AG"),  # the same name, spelled out
    ],
)
def test_company_domain_left_alone_by_another_name(email, org):
    from cardscan.parse.domains import agree_domains

    assert agree_domains([email], [], org, edits=True) == ([email], [])


def test_l_spelling_of_the_domain_is_only_proposed():
    from cardscan.parse import lines_from_text, parse_card

    # OCR reads l as i far more often than i as l, but the website is valid as read: the
    # e-mail's l spelling is proposed for it, and a second reading of the image decides
    card = (
        "Stauffer Metalibau GmbH\nAttila von der Heide\n"
        "E-Mail vonderheide@stauffermetallbau.ch\nWeb www.stauffermetalibau.ch"
    )
    contact = parse_card(lines_from_text(card))
    assert contact.emails == ("vonderheide@stauffermetallbau.ch",)
    assert contact.urls == ("https://www.stauffermetalibau.ch",)
    assert [p.candidate for p in contact.proposals] == ["https://www.stauffermetallbau.ch"]
