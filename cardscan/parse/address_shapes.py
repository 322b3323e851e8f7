"""Addresses without a postcode in front of the city: the shapes of Turkish and Brazilian cards.

    Turkey:  "Karaağaç OSB Bakırcılar San. Sit."       street, up to the door number "No: 217"
             "C-4 Blok No: 217 Başakşehir / İSTANBUL"   district / province (the city)
    Brazil:  "Rua das Acácias, 318 - Bela Vista"          street type, name, number; the bairro
             "CEP 04152-000 - São Paulo - SP"           CEP, city, state (UF)

Both start from the street's own shape, as the postcode + city line of a German card does.
The input is the card's segments in reading order with the line each came from (a " - " or
" / " splits a printed line into segments).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from cardscan.model import Address
from cardscan.parse.company import plain
from cardscan.parse.rules import (
    BR_BAIRRO_RE,
    BR_STATES,
    BR_STREET_RE,
    CITY_REGION,
    CITY_SPELLING,
    COUNTRIES,
    LEGAL_FORM_RE,
    TR_ADDRESS_LABEL_RE,
    TR_DOOR_NUMBER_RE,
    TR_STREET_WORD_RE,
)
from cardscan.text import lower


@dataclass(frozen=True)
class Piece:
    """One segment of card text and the printed line it belongs to."""

    text: str
    line: int


def _country(text: str) -> bool:
    key = lower(text).strip(" .,")
    return key in COUNTRIES


_CITY_BY_PLAIN = {plain(k): v for k, v in CITY_SPELLING.items()}


def _spelled_city(city: str) -> str:
    """ "Sao Paulo", "Säo Paulo" -> "São Paulo": a big city's accents that OCR lost or misread."""
    return _CITY_BY_PLAIN.get(plain(city), city)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;:-–|=*\"'`.") if text else ""


def _same_line_after(pieces: Sequence[Piece], i: int) -> list[int]:
    return [j for j in range(i + 1, len(pieces)) if pieces[j].line == pieces[i].line]


def _next_line(pieces: Sequence[Piece], i: int, used: set[int]) -> list[int]:
    """The unused pieces of the first line after piece i's line."""
    later = [j for j in range(i + 1, len(pieces)) if pieces[j].line > pieces[i].line]
    if not later:
        return []
    line = pieces[later[0]].line
    return [j for j in later if pieces[j].line == line and j not in used]


# --- Turkey -----------------------------------------------------------------------------------

_POSTCODE = re.compile(r"(?:\bPK\s*[:.]?\s*)?(?<!\d)(\d{5})(?!\d)")


# Between the district, the province and the country: "/", " - ", and a bar (read as I too:
# "Kocasinan / KAYSERİ | TÜRKİYE").
_TR_CITY_SEPARATOR = re.compile(r"\s*/\s*|\s+[-|I]\s+")
# İstanbul abbreviated as the province: "Yeşilova İST.", "Tuzla / IST".
_TR_PROVINCE_ABBREVIATIONS = frozenset({"ist"})


def _province(part: str) -> str | None:
    """The word of a part that names a province: "İSTANBUL" of "İSTANBUL x7" (a stray mark
    read after it), "İST" of "Yeşilova İST"."""
    for word in reversed(re.split(r"[\s-]+", part)):  # "İstanbul-TÜRKİYE"
        key = lower(word).strip(".")
        if CITY_REGION.get(key) == "TR" or key in _TR_PROVINCE_ABBREVIATIONS:
            return word.rstrip(".")
    return None


def _place_name(part: str) -> bool:
    """Words that may name a district or province: not a country, no digits left after the
    postcode, no street's words ("1453 Sk. No" under a door number is another street)."""
    return (
        bool(re.search(r"[^\W\d_]{2}", part))
        and not _country(part)
        and not re.search(r"\d", part)
        and not TR_STREET_WORD_RE.search(part)
    )


def _turkish_city(parts: list[str]) -> tuple[str | None, str | None]:
    """(city, postcode) of the parts after the door number: "Başakşehir", "İSTANBUL",
    "TURKEY" -> İSTANBUL; "34890 Yayla Tuzla", "Istanbul" -> Istanbul, 34890. The province is
    the city where one is named; else the last place ("Kocasinan", not a landmark in brackets:
    "(Karşısı Otogar)")."""
    postcode = None
    names: list[str] = []
    for raw in parts:
        for part in _TR_CITY_SEPARATOR.split(raw):
            m = _POSTCODE.search(part)
            if m:
                postcode = postcode or m.group(1)
                part = _POSTCODE.sub(" ", part)
            if part.strip().startswith("("):
                continue
            part = _clean(part)
            if _province(part) or _place_name(part):
                names.append(part)
    provinces = [p for p in map(_province, names) if p]
    if provinces:
        return provinces[-1], postcode
    return (names[-1] if names else None), postcode


# OCR slips in a Turkish street, each with the text it exists for: the O of an organised
# industrial zone read as a zero ("B.0.S.B." -> "B.O.S.B.", "0SB"), and the dot of a capital
# İ read as a grave accent ("Ì.O.S.B" -> "İ.O.S.B"; Turkish has no Ì).
_TR_STREET_SLIPS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<!\d)0(?=\.?S\.?B\b)"), "O"),
    (re.compile("Ì"), "İ"),
)


def _street_head(text: str) -> bool:
    """The first half of a street: its words, no door number, and not the company's legal
    name ("Akımet San. Tic. Ltd. Şti." holds "San." too)."""
    return (
        bool(TR_STREET_WORD_RE.search(text))
        and not TR_DOOR_NUMBER_RE.search(text)
        and not LEGAL_FORM_RE.search(text)
    )


#: Lines of a street printed above its door number's line: "Dere Organize San. Bölgesi" /
#: "Kuyumcular Sitesi" / "D1 Blok No: 42".
MAX_STREET_HEADS = 2
#: Other lines passed over between them, before the first head is found: in two columns the
#: person's name or title lies between ("... San. Sit. 6. Cadde" / "Ayşe KAYA" / "No: 38").
MAX_PASSED = 1


def _street_heads(pieces: Sequence[Piece], i: int, used: set[int]) -> list[int]:
    """The pieces that begin the street of piece i's door number, on the lines above it, in
    reading order. Lines taken by other fields (a phone column beside the address) and a
    logo's stray letters ("J") are passed over freely."""
    heads: list[int] = []
    passed = 0
    lines = sorted({p.line for p in pieces[:i] if p.line < pieces[i].line}, reverse=True)
    for line in lines:
        free = [j for j in range(i) if pieces[j].line == line and j not in used]
        letters = sum(ch.isalpha() for j in free for ch in pieces[j].text)
        if letters <= 2:
            continue  # a line of other fields, or of a logo's stray letters
        if _street_head(pieces[free[-1]].text):
            heads.insert(0, free[-1])
            if len(heads) == MAX_STREET_HEADS:
                break
        elif heads or passed == MAX_PASSED:
            break
        else:
            passed += 1
    return heads


def turkish_address(pieces: Sequence[Piece], used: set[int]) -> tuple[Address, set[int]] | None:
    """The street up to its door number ("... Blok No: 14"), and the city after it."""
    for i, piece in enumerate(pieces):
        if i in used:
            continue
        door = TR_DOOR_NUMBER_RE.search(piece.text)
        if not door:
            continue
        head = TR_ADDRESS_LABEL_RE.sub("", piece.text[: door.start()])
        street_parts = [head, door.group(0)]
        taken = {i}
        # "Organize Sanayi Bölgesi Gül Sitesi" on the line above "3. Blok No: 14"
        heads = _street_heads(pieces, i, used)
        street_parts[:0] = [TR_ADDRESS_LABEL_RE.sub("", pieces[j].text) for j in heads]
        taken |= set(heads)
        after = [piece.text[door.end() :]] + [pieces[j].text for j in _same_line_after(pieces, i)]
        city, postcode = _turkish_city(after)
        taken |= set(_same_line_after(pieces, i))
        if city is None or _province(city) is None:
            # the city, or the province after the district, on the next line
            below = _next_line(pieces, i, used)
            landmark: list[int] = []
            if below and all(pieces[j].text.strip().startswith("(") for j in below):
                landmark, below = below, _next_line(pieces, below[-1], used)  # "(Otogar Yanı)"
            city2, postcode2 = _turkish_city([pieces[j].text for j in below])
            if city2 is not None and (city is None or _province(city2)):
                city, postcode = city2, postcode or postcode2
                taken |= set(below) | set(landmark)
        street = _clean(" ".join(p for p in street_parts if p))
        for slip, printed in _TR_STREET_SLIPS:
            street = slip.sub(printed, street)
        return Address(street=street, postal_code=postcode, city=city), taken
    return None


# --- Brazil -----------------------------------------------------------------------------------

_CEP = re.compile(r"(?<![\dA-Za-z])([\dOIl]{5})\s?-?\s?([\dOIl]{3})(?![\d])")
_DIGIT_LOOKALIKES = str.maketrans("OIl", "011")


def brazilian_address(pieces: Sequence[Piece], used: set[int]) -> tuple[Address, set[int]] | None:
    """ "Rua das Acácias, 318 - Bela Vista / CEP 04152-000 - São Paulo - SP"."""
    for i, piece in enumerate(pieces):
        if i in used:
            continue
        m = BR_STREET_RE.search(piece.text)
        if not m:
            continue
        taken = {i}
        rest = [piece.text[m.end() :]]
        same = [j for j in _same_line_after(pieces, i) if j not in used]
        rest += [pieces[j].text for j in same]
        taken |= set(same)
        below = _next_line(pieces, i, used)
        below_text = [pieces[j].text for j in below]
        if any(_CEP.search(t) or t.strip(" .").upper() in BR_STATES for t in below_text):
            rest += below_text
            taken |= set(below)
        postcode = city = state = None
        localities: list[str] = []
        for raw in rest:
            cep = _CEP.search(raw) if re.search(r"(?i)\bc[eé]p\b|\d{5}-\d{3}", raw) else None
            if cep:
                digits = (cep.group(1) + cep.group(2)).translate(_DIGIT_LOOKALIKES)
                postcode = postcode or f"{digits[:5]}-{digits[5:]}"
                raw = raw[: cep.start()] + " " + raw[cep.end() :]
            raw = re.sub(r"(?i)\bc[eé]p\b\s*[:.]?", " ", raw)
            for part in re.split(r"\s*[/,]\s*|\s+-\s*|\s*-\s+", raw):
                part = _clean(part)
                if part.upper() in BR_STATES:
                    state = part.upper()
                elif re.fullmatch(r"[^\W\d_][^\W\d_ .'-]+(?: [^\W\d_][^\W\d_.'-]*){0,3}", part):
                    localities.append(part)
        # The city is the last name before the state; a bairro ("Jd. Fernandes") is none, nor
        # is a lone name after the street with no state or CEP ("Rua das Acácias, 318 - Bela Vista").
        last = localities[-1] if localities else ""
        known = plain(last) in _CITY_BY_PLAIN
        if last and not BR_BAIRRO_RE.match(last) and (state or len(localities) >= 2 or known):
            city = _spelled_city(last)
        street = _clean(m.group(0))
        return Address(street=street, postal_code=postcode, city=city, region=state), taken
    return None
