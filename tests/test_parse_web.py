"""E-mails (with OCR repairs), websites and profile links."""

import pytest

from cardscan.model import Profile
from cardscan.parse.web import domain_words, find_web

EMAILS = [
    ("anna.mueller@firma.de", ["anna.mueller@firma.de"]),
    ("E-Mail: Anna.Mueller@Firma.de", ["anna.mueller@firma.de"]),
    ("anna.mueller (at) firma.de", ["anna.mueller@firma.de"]),
    ("anna.mueller[at]firma.de", ["anna.mueller@firma.de"]),
    ("anna.mueller @ firma.de", ["anna.mueller@firma.de"]),
    # the @ read as a registered sign or a bracket; a bracketed domain stays a website
    ("E gpearce®silverline.co.uk", ["gpearce@silverline.co.uk"]),
    ("Email: powers(colon-thomas.com", ["powers@colon-thomas.com"]),
    ("Firma(firma.de)", []),
    ("anna.mueller@firma,de", ["anna.mueller@firma.de"]),
    # a space in the local part after a hyphenated given name: kaul@ is valid as read, the
    # join only a proposal (a second reading of the image decides: cardscan.reread.recheck)
    ("Mail: franz-josef kaul@bluepeak.de", ["kaul@bluepeak.de"], "franz-josef.kaul@bluepeak.de"),
    ("E-mail wlarson@weber com", ["wlarson@weber.com"]),
    ("E-mail wlarson@weber. com", ["wlarson@weber.com"]),
    ("E-mail christopher@alpenblick co. uk", ["christopher@alpenblick.co.uk"]),
    ("mohammad young@gray co uk", ["mohammad.young@gray.co.uk"]),  # every dot read as a space
    ("Email lrogers@!yonswhitehouse.co.uk", ["lrogers@lyonswhitehouse.co.uk"]),  # l read as !
    ("E-Mail antonio.thane! @firma.de", ["antonio.thanel@firma.de"]),  # ... before the @ too
    ("E-mail sato@kgj.co. jp", ["sato@kgj.co.jp"]),  # a country's domain after co.
    ("E-mail ito@minato.ne.ip", ["ito@minato.ne.jp"]),
    ("anna@firma.corn", ["anna@firma.com"]),
    ("E-mail: anna@uni-graz.ac. at", ["anna@uni-graz.ac.at"]),
    ("j.doe@example.co.uk", ["j.doe@example.co.uk"]),
    ("not an e-mail: @home", []),
    # the dot after an initial read as a colon; a capital label letter stays a label
    ("E-Mail f:mangold @nordlicht-energie.de", ["f.mangold@nordlicht-energie.de"]),
    ("E:anna@firma.de", ["anna@firma.de"]),
    ("Mail j;wenger@hofer.ch", ["wenger@hofer.ch"], "j.wenger@hofer.ch"),  # ... a semicolon
    ("e:anna@berg-design.de", ["anna@berg-design.de"]),  # a lower-case label stays a label
    # the label "E" glued on
    ("Ea.ernst@seifert-hornig.de", ["ea.ernst@seifert-hornig.de"], "a.ernst@seifert-hornig.de"),
    ("Eva.Ernst@seifert-hornig.de", ["eva.ernst@seifert-hornig.de"]),
    ("ea.ernst@seifert-hornig.de", ["ea.ernst@seifert-hornig.de"]),
    ("E-Mail:anna@firma.de", ["anna@firma.de"]),
    # a space after the dot inside the local part
    (
        "E carol. wilson@payne-cooke.co.uk",
        ["wilson@payne-cooke.co.uk"],
        "carol.wilson@payne-cooke.co.uk",
    ),
    # ... or before it
    ("Mail amanda .parsons@alpenblick.com", ["amanda.parsons@alpenblick.com"]),
    ("Mail .parsons@alpenblick.com", ["parsons@alpenblick.com"]),
    (
        "E: stanley,rhodes@sonnhalde.co.uk",
        ["rhodes@sonnhalde.co.uk"],
        "stanley.rhodes@sonnhalde.co.uk",
    ),
    ("10115 Berlin,anna@firma.de", ["anna@firma.de"]),  # a comma after a word is a comma
    ("Mail. anna@firma.de", ["anna@firma.de"]),
    # the dot after an initial read as a space; a leading li read as Ii
    ("E-Mail k finke@alpenblick de", ["k.finke@alpenblick.de"]),
    ("e anna@berg-design.de", ["anna@berg-design.de"]),  # a lower-case label
    ("write to anna@firma.com", ["anna@firma.com"]),  # prose before an address
    ("E e kirby@acme.co. uk", ["kirby@acme.co.uk"]),  # "e" is a label, no initial
    ("Iinnea koeberl@baier.at", ["koeberl@baier.at"], "linnea.koeberl@baier.at"),
    ("Ilse.berg@firma.de", ["ilse.berg@firma.de"]),
    # a narrow initial read as a bar or bracket becomes l (correct_emails uses the name)
    ("E-mail |.price@ sonnhalde.com", ["l.price@sonnhalde.com"]),
    ("E-Mail: {.zurlinden@rose-metallbau.de", ["l.zurlinden@rose-metallbau.de"]),
    ("\\.devries @ hale-partners.co.uk", ["l.devries@hale-partners.co.uk"]),
    # the @ read as a capital Q; a backslash for the l after the dot
    ("E-Mail mweissenboeck Qvertex-software.at", [], "mweissenboeck@vertex-software.at"),
    ("Email s.\\opez@johnson.com", ["s.lopez@johnson.com"]),
    ("FAQ Quality.de", []),
    # an underscore of the line before the address
    ("Friedrichstraße 92-94 _h.vonderheide@ullrich.de", ["h.vonderheide@ullrich.de"]),
    # OCR's Turkish dotless ı: addresses on cards are ASCII
    ("vandıjk@salz-maschinenbau.de", ["vandijk@salz-maschinenbau.de"]),
    # a capital I: an l among letters, an i at the start of a part before a consonant
    ("arda.zettI@firma.at", ["arda.zettl@firma.at"]),
    ("paertzelt@koester-Immobilien.de", ["paertzelt@koester-immobilien.de"]),
    ("anna.Ieitner@firma.at", ["anna.leitner@firma.at"]),
    # a backslash for the l before the @; other text keeps its backslash
    ("fried\\@adolphdoerr.de", ["friedl@adolphdoerr.de"]),
    ("Vertrieb\\Marketing", []),
    # the @ read as & (with a ® before it) after a lower-case local part
    ("E-Mail: kontakt®&zbinden.ch", ["kontakt@zbinden.ch"]),
    ("E-Mail: kontakt&zbinden. ch", ["kontakt@zbinden.ch"]),
    ("Müller&Partner.de", []),
    ("www.h&m.com", []),
    ("at&t.com", []),
    ("AT&T Inc.", []),
]


@pytest.mark.parametrize(("text", "expected", "proposed"), [(*e, None)[:3] for e in EMAILS])
def test_emails(text, expected, proposed):
    found = find_web(text)
    assert found.emails == expected
    assert [p.candidate for p in found.proposals] == ([proposed] if proposed else [])


URLS = [
    ("www.firma.de", ["https://www.firma.de"]),
    ("W www:silverline-labs.com", ["https://www.silverline-labs.com"]),  # the dot read as :
    ("Web: ww.favre.ch", ["https://ww.favre.ch"], "https://www.favre.ch"),  # a w lost?
    ("WWW: www.weber.de", ["https://www.weber.de"]),  # a label, not a dot read as :
    ("https //www nchardson-partners.co uk", ["https://www.nchardson-partners.co.uk"]),
    ("Web: www.Firma.de/", ["https://www.firma.de"]),
    ("https://firma.de/kontakt", ["https://firma.de/kontakt"]),
    ("https:/Awww.firma.de", ["https://www.firma.de"]),  # the second slash read as a letter
    ("W: https:/Avww.firma.com", ["https://www.firma.com"]),  # ... and a w as v
    ("W httpscllwww.firma.ch", ["https://www.firma.ch"]),  # ":/" read as "cll"
    ("Internet https: //www.firma.de", ["https://www.firma.de"]),  # a space after the colon
    ("Web Wwww.firma.com", ["https://wwww.firma.com"], "https://www.firma.com"),  # label W?
    ("Web: www.vwv.de", ["https://www.vwv.de"]),  # a real host is left alone
    ("Web www alpenblick co.uk", ["https://www.alpenblick.co.uk"]),  # dots read as spaces
    ("Web www firma de", ["https://www.firma.de"]),
    ("http://www.minato.ne.ip/", ["http://www.minato.ne.jp"]),  # no top-level domain "ip"
    ("www.firma.corn", ["https://www.firma.com"]),
    ("internet www dietz-software. de", ["https://www.dietz-software.de"]),
    ("www bestellen sie heute", []),
    ("www bestellende", []),
    ("https:/|www.firma.de", ["https://www.firma.de"]),
    ("https://awards.firma.de", ["https://awards.firma.de"]),
    ("firma.com", ["https://firma.com"]),
    ("Dr.Müller", []),
    ("anna@firma.de", []),  # the e-mail's domain is not a website of its own
]


@pytest.mark.parametrize(
    ("urls", "expected"),
    [
        # corrections made two readings one; an e-mail's domain whose @ was lost
        (["https://www.firma.de", "https://www.firma.de"], ["https://www.firma.de"]),
        (["https://firma.ch", "https://www.firma.ch"], ["https://www.firma.ch"]),
        (
            ["https://www.firma.ch", "https://firma.ch/team"],
            ["https://www.firma.ch", "https://firma.ch/team"],
        ),
    ],
)
def test_one_website_once(urls, expected):
    from cardscan.parse.web import dedupe_urls

    assert dedupe_urls(urls) == expected


@pytest.mark.parametrize(("text", "expected", "proposed"), [(*u, None)[:3] for u in URLS])
def test_urls(text, expected, proposed):
    found = find_web(text)
    assert found.urls == expected
    assert [p.candidate for p in found.proposals] == ([proposed] if proposed else [])


PROFILES = [
    (  # the dot read as a space
        "Linkedin linkedin com/in/christopher-james",
        Profile("linkedin", "https://www.linkedin.com/in/christopher-james"),
    ),
    (
        "linkedin.com/in/anna-mueller-1a2b3c",
        Profile("linkedin", "https://www.linkedin.com/in/anna-mueller-1a2b3c"),
    ),
    (
        "https://de.linkedin.com/in/annamueller/",
        Profile("linkedin", "https://www.linkedin.com/in/annamueller"),
    ),
    (
        "xing.com/profile/Anna_Mueller3",
        Profile("xing", "https://www.xing.com/profile/Anna_Mueller3"),
    ),
    (
        "www.xing.com/profile/Anna_Mueller3",
        Profile("xing", "https://www.xing.com/profile/Anna_Mueller3"),
    ),
    ("github.com/annam", Profile("github", "https://github.com/annam")),
    ("linkedin.com/in/anna-lola", Profile("linkedin", "https://www.linkedin.com/in/anna-lola")),
    # the l of linkedin read as i (the dot after www lost) and a backslash for an l
    (
        "wwwiinkedin.convin/fried\\-ladeck-8a3a4a34",
        Profile("linkedin", "https://www.linkedin.com/in/friedl-ladeck-8a3a4a34"),
    ),
    ("iinkedin.convin/anna-berg", Profile("linkedin", "https://www.linkedin.com/in/anna-berg")),
]


@pytest.mark.parametrize(("text", "expected"), PROFILES)
def test_profiles(text, expected):
    found = find_web(text)
    assert found.profiles == [expected]
    assert found.urls == []


@pytest.mark.parametrize(
    ("text", "printed", "proposed"),
    [
        # OCR may have read the 1 of LinkedIn's hexadecimal suffix as an l: "70eala" is a
        # valid handle as read, so 70ea1a is only proposed
        (
            "linkedin.com/in/francis-parker-70eala",
            "https://www.linkedin.com/in/francis-parker-70eala",
            "https://www.linkedin.com/in/francis-parker-70ea1a",
        ),
        # a well-formed website as read; that it is LinkedIn with its l read as i, proposed
        (
            "Iinkedin.com/in/anna-berg",
            "https://iinkedin.com/in/anna-berg",
            "https://www.linkedin.com/in/anna-berg",
        ),
    ],
)
def test_profile_slips_in_valid_links_are_only_proposed(text, printed, proposed):
    found = find_web(text)
    assert [p.url for p in found.profiles] + found.urls == [printed]
    assert [p.candidate for p in found.proposals] == [proposed]


def test_domain_words_of_com_and_co_uk():
    assert domain_words(
        ["a@watson-schwartz.com", "b@x.co.uk"], ["https://www.firma.de/kontakt"]
    ) == {
        "watson-schwartz",
        "x",
        "firma",
    }


def test_domain_words_skip_free_mail():
    assert domain_words(
        ["a@mueller-schmidt.de", "b@gmail.com"], ["https://www.mueller-schmidt.de"]
    ) == {"mueller-schmidt"}


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
        # the space after the dot; a family name with particles
        (
            "Steven van der Merwe\nAguilar LLC\nE: Steven. vandermerwe@aguilar.com",
            ["vandermerwe@aguilar.com"],
            ["steven.vandermerwe@aguilar.com"],
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
