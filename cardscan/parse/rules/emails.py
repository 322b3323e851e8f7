"""E-mail and web-address rules: team mailboxes, and the OCR slips put right in address text.

Every repair is a row: its name (what provenance records), the card text it exists for with
what is read from it, and a counter-example it must leave alone with what is read from that,
exactly as printed. tests/test_parse_rules.py runs both columns of every row.

Two kinds (cardscan.parse.web applies them):
- "fix": a slip that leaves the text no valid value ("anna@firma,de", "gpearce®silverline.
  co.uk"); applied to what is not valid as read, so it can never change a valid reading.
- "rewrite": a slip whose reading is valid as it stands ("carol. wilson@" reads wilson@,
  "f:mangold@" reads mangold@). The rule only proposes its reading; the printed one stays
  unless a second reading of that part of the image shows the proposal (cardscan.reread.recheck).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from cardscan.labels import EMAIL_LABEL_ALTERNATIVES as _LABELS
from cardscan.parse.hosts import is_public_suffix

# Team and role mailboxes printed beside the person's address ("hello@", "info@"): a local
# part one look-alike slip away from one is that word ("heilo@firma.com").
ROLE_MAILBOXES: tuple[str, ...] = (
    "info", "hello", "hallo", "office", "kontakt", "contact", "mail", "sales", "vertrieb",
    "service", "support", "team", "post", "buero", "empfang",
)  # fmt: skip

Kind = Literal["fix", "rewrite"]
Replacement = str | Callable[[re.Match[str]], str]


@dataclass(frozen=True)
class TextRepair:
    """One OCR slip in address text and how it is put right."""

    name: str
    kind: Kind
    pattern: re.Pattern[str]
    replacement: Replacement
    example: str  # card text the rule exists for
    reads: str  # the value read from it (a repair, or the proposal of a rewrite)
    counter: str  # card text it must leave alone
    counter_reads: str  # what is read from that: exactly the printed value ("" for none)
    without_at: bool = False  # only on text that holds no @ at all

    def apply(self, text: str) -> str:
        if self.without_at and "@" in text:
            return text
        return self.pattern.sub(self.replacement, text)


def _suffixed(m: re.Match[str], country: str = "") -> str:
    """ "ne" + "jp" -> "ne.jp" when that is a public suffix (else the text as it was)."""
    joined = f"{m.group(1)}.{country or m.group(2)}"
    return joined if is_public_suffix(joined) else m.group(0)


def _join_cctld(m: re.Match[str]) -> str:
    joined = f"{m.group(2)}.{m.group(3)}"
    return f"{m.group(1)}.{m.group(3)}" if is_public_suffix(joined) else m.group(0)


def _backslash_as_l(m: re.Match[str]) -> str:
    text = m.group(0)
    if "@" not in text and "." not in text:
        return text  # "Vertrieb\\Marketing" is no address
    return re.sub(r"(?<=[a-z0-9.])\\(?=[a-z0-9@.-])", "l", text)


def _spaced_tld(m: re.Match[str]) -> str:
    return m.group(1) + "." + re.sub(r"[.\s]+", ".", m.group(2))


# A lower-case local part that may follow: "anna", "k.finke", "franz-josef".
_LOCAL_AHEAD = r"(?=[a-z][\w.+-]*\s?@)"

EMAIL_REPAIRS: tuple[TextRepair, ...] = (
    # The @ read as ®, © or a bracket, between a local part and a domain with its top-level
    # domain; a bracketed domain stays a website.
    TextRepair(
        "at-read-as-sign", "fix",
        re.compile(r"(?<=[a-z0-9._-])(?:[®©]|\((?![^\s]*\)))(?=[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b)", re.I),
        "@",
        "E gpearce®silverline.co.uk", "gpearce@silverline.co.uk",
        "Firma (firma.de)", "https://firma.de",
    ),
    # A ® or © read after the @ as well ("becker@®klapp-group.com") ...
    TextRepair(
        "sign-after-at", "fix",
        re.compile(r"(?<=@)[®©]+"), "",
        "E gaetano.becker@®klapp-group.com", "gaetano.becker@klapp-group.com",
        "E gaetano.becker@klapp-group.com ®", "gaetano.becker@klapp-group.com",
    ),
    # ... or before it ("ida.brandt®@": the @ read twice); a brand's sign stays apart.
    TextRepair(
        "sign-before-at", "fix",
        re.compile(r"(?<=[a-z0-9])[®©]+(?=@)", re.I), "",
        "E-Mail ida.brandt®@holzwerk-beispiel.ch", "ida.brandt@holzwerk-beispiel.ch",
        "Holzwerk® ida.brandt@holzwerk-beispiel.ch", "ida.brandt@holzwerk-beispiel.ch",
    ),
    # The @ read as & (a ® before it) after a lower-case local part, on a line without @
    # ("Müller&Partner.de" may be a brand; "www.h&m.com", "at&t.com" are no addresses).
    TextRepair(
        "at-read-as-ampersand", "fix",
        re.compile(r"(?<![\w.@-])(?!www\.)([a-z0-9][a-z0-9._-]+)[®©]?&(?=[a-z0-9-]{2,}(?:\.[a-z0-9-]+)*\.\s?[a-z]{2,6}\b)"),
        r"\1@",
        "E-Mail: kontakt®&zbinden.ch", "kontakt@zbinden.ch",
        "AT&T Inc.", "",
        without_at=True,
    ),
    # A backslash between letters of a word with @ or a dot: an l read with its slant.
    TextRepair(
        "backslash-read-for-l", "fix",
        re.compile(r"\S*\\\S*"), _backslash_as_l,
        "fried\\@adolphdoerr.de", "friedl@adolphdoerr.de",
        "Vertrieb\\Marketing anna@firma.de", "anna@firma.de",
    ),
    # A bracket, bar or ! right before the @ is an l ("eber|@gabriel.at"), and a ! inside
    # the local part ("mdang!4@": no address holds one).
    TextRepair(
        "bar-before-at-read-for-l", "fix",
        re.compile(r"(?<=\w)[\]|!](?=\s*@)|(?<=[a-z0-9])!(?=[a-z0-9][\w.+-]*@)"), "l",
        "E-Mail antonio.thane! @firma.de", "antonio.thanel@firma.de",
        "Kontakt! anna@firma.de", "anna@firma.de",
    ),
    # A dollar sign starting the address is an s ("$.g@": no address holds one).
    TextRepair(
        "dollar-read-for-s", "fix",
        re.compile(r"(?<![\w.$])\$(?=[a-z0-9.][\w.+-]*@)"), "s",
        "E-Mail $.berg@firma.de", "s.berg@firma.de",
        "Preis 5 $ anna@firma.de", "anna@firma.de",
    ),
    # An l at the start of the domain read as ! or a bar.
    TextRepair(
        "bar-after-at-read-for-l", "fix",
        re.compile(r"(?<=@)[!|](?=[a-z0-9])", re.I), "l",
        "Email lrogers@!yonswhitehouse.co.uk", "lrogers@lyonswhitehouse.co.uk",
        "Email lrogers@lyonswhitehouse.co.uk !", "lrogers@lyonswhitehouse.co.uk",
    ),
    # A narrow initial (f, i, j, l, t) before the dot read as a bar or bracket: it becomes an
    # l, and the printed name's initial may then be chosen (crosscheck).
    TextRepair(
        "bar-read-for-initial", "fix",
        re.compile(r"(?<![\w.])[|{}\[\]()!\\](?=\.[a-z][\w+-]*\s?@)"), "l",
        "E-Mail: {.zurlinden@rose-metallbau.de", "l.zurlinden@rose-metallbau.de",
        "E-Mail: (c.zurlinden@rose-metallbau.de)", "c.zurlinden@rose-metallbau.de",
    ),
    # A bar or backslash after the dot of the local part is an l ("s.|opez@").
    TextRepair(
        "bar-after-dot-read-for-l", "fix",
        re.compile(r"(?<=[a-z0-9]\.)[\\|](?=[a-z][\w.+-]*\s?@)"), "l",
        "Email s.|opez@johnson.com", "s.lopez@johnson.com",
        "Email s.lopez@johnson.com | www.johnson.com", "s.lopez@johnson.com",
    ),
    # A dot, and nothing before it, starting the address: debris of a lost initial.
    TextRepair(
        "leading-dot", "fix",
        re.compile(r"(?<![\w.])\.(?=[a-z][\w.+-]*\s?@)"), "",
        "Mail .parsons@alpenblick.com", "parsons@alpenblick.com",
        "Mail b.parsons@alpenblick.com", "b.parsons@alpenblick.com",
    ),
    # Spaces read around the @ ("anna.mueller @ firma.de": no valid value is read then).
    TextRepair(
        "spaces-around-at", "fix",
        re.compile(r"(?<=[\w.])\s*@\s*(?=[\w])"), "@",
        "anna.mueller @ firma.de", "anna.mueller@firma.de",
        "anna.mueller@firma.de", "anna.mueller@firma.de",
    ),
    # A comma for the dot before the top-level domain.
    TextRepair(
        "comma-for-dot-in-domain", "fix",
        re.compile(r"(@[\w.-]+),(?=[a-z]{2,6}\b)"), r"\1.",
        "anna.mueller@firma,de", "anna.mueller@firma.de",
        "anna.mueller@firma.de, info@firma.de", "anna.mueller@firma.de",
    ),
    # A space before a country's top-level domain after a second-level one (co.jp, ac.at: the
    # Public Suffix List says which): "sato@kgj.co. jp".
    TextRepair(
        "space-before-country", "fix",
        re.compile(r"(@[\w-]+(?:\.[\w-]+)*\.([a-z]{2,4}))\.\s([a-z]{2})\b"), _join_cctld,
        "E-mail anna@uni-graz.ac. at", "anna@uni-graz.ac.at",
        "E-mail anna@uni-graz.at. de", "anna@uni-graz.at",
    ),
    # The dot before the top-level domain lost or spaced: "wlarson@weber com".
    TextRepair(
        "space-for-dot-before-tld", "fix",
        re.compile(r"(@[\w-]+(?:\.[\w-]+)*)(?:\.\s|\s\.?)(de|at|ch|com|net|org|eu|uk|co(?:\.\s?|\s\.?)uk|io|info)\b"),
        _spaced_tld,
        "E-mail christopher@alpenblick co. uk", "christopher@alpenblick.co.uk",
        "anna@firma.de com", "anna@firma.de",
    ),
    # The label "E" glued to an initial: "Ea.ernst@" (an address printed with capitals,
    # "Eva.Ernst@", does not look like this).
    TextRepair(
        "label-e-glued-to-initial", "rewrite",
        re.compile(r"(?<![\w.@-])E(?=[a-z]\.[a-z][\w.+-]*@)"), "E ",
        "Ea.ernst@seifert-hornig.de", "a.ernst@seifert-hornig.de",
        "Eva.Ernst@seifert-hornig.de", "eva.ernst@seifert-hornig.de",
    ),
    # The dot after a lower-case initial read as a colon or semicolon ("f:mangold@"); a
    # label letter ("e:anna@") stays a label.
    TextRepair(
        "colon-read-for-dot-after-initial", "rewrite",
        re.compile(rf"(?<![\w.:;])(?!(?:{_LABELS})[:;])([a-z])[:;]{_LOCAL_AHEAD}"), r"\1.",
        "E-Mail f:mangold@nordlicht-energie.de", "f.mangold@nordlicht-energie.de",
        "e:anna@berg-design.de", "anna@berg-design.de",
    ),
    # A comma for the dot inside the local part ("stanley,rhodes@").
    TextRepair(
        "comma-read-for-dot-in-local", "rewrite",
        re.compile(rf"(?<![\w.])([a-z][a-z0-9_-]*),{_LOCAL_AHEAD}"), r"\1.",
        "E: stanley,rhodes@sonnhalde.co.uk", "stanley.rhodes@sonnhalde.co.uk",
        "10115 Berlin,anna@firma.de", "anna@firma.de",
    ),
    # The dot after a lower-case initial read as a space ("k finke@"); label letters stay.
    TextRepair(
        "space-read-for-dot-after-initial", "rewrite",
        re.compile(rf"(?<![\w.@-])(?!(?:{_LABELS})\s)([a-z])\s{_LOCAL_AHEAD}"), r"\1.",
        "E-Mail k finke@alpenblick.de", "k.finke@alpenblick.de",
        "e anna@berg-design.de", "anna@berg-design.de",
    ),
    # A leading li read as Ii ("Iinnea": no name starts with "Ii"; "Ilse" stays Ilse).
    TextRepair(
        "capital-i-read-for-l", "rewrite",
        re.compile(r"(?<![\w.@-])I(?=i[a-z])"), "l",
        "Iinnea.koeberl@baier.at", "linnea.koeberl@baier.at",
        "Ilse.berg@firma.de", "ilse.berg@firma.de",
    ),
    # A space after (or before) the dot inside the local part ("carol. wilson@").
    TextRepair(
        "space-after-dot-in-local", "rewrite",
        re.compile(rf"(?<![\w.@-])(?!(?:{_LABELS})\.)([a-z][a-z0-9_-]*\.)\s{_LOCAL_AHEAD}"),
        r"\1",
        "E carol. wilson@payne-cooke.co.uk", "carol.wilson@payne-cooke.co.uk",
        "Mail. anna@firma.de", "anna@firma.de",
    ),
    TextRepair(
        "space-before-dot-in-local", "rewrite",
        re.compile(rf"(?<![\w.@-])(?!(?:{_LABELS})\s)([a-z][a-z0-9_-]*)\s(?=\.[a-z][\w.+-]*\s?@)"),
        r"\1",
        "Mail amanda .parsons@alpenblick.com", "amanda.parsons@alpenblick.com",
        "Mail .parsons@alpenblick.com", "parsons@alpenblick.com",
    ),
    # The @ read as a capital Q ("mweissenboeck Qvertex-software.at"; no address has one).
    TextRepair(
        "q-read-for-at", "rewrite",
        re.compile(r"(?<=[a-z0-9])\s?Q(?=[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}\b)"), "@",
        "E-Mail mweissenboeck Qvertex-software.at", "mweissenboeck@vertex-software.at",
        "FAQ Quality.de", "https://quality.de",
    ),
    # The dot between two name words of the local part lost ("franz-josef kaul@"); a label
    # or prose before an address ("write to anna@") is no part of it.
    TextRepair(
        "space-read-for-dot-in-local", "rewrite",
        re.compile(rf"(?<![\w.@-])(?!(?:{_LABELS}|at|to)\b)([a-z]{{2,}}(?:-[a-z]{{2,}})?)\s([a-z]{{2,}}(?:\+[\w-]+)?\s?@)"),
        r"\1.\2",
        "Mail: franz-josef kaul@bluepeak.de", "franz-josef.kaul@bluepeak.de",
        "write to anna@firma.com", "anna@firma.com",
    ),
)  # fmt: skip

URL_REPAIRS: tuple[TextRepair, ...] = (
    # The colon and slashes of the scheme read as letters or bars (or a space) before "www."
    # (a w of which read as v): "https:/Awww.", "httpscllwww.", "https: //www.".
    TextRepair(
        "scheme-misread", "fix",
        re.compile(r"(?i)\b(https?)(?::\s?/*|[:;]?[/|\\]+)?[a-z|\\]{0,3}?(?:www|vww|wvw|wwv)\."),
        r"\1://www.",
        "W httpscllwww.firma.ch", "https://www.firma.ch",
        "https://www.firma.ch", "https://www.firma.ch",
    ),
    TextRepair(
        "scheme-slash-lost", "fix",
        re.compile(r"(?i)\b(https?)(?::/+|\s//)(?=\w)"), r"\1://",
        "https:/firma.de/kontakt", "https://firma.de/kontakt",
        "https://firma.de/kontakt", "https://firma.de/kontakt",
    ),
    # "www. firma.de", "www,firma.de", "www:firma.de": the dot after www misread (the label
    # of "WWW: www.firma.de" stays a label).
    TextRepair(
        "www-dot-misread", "fix",
        re.compile(r"(?i)\bwww\s?[.,:;]\s?(?!www[.,])(?=[a-z0-9])"), "www.",
        "W www:silverline-labs.com", "https://www.silverline-labs.com",
        "WWW: www.weber.de", "https://www.weber.de",
    ),
    # A w lost ("ww.favre.ch": no host starts with "ww.")
    TextRepair(
        "www-w-lost", "rewrite",
        re.compile(r"(?i)(?<![\w.@/])ww\.(?=[a-z0-9-]+\.[a-z]{2,})"), "www.",
        "Web: ww.favre.ch", "https://www.favre.ch",
        "Web: www.favre.ch", "https://www.favre.ch",
    ),
    # The label's W glued to the host ("Wwww.firma.com": no host starts with "wwww.")
    TextRepair(
        "label-w-glued-to-www", "rewrite",
        re.compile(r"(?i)(?<![\w.@/])w(?=www\.)"), "",
        "Web Wwww.firma.com", "https://www.firma.com",
        "Web www.firma.com", "https://www.firma.com",
    ),
    # j read as i in the country after a second-level label ("ne.ip": "ip" is none)
    TextRepair(
        "ip-read-for-jp", "fix",
        re.compile(r"(?i)(?<=[a-z0-9]\.)([a-z]{2,3})\.ip\b(?![.\w-])"),
        lambda m: _suffixed(m, "jp"),
        "http://www.minato.ne.ip/", "http://www.minato.ne.jp",
        "http://www.minato.ne.jp/", "http://www.minato.ne.jp",
    ),
    # The dot before the country after a second-level label read as a space ("co uk")
    TextRepair(
        "space-before-country-in-host", "fix",
        re.compile(r"(?i)(?<=[a-z0-9-]\.)([a-z]{2,3})\s(?-i:([a-z]{2}))\b"), lambda m: _suffixed(m),
        "www.firma.co uk", "https://www.firma.co.uk",
        "www.firma.com FR", "https://www.firma.com",  # a country beside it, in capitals
    ),
    # m read as rn in the top-level domain ("corn" is none)
    TextRepair(
        "rn-read-for-m-in-com", "fix",
        re.compile(r"(?i)(?<=[a-z0-9])\.corn\b(?![.\w-])"), ".com",
        "www.firma.corn", "https://www.firma.com",
        "www.cornwall.co.uk", "https://www.cornwall.co.uk",
    ),
    # m read as n in the top-level domain ("con" is none)
    TextRepair(
        "n-read-for-m-in-com", "fix",
        re.compile(r"(?i)(?<=[a-z0-9])\.con\b(?![.\w-])"), ".com",
        "lena@r5.con", "lena@r5.com",
        "www.con-tech.de", "https://www.con-tech.de",
    ),
    # The l of linkedin read as i or I (the dot after www lost too)
    TextRepair(
        "linkedin-l-misread", "fix",
        re.compile(r"(?i)(?<![a-z])(www\.?)?[i|1!]inkedin(?=\.co)"), "linkedin",
        "www|inkedin.com/in/anna-berg", "https://www.linkedin.com/in/anna-berg",
        "linkedin.com/in/anna-berg", "https://www.linkedin.com/in/anna-berg",
    ),
    TextRepair(
        "profile-dot-read-as-space", "fix",
        re.compile(r"(?i)\b(linkedin|xing)\s(com|de)/"), r"\1.\2/",
        "linkedin com/in/christopher-james", "https://www.linkedin.com/in/christopher-james",
        "LinkedIn: linkedin.com/in/christopher-james", "https://www.linkedin.com/in/christopher-james",
    ),
    # Dots read as spaces: "www alpenblick co.uk", "www dietz-software. de"
    TextRepair(
        "www-dot-read-as-space", "fix",
        re.compile(r"(?i)\bwww\s(?=[a-z0-9-]{3,}(?:\.\s?|\s)(?:co\.uk|de|at|ch|com)\b)"), "www.",
        "Web www alpenblick co.uk", "https://www.alpenblick.co.uk",
        "www bestellen sie heute", "",
    ),
    TextRepair(
        "tld-dot-read-as-space", "fix",
        re.compile(r"(?i)\b(www\.[a-z0-9-]{3,})\.?\s(co\.uk|de|at|ch|com)\b"), r"\1.\2",
        "internet www.dietz-software. de", "https://www.dietz-software.de",
        "www.dietz-software.de de", "https://www.dietz-software.de",
    ),
    # The dot after www lost ("wwwschaeferring.de": no real host starts with "wwws")
    TextRepair(
        "www-dot-lost", "rewrite",
        re.compile(r"(?i)(?<![\w.@/])www(?=[a-z0-9-]{2,}\.[a-z]{2,})"), "www.",
        "wwwschaeferring.de", "https://www.schaeferring.de",
        "www bestellende", "",
    ),
    # The dot before the top-level domain lost ("www.schnyder-mayerch": a host needs one)
    TextRepair(
        "tld-dot-lost", "fix",
        re.compile(r"(?i)(?<![\w.@])(www\.[a-z0-9-]{3,}?)(de|at|ch|com)\b(?![.\w-])"), r"\1.\2",
        "https://www.schnyder-mayerch", "https://www.schnyder-mayer.ch",
        "https://www.schnyder-mayer.ch", "https://www.schnyder-mayer.ch",
    ),
)  # fmt: skip

#: Repairs that read one glyph as another ("|" as l): the name may choose among the glyph's
#: readings ("|.price@" on Josephine Price's card: j.price@). Other repairs only restore what
#: was read; the name's spelling is then a proposal like any other.
GLYPH_REPAIRS = frozenset(
    {"backslash-read-for-l", "bar-before-at-read-for-l", "bar-after-at-read-for-l",
     "bar-read-for-initial", "bar-after-dot-read-for-l", "dollar-read-for-s"}
)  # fmt: skip

#: Every repair, in the order they are applied.
TEXT_REPAIRS: tuple[TextRepair, ...] = EMAIL_REPAIRS + URL_REPAIRS
