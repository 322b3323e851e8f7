"""Which country a card is from, for reading national phone numbers ("030 123456" on a .at card?).

Every place where a card says its country casts votes; the country with most votes wins and
``--region`` only decides when the card says nothing:

    3  a country named on a line ("Österreich", "Busan Korea 48058", "İstanbul / TÜRKİYE"),
       a postcode style only one country uses ("A-1010", "Fresno, CA 93721", "SW1A 1AA")
    2  each number printed with its country code ("+90 212 ..."), a big city ("Kayseri"),
       the website's country domain (".com.tr", ".co.uk", ".at")
    1  each word or shape of one country's cards ("Ltd. Şti.", "CEP", "Mapo-gu"), an
       e-mail's country domain
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import phonenumbers as pn

from cardscan.parse.rules import (
    CITY_REGION,
    COUNTRIES,
    JP_ADDRESS_HINT_RE,
    JP_POSTCODE_RE,
    POSTCODE_PREFIX_REGION,
    REGION_WORDS,
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
# The words of a line, for names of countries and cities inside it: "Busan Korea 48058".
_WORD = re.compile(r"[^\W\d_][^\W\d_'.]*\.?")
_LONGEST_NAME = 4  # words: "united states of america"


def _names_in(text: str) -> list[str]:
    """Every run of up to four words of a line, lower case: candidates for place names."""
    words = [w.lower().rstrip(".") for w in _WORD.findall(text)]
    runs = []
    for n in range(1, _LONGEST_NAME + 1):
        runs += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    return runs


def _fold_dotted_i(text: str) -> str:
    """ "İSTANBUL".lower() is "i̇stanbul" (an i with a combining dot): compare as "istanbul"."""
    return text.replace("İ", "I").replace("ı", "i")


def _postcode_style(text: str) -> str | None:
    """The country whose postcode style the line shows, if only one country uses it."""
    m = _PREFIXED_POSTCODE.search(text)
    if m:
        return POSTCODE_PREFIX_REGION[m.group(1)]
    if JP_POSTCODE_RE.search(text) and JP_ADDRESS_HINT_RE.search(text):  # "〒104-0033 Tokyo"
        return "JP"
    m2 = US_CITY_STATE_ZIP_RE.search(text)
    if m2 and m2.group("state") in US_STATES:
        return "US"
    m3 = US_STATE_NAME_ZIP_RE.search(text)  # "Denver, Colorado 80214"
    if m3 and m3.group("state") in US_STATE_NAMES:
        return "US"
    uk = UK_POSTCODE_RE.search(text)
    # stricter here (a digit or O, not an S or A read for 5 or 4): "B2B SAP" must not make
    # a card British
    if uk and uk.group("code")[-3] in "0123456789O" and not re.search(r"\d{4,5}\s+[A-ZÄÖÜ]", text):
        return "GB"
    return None


def countries_named(text: str) -> set[str]:
    """The countries a line names: "District 7, Ho Chi Minh City, Vietnam" -> {"VN"}."""
    return _places(text)[0]


def _places(text: str) -> tuple[set[str], set[str]]:
    """The countries a line names, and the countries of the big cities it names that are
    not among them ("İstanbul / TÜRKİYE": {"TR"}, set())."""
    folded = _fold_dotted_i(text)
    whole = folded.strip(" ,.").lower()
    if whole in COUNTRIES:
        return {COUNTRIES[whole]}, set()
    runs = _names_in(folded)
    countries = {COUNTRIES[r] for r in runs if r in COUNTRIES}
    return countries, {CITY_REGION[r] for r in runs if r in CITY_REGION} - countries


def region_votes(texts: Sequence[str], emails: Sequence[str], urls: Sequence[str]) -> Counter[str]:
    """The votes of a card's evidence for each country (see the module's docstring)."""
    votes: Counter[str] = Counter()
    for raw in texts:
        text = _fold_dotted_i(raw)
        countries, cities = _places(text)
        for code in countries:
            votes[code] += 3
        for code in cities:
            votes[code] += 2
        style = _postcode_style(text)
        if style:
            votes[style] += 3
        for m in _INTL.finditer(text):
            for n in (3, 2, 1):
                region = pn.region_code_for_country_code(int(m.group(1)[:n]))
                if region and region != "ZZ":
                    votes[region] += 2
                    break
    for pattern, code in REGION_WORDS:  # once per rule, however often the card shows it
        if any(pattern.search(_fold_dotted_i(t)) for t in texts):
            votes[code] += 1
    # The domains: the website's counts more than an e-mail's (a group's address may be at
    # another country's domain: www.firma.at beside anna@firma-gruppe.de).
    hosts = {e.split("@", 1)[1]: 1 for e in emails}
    hosts |= {re.sub(r"^https?://", "", u): 2 for u in urls}
    for host, weight in hosts.items():
        tld = host.split("/")[0].rsplit(".", 1)[-1]
        if tld in TLD_REGION:
            votes[TLD_REGION[tld]] += weight
        elif len(tld) == 2 and tld.upper() in pn.SUPPORTED_REGIONS:  # ".jp", ".tr", ".br"
            votes[tld.upper()] += weight
    return votes


def infer_region(
    texts: Sequence[str], emails: Sequence[str], urls: Sequence[str], *, default: str
) -> str:
    """The card's country by the most votes of its evidence; ``default`` (--region) when the
    card says nothing, or when it ties with the best."""
    votes = region_votes(texts, emails, urls)
    if not votes:
        return default
    best = max(votes.values())
    if votes.get(default) == best:
        return default
    return votes.most_common(1)[0][0]
