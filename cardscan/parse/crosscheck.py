"""Fields of one card that check each other: e-mails and profile handles by the printed name,
the company name and the card's domains by each other, broken e-mail domains by the website.

cardscan.parse.web finds these fields line by line; here OCR slips are put right once the whole
card is known, each only in the direction OCR errs (it reads l as i far more often than i as l).
"""

from __future__ import annotations

import re

from cardscan.model import Profile
from cardscan.parse.names import fold, one_edit
from cardscan.parse.rules import LEGAL_FORM_RE
from cardscan.parse.web import normalize_email

# OCR confuses these letters in e-mail addresses ("iydia.wood@", "vlester@" read "viester@",
# "a.0estrovsky@" for a.oestrovsky@, a Turkish dotless ı for i, "ajungter@" for Anna Jungfer).
_LOOKALIKE = str.maketrans(
    {"i": "l", "1": "l", "I": "l", "|": "l", "!": "l", "ı": "l", "0": "o", "O": "o", "t": "f"}
)


# Narrow letters and the glyphs OCR reads them as: an initial "j." printed before the family
# name comes out as "l.", "i." or a bracket ("|.price@" for Josephine Price).
_NARROW = frozenset("fijlrt1")


def _fix_initial(parts: list[str], name_words: list[str], initial: str) -> None:
    """ "l.price@" -> "j.price@" for Josephine Price: the given name's initial, when OCR read it
    as another narrow letter and the rest of the local part is the family name."""
    if len(parts) < 3 or len(parts[0]) != 1 or parts[1] != "." or not initial:
        return
    rest = "".join(parts[2:])
    family = {"".join(name_words[k:]) for k in range(1, len(name_words))}
    if parts[0] != initial and parts[0] in _NARROW and initial in _NARROW and rest in family:
        parts[0] = initial


def _misread_as(read: str, printed: str) -> bool:
    """Could OCR have read ``printed`` as ``read``?  Look-alike letters, "rn" read as "m"
    ("s.tumer@" for Simon Turner; hardly ever the other way round, so only this direction),
    a thin letter read twice ("stoeckll@" for Natalia Stöckl) or lost ("rta@" for Rita)."""
    key, want = read.translate(_LOOKALIKE), printed.translate(_LOOKALIKE)
    if len(read) == len(printed) and key == want:
        return True
    # (not at the start: "aalbrecht@" is Anne Albrecht's initial before her family name)
    doubled = len(key) == len(want) + 1 and len(want) >= 4
    if doubled and any(
        key[i] == key[i - 1] and key[:i] + key[i + 1 :] == want for i in range(2, len(key))
    ):
        return True
    # a thin letter lost ("rta@" for Rita), in names of four letters or more
    # (not one of a double letter: "thies@" is no misreading of "tthies")
    thin_lost = len(key) == len(want) - 1 and len(want) >= 4
    if thin_lost and any(
        want[i] in "lft" and want[i] != want[i - 1] and want[:i] + want[i + 1 :] == key
        for i in range(1, len(want))
    ):
        return True
    return "rn" in printed and key == printed.replace("rn", "m").translate(_LOOKALIKE)


# Team and role mailboxes printed beside the person's address ("hello@", "info@"): a local
# part one look-alike slip away from one is that word ("heilo@firma.com").
ROLE_MAILBOXES: tuple[str, ...] = (
    "info", "hello", "hallo", "office", "kontakt", "contact", "mail", "sales", "vertrieb",
    "service", "support", "team", "post", "buero", "empfang",
)  # fmt: skip


def _drop_debris_initial(parts: list[str], name_words: list[str]) -> None:
    """ "t.bethan.moore@" for Bethan Moore: a letter before the full given name is debris (a
    label read as a letter), not an initial."""
    if len(parts) >= 5 and len(parts[0]) == 1 and parts[1] == "." and parts[2:3] == name_words[:1]:
        del parts[:2]


def correct_emails(emails: list[str], name_words: list[str], initial: str = "") -> list[str]:
    """Fix l/i slips in e-mail local parts by the printed name, and drop OCR near-duplicates.

    ``name_words`` are the folded words of the person's name ("lydia", "wood"): "iydia.wood@"
    becomes "lydia.wood@"; ``initial`` is the given name's first letter.  An address that is the
    tail of another one ("jackson@x.com" beside "theresa.jackson@x.com") or differs from an
    earlier one only by look-alike letters is a second reading of the same print and is dropped.
    """
    fixed: list[str] = []
    for email in emails:
        local, _, domain = email.partition("@")
        parts = re.split(r"([._-])", local)
        _drop_debris_initial(parts, name_words)
        _fix_initial(parts, name_words, initial)
        role = next((r for r in ROLE_MAILBOXES if local != r and _misread_as(local, r)), None)
        if role and local not in name_words:  # Mai Nguyen's "mai@" is no lost "mail@"
            parts = [role]
        cands = [w for word in name_words for w in (word, word[:1])]  # "i.wright@": initial
        if len(name_words) > 1:  # "viester@" for Victor Lester, "izurlinden@" for Lisa zur Linden
            given = name_words[0][:1]
            cands += [given + name_words[-1], given + "".join(name_words[1:])]
        # a name whose umlaut dots OCR lost ("Mullner" for Müllner): the address spells them
        # out ("kristian.mueliner@" is kristian.muellner@)
        cands += [
            c[:k] + ch + "e" + c[k + 1 :] for c in cands for k, ch in enumerate(c) if ch in "aou"
        ]
        for i, part in enumerate(parts):
            if part in cands:
                continue
            for cand in cands:
                if _misread_as(part, cand):
                    parts[i] = cand
                    break
        fixed.append("".join(parts) + "@" + domain)
    return dedupe_emails(fixed)


def restore_given_name(emails: list[str], text: str, given: str, family: str) -> list[str]:
    """ "Victoria brown@vertex.com" on Victoria Brown's card: OCR read the dot after the given
    name as a space (and capitalised it), so the address found was the family name alone.
    The given name printed right before it is put back, with the usual dot."""
    if not given or not family:
        return emails
    fixed = []
    for email in emails:
        if email.partition("@")[0] == family and re.search(
            rf"(?<![\w.@-]){re.escape(given)}\s+{re.escape(email)}", fold(text), re.IGNORECASE
        ):
            email = f"{given}.{email}"
        fixed.append(email)
    return fixed


def dedupe_emails(emails: list[str], given: str = "", family: str = "") -> list[str]:
    """Drop second readings of one printed address: the tail of another one ("jackson@x.com"
    beside "theresa.jackson@x.com", "ude@x.de" beside "kgude@x.de"), one that differs from an
    earlier one only by look-alike letters, or a garbled one ("jo.aochreiter@quantis.at")
    beside a close reading that spells the printed name ("joel.hochreiter@quantis.at")."""
    out: list[str] = []
    for email in emails:
        key = email.translate(_LOOKALIKE)
        if any(key == other.translate(_LOOKALIKE) for other in out):
            continue
        local, _, domain = email.partition("@")
        if any(
            o.endswith("@" + domain) and re.search(rf"[._-]{re.escape(local)}@", o) for o in emails
        ):
            continue
        if local not in ROLE_MAILBOXES and any(
            o != email and o.endswith(local + "@" + domain) for o in emails
        ):
            continue
        if (
            local not in ROLE_MAILBOXES
            and not _fits_name(local, given, family)
            and any(
                o.endswith("@" + domain)
                and _fits_name(o.partition("@")[0], given, family)
                and _close(local, o.partition("@")[0])
                for o in emails
            )
        ):
            continue
        out.append(email)
    return out


def _fits_name(local: str, given: str, family: str) -> bool:
    """Is the local part one of the usual spellings of the name: for Karl-Heinz Müller (given
    "karl-heinz", family "mueller") karl-heinz.mueller, kmueller, khmueller, mueller.karl,
    karl, mueller?"""
    if not given or not family:
        return False
    words = re.findall(r"[a-z]+", given)
    if not words:  # a name in another script ("Иван") has no ASCII spelling to compare
        return False
    first, initials, family = words[0], "".join(w[0] for w in words), family.replace(" ", "")
    spellings = {first, given, family}
    for g in {first, given, initials, first[0]}:
        spellings |= {g + family, family + g}
    return re.sub(r"[._-]", "", local) in {re.sub(r"[._-]", "", x) for x in spellings}


def _close(a: str, b: str) -> bool:
    """Readings of one word: at most one edit in three letters apart."""
    return _distance(a, b) <= max(len(a), len(b)) // 3


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def correct_profiles(profiles: list[Profile], name_words: list[str]) -> list[Profile]:
    """Fix look-alike slips in profile handles by the printed name: "xing.com/profile/llir_Fehr"
    on Ilir Fehr's card is Ilir_Fehr, "linkedin.com/in/geraidine-hill" is geraldine-hill."""
    fixed = []
    for profile in profiles:
        head, _, handle = profile.url.rpartition("/")
        parts = re.split(r"([_-])", handle)
        capitalised = any(ch.isupper() for ch in handle)  # Xing's "Anna_Mueller" style
        for i, part in enumerate(parts):
            for word in name_words:
                if part.lower() != word and _misread_as(part.lower(), word):
                    parts[i] = word.capitalize() if capitalised else word
        fixed.append(Profile(profile.network, f"{head}/{''.join(parts)}"))
    return fixed


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
    if a == b or len(a) != len(b):
        return None
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


# Second-level labels under a country's top-level domain: tpj.co.jp, uni-graz.ac.at, wien.gv.at.
_SECOND_LEVEL = frozenset(
    {"co", "com", "ac", "ad", "or", "ne", "gv", "go", "org", "net", "gov", "edu"}
)


def _lost_country(a: str, b: str) -> str | None:
    """ "tpj.co" beside "tpj.co.jp": OCR lost the country's top-level domain of one reading."""
    shorter, longer = sorted((a, b), key=len)
    if shorter.rsplit(".", 1)[-1] in _SECOND_LEVEL and re.fullmatch(
        re.escape(shorter) + r"\.[a-z]{2}", longer
    ):
        return longer
    return None


def _org_initials(org: str | None) -> str:
    """ "Internet Initiative Japan Inc." -> "iij": the initials a domain is often made of
    (the legal form and "&" do not count)."""
    if not org:
        return ""
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", LEGAL_FORM_RE.sub(" ", org))]
    return "".join(w[0] for w in words if w and w not in ("und", "and"))


# Thin upright letters OCR reads for each other in short domain labels ("iij" read "ijj").
_STROKES = str.maketrans({"l": "i", "j": "i", "1": "i", "|": "i", "!": "i", "ı": "i"})


def _same_strokes(label: str, initials: str) -> bool:
    """ "ijj" and "iij": the same letters but for thin upright strokes (3+ letters)."""
    return len(initials) >= 3 and label.translate(_STROKES) == initials.translate(_STROKES)


def _edited_spelling(a: str, b: str, org_key: str) -> str | None:
    """Of two readings of one domain one OCR edit apart, the one that was printed: the one the
    organisation's name spells, else the one with "rn" (read as "m"), else the longer one
    (OCR loses letters more often than it adds them); None when they are not that close.
    Two domains that are the same reading return that reading."""
    squash = [re.sub(r"[^a-z0-9]", "", x.split(".")[0]) for x in (a, b)]
    for x, key in zip((a, b), squash, strict=True):
        if org_key and len(key) >= 4 and key in org_key:
            other = b if x is a else a
            if one_edit(x.replace("rn", "m"), other.replace("rn", "m")):
                return x
            # two slips in a longer name: "lems-haynes.co.uk" (wi read as m) for Lewis & Haynes
            if len(key) >= 8 and _distance(x, other) <= 2:
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
            or (_edited_spelling(a, b, _org_key(org)) if edits else None)
        )

    def by_org(domain: str) -> str:
        """Both readings misread alike ("hartieywhite.co.uk" twice): the organisation's name
        spells the company label with l where the domain has i ("Hartley White Ltd"), or its
        initials do ("ilj.ad.jp" for Internet Initiative Japan Inc.)."""
        label, dot, tld = domain.partition(".")
        initials = _org_initials(org)
        if edits and label != initials and _same_strokes(label, initials):
            return initials + dot + tld
        key = _org_key(org)
        if not edits or not label.isalpha() or len(label) < 5 or label in key:
            return domain
        for start in range(len(key) - len(label) + 1):
            spelled = _l_spelling(label, key[start : start + len(label)])
            if spelled:
                return spelled + dot + tld
        return domain

    hosts = {host_of(u) for u in urls}
    if edits:  # the person's address and a team address ("info@") print one domain twice
        hosts |= {e.partition("@")[2] for e in emails}
    fixed_emails = []
    for email in emails:
        local, _, domain = email.partition("@")
        for host in hosts:
            domain = spelling(domain, host) or domain
        fixed_emails.append(f"{local}@{by_org(domain)}")
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


# What is left of an e-mail whose domain OCR broke: "a.hettner@gute-doehn" (the top-level
# domain lost), "mieunberger @schnyder-mayerch" (its dot lost), "caterina.zimmer@eberhardt-gott
# :\j" (the end garbled).
_BROKEN_EMAIL = re.compile(r"(?<![\w.@-])([a-z0-9][\w.+'-]*)\s?@\s?([a-z0-9][\w.-]*)", re.I)


def repair_by_hosts(text: str, hosts: set[str]) -> tuple[list[str], str]:
    """E-mails in ``text`` whose domain OCR broke, completed from the card's own hosts (its
    website, its other e-mails): the broken domain is a host without its dots or top-level
    domain, or the start of one (8+ letters).  Returns the e-mails and the text without them."""
    found: list[str] = []

    def complete(m: re.Match[str]) -> str:
        local, fragment = m.group(1), m.group(2).lower().rstrip(".-")
        squashed = fragment.replace(".", "")
        for host in sorted(hosts):
            stem = host.rsplit(".", 1)[0]
            if not (
                squashed in (host.replace(".", ""), stem.replace(".", ""))
                or (len(fragment) >= 8 and host.startswith(fragment))
            ):
                continue
            email = normalize_email(f"{local}@{host}")
            if email:
                found.append(email)
                return " "
        return m.group(0)

    rest = _BROKEN_EMAIL.sub(complete, text)
    return found, rest
