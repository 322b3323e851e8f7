"""Parsing rules as commented tables: label words, legal forms, title words, postcode patterns.

Each table entry carries the card text it exists for (its example); tests/test_parse_rules.py
runs every example through the parser, so a rule without a working example fails the build.
"""

from cardscan.parse.rules.addresses import (
    COUNTRIES,
    COUNTRY_RULES,
    HOUSE_NUMBER_RE,
    POSTCODE_CITY_RE,
    POSTCODE_PREFIX_REGION,
    STREET_RE,
    STREET_RULES,
    TLD_REGION,
    UK_POSTCODE_RE,
    UMLAUT_CITY_BY_PLAIN,
    US_CITY_STATE_ZIP_RE,
    US_STATES,
)
from cardscan.parse.rules.names import (
    NAME_PARTICLES,
    NAME_PREFIXES,
    NAME_SUFFIXES,
    NOT_NAME_RULES,
    NOT_NAME_WORDS,
    PARTICLE_RULES,
    PREFIX_RULES,
    SUFFIX_RULES,
)
from cardscan.parse.rules.orgs import (
    AREA_RULES,
    DEPARTMENT_RE,
    DEPARTMENT_RULES,
    LEGAL_FORM_RE,
    LEGAL_FORM_RULES,
    LEGAL_FORMS,
    ORG_VOCABULARY,
    ORG_WORD_RULES,
    ORG_WORDS,
    is_area_line,
)
from cardscan.parse.rules.phones import PHONE_LABEL_RE, PHONE_LABEL_RULES, PHONE_LABELS
from cardscan.parse.rules.titles import (
    TITLE_RE,
    TITLE_SUFFIX_RE,
    TITLE_SUFFIXES,
    TITLE_VOCABULARY,
    TITLE_WORD_RULES,
    TITLE_WORDS,
)

__all__ = [
    "AREA_RULES",
    "COUNTRIES",
    "COUNTRY_RULES",
    "DEPARTMENT_RE",
    "DEPARTMENT_RULES",
    "HOUSE_NUMBER_RE",
    "LEGAL_FORMS",
    "LEGAL_FORM_RE",
    "LEGAL_FORM_RULES",
    "NAME_PARTICLES",
    "NAME_PREFIXES",
    "NAME_SUFFIXES",
    "NOT_NAME_RULES",
    "NOT_NAME_WORDS",
    "ORG_VOCABULARY",
    "ORG_WORDS",
    "ORG_WORD_RULES",
    "PARTICLE_RULES",
    "PHONE_LABELS",
    "PHONE_LABEL_RE",
    "PHONE_LABEL_RULES",
    "POSTCODE_CITY_RE",
    "POSTCODE_PREFIX_REGION",
    "PREFIX_RULES",
    "STREET_RE",
    "STREET_RULES",
    "SUFFIX_RULES",
    "TITLE_RE",
    "TITLE_SUFFIXES",
    "TITLE_SUFFIX_RE",
    "TITLE_VOCABULARY",
    "TITLE_WORDS",
    "TITLE_WORD_RULES",
    "TLD_REGION",
    "UK_POSTCODE_RE",
    "UMLAUT_CITY_BY_PLAIN",
    "US_CITY_STATE_ZIP_RE",
    "US_STATES",
    "is_area_line",
]
