"""The card's domains and company name checked against each other: an e-mail domain and the
website that differ by an OCR slip, a company name misread beside its own domain, an e-mail
domain OCR broke completed from the website.

Each slip is put right only in the direction OCR errs (it reads l as i far more often than i as
l), and the company's own name decides where it can.
"""

from __future__ import annotations

import re

from cardscan.parse.hosts import is_public_suffix, known_tld
from cardscan.parse.rules import LEGAL_FORM_RE, ROLE_MAILBOXES
from cardscan.text import edit_distance, fold, one_edit

# (read, printed): letters OCR reads for others in company names, in that direction only:
# "Aipenblick" (l read as i), "Nordticht" (l as t), "Greentield" (f as t), "Meneil" (c as e),
# "sreenfield" (g as s).
_ORG_SLIPS = frozenset(
    {("i", "l"), ("1", "l"), ("|", "l"), ("!", "l"), ("t", "l"), ("t", "f"), ("e", "c"),
     ("c", "e"), ("s", "g"), ("c", "g")}
)  # fmt: skip


def correct_by_domain(text: str, domains: set[str]) -> str:
    """Fix OCR slips in a company name by the card's own domain.

    "Aipenblick Logistik GmbH" on a card of alpenblick-logistik.de is Alpenblick, "Sitvertine
    Bau AG" beside silverlinebau.ch is Silverline: a word of 4+ letters that differs from a
    stretch of the domain only by the slips of _ORG_SLIPS (one, or two in words of 6+
    letters) takes the domain's spelling, capitalised as printed.
    """
    parts = [p for d in domains for p in re.split(r"[-_.]", d) if len(p) >= 4]
    if not parts:
        return text

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 4 or any(low in part for part in parts):
            return word
        first = m.start() == 0 or word[:1].isupper()
        for i, ch in enumerate(low):  # "Bamett Logistics" for barnettlogistics.com: rn read as m
            wider = low[:i] + "rn" + low[i + 1 :]
            if ch == "m" and any(wider in part for part in parts):
                return wider.capitalize() if first else wider
        budget = 1 if len(low) < 6 else 2
        for part in parts:
            for start in range(len(part) - len(low) + 1):
                spelled = part[start : start + len(low)]
                slips = [(a, b) for a, b in zip(low, spelled, strict=True) if a != b]
                if len(slips) <= budget and all(slip in _ORG_SLIPS for slip in slips):
                    return spelled.capitalize() if first else spelled
        return word

    return re.sub(r"[A-Za-z][A-Za-z!|]*", fix, text)


def host_of(url: str) -> str:
    """ "https://www.firma.de/kontakt" -> "firma.de"."""
    host = re.sub(r"^https?://", "", url).split("/")[0]
    return host[4:] if host.startswith("www.") else host


def _l_spelling(a: str, b: str) -> str | None:
    """The spelling with l where the other has a look-alike ("metalibau" / "metallbau" ->
    "metallbau"), when the two differ in nothing else; None otherwise."""
    if a == b or len(a) != len(b) or "lll" in a + " " + b:
        return None  # "willlams" beside "williams": no word has three l in a row
    spelled = []
    for x, y in zip(a, b, strict=True):
        if x == y:
            spelled.append(x)
        elif {x, y} <= {"l", "i", "1"} and "l" in (x, y):
            spelled.append("l")
        else:
            return None
    return "".join(spelled)


def _org_key(org: str | None) -> str:
    """ "Müller & Schmidt GmbH" -> "muellerschmidtgmbh": the organisation as a domain spells it."""
    if not org:
        return ""
    return re.sub(r"[^a-z0-9]", "", fold(org))


def _lost_country(a: str, b: str) -> str | None:
    """ "kgj.co" beside "kgj.co.jp": OCR lost the country's top-level domain of one reading
    (the longer one ends in a second-level public suffix: co.jp, ac.at)."""
    shorter, longer = sorted((a, b), key=len)
    head, _, country = longer.rpartition(".")
    second = shorter.rsplit(".", 1)[-1]
    if head == shorter and len(country) == 2 and is_public_suffix(f"{second}.{country}"):
        return longer
    return None


def _org_words(org: str | None) -> list[str]:
    """ "Jiro Ito Logistics Inc." -> ["jiro", "ito", "logistics"]: the words a company's domain
    is made of (the legal form and "&" do not count)."""
    if not org:
        return []
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", LEGAL_FORM_RE.sub(" ", org))]
    return [w for w in words if w and w not in ("und", "and")]


def _org_initials(org: str | None) -> str:
    """ "Jiro Ito Logistics Inc." -> "jil": the initials a domain is often made of."""
    return "".join(w[0] for w in _org_words(org))


# Thin upright letters OCR reads for each other in short domain labels ("jil" read "jii").
_STROKES = str.maketrans({"l": "i", "j": "i", "1": "i", "|": "i", "!": "i", "ı": "i"})


def _same_strokes(label: str, initials: str) -> bool:
    """ "jii" and "jil": the same letters but for thin upright strokes (3+ letters)."""
    return len(initials) >= 3 and label.translate(_STROKES) == initials.translate(_STROKES)


# (read, printed) in a company's domain beside its name: l read as i, 1, | or ! ("atzier-" for
# Atzler Immobilien, "hartieywhite" for Hartley White) or t ("tumina" for Lumina GmbH), f as t
# ("naet-hafner" for Näf & Hafner), q as g and back ("igbal-wells" for Iqbal & Wells).
_DOMAIN_SLIPS = frozenset(
    {("i", "l"), ("1", "l"), ("|", "l"), ("!", "l"), ("t", "f"), ("t", "l"), ("g", "q"), ("q", "g")}
)
# Thin letters OCR loses from small print ("stffel.de" for Stiffel AG).
_THIN = frozenset("iltfrj")


def _lost_letter(read: str, printed: str) -> int | None:
    """Where ``printed`` has a thin letter that ``read`` lost, or None."""
    if len(printed) != len(read) + 1:
        return None
    return next(
        (
            k
            for k in range(len(printed))
            if printed[k] in _THIN and printed[:k] + printed[k + 1 :] == read
        ),
        None,
    )


def _slipped(read: str, printed: str, budget: int) -> bool:
    """Same length, and every letter that differs is one of _DOMAIN_SLIPS (at most
    ``budget`` of them)."""
    if len(read) != len(printed):
        return False
    slips = [(a, b) for a, b in zip(read, printed, strict=True) if a != b]
    return 0 < len(slips) <= budget and all(slip in _DOMAIN_SLIPS for slip in slips)


def _org_spelling(label: str, org: str | None) -> str | None:
    """The company label of a domain as the organisation's name spells it, when the two differ
    only by the slips OCR makes in small print; None otherwise.

    "atzier-immobilien" on Atzler Immobilien GmbH's card is atzler-immobilien (l read as i),
    "stffel" on Stiffel AG's is stiffel (a thin letter lost).  The label must be whole words of
    the name, so "bau-gruppe" stays beside "Bauer GmbH"; hyphens stay where they were printed.
    """
    words = _org_words(org)
    squashed = label.replace("-", "")
    if not words or len(squashed) < 5 or not squashed.isalnum():
        return None
    key = "".join(words)
    if squashed in key:
        return None
    bounds = [sum(len(w) for w in words[:k]) for k in range(len(words) + 1)]
    budget = 1 if len(squashed) < 8 else 2
    for start in bounds:
        for end in bounds:
            printed = key[start:end]
            if _slipped(squashed, printed, budget):
                return _rehyphenated(label, printed, 0, 0)
            found = _lost_letter(squashed, printed)
            if found is not None:
                return _rehyphenated(label, printed, found, 1)
            merged = _merged_letters(squashed, printed)
            if merged is not None:
                return _rehyphenated(label, printed, *merged)
    return None


# (printed, read): two letters OCR reads as one ("nchardson-partners" for Richardson
# Partners), and one read as two ("cornpany" for company).
_MERGED = (("ri", "n"), ("rn", "m"), ("m", "rn"), ("cl", "d"))


def _merged_letters(read: str, printed: str) -> tuple[int, int] | None:
    """(where, how many letters more) when ``printed`` is ``read`` with one _MERGED slip
    undone; None otherwise."""
    for whole, seen in _MERGED:
        k = printed.find(whole)
        while k >= 0:
            if printed[:k] + seen + printed[k + len(whole) :] == read:
                return k, len(whole) - len(seen)
            k = printed.find(whole, k + 1)
    return None


def _rehyphenated(label: str, printed: str, where: int, more: int) -> str:
    """``printed`` with ``label``'s hyphens where they were, those after the first ``where``
    letters shifted by ``more`` (the letters OCR lost or merged there)."""
    cuts, letters = [], 0
    for ch in label:
        if ch == "-":
            cuts.append(letters if letters <= where else letters + more)
        else:
            letters += 1
    out = printed
    for cut in reversed(cuts):
        out = out[:cut] + "-" + out[cut:]
    return out


def _hyphen_spelling(a: str, b: str, org: str | None) -> str | None:
    """ "cobaltlogistics.com" beside cobalt-logistics.com on Cobalt Logistics LLC's card: a
    hyphen lost between the words of the company's name. (Without the name to say so, both
    may be domains of the company, and both stay.)"""
    if a == b or a.replace("-", "") != b.replace("-", ""):
        return None
    hyphenated = max((a, b), key=lambda x: x.count("-"))
    return hyphenated if hyphenated.split(".")[0] == "-".join(_org_words(org)) else None


def _edited_spelling(a: str, b: str, org_key: str) -> str | None:
    """Of two readings of one domain one OCR edit apart, the one that was printed: the one the
    organisation's name spells, else the one with "rn" (read as "m"), else the longer one
    (OCR loses letters more often than it adds them); None when they are not that close.
    Two domains that are the same reading return that reading."""
    squash = [re.sub(r"[^a-z0-9]", "", x.split(".")[0]) for x in (a, b)]
    # the top-level domains differ: "favre.ct" beside favre.ch
    if squash[0] == squash[1] and a != b:
        known = [x for x in (a, b) if known_tld(x)]  # "favre.ct": .ct does not exist
        if len(known) == 1 and one_edit(a, b):
            return known[0]  # (two known ones, "firma.co" and firma.com, go on below)
    for x, key in zip((a, b), squash, strict=True):
        if org_key and len(key) >= 4 and key in org_key:
            other = b if x is a else a
            if one_edit(x.replace("rn", "m"), other.replace("rn", "m")):
                return x
            # two slips in a longer name: "lems-haynes.co.uk" (wi read as m) for Lewis & Haynes
            if len(key) >= 8 and edit_distance(x, other) <= 2:
                return x
    if a.replace("rn", "m") == b.replace("rn", "m"):
        return a if "rn" in a else b
    if len(a) >= 6 and len(a) != len(b) and one_edit(a, b):
        longer, shorter = (a, b) if len(a) > len(b) else (b, a)
        extra = next(
            (ch for i, ch in enumerate(longer) if shorter[:i] + ch + shorter[i:] == longer), ""
        )
        # a lost letter; a hyphen or digit more or less may be a second domain of the company
        return longer if extra.isalpha() else None
    return None


def agree_domains(
    emails: list[str], urls: list[str], org: str | None = None, *, edits: bool = False
) -> tuple[list[str], list[str]]:
    """Make the e-mail domain and the website agree where OCR misread one of them.

    "carmen.aumann@gude-metalibau.de" beside "www.gude-metallbau.de": the same company domain
    printed twice; OCR reads l as i far more often than i as l, so the l spelling wins.  With
    ``edits`` (once the organisation is known) also readings one letter apart:
    "poole@james-ogistics.co.uk" beside "www.james-logistics.co.uk" on James Logistics' card.
    """

    def spelling(a: str, b: str) -> str | None:
        return (
            _lost_country(a, b)
            or _l_spelling(a, b)
            or (
                _hyphen_spelling(a, b, org) or _edited_spelling(a, b, _org_key(org))
                if edits
                else None
            )
        )

    def by_org(domain: str) -> str:
        """Both readings misread alike ("hartieywhite.co.uk" twice): the organisation's name
        spells the company label ("Hartley White Ltd"), or its initials do ("jll.ad.jp" for
        Jiro Ito Logistics Inc.)."""
        if not edits:
            return domain
        label, dot, tld = domain.partition(".")
        # "jones4ogistics.co.uk" for Jones Logistics: the hyphen and the l read as one 4
        unmerged = label.replace("4", "-l")
        if "4" in label and unmerged.replace("-", "") == "".join(_org_words(org)):
            label = unmerged  # (the whole name: "4u.de" on Blue Solutions' card stays)
        initials = _org_initials(org)
        if label != initials and _same_strokes(label, initials):
            return initials + dot + tld
        return (_org_spelling(label, org) or label) + dot + tld

    # the name's spelling first: two readings then agree on it ("bradiey-boyle" becomes
    # bradley-boyle, and wins over the website's "bradliey-boyle")
    emails = [f"{e.partition('@')[0]}@{by_org(e.partition('@')[2])}" for e in emails]
    urls = [u.replace(host_of(u), by_org(host_of(u)), 1) for u in urls]
    hosts = {host_of(u) for u in urls}
    if edits:  # the person's address and a team address ("info@") print one domain twice
        hosts |= {e.partition("@")[2] for e in emails}
    fixed_emails = []
    for email in emails:
        local, _, domain = email.partition("@")
        for host in hosts:
            domain = spelling(domain, host) or domain
        fixed_emails.append(f"{local}@{by_org(domain)}")
    if edits:
        fixed_emails = _team_to_company_domain(fixed_emails, [host_of(u) for u in urls], org)
    domains = {e.partition("@")[2] for e in fixed_emails}
    fixed_urls = []
    for url in urls:
        host = host_of(url)
        for domain in domains:
            spelled = spelling(host, domain)
            if spelled:
                url, host = url.replace(host, spelled, 1), spelled
        fixed_urls.append(url.replace(host, by_org(host), 1))
    return fixed_emails, fixed_urls


def _team_to_company_domain(emails: list[str], hosts: list[str], org: str | None) -> list[str]:
    """ "office@heit.de" beside wiek@helix.de, www.helix.de and "Helix GmbH": a team mailbox
    is at the company's domain. When the website, the person's address and the company name
    all spell one domain (two of them will do for a name of 8+ letters), a team address two
    slips away from it, under the same top-level domain, takes it. (With two readings of a
    short name, two slips are too many to tell: see _edited_spelling.)"""
    people = [e.partition("@")[2] for e in emails if e.partition("@")[0] not in ROLE_MAILBOXES]
    key = _org_key(org)
    votes: dict[str, int] = {}
    for domain in set(hosts) | set(people):
        label = domain.split(".")[0]
        votes[domain] = (domain in hosts) + (domain in people) + (len(label) >= 5 and label in key)
    confirmed = [d for d, n in votes.items() if n >= (2 if len(d.split(".")[0]) >= 8 else 3)]
    fixed = []
    for email in emails:
        local, _, domain = email.partition("@")
        if local in ROLE_MAILBOXES and domain not in confirmed:
            label, _, tld = domain.partition(".")
            for company in confirmed:
                c_label, _, c_tld = company.partition(".")
                if tld == c_tld and edit_distance(label, c_label) <= 2:
                    email = f"{local}@{company}"
                    break
        fixed.append(email)
    return fixed
