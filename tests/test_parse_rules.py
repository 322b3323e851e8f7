"""Every rule in the tables runs with the card text it exists for."""

import pytest

from cardscan.parse import lines_from_text, parse_card
from cardscan.parse.address import country_of, looks_like_street
from cardscan.parse.names import split_name
from cardscan.parse.phones import find_phones
from cardscan.parse.region import infer_region, region_votes
from cardscan.parse.rules import (
    AREA_RULES,
    CITY_RULES,
    CONNECTOR_RULES,
    COUNTRY_RULES,
    DEPARTMENT_RULES,
    LEGAL_FORM_RULES,
    LEGAL_FORM_SLIPS,
    NOT_NAME_RULES,
    ORG_WORD_RULES,
    PARTICLE_RULES,
    PHONE_LABEL_RULES,
    PREFIX_RULES,
    REGION_WORD_RULES,
    STREET_RULES,
    STREET_SLIPS,
    SUFFIX_RULES,
    TITLE_WORD_RULES,
)
from cardscan.parse.rules.card_checks import CARD_CHECKS
from cardscan.parse.rules.emails import TEXT_REPAIRS

PERSON = "Erika Beispiel"


def _ids(rules):
    return [r[0] for r in rules]


@pytest.mark.parametrize(
    ("label", "kind", "example"), PHONE_LABEL_RULES, ids=_ids(PHONE_LABEL_RULES)
)
def test_phone_label(label, kind, example):
    region = "US" if "+1 " in example else "DE"
    (found,) = find_phones(example, region)
    assert found.phone.type == kind
    assert found.labelled


@pytest.mark.parametrize(("form", "example"), LEGAL_FORM_RULES, ids=_ids(LEGAL_FORM_RULES))
def test_legal_form(form, example):
    contact = parse_card(lines_from_text(f"{PERSON}\nGeschäftsführerin\n{example}"))
    assert contact.organization == example
    assert contact.name is not None and contact.name.full == PERSON


@pytest.mark.parametrize(("word", "example"), ORG_WORD_RULES, ids=_ids(ORG_WORD_RULES))
def test_org_word(word, example):
    contact = parse_card(lines_from_text(f"{PERSON}\n{example}"))
    assert contact.organization == example


@pytest.mark.parametrize(("pattern", "example"), DEPARTMENT_RULES, ids=_ids(DEPARTMENT_RULES))
def test_department(pattern, example):
    contact = parse_card(lines_from_text(f"{PERSON}\nLeiterin\n{example}\nBeispiel GmbH"))
    assert contact.department == example
    assert contact.title == "Leiterin"


@pytest.mark.parametrize(("word", "example"), AREA_RULES, ids=_ids(AREA_RULES))
def test_area_word_makes_a_department(word, example):
    contact = parse_card(lines_from_text(f"Beispiel GmbH\n{PERSON}\n{example}"))
    assert contact.department == example
    assert contact.title is None


@pytest.mark.parametrize(("word", "example"), TITLE_WORD_RULES, ids=_ids(TITLE_WORD_RULES))
def test_title_word(word, example):
    contact = parse_card(lines_from_text(f"Beispiel GmbH\n{PERSON}\n{example}"))
    assert contact.title == example
    assert contact.name is not None and contact.name.full == PERSON


@pytest.mark.parametrize(("prefix", "example"), PREFIX_RULES, ids=_ids(PREFIX_RULES))
def test_name_prefix(prefix, example):
    name = split_name(example)
    assert name is not None and name.prefix == prefix
    assert name.full == example


@pytest.mark.parametrize(("suffix", "example"), SUFFIX_RULES, ids=_ids(SUFFIX_RULES))
def test_name_suffix(suffix, example):
    name = split_name(example)
    assert name is not None and name.suffix == suffix
    assert name.family and name.family[0].isupper()


@pytest.mark.parametrize(("particle", "example"), PARTICLE_RULES, ids=_ids(PARTICLE_RULES))
def test_name_particle(particle, example):
    name = split_name(example)
    assert name is not None and name.family is not None
    assert particle in name.family.split()
    assert name.given == example.split()[0]


@pytest.mark.parametrize(("pattern", "example"), STREET_RULES, ids=_ids(STREET_RULES))
def test_street_word(pattern, example):
    assert looks_like_street(example)
    contact = parse_card(lines_from_text(f"{PERSON}\n{example}\n10115 Berlin"))
    assert contact.address is not None and contact.address.street == example


@pytest.mark.parametrize(("slip", "word", "example"), STREET_SLIPS, ids=_ids(STREET_SLIPS))
def test_street_slip(slip, word, example):
    card = f"{PERSON}\n{example}\nSpringfield, IL 62704"
    contact = parse_card(lines_from_text(card))
    assert contact.address is not None
    assert contact.address.street == example.replace(slip, word)


@pytest.mark.parametrize(("country", "code"), COUNTRY_RULES, ids=_ids(COUNTRY_RULES))
def test_country_line(country, code):
    assert country_of(country.title()) == code


@pytest.mark.parametrize(("word", "example"), NOT_NAME_RULES, ids=_ids(NOT_NAME_RULES))
def test_not_a_name(word, example):
    contact = parse_card(lines_from_text(f"{example}\n{PERSON}\nanna@beispiel.de"))
    assert contact.name is not None and contact.name.full == PERSON


@pytest.mark.parametrize(("read", "printed"), LEGAL_FORM_SLIPS, ids=_ids(LEGAL_FORM_SLIPS))
def test_legal_form_slip(read, printed):
    contact = parse_card(lines_from_text(f"{PERSON}\nBeispiel Handel {read}"))
    assert contact.organization == f"Beispiel Handel {printed}"


@pytest.mark.parametrize(
    ("read", "org"),
    [
        ("MINATO Co.Ltd", "MINATO Co.Ltd"),
        ("MINATO co.,ltd", "MINATO co.,ltd"),
        ("MINATO Co., Ltd.", "MINATO Co., Ltd."),
        ("MINATO co, Itd.", "MINATO co., Ltd."),  # L read as I, the dot of co. lost
        ("MINATO Co, Ltd.", "MINATO Co., Ltd."),
        ("MINATO Co. Ltd.", "MINATO Co. Ltd."),  # printed so by some: left as printed
        ("MINATO CO LTD", "MINATO CO LTD"),
    ],
)
def test_co_ltd_as_written_and_read(read, org):
    # Japanese companies' cards in English: "Co., Ltd." in every spelling makes the company
    contact = parse_card(lines_from_text(f"{PERSON}\nManaging Director\n{read}"))
    assert contact.organization == org


@pytest.mark.parametrize(("city", "code", "example"), CITY_RULES, ids=_ids(CITY_RULES))
def test_city_tells_the_country(city, code, example):
    assert infer_region([example], [], [], default="ZZ") == code


@pytest.mark.parametrize(
    ("pattern", "code", "example"), REGION_WORD_RULES, ids=[r[2] for r in REGION_WORD_RULES]
)
def test_region_word(pattern, code, example):
    assert region_votes([example], [], [])[code] >= 1


def _web_values(text):
    """Everything read from one line: values, and the proposals rules made for valid ones."""
    from cardscan.parse.web import find_web

    found = find_web(text)
    values = found.emails + found.urls + [p.url for p in found.profiles]
    return values, [p.candidate for p in found.proposals]


@pytest.mark.parametrize("rule", TEXT_REPAIRS, ids=[r.name for r in TEXT_REPAIRS])
def test_text_repair_example(rule):
    values, proposed = _web_values(rule.example)
    if rule.kind == "fix":  # no valid value was read: the repair is the value
        assert rule.reads in values
    else:  # a proposal where a valid value was read, the value where none was
        assert rule.reads in values + proposed
    # the rule is needed for it
    assert rule.apply(rule.example) != rule.example


@pytest.mark.parametrize("rule", TEXT_REPAIRS, ids=[r.name for r in TEXT_REPAIRS])
def test_text_repair_counter_example(rule):
    values, _ = _web_values(rule.counter)
    if rule.counter_reads:
        assert rule.counter_reads in values
    else:
        assert values == []


@pytest.mark.parametrize(
    ("rule", "card", "read", "proposed", "counter", "kept"),
    CARD_CHECKS,
    ids=[c[0] for c in CARD_CHECKS],
)
def test_card_check_proposes_and_leaves_alone(rule, card, read, proposed, counter, kept):
    contact = parse_card(lines_from_text(card))
    assert read in contact.emails + contact.urls  # the reading stays as printed
    assert (read, proposed, rule) in [(p.value, p.candidate, p.rule) for p in contact.proposals]
    other = parse_card(lines_from_text(counter))
    assert kept in other.emails + other.urls
    assert all(p.value != kept for p in other.proposals)


@pytest.mark.parametrize(("word", "example"), CONNECTOR_RULES, ids=_ids(CONNECTOR_RULES))
def test_company_name_goes_on_after_a_connecting_word(word, example):
    first, second = example.split(" / ")
    assert first.split()[-1] == word
    contact = parse_card(lines_from_text(f"{PERSON}\nProfessorin\n{first}\n{second}"))
    assert contact.organization == f"{first} {second}"
