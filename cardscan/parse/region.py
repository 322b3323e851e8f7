"""Which country a card is from, for reading national phone numbers ("030 123456" on a .at card?)."""

from __future__ import annotations

import re
from collections import Counter

import phonenumbers as pn

from cardscan.parse.address import country_of
from cardscan.parse.rules import (
    JP_ADDRESS_HINT_RE,
    JP_POSTCODE_RE,
    POSTCODE_PREFIX_REGION,
    TLD_REGION,
    UK_POSTCODE_RE,
    US_CITY_STATE_ZIP_RE,
    US_STATES,
)
from cardscan.parse.rules.regions import US_STATE_NAME_ZIP_RE, US_STATE_NAMES

# "+43 1 234", "0041 44 123": an international prefix, followed by enough digits for a number.
# Not the "00" inside "〒104-0033" or "10115-0013": a 00 only counts at the start of a number.
_INTL = re.compile(r"(?:(?<![\w+])\+|(?<![\w\-/.])00)\s?(\d{1,3})(?=[\s\d().\-/]{6,})")
_PREFIXED_POSTCODE = re.compile(r"\b(D|A|CH)\s?-\s?\d{4,5}\b")
# The country after a postcode on its line: "10115 Berlin, Germany", "Tokyo 113-0091, Japan".
_COUNTRY_AFTER_CODE = re.compile(r"\d{3}.*?(?:,|\s)\s*([^\W\d][\w. ]+?)\s*\.?$")


def infer_region(texts: list[str], emails: list[str], urls: list[str], *, default: str) -> str:
    """The card's country by evidence, strongest first; ``default`` (from --region) otherwise."""
    for t in texts:  # 1. a printed country line: "Österreich"
        code = country_of(t)
        if code:
            return code
    for t in texts:  # ... or at the end of the postcode line: "Shimane, 693-0157 JAPAN"
        m = _COUNTRY_AFTER_CODE.search(t)
        code = country_of(m.group(1)) if m else None
        if code:
            return code
    for t in texts:  # 2. a postcode style that only one country uses
        m = _PREFIXED_POSTCODE.search(t)
        if m:
            return POSTCODE_PREFIX_REGION[m.group(1)]
        if JP_POSTCODE_RE.search(t) and JP_ADDRESS_HINT_RE.search(t):  # "〒113-0034 Tokyo"
            return "JP"
        m2 = US_CITY_STATE_ZIP_RE.search(t)
        if m2 and m2.group("state") in US_STATES:
            return "US"
        m3 = US_STATE_NAME_ZIP_RE.search(t)  # "Denver, Colorado 80214"
        if m3 and m3.group("state") in US_STATE_NAMES:
            return "US"
        uk = UK_POSTCODE_RE.search(t)
        # stricter here (a digit or O, not an S or A read for 5 or 4): "B2B SAP" must not make
        # a card British
        if uk and uk.group("code")[-3] in "0123456789O" and not re.search(r"\d{4,5}\s+[A-ZÄÖÜ]", t):
            return "GB"
    votes: Counter[str] = Counter()
    for t in texts:  # 3. the country codes of numbers printed in international form
        for m in _INTL.finditer(t):
            for n in (3, 2, 1):
                region = pn.region_code_for_country_code(int(m.group(1)[:n]))
                if region and region != "ZZ":
                    votes[region] += 4
                    break
    # 4. the domain: ".at", ".ch", ".co.uk"; the website's counts more than an e-mail's (a
    # group's address may be at another country's domain: www.firma.at, anna@firma-gruppe.de)
    hosts = [(e.split("@", 1)[1], 2) for e in emails]
    hosts += [(re.sub(r"^https?://", "", u), 3) for u in urls]
    for host, weight in hosts:
        tld = host.split("/")[0].rsplit(".", 1)[-1]
        if tld in TLD_REGION:
            votes[TLD_REGION[tld]] += weight
        elif len(tld) == 2 and tld.upper() in pn.SUPPORTED_REGIONS:  # ".jp", ".fr", ...
            votes[tld.upper()] += weight
    if votes:
        return votes.most_common(1)[0][0]
    return default
