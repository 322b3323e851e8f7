"""Names: prefixes, suffixes, particles, hyphens, ALL CAPS."""

import pytest

from cardscan.parse import lines_from_text, parse_card
from cardscan.parse.names import is_given_name, matches_email, name_score, split_name

CASES = [
    # printed, (full, prefix, given, family, suffix)
    ("Anna Müller", ("Anna Müller", None, "Anna", "Müller", None)),
    ("Dr. Anna Müller", ("Dr. Anna Müller", "Dr.", "Anna", "Müller", None)),
    (
        "Prof. Dr. Jürgen Weiß-Müller",
        ("Prof. Dr. Jürgen Weiß-Müller", "Prof. Dr.", "Jürgen", "Weiß-Müller", None),
    ),
    ("Dipl.-Ing. Thomas Wolf", ("Dipl.-Ing. Thomas Wolf", "Dipl.-Ing.", "Thomas", "Wolf", None)),
    ("Dipl.-Kfm. Stefan Roth", ("Dipl.-Kfm. Stefan Roth", "Dipl.-Kfm.", "Stefan", "Roth", None)),
    ("Mag. Eva Huber", ("Mag. Eva Huber", "Mag.", "Eva", "Huber", None)),
    ("Thomas Wolf, MBA", ("Thomas Wolf, MBA", None, "Thomas", "Wolf", "MBA")),
    ("Jane Doe, PhD", ("Jane Doe, PhD", None, "Jane", "Doe", "PhD")),
    ("Lena Schulz M.Sc.", ("Lena Schulz, M.Sc.", None, "Lena", "Schulz", "M.Sc.")),
    ("Ursula von der Leyen", ("Ursula von der Leyen", None, "Ursula", "von der Leyen", None)),
    ("Joost van Dijk", ("Joost van Dijk", None, "Joost", "van Dijk", None)),
    ("Anna-Lena Schmitz", ("Anna-Lena Schmitz", None, "Anna-Lena", "Schmitz", None)),
    ("JÜRGEN WEISS", ("Jürgen Weiss", None, "Jürgen", "Weiss", None)),
    ("DR. ANNA-LENA MÜLLER", ("Dr. Anna-Lena Müller", "Dr.", "Anna-Lena", "Müller", None)),
    ("Mary Ann Smith", ("Mary Ann Smith", None, "Mary Ann", "Smith", None)),
    # an elided particle starts the family name, with all that follows it
    ("Marco D'Avella Ramos", ("Marco D'Avella Ramos", None, "Marco", "D'Avella Ramos", None)),
    ("Jean d'Arcy", ("Jean d'Arcy", None, "Jean", "d'Arcy", None)),
]


@pytest.mark.parametrize(("printed", "expected"), CASES)
def test_split_name(printed, expected):
    n = split_name(printed)
    assert n is not None
    assert (n.full, n.prefix, n.given, n.family, n.suffix) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Anna Müller",
        "Dr. Jürgen Weiß",
        "JANE DOE",
        "Joost van Dijk",
        # a family name that is also a place word, with a post-nominal or a prefix
        "Jonas Tower, Ph.D",
        "Dr. Lena Haus",
    ],
)
def test_names_score_high(line):
    assert name_score(line) >= 0.6


@pytest.mark.parametrize(
    "line",
    [
        "Hauptstraße 12",
        "info@firma.de",
        "Müller & Schmidt",
        "Tel. 030 123456",
        "Berlin",
        "www.firma.de",
        "Sakura Park",  # a place word without a prefix or post-nominal
        "Technology Park Building",
        "Technology Park, Inc.",  # a legal form is no post-nominal
    ],
)
def test_non_names_score_low(line):
    assert name_score(line) < 0.5


@pytest.mark.parametrize(
    ("name", "email", "expected"),
    [
        ("Anna Müller", "anna.mueller@firma.de", True),
        ("Anna Müller", "amueller@firma.de", True),
        ("Anna Müller", "info@firma.de", False),
        ("Jürgen Weiß", "j.weiss@firma.de", True),
    ],
)
def test_matches_email(name, email, expected):
    assert matches_email(name, [email]) is expected


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("Geschaftstuhrerin", "Geschäftsführerin"),  # umlauts lost and f read as t
        ("Senior Software Enginear", "Senior Software Engineer"),
        ("Projektleiter", "Projektleiter"),
        ("Projektieiterin", "Projektleiterin"),  # a compound's title ending: l read as i
        ("CEO", "CEO"),
        ("Rechtsanwaltin", "Rechtsanwältin"),  # the dots lost: not taken as spelled
        ("Rechtsanwalt", "Rechtsanwalt"),
    ],
)
def test_title_words_corrected(read, expected):
    from cardscan.parse.names import correct_words
    from cardscan.parse.rules import TITLE_SUFFIXES, TITLE_VOCABULARY

    assert correct_words(read, TITLE_VOCABULARY, TITLE_SUFFIXES) == expected


@pytest.mark.parametrize(
    ("read", "expected"),
    [
        ("Caspar UG (haftungsbeschrankt)", "Caspar UG (haftungsbeschränkt)"),
        ("Becker Consutting AG", "Becker Consulting AG"),
        ("Acme Logistic Ltd", "Acme Logistic Ltd"),  # a real English word stays
    ],
)
def test_company_words_corrected(read, expected):
    from cardscan.parse.names import correct_words
    from cardscan.parse.rules import ORG_VOCABULARY

    assert correct_words(read, ORG_VOCABULARY) == expected


@pytest.mark.parametrize(
    ("card", "name", "email"),
    [
        # an l at the end of a name word read as "!": the line is a name again (the address,
        # valid as read, is only proposed its spelling: see test_parse_web)
        ("Neumayer GmbH\nJosef Nag!\nInhaber\nE jnagi@neumayer.at", "Josef Nagl", "jnagi@"),
        ("Fried! Lindau\nEinkaufsleiterin\nQuantis Bau AG", "Friedl Lindau", None),
    ],
)
def test_l_read_as_exclamation_mark_in_a_name(card, name, email):
    from cardscan.parse import lines_from_text, parse_card

    contact = parse_card(lines_from_text(card))
    assert contact.name is not None and contact.name.full == name
    if email:
        assert contact.emails[0].startswith(email)


def test_exclamation_mark_stays_outside_names():
    from cardscan.parse import lines_from_text, parse_card
    from cardscan.parse.names import repair_name_slips

    assert repair_name_slips("Josef Nag!") == "Josef Nagl"
    # a company with "!" in its name keeps it
    contact = parse_card(lines_from_text("Anna Berg\nYahoo! Inc.\nanna@yahoo-inc.com"))
    assert contact.organization == "Yahoo! Inc."


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("Mustafa", True),
        ("HÜSEYİN", True),  # capitals with the Turkish dotted İ
        ("Huseyin", True),  # the ü read as u
        ("Anna-Lena", True),
        ("Auto", False),
        ("Metal", False),
        ("Travel", False),
        ("Insurance", False),
    ],
)
def test_given_names(word, known):
    assert is_given_name(word) is known


@pytest.mark.parametrize(
    "card",
    [
        # a shop's card: big words that are shaped like a name, and no person
        "AUTO PEÇAS CAMINHO NOVO\nPeças e Acessórios\nFone: (11) 3456-7890\nRua das Palmeiras, 120 - SP",
        "Lavanderia Estrela\nLavagem e Passadoria\n(11) 2345-6789",
        "Lindenhof Bäckerei\nFrisches Brot seit 1921\nTel. 030 1234567",
    ],
)
def test_no_person_is_invented_on_a_shops_card(card):
    assert parse_card(lines_from_text(card)).name is None


@pytest.mark.parametrize(
    ("card", "given", "family"),
    [
        # a first name the list does not know, beside a job title
        ("Kiichiro Watanuki\nSenior Consultant\nExample Co., Ltd.", "Kiichiro", "Watanuki"),
        # ... or spelled by the e-mail
        ("Kiichiro Watanuki\nExample Co., Ltd.\nwatanuki@example.co.jp", "Kiichiro", "Watanuki"),
        # middle initials
        ("Casey R. Morgan\nManaging Director\nHarbour Travel", "Casey R.", "Morgan"),
        ("Henry T. K. Lam\nAssociate Director\nHarbour Land Limited", "Henry T. K.", "Lam"),
        # letters beyond Latin-1, printed in capitals the Turkish way
        ("Deniz YILDIRIM\nSatış Müdürü\nYıldırım Kalıp Ltd. Şti.", "Deniz", "Yildirim"),
        ("Emre DEMİRTAŞ\nGenel Müdür\nKalıp San. ve Tic. Ltd. Şti.", "Emre", "Demirtaş"),
    ],
)
def test_people_with_other_names(card, given, family):
    name = parse_card(lines_from_text(card)).name
    assert name is not None and (name.given, name.family) == (given, family)


@pytest.mark.parametrize(
    "spelled_by",
    [
        "E: fredo.waicher@beispiel-ag.de",  # the family name misread, the given name whole
        "linkedin.com/in/fredo-walcher-0b1213",
    ],
)
def test_a_name_the_list_does_not_know_is_spelled_by_an_address(spelled_by):
    # "Fredo" is no common first name, and the title line under it is unreadable
    card = f"Beispiel AG\nFredo Walcher\niebsingeni\n{spelled_by}"
    name = parse_card(lines_from_text(card)).name
    assert name is not None and name.full == "Fredo Walcher"


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        # post-nominal letters the suffix table does not list, after a comma
        ("Laura Benning, CFA, FRM", ("Laura", "CFA, FRM")),
        ("Rajendra Prasad Verma, IRTS", ("Rajendra Prasad", "IRTS")),
        ("Daniel Hartmann, Ph.D", ("Daniel", "Ph.D")),
        ("Mark Ellison, fcca, ma", ("Mark", "fcca, ma")),  # small capitals read as lower case
    ],
)
def test_a_name_with_post_nominal_letters_after_a_comma(printed, expected):
    card = f"{printed}\nDirector\nHelix Systems GmbH\nTel +49 30 1234567\n"
    name = parse_card(lines_from_text(card)).name
    assert name is not None
    assert (name.given, name.suffix) == expected


@pytest.mark.parametrize("line", ["Anna Berg, Berlin", "El Paso, TX", "Porto Alegre, RS"])
def test_a_place_after_a_comma_is_no_post_nominal(line):
    name = split_name(line)
    assert name is None or name.suffix is None
    assert name_score(line) < 0.5


@pytest.mark.parametrize(
    "line",
    # an abbreviated last word: a company's or a trade's words, never a family name
    ["Akın Sanat Makn.", "Kim. Müh.", "Elk. Müh."],
)
def test_a_line_ending_in_an_abbreviation_is_no_name(line):
    assert name_score(line) < 0.5


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("Karl Weber sen.", ("Weber", "sen.")), ("John Smith Jr.", ("Smith", "Jr."))],
)
def test_a_generation_after_the_name_is_its_suffix(printed, expected):
    name = split_name(printed)
    assert name is not None
    assert (name.family, name.suffix) == expected


def test_capitals_after_a_name_in_capitals_are_no_post_nominal():
    name = split_name("JOHN SMITH, LONDON")
    assert name is None or name.suffix is None


def test_esquire_is_a_suffix():
    name = parse_card(lines_from_text("Tom Reed Esq.\nAttorney at Law\nReed & Lane LLP\n")).name
    assert name is not None and (name.family, name.suffix) == ("Reed", "Esq.")
