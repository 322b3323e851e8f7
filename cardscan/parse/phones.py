"""Phone numbers in card text: find, type by label word, validate and normalise with phonenumbers."""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers as pn

from cardscan.model import Phone, PhoneType
from cardscan.parse.rules import (
    NOT_PHONE_LABEL_RE,
    NOT_PHONE_LABEL_REACH,
    PHONE_AND_FAX_RE,
    PHONE_LABEL_AFTER_NUMBER_RE,
    PHONE_LABEL_GLUED_RE,
    PHONE_LABEL_RE,
    PHONE_LABELS,
)

# "+49 (0)30 123456": the "(0)" is the national trunk prefix and must go before parsing.
_TRUNK_IN_BRACKETS = re.compile(r"(\+\d{1,3})\s*\(\s*0\s*\)\s*")
# OCR reads "O"/"o" for zero and "l"/"I" for one inside digit runs: "+49 3O 12345".
_DIGITISH = re.compile(r"(?<=[\d\s/()-])[OoIl](?=[\d\s/()-])")
# ... and a dot or a small space between digit groups as a degree sign: "(0216) 555°7130".
_DEGREE_BETWEEN_DIGITS = re.compile(r"(?<=\d)°(?=\d)")
# Two numbers that differ in their last digits, printed once: "0212 555 29 44-45",
# "+90 212 555 27 61 - 62", "(0212) 555 10 97/98" (Turkish and other cards): the alternative
# replaces as many digits as it has, in a group of that length.
_RANGE = re.compile(
    r"(?P<head>(?:\+|\(|(?<![\d\w]))\d[\d()./\s]{4,16}?[\s.)])(?P<last>\d{1,2})"
    r"\s?[-–/]\s?(?P<alt>\d{1,2})(?![\d\w])(?!\s?[-./]?\s?\d)"
)
# A label printed after its number: "650 321 3902 Fax", "(0212) 555 10 92 (Pbx)" is no label.
_LABEL_AFTER = re.compile(r"\s*[.:]?\s*\(?(?P<label>[^\W\d_]+)\)?\.?\s*(?:$|[,;|])")
# What model.Phone accepts: a plus, the country code, at most 15 digits in all.
_E164_SHAPE = re.compile(r"\+[1-9]\d{4,14}")
# A German extension-only number: "Tel. 030/123456-0, Fax -99" means 030/123456-99.
_EXTENSION_ONLY = re.compile(r"^\s*[-–]\s?(\d{1,5})\b")
# A second subscriber number after the first, its area code left out: "Tel. (0212) 555 47 18 -
# 555 62 09", "+91-11-2355 1234, 23555678"; or alone on the line under it ("555 71 21").
_CONTINUED = re.compile(r"\s*[-–,/;]\s*(?P<digits>\d(?:[ .]?\d){5,8})(?![\d\w])")
_CONTINUED_ALONE = re.compile(r"^\s*(?P<digits>\d(?:[ .]?\d){5,8})\s*$")


@dataclass(frozen=True)
class PhoneFind:
    phone: Phone
    start: int
    end: int
    labelled: bool  # a label word said the type (more certain than a guess)
    raw: str


def _e164(number: pn.PhoneNumber) -> str | None:
    """The number in E.164 form; None when phonenumbers took more digits than E.164 allows
    ("Tel. 030 1234567 - 10115 Berlin": the postcode after a dash read into the number)."""
    e164 = pn.format_number(number, pn.PhoneNumberFormat.E164)
    return e164 if _E164_SHAPE.fullmatch(e164) else None


def _before_a_dash(raw: str, region: str) -> pn.PhoneNumber | None:
    """ "030 1234567 - 10115", read as one number too long for E.164: the number before the
    spaced dash, when that is valid."""
    head = re.split(r"\s[-–]\s", raw)[0]
    try:
        number = pn.parse(head, region)
    except pn.NumberParseException:
        return None
    return number if head != raw and pn.is_valid_number(number) else None


def _valid(raw: str, region: str) -> bool:
    try:
        return pn.is_valid_number(pn.parse(raw, region))
    except pn.NumberParseException:
        return False


def _expand_ranges(text: str, region: str) -> tuple[str, set[int]]:
    """ "Tel: 0212 555 29 44-45" -> "Tel: 0212 555 29 44, 0212 555 29 45", and where the second
    numbers start (they share the first one's label).

    Where numbers have no fixed length, "-62" is the extension of a switchboard number and
    belongs to it: "089 / 353 27 86-62" in Germany and Austria stays one number.
    """
    out, starts, pos = [], set(), 0
    for m in _RANGE.finditer(text):
        head, last, alt = m.group("head"), m.group("last"), m.group("alt")
        if len(last) != len(alt) or not 7 <= sum(ch.isdigit() for ch in head + last) <= 13:
            continue
        if _valid(head + last + alt, region):
            continue
        first = head + last
        out.append(text[pos : m.start()] + first + ", ")
        starts.add(sum(map(len, out)))
        out.append(first[: len(first) - len(alt)] + alt)
        pos = m.end()
    return "".join(out) + text[pos:], starts


def _prepare(text: str) -> str:
    text = PHONE_AND_FAX_RE.sub(r"\1", text)
    text = PHONE_LABEL_GLUED_RE.sub(r"\1 ", text)
    text = PHONE_LABEL_AFTER_NUMBER_RE.sub(r" \1", text)
    text = _TRUNK_IN_BRACKETS.sub(r"\1 ", text)
    text = _DEGREE_BETWEEN_DIGITS.sub(" ", text)
    return _DIGITISH.sub(lambda m: "0" if m.group(0) in "Oo" else "1", text)


def _label_before(text: str, start: int, floor: int) -> PhoneType | None:
    """The type said by the last label word between ``floor`` and ``start``."""
    found: PhoneType | None = None
    for m in PHONE_LABEL_RE.finditer(text, floor, start + 1):
        if m.end() <= start + 1:
            found = PHONE_LABELS[m.group(1).lower()]
    return found


def _label_after(text: str, end: int) -> PhoneType | None:
    """The type said by a label right after the number, when no number follows it."""
    m = _LABEL_AFTER.match(text, end)
    return PHONE_LABELS.get(m.group("label").lower()) if m else None


def _kind(number: pn.PhoneNumber) -> PhoneType:
    t = pn.number_type(number)
    if t == pn.PhoneNumberType.MOBILE:
        return "mobile"
    return "work"


def _house_number_like(raw: str) -> bool:
    """Short (under 7 digits) and without a trunk or country prefix: a card prints its phone
    numbers with the area code ("030 ...", "+49 ..."), so "168-170" is no phone."""
    digits = sum(ch.isdigit() for ch in raw)
    return digits < 7 and not raw.lstrip("( ").startswith(("+", "0"))


def find_phones(text: str, region: str, *, stem: str | None = None) -> list[PhoneFind]:
    """Every valid phone number on one line, with its type; ``region`` is for national numbers.

    ``stem`` is the last number printed before this line ("030/123456-0"): German cards print
    further extensions of the same line as "Fax -99".
    """
    prepared, range_starts = _expand_ranges(_prepare(text), region)
    finds: list[PhoneFind] = []
    floor = 0
    for m in pn.PhoneNumberMatcher(prepared, region, leniency=pn.Leniency.VALID):
        if finds and m.start < finds[-1].end:
            continue  # the digits of a number read as a continuation of the one before
        label = _label_before(prepared, m.start, floor)
        if label is None and m.start in range_starts and finds:
            label = finds[-1].phone.type if finds[-1].labelled else None
        if label is None:
            label = _label_after(prepared, m.end)
        if label is None and _house_number_like(m.raw_string):
            continue  # "Am Markt 168-170": a range of house numbers, valid as a German phone
        if label is None and NOT_PHONE_LABEL_RE.search(
            prepared, max(floor, m.start - NOT_PHONE_LABEL_REACH), m.start
        ):
            continue  # "V.D. Yeşilova 5551234567": a tax number, valid as a mobile number
        number: pn.PhoneNumber | None = m.number
        e164 = _e164(m.number)
        if e164 is None:  # too long: read up to a spaced dash
            number = _before_a_dash(m.raw_string, region)
            e164 = _e164(number) if number else None
        if number is None or e164 is None:
            continue
        kind = label or _kind(number)
        ext = number.extension or None
        finds.append(
            PhoneFind(Phone(e164, kind, ext), m.start, m.end, label is not None, m.raw_string)
        )
        floor = m.end
        extra = _extension_only(prepared, m.end, m.raw_string, region)
        extra = extra or _continued(prepared, m.end, number, finds[-1])
        if extra:
            finds.append(extra)
    if not finds and stem:
        extra = _extension_only(prepared, 0, stem, region)
        if extra:
            finds.append(extra)
    return finds


def _continued(text: str, pos: int, before: pn.PhoneNumber, first: PhoneFind) -> PhoneFind | None:
    """ "(0212) 555 47 18 - 555 62 09": the digits after the number, valid with its country and
    area code and as long as it, are a second number under the same label."""
    m = _CONTINUED.match(text, pos)
    return _in_area_of(m, before, first) if m else None


def continued_line(text: str, above: str) -> PhoneFind | None:
    """A line of digits alone under a line whose last number was ``above`` (E.164): "Tel.
    (0212) 555 71 20" over "555 71 21" is a second number of the same area."""
    m = _CONTINUED_ALONE.match(text)
    return _in_area_of(m, pn.parse(above), None) if m else None


def _in_area_of(
    m: re.Match[str], before: pn.PhoneNumber, first: PhoneFind | None
) -> PhoneFind | None:
    """The digits ``m`` matched as a second number in the area of ``before``, typed as
    ``first`` (the number before it on its line) when a label typed that one."""
    number = _with_area_of(m.group("digits"), before)
    e164 = _e164(number) if number else None
    if number is None or e164 is None:
        return None
    labelled = first is not None and first.labelled
    kind = first.phone.type if first is not None and labelled else _kind(number)
    raw = pn.format_number(number, pn.PhoneNumberFormat.INTERNATIONAL)
    return PhoneFind(Phone(e164, kind), m.start("digits"), m.end(), labelled, raw)


def _with_area_of(digits: str, before: pn.PhoneNumber) -> pn.PhoneNumber | None:
    """``digits`` as a subscriber number in the area of ``before``, if that makes a valid
    number as long as ``before`` and other than it."""
    national = pn.national_significant_number(before)
    area = national[: pn.length_of_geographical_area_code(before)]
    subscriber = re.sub(r"\D", "", digits)
    if not area or len(area + subscriber) != len(national):
        return None
    try:
        number = pn.parse(f"+{before.country_code}{area}{subscriber}")
    except pn.NumberParseException:
        return None
    if not pn.is_valid_number(number) or number == before:
        return None
    return number


def _extension_only(text: str, pos: int, stem_raw: str, region: str) -> PhoneFind | None:
    """ "Tel. 030/123456-0 · Fax -99": the fax shares the stem of the number before it."""
    if "-" not in stem_raw:
        return None
    tail = text[pos:]
    lead = len(tail) - len(tail.lstrip(" ,;|·/"))
    lab = PHONE_LABEL_RE.match(tail, lead)
    if not lab:
        return None
    ext_m = _EXTENSION_ONLY.match(tail[lab.end() :])
    if not ext_m:
        return None
    raw = f"{stem_raw.rsplit('-', 1)[0]}-{ext_m.group(1)}"
    try:
        num = pn.parse(raw, region)
    except pn.NumberParseException:
        return None
    e164 = _e164(num) if pn.is_valid_number(num) else None
    if e164 is None:
        return None
    end = pos + lab.end() + ext_m.end()
    return PhoneFind(Phone(e164, PHONE_LABELS[lab.group(1).lower()]), pos, end, True, raw)


# A local number without its area code, in the shape Brazilian and other cards print it:
# "3987-1402", "98765-4321" (the area code is on another number of the card: "(11) 2345-6610").
_LOCAL_NUMBER = re.compile(r"(?<![\d+(/.-])(9?\d{4})[-.](\d{4})(?![\d-])")


def area_code(number: str) -> str | None:
    """The national area code of an E.164 fixed-line number: "+551123456610" -> "11"."""
    try:
        parsed = pn.parse(number)
    except pn.NumberParseException:
        return None
    national = pn.national_significant_number(parsed)
    length = pn.length_of_geographical_area_code(parsed)
    return national[:length] if length else None


def find_local_numbers(text: str, region: str, area: str) -> list[PhoneFind]:
    """Numbers printed without the area code another number of the card shows, made whole
    with it when that makes a valid number: "3987-1402" beside "(11) 2345-6610"."""
    prepared = _prepare(text)
    finds: list[PhoneFind] = []
    for m in _LOCAL_NUMBER.finditer(prepared):
        try:
            number = pn.parse(area + m.group(1) + m.group(2), region)
        except pn.NumberParseException:
            continue
        e164 = _e164(number) if pn.is_valid_number(number) else None
        if e164 is None:
            continue
        label = _label_before(prepared, m.start(), finds[-1].end if finds else 0)
        kind = label or _kind(number)
        finds.append(
            PhoneFind(Phone(e164, kind), m.start(), m.end(), label is not None, m.group(0))
        )
    return finds


def strip_phones(text: str, finds: list[PhoneFind], region: str = "DE") -> str:
    """The line without its numbers and label words (what is left may be a name or an address)."""
    if not finds:
        return text
    prepared, _ = _expand_ranges(_prepare(text), region)
    for f in sorted(finds, key=lambda f: f.start, reverse=True):
        prepared = prepared[: f.start] + " " + prepared[f.end :]
    prepared = PHONE_LABEL_RE.sub(" ", prepared)
    return re.sub(r"\s+", " ", prepared).strip(" :,;|")


def region_of(number: str) -> str | None:
    """The ISO region of an E.164 number: "+43 1 234" -> "AT"."""
    try:
        return pn.region_code_for_number(pn.parse(number))
    except pn.NumberParseException:
        return None
