"""Valid random phone numbers per country, and the local styles they are printed in."""

from __future__ import annotations

import random

import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberFormat, PhoneNumberType

from tools.gencards.tables import LocaleInfo

# How a card prints its numbers; one style per card, like a real print shop would.
#   DE "intl"   +49 30 12345670        "intl0"  +49 (0)30 1234567     "national" 030 1234567
#      "slash"  030 / 123 45-67        "din"    030 12345-67          "dash"     030-1234567
#   AT "intl"   +43 1 234 56 78        CH "intl" +41 44 123 45 67
#   GB "intl"   +44 20 7946 0123       "national" 020 7946 0123       "intl0" +44 (0)20 7946 0123
#   US "national" (212) 555-0147       "intl" +1 212 555 0147         "dash" 212-555-0147, "dots"
STYLES: dict[str, tuple[str, ...]] = {
    "DE": ("intl", "intl0", "national", "slash", "din", "dash"),
    "AT": ("intl", "intl0", "national", "slash"),
    "CH": ("intl", "intl0", "national"),
    "GB": ("intl", "intl0", "national"),
    "US": ("national", "intl", "intl_dash", "dash", "dots"),
}

_FIXED = {PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
_MOBILE = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def _digits(rng: random.Random, n: int) -> str:
    # subscriber numbers never start with 0 or 1 (those are trunk/service prefixes)
    return str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(n - 1))


def _candidate(rng: random.Random, info: LocaleInfo, kind: str, area: str) -> str:
    """A national significant number (no trunk 0) that is plausible for the country."""
    region = info.region
    if region == "US":
        if rng.random() < 0.5:  # 555-0100..0199 is reserved for fiction
            return f"{area}5550{rng.randint(100, 199)}"
        exch = _digits(rng, 3)
        while exch[1:] == "11":
            exch = _digits(rng, 3)
        return area + exch + "".join(str(rng.randint(0, 9)) for _ in range(4))
    if kind == "mobile":
        code = rng.choice(info.mobile_codes)
        sub_len = {"DE": 11, "AT": 10, "CH": 9, "GB": 10}[region] - len(code)
        if region == "DE" and code.startswith(("16", "17")):
            sub_len -= rng.choice((0, 1))
        return code + _digits(rng, sub_len)
    if region == "GB":
        if rng.random() < 0.5:  # Ofcom's drama ranges: 020 7946 0xxx, 0161 496 0xxx
            mid = "79460" if area == "20" else "4960"
            return area + mid + "".join(str(rng.randint(0, 9)) for _ in range(10 - len(area) - 5))
        return area + _digits(rng, 10 - len(area))
    total = {"DE": rng.choice((10, 10, 11)), "AT": rng.choice((8, 9, 10)), "CH": 9}[region]
    return area + _digits(rng, max(total - len(area), 4))


def random_number(rng: random.Random, info: LocaleInfo, kind: str, area: str) -> PhoneNumber:
    """A number that ``phonenumbers`` accepts as valid and of the right type for ``kind``."""
    wanted = _MOBILE if kind == "mobile" else _FIXED
    for _ in range(500):
        cand = _candidate(rng, info, kind, area)
        num = phonenumbers.parse(cand if info.region == "US" else "0" + cand, info.region)
        if (
            phonenumbers.is_valid_number(num)
            and phonenumbers.number_type(num) in wanted
            and phonenumbers.region_code_for_number(num) == info.region  # not Jersey's 07700
        ):
            return num
    raise RuntimeError(f"no valid {kind} number found for {info.region} area {area}")


def sibling_number(rng: random.Random, base: PhoneNumber) -> PhoneNumber:
    """The fax beside a switchboard number: same digits, other direct-dial ending ("-99")."""
    nsn = phonenumbers.national_significant_number(base)
    region = phonenumbers.region_code_for_number(base)
    for _ in range(200):
        k = rng.choice((1, 2))
        cand = nsn[:-k] + "".join(str(rng.randint(0, 9)) for _ in range(k))
        if cand == nsn:
            continue
        num = phonenumbers.parse(("" if region == "US" else "0") + cand, region)
        if (
            phonenumbers.is_valid_number(num)
            and phonenumbers.number_type(num) in _FIXED
            and phonenumbers.region_code_for_number(num) == region
        ):
            return num
    return base


def e164(num: PhoneNumber) -> str:
    return phonenumbers.format_number(num, PhoneNumberFormat.E164)


def _pairs(digits: str) -> str:
    """Swiss/Austrian grouping from the right: "1234567" -> "123 45 67"."""
    head = 3 if len(digits) % 2 else 2
    if len(digits) <= 4:
        return digits
    parts = [digits[:head]] + [digits[i : i + 2] for i in range(head, len(digits), 2)]
    return " ".join(parts)


def format_number(num: PhoneNumber, style: str, rng: random.Random) -> str:
    """The number as printed on a card in the given style (all digits kept, none added)."""
    region = phonenumbers.region_code_for_number(num)
    intl = phonenumbers.format_number(num, PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(num, PhoneNumberFormat.NATIONAL)
    cc = str(num.country_code)
    if region == "US":
        area, rest = national[1:4], national[6:].replace("-", "")
        return {
            "national": national,  # (212) 555-0147
            "intl": f"+1 {area} {rest[:3]} {rest[3:]}",
            "intl_dash": intl,  # +1 212-555-0147
            "dash": f"{area}-{rest[:3]}-{rest[3:]}",
            "dots": f"{area}.{rest[:3]}.{rest[3:]}",
        }.get(style, national)
    if region == "GB":
        if style == "intl":
            return intl
        if style == "intl0":
            return intl.replace(f"+{cc} ", f"+{cc} (0)", 1)
        return national
    nsn = phonenumbers.national_significant_number(num)
    ndc_len = phonenumbers.length_of_national_destination_code(num)
    ndc, sub = nsn[:ndc_len], nsn[ndc_len:]
    mobile = phonenumbers.number_type(num) == PhoneNumberType.MOBILE
    # Swiss numbers are nearly always printed "123 45 67", Austrian ones often
    grouped = _pairs(sub) if region == "CH" or (region == "AT" and rng.random() < 0.7) else sub
    if style == "intl":
        return f"+{cc} {ndc} {grouped}"
    if style == "intl0":
        return f"+{cc} (0){ndc} {grouped}"
    if style == "slash":
        if mobile or len(sub) < 5:
            return f"0{ndc} / {_pairs(sub)}"
        k = rng.choice((1, 2))
        return f"0{ndc} / {_pairs(sub[:-k])}-{sub[-k:]}"
    if style == "din" and not mobile and len(sub) >= 5:
        return f"0{ndc} {sub[:-2]}-{sub[-2:]}"
    if style == "dash":
        return f"0{ndc}-{sub}"
    return f"0{ndc} {grouped}"
