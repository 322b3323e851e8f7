"""E-mails (with OCR repairs), websites and profile links as find_web reads them from text."""

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
