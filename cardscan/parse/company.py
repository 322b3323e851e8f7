"""The company's line by the card's domain: "KORSAN" beside www.korsanmetal.com, "Blue ridge gate"
beside info@blueridgegate.com. Most cards print the company's name in the domain of its
website or e-mail, legal form or not; a logo's word that spells it is the company. And the
company's name printed over several lines, the logo's name over the legal form's line; and the
company line cleaned of a logo's debris beside it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from cardscan.parse.address import country_of
from cardscan.parse.rules import (
    CONNECTORS,
    LEGAL_FORM_RE,
    LEGAL_FORMS,
    ORG_VOCABULARY,
    PARENT_NOTE_RE,
    fix_legal_form,
)
from cardscan.parse.segments import Segment, neighbours
from cardscan.text import fold

_WORD = re.compile(r"[^\W_]+")


def plain(text: str) -> str:
    """Letters and digits without accents, as domains spell them: "Güneş Teknik" ->
    "gunesteknik", "Özgür" -> "ozgur" (see spellings() for "oezgur")."""
    text = text.replace("İ", "I").replace("ı", "i").lower()
    text = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", "".join(ch for ch in text if not unicodedata.combining(ch)))


def _spellings(word: str) -> set[str]:
    """How a domain may spell a word: "Müller" as "muller" and "mueller"."""
    return {plain(word), re.sub(r"[^a-z0-9]", "", fold(word))}


def _compact(domain: str) -> str:
    return re.sub(r"[^a-z0-9]", "", domain.lower())


#: Longest run of words looked at: company names in domains are short ("blueridgegate").
_MAX_RUN = 4


def _runs(words: list[str]) -> list[tuple[int, int, set[str]]]:
    """Every run of up to four consecutive words, with the ways a domain may spell it."""
    runs = []
    for i in range(len(words)):
        spelled = {""}
        for j in range(i, min(len(words), i + _MAX_RUN)):
            spelled = {a + b for a in spelled for b in _spellings(words[j])}
            runs.append((i, j + 1, spelled))
    return runs


def domain_agreement(text: str, domains: set[str]) -> float:
    """How much a line is the name its card's domain spells (0..1).

    1.0: the line is the domain's name ("Blue ridge gate" / blueridgegate); less for part of it
    ("KORSAN" / korsanmetal: 0.55). A line that only mentions the name among other words
    ("Korsan Endüstri Sanayi ve Tic. Ltd. Şti.") agrees by mentions_domain(), not here:
    the words of the run must make most of the line.
    """
    words = _WORD.findall(text)
    total = sum(len(plain(w)) for w in words)
    if not words or not total:
        return 0.0
    best = 0.0
    for domain in domains:
        dc = _compact(domain)
        if len(dc) < 3:
            continue
        for _, _, spelled in _runs(words):
            for s in spelled:
                if len(s) < 3:
                    continue
                if s in dc:
                    overlap = len(s)
                    share = overlap / len(dc)
                elif dc in s:
                    overlap = len(dc)
                    share = 1.0
                else:
                    continue
                if overlap >= 0.6 * total:  # the run is most of the line
                    best = max(best, share)
    return best


def mentions_domain(text: str, domains: set[str]) -> bool:
    """Does the line name the company its domain spells, among other words ("Akımet San. Tic.
    Ltd. Şti." beside akimet.com)? At least four letters of the domain's name, whole words,
    or the initials of its words."""
    words = _WORD.findall(text)
    # "Nordic Field Systems Co." beside nfs.example.com: a domain of the name's initials
    initials = "".join(plain(w)[:1] for w in words if w[:1].isupper())
    for domain in domains:
        dc = _compact(domain)
        if len(dc) >= 3 and dc in initials:
            return True
        for _, _, spelled in _runs(words):
            if any(len(s) >= 4 and (s in dc or dc in s) for s in spelled):
                return True
    return False


# A company's name printed over several lines: the logo's name over the line of trade and
# legal form. "DEMİRKAYA" / "PLASTİK ENJEKSİYON MAKİNA" / "SAN. ve TİC. LTD. ŞTİ.";
# "NORDLICHT" / "Werbetechnik e.K."; "Müller & Söhne" / "Maschinenbau GmbH" beside
# www.mueller-soehne.de (of one size and with no domain to spell them, the two lines stay apart).
#: Lines above the legal form's line that may hold the start of the name.
MAX_LINES_ABOVE = 3
#: The name's first line is printed this much larger than the legal form's line (a logo's
#: name; a person's title or a slogan above a company line is not larger) ...
LOGO_LARGER = 1.15
#: ... or the domain spells the lines read together ("ERDEM" / "MAKİNA" by erdemmakina.com.tr).
#: Lines whose tops lie further apart than this share of the card's height are not one name
#: (0.15-0.17 from a large logo to the line under it on real cards).
MAX_GAP = 0.25
#: OCR's confidence below which a line above is a logo misread, not words.
MIN_CONFIDENCE = 0.4
#: A line of at most this many letters is a logo's mark between the lines ("K"): passed over.
LOGO_MARK = 2


def _repeats(above: str, legal: str) -> bool:
    """Does the logo repeat the legal form's line, which then names the company itself?
    "AKIMET" over "Akımet San. Tic. Ltd. Şti.", "NFS" over "Nordic Field Systems Co."."""
    words = {plain(w) for w in _WORD.findall(legal)}
    if any(len(plain(w)) >= 3 and plain(w) in words for w in _WORD.findall(above)):
        return True
    initials = "".join(plain(w)[:1] for w in _WORD.findall(legal) if w[:1].isupper())
    mark = plain(above)
    return len(mark) >= 2 and mark in initials


def name_lines_above(
    rest: list[Segment],
    i: int,
    domains: set[str],
    may_join: Callable[[Segment], bool],
) -> list[Segment]:
    """The lines printed right above rest[i], a legal form's line, that begin the company's
    name, top first; [] when the legal form's line names the company itself.

    A line joins when it is close above in the same column, holds words only (no digits, no
    @) and ``may_join`` it (the caller rules out the person's name, titles, departments). The
    lines are the name's when the first one is printed larger than the legal form's line,
    or when the domain spells them; not when they repeat the legal form's line, which then
    names the company itself."""
    legal = rest[i]
    chain: list[Segment] = []
    at = i
    while len(chain) < MAX_LINES_ABOVE:
        above = [j for j in neighbours(rest, at, up=True) if rest[j].line.top < rest[at].line.top]
        if not above:
            break
        seg = rest[above[0]]
        if rest[at].line.top - seg.line.top > MAX_GAP:
            break
        if sum(ch.isalpha() for ch in seg.text) <= LOGO_MARK and len(seg.text) <= 3:
            at = above[0]  # a logo's mark between the name's lines
            continue
        if (
            re.search(r"[\d@]", seg.text)
            or len(seg.text.split()) > 5
            or seg.line.confidence < MIN_CONFIDENCE
            or not re.search(r"[^\W\d_]{4}", seg.text)  # "BFR BRA BB]": a logo misread
            or not may_join(seg)
        ):
            break
        chain.insert(0, seg)
        at = above[0]
    spelled = " ".join(s.text for s in chain)
    if not chain or _repeats(spelled, legal.text):
        return []
    top = chain[0].line.height
    larger = bool(top and legal.line.height and top >= LOGO_LARGER * legal.line.height)
    if larger or domain_agreement(spelled, domains) >= 0.5 or mentions_domain(spelled, domains):
        return chain
    # "Institut für" over "Angewandte Optik GmbH"; not "Ein Unternehmen der" (the owner's note)
    joined = ends_with_connector(chain[-1].text) and not PARENT_NOTE_RE.match(chain[-1].text)
    return chain[-1:] if joined else []


def ends_with_connector(text: str) -> bool:
    """Does a company line end with a word that joins it to the next ("UNIVERSITY OF")?"""
    words = text.split()
    return bool(words) and words[-1].lower() in CONNECTORS and len(words) >= 2


def continued_below(
    rest: list[Segment], i: int, may_join: Callable[[Segment], bool]
) -> Segment | None:
    """The line that completes rest[i], a company line that ends with a word joining it to
    the next ("UNIVERSITY OF" / "APPLIED SCIENCES"): the nearest below in its column,
    close, of words only (no digits, no @), that ``may_join`` allows; else None. A legal form
    ends a name: "Quarzit Kellerei GmbH &" is a logo's sign after it, not more to come."""
    if not ends_with_connector(rest[i].text) or LEGAL_FORM_RE.search(fix_legal_form(rest[i].text)):
        return None
    below = [j for j in neighbours(rest, i, up=False) if rest[j].line.top > rest[i].line.top]
    if not below:
        return None
    seg = rest[below[0]]
    if (
        seg.line.top - rest[i].line.top > MAX_GAP
        or re.search(r"[\d@]", seg.text)
        or len(seg.text.split()) > 6
        or not re.search(r"[^\W\d_]{3}", seg.text)
        or not may_join(seg)
    ):
        return None
    return seg


# A logo's first letters lost, or a mark beside it read as letters, where the card's domain
# spells the whole name: "EKA METAL" beside bekametal.com is BEKA METAL, "NEÇINAROĞLU METAL"
# beside cinaroglu.com.tr is ÇINAROĞLU METAL.
#: Letters of a logo OCR may lose at its start ...
MAX_LOST = 2
#: ... or read into it from a mark before it ("AOIDEKSAN" beside deksan.com.tr).
MAX_MARK = 3
#: Letters of the domain's name the line must spell after the slip.
MIN_SPELLED = 4
#: What domains put before a company's name: "Bergbau GmbH" at mybergbau.de lost nothing.
DOMAIN_PREFIXES = frozenset({"my", "e", "i", "go", "we", "mr", "dr"})


def spelled_by_domain(org: str, domains: set[str]) -> str | None:
    """The company line put right by its domain, or None when the domain says nothing of it
    (the line then stays as read). Only a logo's word in one case ("FUK", "rimet"): a word
    printed Capitalised or in mixed case ("Lumen", "eLearning") is read as printed."""
    words = org.split()
    if not words or not words[0].isalpha() or not (words[0].isupper() or words[0].islower()):
        return None
    first = plain(words[0])
    compact = [_compact(d) for d in sorted(domains)]
    if len(first) != len(words[0]) or any(d.startswith(first) for d in compact):
        return None  # a letter that is two in plain form; or a domain spells the line as read
    for domain in compact:
        for cut in range(1, MAX_MARK + 1):  # a mark read before the name
            rest = first[cut:]
            if len(rest) >= MIN_SPELLED and domain.startswith(rest):
                return " ".join([words[0][cut:], *words[1:]])
        for k in range(len(words), 0, -1):  # the name's first letters lost
            spelled = plain(" ".join(words[:k]))
            lost = domain[: len(domain) - len(spelled)]
            if (
                len(spelled) >= MIN_SPELLED
                and domain.endswith(spelled)
                and 1 <= len(lost) <= MAX_LOST
                and lost not in DOMAIN_PREFIXES
            ):
                head = lost.upper() if words[0].isupper() else lost
                return " ".join([head + words[0], *words[1:]])
    return None


# Characters that never start or end a company name but come from logos and rules next to it.
_DEBRIS_CHARS = set("()[]{}|<>©®@&+*#~=_\\/'\"“”‚„")
_APOSTROPHE_IN_WORD = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")


def _is_debris(token: str, domains: set[str], *, leading: bool = False) -> bool:
    """A token beside a company name that is OCR debris of a logo: "(E)", "OQ", "@", "ul]".

    Before the name a single letter is always a logo's initial ("m Mende KG"), and so is a
    two-letter legal form ("SE Sonnhalde Engineering LLC": legal forms come last).
    """
    alnum = "".join(ch for ch in token if ch.isalnum())
    if leading and (len(alnum) == 1 or (len(alnum) == 2 and token in LEGAL_FORMS)):
        return True
    if not alnum or token in LEGAL_FORMS:
        return not alnum
    # (an apostrophe between letters is the name's own: "Margo's Travel", "O'Neill Ltd")
    inner = _APOSTROPHE_IN_WORD.sub("", token)
    if any(ch in _DEBRIS_CHARS for ch in inner) and not token.startswith("(haftungs"):
        return True
    low = fold(alnum)
    if any(d.startswith(low) for d in domains):
        return False
    # "OQ", "ul": two letters of a logo; "all Potter Ltd": a short lower-case fragment of one
    return len(alnum) <= 2 or (len(alnum) <= 3 and token.islower())


def capitalise_org_words(org: str) -> str:
    """ "Christoph immobilien GmbH" -> "Christoph Immobilien GmbH": an organisation word read
    with its capital lost (OCR read the I as i), in a name whose other words are capitalised."""
    words = org.split(" ")
    if not any(w[:1].isupper() for w in words):
        return org  # a name printed in lower case stays so
    return " ".join(
        w.capitalize() if w.islower() and w in ORG_VOCABULARY and w != "haftungsbeschränkt" else w
        for w in words
    )


def country_after_legal_form(text: str) -> tuple[str, str | None]:
    """ "Parker & Fisher Inc. USA", "Schär & Zbinden GmbH Schweiz": the country line beside the
    company read into its line. Returns the company line and the country (or None)."""
    words = text.split()
    for k in (1, 2, 3):  # "USA", "United Kingdom", "United States of America" is 4: rare
        head, tail = words[:-k], " ".join(words[-k:])
        # right after the legal form only: "Helix Deutschland GmbH" keeps its country word
        if len(head) > 1 and country_of(tail) and LEGAL_FORM_RE.search(head[-1]):
            return " ".join(head), tail
    return text, None


def strip_debris(text: str, domains: set[str]) -> str:
    words = text.split()
    while len(words) > 1 and _is_debris(words[0], domains, leading=True):
        words.pop(0)
    while len(words) > 1 and _is_debris(words[-1], domains):
        words.pop()
    return " ".join(words)
