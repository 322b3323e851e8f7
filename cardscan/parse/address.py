"""Postal addresses: DE/AT/CH postcode + city, UK postcodes, US "City, ST ZIP", street and country."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cardscan.model import Address
from cardscan.parse.rules import (
    COUNTRIES,
    FLOOR_RE,
    HOUSE_NUMBER_RE,
    JP_ADDRESS_HINT_RE,
    JP_POSTCODE_RE,
    JP_PREFECTURE_RE,
    LEGAL_FORM_RE,
    PO_BOX_RE,
    POSTCODE_CITY_RE,
    POSTCODE_PREFIX_REGION,
    PREMISES_RE,
    STREET_RE,
    STREET_SLIPS,
    UK_POSTCODE_RE,
    UMLAUT_CITY_BY_PLAIN,
    US_CITY_STATE_ZIP_RE,
    US_STATES,
)
from cardscan.parse.rules.regions import US_CITY_STATE_NAME_ZIP_RE, US_STATE_NAMES


@dataclass(frozen=True)
class CityFind:
    """A postcode + city found on line ``index``; ``before`` is the text left of it on that line."""

    index: int
    postal_code: str
    city: str
    region: str | None  # US state
    country_hint: str | None  # ISO code the postcode style implies
    before: str
    after: str


def country_of(text: str) -> str | None:
    """ISO code when the whole text is a country name: "Deutschland" -> "DE" (also when OCR
    read its l as i: "Deutschiand")."""
    key = text.strip(" ,").lower()
    for k in (key, key.strip(".")):
        code = COUNTRIES.get(k) or COUNTRIES.get(k.replace("i", "l"))
        if code:
            return code
    return None


def _country_spelled(text: str) -> str:
    """ "Deutschiand" -> "Deutschland": the l put back where the country name has one."""
    key = text.lower()
    if key in COUNTRIES or key.replace("i", "l") not in COUNTRIES:
        return text
    spelled = key.replace("i", "l")
    return "".join(
        ("L" if ch.isupper() else "l") if ch in "iI" and want == "l" else ch
        for ch, want in zip(text, spelled, strict=True)
    )


# A "city" ending in one of these is a US/UK street: "3350 Fifth Avenue" is no postcode + city.
_ENGLISH_STREET_END = re.compile(
    r"\b(street|st|avenue|ave|road|rd|drive|dr|lane|ln|boulevard|blvd|way|court|ct|place|pl|"
    r"square|parkway|highway|terrace|broadway)\.?$",
    re.IGNORECASE,
)


# The dots and bars of one-line addresses, and what OCR makes of a middle dot ("+", "«", "*"):
# "66 High Street · Edinburgh · EH2 9RT · England" read as "66 High Street + Edinburgh «".
_SEPARATOR_CHARS = ",:;·|•+«»*"
_SEPARATOR = "[" + re.escape(_SEPARATOR_CHARS) + "]"
_STREET_SLIP = {slip: word for slip, word, _ in STREET_SLIPS}
_STREET_SLIP_RE = re.compile(r"(?<=[\w.] )(" + "|".join(_STREET_SLIP) + r")\b")


def _fix_street_slips(text: str) -> str:
    """ "2712 Washington Bivd" -> "2712 Washington Blvd" (rules.STREET_SLIPS)."""
    return _STREET_SLIP_RE.sub(lambda m: _STREET_SLIP[m.group(0)], text)


#: Countries whose postcodes are five digits alone: a four-digit number before a word is
#: something else there (an old house number, a block). Brazil's CEP has eight digits, the US
#: ZIP its state before it, the UK its own shape: there the continental style is only taken
#: with a D-/A-/CH- prefix (find_city).
FIVE_DIGIT_POSTCODES = frozenset({"TR", "KR"})


def find_city(text: str, index: int, region: str = "DE") -> CityFind | None:
    """Postcode and city on one line, in the styles of DE/AT/CH, the UK, the US and Japan.

    ``region`` is the card's country as far as known: on a US, UK or Brazilian card "3086
    Broadway" is a street, so the continental "postcode city" style is only taken with a
    D-/A-/CH- prefix.
    """
    japanese = _japanese_city(text, index, region)
    if japanese:
        return japanese
    m = US_CITY_STATE_ZIP_RE.search(text) or US_CITY_STATE_NAME_ZIP_RE.search(text)
    if m and (m.group("state") in US_STATES or m.group("state") in US_STATE_NAMES):
        city = m.group("city").strip(" ,")
        before = text[: m.start()]
        # "123 Main Street, Springfield, IL 62704": the city is the last comma part.
        if "," in city:
            head, city = city.rsplit(",", 1)
            before, city = before + head, city.strip()
        return CityFind(
            index,
            m.group("code"),
            city,
            m.group("state"),
            "US",
            before.strip(" ,"),
            text[m.end() :],
        )
    m = POSTCODE_CITY_RE.search(text)
    if m:
        code, city = m.group("code"), m.group("city").strip(" ,.")
        # Cut the city at a comma or a following country word: "10115 Berlin, Germany".
        city_parts = re.split(r"\s*,\s*", city)
        city = city_parts[0]
        after = ", ".join(city_parts[1:]) + text[m.end() :]
        cc = m.group("cc")
        hint = POSTCODE_PREFIX_REGION.get(cc.upper()) if cc else ("DE" if len(code) == 5 else None)
        if not _looks_like_city(city) or _ENGLISH_STREET_END.search(city):
            return None  # "3350 Fifth Avenue" is a US street, not a postcode and a city
        if region in ("US", "GB", "BR") and not cc:
            return None
        if region in FIVE_DIGIT_POSTCODES and len(code) != 5 and not cc:
            return None  # "No: 4 1453 Sk." on a Turkish card (a prefixed "A-1010" is Austrian)
        return CityFind(index, code, city, None, hint, text[: m.start()].strip(" ,"), after)
    m = UK_POSTCODE_RE.search(text)
    if m:
        before = text[: m.start()].strip(" ,")
        # "137 Station Road, Glasgow", or with a separator OCR read as ":" or "-"
        parts = [p.strip() for p in re.split(rf"\s*{_SEPARATOR}\s*|\s[-–]\s", before) if p.strip()]
        city = parts[-1] if parts else ""
        code = uk_postcode(m.group("code"))
        if not city:  # "Birmingham" on the line above, "B2 0GT" alone on its own line
            return CityFind(index, code, "", None, "GB", "", text[m.end() :])
        if not any(ch.isdigit() for ch in city):
            rest = ", ".join(parts[:-1])
            return CityFind(index, code, city, None, "GB", rest, text[m.end() :])
    return None


def _japanese_city(text: str, index: int, region: str) -> CityFind | None:
    """ "Bunkyo-ku, Tokyo, 113-0034": city Tokyo; "NAGOYA,AICHI,461-0012, JAPAN": city Nagoya
    in Aichi; "Shimane, 693-0157 JAPAN": the city is on the line above ("..., Izumo City").
    """
    m = JP_POSTCODE_RE.search(text)
    if not m or (region != "JP" and not JP_ADDRESS_HINT_RE.search(text)):
        return None
    before, after = text[: m.start()].strip(" ,"), text[m.end() :].strip(" ,")
    if not before and after and not country_of(after):
        # the postcode first, as in Japanese: "〒113-0033 Tokyo, Bunkyo-ku, Hongo 1-1-1"
        parts = [p.strip() for p in after.split(",") if p.strip()]
        prefecture = next((_prefecture(p) for p in parts if _prefecture(p)), None)
        named = [p for p in parts if _JP_CITY_SUFFIX.search(p)]
        city = japanese_city_name(named[0]) if named else (prefecture or "")
        rest = [p for p in parts if _prefecture(p) is None and (not named or p != named[0])]
        return CityFind(index, m.group("code"), city, prefecture, "JP", ", ".join(rest), "")
    parts = [p.strip() for p in re.split(r"\s*,\s*", before) if p.strip()]
    prefecture = _prefecture(parts[-1]) if parts else None
    if prefecture:
        parts.pop()
    city = ""
    if parts and _is_japanese_city(parts[-1]):
        city = japanese_city_name(parts.pop())
    elif prefecture and ((parts and _is_ward(parts[-1])) or prefecture == "Tokyo"):
        # "Bunkyo-ku, Tokyo": a ward of the prefecture's city; Tokyo has wards, no cities.
        # Otherwise ("Shimane, 693-0157") the city is on the line above: build_address.
        city = prefecture
    return CityFind(index, m.group("code"), city, prefecture, "JP", ", ".join(parts), after)


def _prefecture(text: str) -> str | None:
    """ "AICHI" -> "Aichi", "Tokyo-to" -> "Tokyo"; None when text is no prefecture."""
    m = JP_PREFECTURE_RE.match(text.strip(" ,."))
    return m.group("name").capitalize() if m else None


def _is_ward(text: str) -> bool:
    return bool(re.search(r"(?i)-(?:ku|cho|machi)$|\b(?:ku|ward)$", text.strip()))


def _is_japanese_city(text: str) -> bool:
    """ "Izumo City", "Fuji-shi", "NAGOYA" (not "Bunkyo-ku", nor "1-2-3 Kanda")."""
    text = text.strip()
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z\- ]{1,30}", text)) and not _is_ward(text)


# "Izumo City", "Fuji-shi": a Japanese city named as one.
_JP_CITY_SUFFIX = re.compile(r"(?i)(?:\s+city|-shi)$")


def japanese_city_name(text: str) -> str:
    """ "Izumo City" -> "Izumo", "Fuji-shi" -> "Fuji", "NAGOYA" -> "Nagoya"."""
    name = _JP_CITY_SUFFIX.sub("", text.strip(" ,."))
    return name.title() if name.isupper() else name


# OCR slips in UK postcodes, which have a fixed shape (outward "G1", "EH2", "SW1A"; inward
# digit + two letters, never C I K M O V): the outward digit read as l or I ("Glasgow Gl 1FF",
# "London WIT 5EJ"), the inward digit read as a letter ("B2 OHA", "G1 SNY", "OX1 ARQ",
# "EH1 ows"), a J read as a bar, bracket or slash ("EH2 4P|", "G2 9A)", "B1 2))", "OX1 6/P")
# and a letter as a digit ("BS2 90S", "EH1 02X").
_UK_INWARD_DIGIT = {"O": "0", "o": "0", "S": "5", "A": "4"}
_UK_INWARD_LETTER = {
    **dict.fromkeys("|)]}/", "J"),
    **{"0": "Q", "2": "Z", "5": "S", "8": "B"},
}


def uk_postcode(raw: str) -> str:
    """ "Gl 1FF" -> "G1 1FF", "EH2 4P|" -> "EH2 4PJ", "BS2 90S" -> "BS2 9QS": a UK postcode
    as printed."""
    raw = re.sub(r"\s+", "", raw)
    outward, inward = raw[:-3], raw[-3:]
    outward = re.sub(r"^([A-Z]{1,2})[lI]", r"\g<1>1", outward)
    letters = "".join(_UK_INWARD_LETTER.get(ch, ch) for ch in inward[1:])
    return f"{outward} {_UK_INWARD_DIGIT.get(inward[0], inward[0])}{letters}".upper()


def _looks_like_city(city: str) -> bool:
    words = city.split()
    if not words or len(words) > 5:
        return False
    letters = sum(ch.isalpha() for ch in city)
    return letters >= 2 and letters >= 0.6 * len(city.replace(" ", ""))


def looks_like_street(text: str) -> bool:
    """ "Hauptstraße 12", "Mariahilfer Straße 5/3", "221B Baker Street", "Am Markt 3"."""
    return bool(STREET_RE.search(text) and HOUSE_NUMBER_RE.search(text)) or bool(
        re.match(r"^\d{1,5}[A-Za-z]?\s+[A-Z][a-z]+(\s+[A-Z][a-z]+)*\.?$", text.strip())
    )


# A line right above the postcode that ends in a house number is the street even without a
# street word: "Wiedner Gürtel 146", "Danielle-Koch II-Gasse 67", "Unter den Linden 5"; so is
# one that starts with it, as English-speaking countries print it: "2455 Alameda de las
# Pulgas" above "Menlo Park, CA 94025".
_WORDS_AND_NUMBER = re.compile(r"^[^\d@]{3,}\s\d{1,4}\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,4}[a-zA-Z]?)?$")
_NUMBER_AND_WORDS = re.compile(r"^\d{1,5}[A-Za-z]?\s+[^\W\d_][^\d@|:]{2,}$")


def _premises_of(up: str, street: str) -> bool:
    """Does ``up``, the line above the street, join it as the premises ("Unit 4" over "12 Mill
    Lane"), or the street line itself is the premises under ``up`` ("1200 Fifth Ave" over
    "Suite 5")? A company's line is none ("Unit 4 Solutions Ltd"; "Haus B, 2. OG" is a floor)."""
    if LEGAL_FORM_RE.search(FLOOR_RE.sub("", up)):
        return False
    return bool(PREMISES_RE.match(up) or (PREMISES_RE.match(street) and looks_like_street(up)))


def _street_right_above(text: str) -> bool:
    """Is the line right above the postcode's the street, though it holds no street word?"""
    if LEGAL_FORM_RE.search(text):
        return False  # "3M Deutschland GmbH" above "41453 Neuss"
    return bool(_WORDS_AND_NUMBER.match(text) or _NUMBER_AND_WORDS.match(text))


def build_address(
    lines: list[str],
    city: CityFind,
    used: set[int],
    above: list[int],
    below: list[int],
    above_city: list[int] | None = None,
) -> tuple[Address, set[int]]:
    """Assemble the address around a postcode line: street above it, country below it.

    ``above`` and ``below`` are the indexes of the lines nearest above and below the postcode
    line in the same column (nearest first); the caller knows the geometry.
    """
    taken = {city.index}
    free = [j for j in above if j not in used]
    if not city.city:  # a UK postcode alone: the city is the line above it
        # (not the company printed before it on the same line: "Cook Partners Ltd | G2 9AJ")
        if free and LEGAL_FORM_RE.search(lines[free[0]]):
            free.pop(0)
        alone = Address(postal_code=city.postal_code, region=city.region)
        if not free:
            return alone, taken
        # "66 High Street + Edinburgh" (a middle dot read as +) above "EH2 9RT": street and city
        *head, last = re.split(rf"\s*{_SEPARATOR}\s*", lines[free[0]].strip(" ,"))
        if not _looks_like_city(last) or re.search(r"\d", last):
            return alone, taken
        if city.country_hint == "JP":  # "3-8-21, Higashihama, Izumo City" above "Shimane, ..."
            if not _JP_CITY_SUFFIX.search(last):  # (not the name "KEIKO SHIMAZU")
                return alone, taken
            last = japanese_city_name(last)
        j = free.pop(0)
        head_text = ", ".join(head + ([city.before] if city.before else []))
        city = CityFind(
            j, city.postal_code, last, city.region, city.country_hint, head_text, city.after
        )
        taken.add(j)
        free = [k for k in (above_city or free) if k not in used | taken]
    street: str | None = None
    before = _fix_street_slips(city.before)
    # a box at the post office is the street only when no street is printed: "Postfach 12
    # 34" under "Lindenallee 7", or before the postcode on its line
    box: str | None = before if before and PO_BOX_RE.match(before) else None
    if before and box is None and (looks_like_street(before) or re.search(r"\d", before)):
        street = before
    else:
        lines_above = []  # the two lines nearest above that are no box
        for j in free[:3]:
            text = _fix_street_slips(lines[j].strip(" ,"))
            if PO_BOX_RE.match(text):
                if box is None:
                    box, taken = text, taken | {j}
                continue
            lines_above.append((j, text))
        for rank, (j, text) in enumerate(lines_above[:2]):
            if looks_like_street(text) or (rank == 0 and _street_right_above(text)):
                street, taken = text, taken | {j}
                k, up = lines_above[rank + 1] if rank + 1 < len(lines_above) else (None, "")
                if k is not None and _premises_of(up, text):
                    street, taken = f"{up}, {street}", taken | {k}
                break
            if rank == 0 and city.country_hint == "JP" and re.search(r"\d", text):
                # "4-5-6 Yushima" above "Bunkyo-ku, Tokyo, 113-0034": block numbers
                street, taken = ", ".join(filter(None, [text, before])), taken | {j}
                break
    street = street or box
    country: str | None = None
    after = city.after.strip(" -–" + _SEPARATOR_CHARS)  # "57 · D-51108 Köln · Germany"
    if after and country_of(after):
        country = after
    else:
        for j in below[:2]:
            if j not in used and country_of(lines[j]):
                country, taken = lines[j].strip(" .,"), taken | {j}
                break
    if country:
        country = _LOST_UMLAUT_COUNTRY.get(country, _country_spelled(country))
    if street:
        street = _fix_eszett(re.sub(r"\s+", " ", street).strip(" ,-–·|+•*:;"))  # "51 + 0492"
        street = re.sub(r"^[a-z]\s(?=[A-ZÄÖÜ\d])", "", street)  # "i Albersgasse 56": debris
    return (
        Address(
            street=street,
            postal_code=city.postal_code,
            city=_fix_city(city.city),
            region=city.region,
            country=country,
        ),
        taken,
    )


# Country names whose umlaut dots OCR lost: "Osterreich" is printed "Österreich".
_LOST_UMLAUT_COUNTRY = {"Osterreich": "Österreich", "OSTERREICH": "ÖSTERREICH"}


def _fix_eszett(text: str) -> str:
    """ "BahnhofstraBe 150": OCR reads ß as a capital B inside a lower-case word."""
    return re.sub(r"(?<=[a-zäöü])B(?=e\b|e\s|\b)", "ß", text)


def _fix_city(city: str) -> str:
    """Drop a stray letter after the city; put back umlauts OCR lost ("Munchen", "Diisseldorf")."""
    city = re.sub(r"\s[A-Za-z]$", "", city.strip()).rstrip(" :;,.-–|")
    # "Diisseldorf": the ü read as ii
    return UMLAUT_CITY_BY_PLAIN.get(
        city.lower(), UMLAUT_CITY_BY_PLAIN.get(city.lower().replace("ii", "u"), city)
    )
