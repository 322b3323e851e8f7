"""E-mail, website and profile values in text: which are valid as read, and the looser search.

``printed_values`` is the strict reading: a word of the card text that is a whole valid
address as it stands (email-validator syntax, a top-level domain that exists, the characters
cards print) is a printed value, and nothing may change it without evidence.
``loose_values`` also finds values inside words and keeps what is no valid value yet, for the
repairs in cardscan.parse.web to work on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from cardscan.labels import LABEL_WORDS
from cardscan.model import Profile
from cardscan.parse.hosts import is_public_suffix, known_tld, registered_label

# Without "www." or a scheme, only these TLDs make a bare word a website ("firma.de", not
# "Dr.No"); of two readings of one domain, one with such a TLD wins ("favre.ct": favre.ch).
COMMON_TLDS = frozenset(
    [
        "de",
        "at",
        "ch",
        "com",
        "net",
        "org",
        "eu",
        "io",
        "co",
        "uk",
        "us",
        "info",
        "biz",
        "nl",
        "fr",
        "it",
        "lu",
        "be",
        "li",
        "shop",
        "digital",
        "tech",
        "app",
    ]
)

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}", re.IGNORECASE)
# Websites: "www.firma.de", "https://firma.de/kontakt", "firma.com".
_URL = re.compile(
    r"(?<![@\w.])((?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:[a-z]{2,6})(?:/[\w\-./%?=&#~]*)?)(?![\w@])",
    re.IGNORECASE,
)
# An e-mail's @ and the first part of its domain, then a space: what follows is the rest of it.
_AFTER_BROKEN_EMAIL = re.compile(r"@\s?[a-z0-9][\w.-]*\s$", re.IGNORECASE)
_WWW_OR_SCHEME = re.compile(r"(?i)https?://|www\.")

# Profile links: "linkedin.com/in/anna-mueller", "xing.com/profile/Anna_Mueller".
PROFILE_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (
        "linkedin",  # "linkedin.com/in/anna-mueller-1a2b3c", "de.linkedin.com/in/..."
        # and OCR's "linkedin.convin/anna-mueller" (m read as n, / as v), "/iniminhtran"
        # (the second / read as i)
        re.compile(
            r"(?:[a-z]{2,3}\.)?linkedin\.co(?:m\w?/|nv)(?:in|n|ln|im)(?:/|[|il](?=[a-z0-9]))"
            r"([\w\-%]+)",
            re.IGNORECASE,
        ),
        "https://www.linkedin.com/in/{}",
    ),
    (
        "xing",  # "xing.com/profile/Anna_Mueller3"
        re.compile(r"xing\.(?:com|de)\w?/profile/([\w\-%]+)", re.IGNORECASE),
        "https://www.xing.com/profile/{}",
    ),
    (
        "twitter",  # "twitter.com/annamueller", "x.com/annamueller"
        re.compile(r"(?<![\w.])(?:twitter|x)\.com/(\w{1,15})\b", re.IGNORECASE),
        "https://x.com/{}",
    ),
    (
        "github",  # "github.com/annam"
        re.compile(r"github\.com/([\w\-]+)", re.IGNORECASE),
        "https://github.com/{}",
    ),
)
# The exact forms of each network's links, for the strict reading.
_PROFILE_EXACT = {
    "linkedin": re.compile(r"(?:[a-z]{2,3}\.)?linkedin\.com/in/([\w\-%]+)/?", re.I),
    "xing": re.compile(r"xing\.(?:com|de)/profile/([\w\-%]+)/?", re.I),
    "twitter": re.compile(r"(?:twitter|x)\.com/(\w{1,15})/?", re.I),
    "github": re.compile(r"github\.com/([\w\-]+)/?", re.I),
}

# The characters of local parts cards print; no dot first, last or twice.
_LOCAL = re.compile(r"[a-z0-9](?:[a-z0-9._%+'-]*[a-z0-9_%+'-])?", re.IGNORECASE | re.ASCII)

# A capital I among the lower-case letters of an address ("arda.zettI@", "Istewart@") is one
# glyph with l in most typefaces: OCR's I is a reading of either. Lower-cased, it is an l inside
# a word ("zettI": i would add a dot nobody saw) and before a vowel after a dot ("anna.Ieitner"),
# an i at the start of a part before a consonant ("koester-Immobilien.de": no word starts "lm")
# and of the address; the printed name may choose the other reading (parse.checks.settle).
_CAPITAL_I = re.compile(r"(?<=[a-z])I(?=[a-z.@_-]|$)|(?<=[._-])I(?=[aeiouy])")
# OCR's dotless ı in an address is an i: cards print ASCII addresses.
_DOTLESS = str.maketrans({"ı": "i"})

#: The rule of an address read with the I/l glyph (its origin keeps what OCR read).
CAPITAL_I_RULE = "capital-i-or-l-glyph"
# A capital S among the lower-case letters of an address, last in its local part or before
# its digits ("teresa.jamesS@", "frances.carrollS2@"), is a 5 as often as an s: the glyphs
# differ by a corner. Lower-cased it is an s; the printed name may choose the 5 (a local part
# such as "teresa.james5@": the name and a number).
_CAPITAL_S = re.compile(r"(?<=[a-z])S(?=\d*(?:\+[\w.-]*)?@)")
#: The rule of an address read with the S/5 glyph.
CAPITAL_S_RULE = "capital-s-or-5-glyph"
#: Rules of a glyph read one of its two ways: the value is printed as read, and the printed
#: name may choose the other reading (parse.checks.settle).
GLYPH_READING_RULES = frozenset({CAPITAL_I_RULE, CAPITAL_S_RULE})


@dataclass(frozen=True)
class Value:
    """One value found in text: its field, normalised value, and the text it was read from."""

    field: str  # "emails", "urls" or "profiles"
    value: str
    read: str
    start: int = 0  # where ``read`` starts in the text (for printed order)
    rule: str | None = None  # a rule the reading itself went through (CAPITAL_I_RULE, ...)
    end: int = -1  # where it ends (-1: start + len(read))

    @property
    def stop(self) -> int:
        return self.end if self.end >= 0 else self.start + len(self.read)


def _lowercase(address: str) -> tuple[str, str | None]:
    """The address lower-cased, a capital I or S among lower-case letters read as above; the
    rules of GLYPH_READING_RULES it went through, joined by "+" (the glyph's other reading
    stays open), or None."""
    rules = []
    s_read = _CAPITAL_S.sub("s", address)
    if s_read != address and s_read.replace("I", "") == s_read.replace("I", "").lower():
        address = s_read
        rules.append(CAPITAL_S_RULE)
    others = address.replace("I", "")
    if "I" in address and others == others.lower():
        address = _CAPITAL_I.sub("l", address)
        rules.append(CAPITAL_I_RULE)
    return address.lower(), "+".join(rules) or None


def valid_email(candidate: str) -> str | None:
    """The address lower-cased when it is valid exactly as given, else None."""
    local, at, domain = candidate.rpartition("@")
    if not at or not _LOCAL.fullmatch(local) or ".." in local or not known_tld(domain):
        return None
    try:
        validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:
        return None
    return _lowercase(candidate)[0]


def normalize_email(candidate: str) -> str | None:
    """A syntactically valid, lower-cased address (no DNS), or None: the loose reading, which
    also takes a dotless ı, an underscore before the address and top-level domains that do
    not exist (for the repairs to work on)."""
    candidate = candidate.strip(".,;:'").translate(_DOTLESS)
    local, _, domain = candidate.partition("@")
    local = local.lstrip("_")  # "_h.vonderheide@": a line's underscore read before the address
    candidate, _ = _lowercase(f"{local}@{domain}")
    try:
        info = validate_email(candidate, check_deliverability=False)
    except EmailNotValidError:
        return None
    return info.normalized.lower()


def normalize_url(candidate: str) -> str | None:
    """ "www.Firma.de/" -> "https://www.firma.de"; None when it does not look like a website."""
    url = candidate.strip(".,;:)(").translate(_DOTLESS)
    m = re.match(r"(?i)(https?://)?([^/]+)(/.*)?$", url)
    if not m:
        return None
    scheme, host, path = m.group(1), m.group(2).lower(), m.group(3) or ""
    tld = host.rsplit(".", 1)[-1]
    if not scheme and not host.startswith("www.") and tld not in COMMON_TLDS:
        return None
    if host.count(".") < 1 or len(host) < 4 or (registered_label(host) is None and known_tld(host)):
        return None  # ("co.uk" is no website: nobody's label before the public suffix)
    path = path.rstrip("/")
    return f"{(scheme or 'https://').lower()}{host}{path}"


_HOST = re.compile(r"(?:https?://)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?:/[\w\-./%?=&#~]*)?", re.I | re.A)  # fmt: skip
# Words around a value that are no part of it: brackets and quotes, a comma or full stop after it.
_WRAP = "()[]<>{}\"'“”„‚"
# A label glued to its value with a colon: "E-Mail:anna@firma.de", "e:anna@", "Web:www.x.de"
# ("www:" is left: its colon is as often the dot after www misread).
_GLUED_LABEL = re.compile(
    "^(?:mailto|"
    + "|".join(re.escape(w) for w in sorted(LABEL_WORDS - {"www"}, key=len, reverse=True))
    + r"|[a-z])[:;]",
    re.IGNORECASE,
)
# Words of a line: separated by spaces, commas, semicolons, dots and bars printed between
# items (none is in an address; a bar inside a word is a misread letter: "eber|@gabriel.at").
_WORD = re.compile(r"[^\s,;·•]+")
_SEPARATING_BAR = re.compile(r"(?<=\s)\||\|(?=\s)")


# "www" before a host and apart from it, with whatever OCR made of its dot: no other word is
# "www" ("www. firma.de", "W www firma.de", "www, firma.de"); "WWW: www.firma.de" is a label.
_WWW_APART = re.compile(r"(?i)^(?:https?://)?www[.,:;]?$")


#: The rule of a website whose "www" was read apart from its host.
WWW_APART_RULE = "www-apart-from-host"


def _words(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, word, joined) for the words of the line; a "www" apart from its host is
    joined to it with a dot."""
    words = [m for m in _WORD.finditer(_SEPARATING_BAR.sub(" ", text))]
    joined: list[tuple[int, int, str, bool]] = []
    for m in words:
        word = m.group(0)
        prev = joined[-1][2] if joined else ""
        if _WWW_APART.match(prev) and not word.lower().startswith("www") and "." in word:
            joined[-1] = (joined[-1][0], m.end(), prev.rstrip(".,:;") + "." + word, True)
        else:
            joined.append((m.start(), m.end(), word, False))
    return joined


def printed_values(text: str) -> list[Value]:
    """The values that are valid exactly as read, word by word."""
    found: list[Value] = []
    for start, end, word, joined in _words(text):
        core = word.strip(_WRAP).rstrip(".:")
        bare = core if core.lower().startswith(("http:", "https:")) else _GLUED_LABEL.sub("", core)
        if not bare:
            continue
        read = text[start:end]
        if _continued(bare, text[end:]):
            continue  # "sato@kgj.co. jp": the country after co. is part of it, read apart
        if "@" in bare:
            if bare.count("@") == 1 and valid_email(bare):
                value, rule = _lowercase(bare)
                found.append(Value("emails", value, read, start, rule, end))
            continue
        if re.search(r"@\s*$", text[:start]):
            continue  # "anna @ firma.de": the domain of a broken address, no website
        profile = _exact_profile(bare)
        rule = WWW_APART_RULE if joined else None
        if profile is not None:
            found.append(Value("profiles", profile.url, read, start, rule, end))
        elif _HOST.fullmatch(bare) and known_tld(_host(bare)) and _scheme_ok(bare):
            url = normalize_url(bare)
            if url:
                found.append(Value("urls", url, read, start, rule, end))
    return found


def _continued(word: str, after: str) -> bool:
    """Does a lone country word after ``word`` complete its domain ("kgj.co" + ". jp",
    "firma.co" + ",jp")?"""
    m = re.match(r"(?:[.,]\s*|\s+)([a-z]{2})\b", after)  # (lower case: "FR" is a country)
    last = word.split("/")[0].rsplit(".", 1)[-1]
    return bool(m) and is_public_suffix(f"{last}.{m.group(1)}")  # type: ignore[union-attr]


def _scheme_ok(word: str) -> bool:
    """A word that starts like a scheme has a whole one ("httpscllwww.firma.ch" has not)."""
    return not word.lower().startswith("http") or bool(re.match(r"(?i)https?://", word))


def _host(url: str) -> str:
    return re.sub(r"(?i)^https?://", "", url).split("/")[0]


def _exact_profile(word: str) -> Profile | None:
    core = re.sub(r"(?i)^(https?://)?(www\.)?", "", word)
    for network, _pattern, template in PROFILE_PATTERNS:
        m = _PROFILE_EXACT[network].fullmatch(core)
        if m:
            return Profile(network, template.format(m.group(1)))
    return None


# LinkedIn's generated profile suffixes are hexadecimal ("anna-mueller-70ea1a"), so an l, i or o
# in an otherwise hexadecimal suffix with digits is OCR's reading of 1 or 0 ("70eala").
_HEX_LOOKALIKES = str.maketrans({"l": "1", "i": "1", "I": "1", "o": "0", "O": "0"})


def _repair_linkedin_suffix(handle: str) -> str:
    head, sep, suffix = handle.rpartition("-")
    if not sep or not 6 <= len(suffix) <= 9 or not any(ch.isdigit() for ch in suffix):
        return handle
    fixed = suffix.translate(_HEX_LOOKALIKES)
    if fixed != suffix and re.fullmatch(r"[0-9a-f]+", fixed):
        return f"{head}-{fixed}"
    return handle


def loose_values(text: str, *, hex_suffix: bool = True) -> tuple[list[Value], str]:
    """Every value the text holds, also inside words and not yet valid; and the text without
    them. ``hex_suffix`` reads LinkedIn suffixes as hexadecimal ("70eala" is 70ea1a)."""
    found: list[Value] = []
    for m in _EMAIL.finditer(text):
        email = normalize_email(m.group(0))
        if email and all(v.value != email for v in found):
            found.append(Value("emails", email, m.group(0), m.start()))
    rest = _EMAIL.sub(" ", text)
    for network, pattern, template in PROFILE_PATTERNS:
        for m in pattern.finditer(rest):
            handle = m.group(1).rstrip("-")
            if network == "linkedin" and hex_suffix:
                handle = _repair_linkedin_suffix(handle)
            found.append(Value("profiles", template.format(handle), m.group(0), m.start()))
        rest = pattern.sub(" ", rest)
    searched = rest
    for m in _URL.finditer(searched):
        before = searched[: m.start()]
        if _AFTER_BROKEN_EMAIL.search(before) and not _WWW_OR_SCHEME.match(m.group(1)):
            continue  # "gary@quantis design.co.uk": the end of an e-mail (domains.repair_by_hosts)
        url = normalize_url(m.group(1))
        if url and all(v.value != url for v in found):
            found.append(Value("urls", url, m.group(1), m.start()))
            rest = rest.replace(m.group(1), " ")
    return found, re.sub(r"\s+", " ", rest).strip()
