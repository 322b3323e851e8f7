"""E-mail addresses, websites and profile links (LinkedIn, Xing, ...) found in card text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from cardscan.model import Profile

# OCR repairs before looking for e-mails: "anna.mueller (at) firma.de", "anna @ firma.de",
# "anna.mueller@firma,de" (comma for dot before the TLD).
_AT_WORD = re.compile(r"\s*[\[(]\s*at\s*[\])]\s*", re.IGNORECASE)
_SPACED_AT = re.compile(r"(?<=[\w.])\s*@\s*(?=[\w])")
_COMMA_TLD = re.compile(r"(@[\w.-]+),(?=[a-z]{2,6}\b)")
# "wlarson@weber com", "wlarson@weber. com", "chris@alpenblick co. uk", "hello@gray co uk":
# the dot before the top-level domain lost or spaced.
_SPACED_TLD = re.compile(
    r"(@[\w-]+(?:\.[\w-]+)*)(?:\.\s|\s\.?)(de|at|ch|com|net|org|eu|uk|co(?:\.\s?|\s\.?)uk|io|info)\b"
)
_DOTS = re.compile(r"[.\s]+")
# "sato@kgj.co. jp", "anna@uni-graz.ac. at": a space before a country's top-level domain
# after a second-level one (co, ac, or, gv ...).
_SPACED_CCTLD = re.compile(
    r"(@[\w-]+(?:\.[\w-]+)*\.(?:co|com|ac|ad|or|ne|gv|go|org|net|gov|edu))\.\s([a-z]{2})\b"
)
# "gpearce®silverline.co.uk", "powers(colon-thomas.com": the @ read as ®, © or a bracket,
# between a local part and a domain with its top-level domain ("Firma (firma.de)" stays).
_AT_LOOKALIKE = re.compile(
    r"(?<=[a-z0-9._-])(?:[®©]|\((?![^\s]*\)))(?=[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b)", re.I
)
# "kontakt&zbinden.ch", "kontakt®&zbinden. ch": the @ read as & (no host name holds one)
# after a lower-case local part ("Müller&Partner.de" may be a brand; "www.h&m.com", "at&t.com"
# are no addresses: a host and parts of two letters or more).
_AT_READ_AS_AMPERSAND = re.compile(
    r"(?<![\w.@-])(?!www\.)([a-z0-9][a-z0-9._-]+)[®©]?&"
    r"(?=[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.\s?[a-z]{2,6}\b)"
)
# "mweissenboeck Qvertex-software.at": the @ read as a capital Q (no address has one).
_AT_READ_AS_Q = re.compile(r"(?<=[a-z0-9])\s?Q(?=[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b)")
# "s.\opez@johnson.com": a bar or backslash after the dot of the local part is an l.
_BAR_AFTER_DOT = re.compile(r"(?<=[a-z0-9]\.)[\\|](?=[a-z][\w.+-]*\s?@)")
# "johann.steind] @firma.at", "antonio.thane! @firma.de": a bracket, bar or ! just before the
# @ is an l that OCR misread.
_BAR_BEFORE_AT = re.compile(r"(?<=\w)[\]|!](?=\s*@)")
# "fried\@firma.de", "linkedin.com/in/fried\-ladeck": no address or link holds a backslash;
# between letters of one (a word with @ or a dot in it) it is an l read with its slant.
_BACKSLASH_IN_ADDRESS = re.compile(r"(?<=[a-z0-9.])\\(?=[a-z0-9@.-])")
_ADDRESS_WORD = re.compile(r"\S*\\\S*")
# "lrogers@!yonswhitehouse.co.uk": an l at the start of the domain read as ! or a bar.
_BAR_AFTER_AT = re.compile(r"(?<=@)[!|](?=[a-z0-9])", re.IGNORECASE)
# "f:mangold@firma.de", "j;wenger@": a lower-case initial whose dot OCR read as a colon or
# semicolon (labels such as "E:" are capitals, so "E:anna@firma.de" stays a label).
_COLON_INITIAL = re.compile(r"(?<![\w.:;])([a-z])[:;](?=[a-z][\w.+-]*\s?@)")
# "carol. wilson@firma.co.uk": a space after the dot inside the local part.
_SPACE_AFTER_DOT = re.compile(
    r"(?<![\w.@-])(?!(?:e-?mail|mail|email|kontakt|contact)\.)([a-z][a-z0-9_-]*\.)\s(?=[a-z][\w.+-]*\s?@)"
)
# "amanda .parsons@firma.com": a space before the dot inside the local part.
_SPACE_BEFORE_DOT = re.compile(
    r"(?<![\w.@-])(?!(?:e-?mail|mail|email|kontakt|contact)\s)([a-z][a-z0-9_-]*)\s(?=\.[a-z][\w.+-]*\s?@)"
)
# "|.price@firma.com", "{.zurlinden@firma.de", "\.devries@": a narrow initial (f, i, j, l, t)
# read as a bar or bracket.  It becomes an l here; crosscheck.correct_emails puts the printed
# name's initial back.
_BRACKET_INITIAL = re.compile(r"(?<![\w.])[|{}\[\]()!\\](?=\.[a-z][\w+-]*\s?@)")
# "stanley,rhodes@firma.co.uk": a comma for the dot inside the local part.
_COMMA_IN_LOCAL = re.compile(r"(?<![\w.])([a-z][a-z0-9_-]*),(?=[a-z][\w.+-]*\s?@)")
# "Ea.ernst@firma.de": the label "E" with the space after it lost, glued to an initial (an
# address printed with capitals, "Eva.Ernst@", does not look like this).
_LABEL_E_GLUED = re.compile(r"(?<![\w.@-])E(?=[a-z]\.[a-z][\w.+-]*@)")
# "k finke@firma.de": the dot after a lower-case initial read as a space.
_SPACED_INITIAL = re.compile(r"(?<![\w.@-])([a-z])\s(?=[a-z][\w.+-]*\s?@)")
# "Iinnea.koeberl@": a leading li read as Ii (no name starts with "Ii"; "Ilse" stays Ilse).
_CAPITAL_I_START = re.compile(r"(?<![\w.@-])I(?=i[a-z])")
# "clifford barker @firma.co.uk", "franz-josef kaul@": OCR lost the dot between two name words
# of the local part.
_SPACE_IN_LOCAL = re.compile(
    r"(?<![\w.@-])(?!(?:e-?mail|mail|email|kontakt|contact|at)\b)([a-z]{2,}(?:-[a-z]{2,})?)"
    r"\s([a-z]{2,}\s?@)"
)
# "https:/www.firma.de", "www. firma.de", "www,firma.de": OCR slips in web addresses.
_URL_REPAIRS = (
    # "https:/Awww.firma.de", "https:/Avww.firma.de", "httpscllwww.firma.de", "https: //www.":
    # the colon and slashes read as letters or bars (or a space) before "www." (a w of which
    # read as v)
    (
        re.compile(r"(?i)\b(https?)(?::\s?/*|[:;]?[/|\\]+)?[a-z|\\]{0,3}?(?:www|vww|wvw|wwv)\."),
        r"\1://www.",
    ),
    # "Web Wwww.firma.de": the label's W glued to the host (no host starts with "wwww.")
    (re.compile(r"(?i)(?<![\w.@/])w(?=www\.)"), ""),
    (re.compile(r"(?i)\b(https?)(?::/+|\s//)(?=\w)"), r"\1://"),  # "https //www" too
    # ("www:firma.de" too, but the label of "WWW: www.firma.de" stays a label)
    (re.compile(r"(?i)\bwww\s?[.,:;]\s?(?!www[.,])(?=[a-z0-9])"), "www."),
    # "Web: ww.favre.ch": a w lost (no host starts with "ww.")
    (re.compile(r"(?i)(?<![\w.@/])ww\.(?=[a-z0-9-]+\.[a-z]{2,})"), "www."),
    # "www.minato.ne.ip", "firma.corn": top-level domains that do not exist, j read as i and
    # m as rn ("ip" and "corn" are none)
    (re.compile(r"(?i)(?<=[a-z0-9]\.(?:co|ne|or|ac|ad|go))\.ip\b(?![.\w-])"), ".jp"),
    (re.compile(r"(?i)(?<=[a-z0-9])\.corn\b(?![.\w-])"), ".com"),
    # "wwwiinkedin.convin/anna-berg", "Iinkedin.com/in/": the l of linkedin read as i or I
    (re.compile(r"(?i)(?<![a-z])(www\.?)?[i|1!]inkedin(?=\.co)"), "linkedin"),
    # "linkedin com/in/anna-berg": the dot read as a space
    (re.compile(r"(?i)\b(linkedin|xing)\s(com|de)/"), r"\1.\2/"),
    # "www.firma.co uk": the dot before a country after co. read as a space
    (re.compile(r"(?i)(?<=[a-z0-9-]\.co)\s(?=(?:uk|jp)\b)"), "."),
    # "www alpenblick co.uk", "www firma de", "www dietz-software. de": dots read as spaces
    (re.compile(r"(?i)\bwww\s(?=[a-z0-9-]{3,}(?:\.\s?|\s)(?:co\.uk|de|at|ch|com)\b)"), "www."),
    (re.compile(r"(?i)\b(www\.[a-z0-9-]{3,})\.?\s(co\.uk|de|at|ch|com)\b"), r"\1.\2"),
    # "wwwschaeferring.de": the dot after www was lost (no real host starts with "wwws...")
    (re.compile(r"(?i)(?<![\w.@/])www(?=[a-z0-9-]{2,}\.[a-z]{2,})"), "www."),
    # "www.schnyder-mayerch": the dot before the top-level domain lost (a host needs one)
    (re.compile(r"(?i)(?<![\w.@])(www\.[a-z0-9-]{3,}?)(de|at|ch|com)\b(?![.\w-])"), r"\1.\2"),
)
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}", re.IGNORECASE)

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

# Websites: "www.firma.de", "https://firma.de/kontakt", "firma.com".
_URL = re.compile(
    r"(?<![@\w.])((?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*"
    r"\.(?:[a-z]{2,6})(?:/[\w\-./%?=&#~]*)?)(?![\w@])",
    re.IGNORECASE,
)
# An e-mail's @ and the first part of its domain, then a space: what follows is the rest of it.
_AFTER_BROKEN_EMAIL = re.compile(r"@\s?[a-z0-9][\w.-]*\s$", re.IGNORECASE)
_WWW_OR_SCHEME = re.compile(r"(?i)https?://|www\.")
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


@dataclass(frozen=True)
class WebFinds:
    emails: list[str]
    urls: list[str]
    profiles: list[Profile]
    rest: str  # the text with everything found removed


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


def _backslash_as_l(word: re.Match[str]) -> str:
    text = word.group(0)
    if "@" not in text and "." not in text:
        return text  # "Vertrieb\\Marketing" is no address
    return _BACKSLASH_IN_ADDRESS.sub("l", text)


def repair_email_text(text: str) -> str:
    text = _AT_WORD.sub("@", text)
    text = _AT_LOOKALIKE.sub("@", text)
    if "@" not in text:
        text = _AT_READ_AS_AMPERSAND.sub(r"\1@", text)
    text = _LABEL_E_GLUED.sub("E ", text)
    text = _ADDRESS_WORD.sub(_backslash_as_l, text)
    text = _BAR_BEFORE_AT.sub("l", text)
    text = _BAR_AFTER_AT.sub("l", text)
    text = _COLON_INITIAL.sub(r"\1.", text)
    text = _COMMA_IN_LOCAL.sub(r"\1.", text)
    text = _SPACED_INITIAL.sub(r"\1.", text)
    text = _CAPITAL_I_START.sub("l", text)
    text = _SPACE_AFTER_DOT.sub(r"\1", text)
    text = _SPACE_BEFORE_DOT.sub(r"\1", text)
    text = _BRACKET_INITIAL.sub("l", text)
    text = _BAR_AFTER_DOT.sub("l", text)
    text = _AT_READ_AS_Q.sub("@", text)
    text = _SPACE_IN_LOCAL.sub(r"\1.\2", text)
    text = _SPACED_AT.sub("@", text)
    text = _COMMA_TLD.sub(r"\1.", text)
    text = _SPACED_CCTLD.sub(r"\1.\2", text)
    text = _SPACED_TLD.sub(lambda m: m.group(1) + "." + _DOTS.sub(".", m.group(2)), text)
    for pattern, repl in _URL_REPAIRS:
        text = pattern.sub(repl, text)
    return text


# "arda.zettI@firma.at": a capital I among lower-case letters is a lower-case l.  At the start
# of a part before a consonant it is an i ("koester-Immobilien.de": no word starts "lm").
_CAPITAL_I = re.compile(r"(?<=[a-z])I(?=[a-z.@_-]|$)|(?<=[._-])I(?=[aeiouy])")
_CAPITAL_I_PART = re.compile(r"(?<=[._-])I(?=[b-df-hj-np-tv-xz])")


# OCR's dotless ı in an address is an i: cards print ASCII addresses.
_DOTLESS = str.maketrans({"ı": "i"})


def normalize_email(candidate: str) -> str | None:
    """A syntactically valid, lower-cased address (no DNS), or None."""
    candidate = candidate.strip(".,;:'").translate(_DOTLESS)
    local, _, domain = candidate.partition("@")
    local = local.lstrip("_")  # "_h.vonderheide@": a line's underscore read before the address
    local, domain = (_CAPITAL_I_PART.sub("i", _CAPITAL_I.sub("l", x)) for x in (local, domain))
    candidate = f"{local}@{domain}"
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
    if host.count(".") < 1 or len(host) < 4:
        return None
    path = path.rstrip("/")
    return f"{(scheme or 'https://').lower()}{host}{path}"


def find_web(text: str) -> WebFinds:
    """Pull e-mails, profile links and websites out of one line of card text."""
    rest = repair_email_text(text)
    emails: list[str] = []
    for m in _EMAIL.finditer(rest):
        email = normalize_email(m.group(0))
        if email and email not in emails:
            emails.append(email)
    rest = _EMAIL.sub(" ", rest)
    profiles: list[Profile] = []
    for network, pattern, template in PROFILE_PATTERNS:
        for m in pattern.finditer(rest):
            handle = m.group(1).rstrip("-")
            if network == "linkedin":
                handle = _repair_linkedin_suffix(handle)
            profiles.append(Profile(network, template.format(handle)))
        rest = pattern.sub(" ", rest)
    urls: list[str] = []
    searched = rest
    for m in _URL.finditer(searched):
        before = searched[: m.start()]
        if _AFTER_BROKEN_EMAIL.search(before) and not _WWW_OR_SCHEME.match(m.group(1)):
            continue  # "gary@quantis design.co.uk": the end of an e-mail (domains.repair_by_hosts)
        url = normalize_url(m.group(1))
        if url and url not in urls:
            urls.append(url)
            rest = rest.replace(m.group(1), " ")
    return WebFinds(emails, urls, profiles, re.sub(r"\s+", " ", rest).strip())


# An address OCR split over two lines, the columns of a tilted card read apart:
# "Email: sean.rojas" ... "@delgado-software.com". The local part follows an e-mail label or
# is a lone lower-case word with a dot, hyphen or underscore in it; the domain stands alone.
_LOCAL_ALONE = re.compile(
    r"^(?P<label>(?:e-?mail|mail|e)(?:\s?[:.]\s*|\s+))?(?P<local>[a-z0-9][\w.+-]*[a-z0-9])$",
    re.IGNORECASE,
)
_DOMAIN_ALONE = re.compile(r"^@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}$", re.IGNORECASE)


def join_split_address(texts: list[str]) -> tuple[int, int] | None:
    """(line of the local part, line of the domain) of an address split over two lines.

    The domain must end in a known top-level domain ("@cafe.luitpold" is a social-media
    handle), and a website ("www.cafe-luitpold.de") is no local part."""
    domains = [
        i
        for i, t in enumerate(texts)
        if _DOMAIN_ALONE.match(t.strip()) and t.strip().rsplit(".", 1)[-1].lower() in COMMON_TLDS
    ]
    if len(domains) != 1:
        return None
    addressed = any(re.search(r"\w\s?@\s?\w", t) for t in texts)
    locals_ = []
    for i, text in enumerate(texts):
        m = _LOCAL_ALONE.match(text.strip())
        if m is None or "@" in text:
            continue
        local = m.group("local")
        if local.lower().startswith("www") or local.rsplit(".", 1)[-1].lower() in COMMON_TLDS:
            continue
        # (an unlabelled word only on a card where no address was read whole)
        if m.group("label") or (
            not addressed and local.islower() and re.search(r"[a-z][._-][a-z]", local)
        ):
            locals_.append(i)
    return (locals_[0], domains[0]) if len(locals_) == 1 else None


def dedupe_urls(urls: list[str]) -> list[str]:
    """One website once: corrections can make two readings equal, and "greenfield.ch" (the
    domain of an e-mail whose @ was lost) is www.greenfield.ch. The www form is kept, in
    the place of the first of its kind."""

    def key(url: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")

    kept: dict[str, str] = {}
    for url in urls:
        if key(url) not in kept or ("://www." in url and "://www." not in kept[key(url)]):
            kept[key(url)] = url
    return list(kept.values())


def domain_words(emails: list[str], urls: list[str]) -> set[str]:
    """The company part of the card's domains: "mueller-schmidt" for "www.mueller-schmidt.de"."""
    words: set[str] = set()
    hosts = [e.split("@", 1)[1] for e in emails] + [re.sub(r"^https?://", "", u) for u in urls]
    for host in hosts:
        labels = host.split("/")[0].lower().split(".")[:-1]  # without the top-level domain
        if len(labels) >= 2 and labels[-1] in ("co", "com", "org", "ac", "gv", "or", "net"):
            labels = labels[:-1]  # "firma.co.uk", "firma.com.au", "firma.or.at"
        labels = [lb for lb in labels if lb not in ("www", "mail")]
        if labels:
            words.add(labels[-1])
    # Free mail: the domain says nothing of the company. Germany, and the providers of the
    # countries whose cards come to German fairs (Turkey, Brazil, Korea, China, Russia).
    generic = {
        "gmail", "googlemail", "gmx", "web", "outlook", "hotmail", "live", "msn", "yahoo",
        "icloud", "me", "mac", "t-online", "aol", "freenet", "posteo", "mailbox", "protonmail",
        "proton", "yandex", "mail", "ttmail", "mynet", "superonline", "bol", "uol", "terra",
        "ig", "r7", "naver", "daum", "hanmail", "qq", "163", "126", "sina",
    }  # fmt: skip
    return words - generic
