"""E-mails and profile handles checked against the printed name, once the whole card is known.

cardscan.parse.web finds these fields line by line; here OCR slips are put right by the name,
each only in the direction OCR errs (it reads l as i far more often than i as l), and second
readings of one address are dropped.  The card's domains and company name are checked against
each other in cardscan.parse.domains.
"""

from __future__ import annotations

import re

from cardscan.model import Profile
from cardscan.parse.rules import ROLE_MAILBOXES
from cardscan.text import edit_distance, fold

# OCR confuses these letters in e-mail addresses ("iydia.wood@", "vlester@" read "viester@",
# "liones@" for Leon Jones's ljones@, "vandiik@" for van Dijk,
# "a.0estrovsky@" for a.oestrovsky@, a Turkish dotless ı for i, "ajungter@" for Anna Jungfer,
# "tfiqueroa@" for Tom Figueroa).
_LOOKALIKE = str.maketrans(
    {"i": "l", "1": "l", "I": "l", "|": "l", "!": "l", "ı": "l", "j": "l", "0": "o", "O": "o",
     "t": "f", "q": "g", "e": "c"}
)  # fmt: skip


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
    """Could OCR have read ``printed`` as ``read``?  Look-alike letters, "rn" or "ri" read as
    "m" or "n" ("s.tumer@" for Simon Turner; hardly ever the other way round, so only this
    direction),
    a thin letter read twice ("stoeckll@" for Natalia Stöckl), lost ("rta@" for Rita) or
    added at the end ("paertzelti@")."""
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
    # a stroke read after the end ("paertzelti@" for Anette Pärtzelt: the foot of the t)
    if len(want) >= 5 and read[-1:] in ("i", "1", "|", "!") and key[:-1] == want:
        return True
    if "ri" in printed and key == printed.replace("ri", "n").translate(_LOOKALIKE):
        return True  # "nchardson@" for Richardson: ri read as n
    return "rn" in printed and key == printed.replace("rn", "m").translate(_LOOKALIKE)


def _l_for_i(read: str, printed: str) -> bool:
    """Would ``printed`` put an i or j where ``read`` has an l?  OCR reads l as i far more often
    than i as l, so the address's "glenn@" is not bent to a name misread "Tyler Gienn"; but
    no name has three l in a row ("willlam.chen@" for Dr. William Chen)."""
    return (
        len(read) == len(printed)
        and "lll" not in read
        and any(a == "l" and b in "ij" for a, b in zip(read, printed, strict=True))
    )


def _drop_debris_initial(parts: list[str], name_words: list[str]) -> None:
    """ "t.bethan.moore@" for Bethan Moore: a letter before the full given name is debris (a
    label read as a letter), not an initial."""
    if len(parts) >= 5 and len(parts[0]) == 1 and parts[1] == "." and parts[2:3] == name_words[:1]:
        del parts[:2]


def correct_emails(emails: list[str], name_words: list[str], initial: str = "") -> list[str]:
    """Each address as the printed name would spell it where OCR's look-alike slips can tell
    them apart (one for one; cardscan.parse.checks.settle decides what becomes of them).

    ``name_words`` are the folded words of the person's name ("lydia", "wood"): "iydia.wood@"
    would be "lydia.wood@"; ``initial`` is the given name's first letter.
    """
    fixed: list[str] = []
    for email in emails:
        local, _, domain = email.partition("@")
        local, plus, tag = local.partition("+")  # "anna.berg+messe@": the name before the +
        parts = re.split(r"([._-])", local)
        _drop_debris_initial(parts, name_words)
        _fix_initial(parts, name_words, initial)
        role = next((r for r in ROLE_MAILBOXES if local != r and _misread_as(local, r)), None)
        if role and local not in name_words:  # Mai Nguyen's "mai@" is no lost "mail@"
            parts = [role]
        cands = _spellings(name_words)  # "i.wright@", "izurlinden@" for Lisa zur Linden
        # a name whose umlaut dots OCR lost ("Mullner" for Müllner): the address spells them
        # out ("kristian.mueliner@" is kristian.muellner@)
        cands += [
            c[:k] + ch + "e" + c[k + 1 :] for c in cands for k, ch in enumerate(c) if ch in "aou"
        ]
        for i, part in enumerate(parts):
            stem, number = _number_after(part)  # "irotter7@" for Luana Rotter: lrotter7
            if not stem or stem in cands:
                continue
            for cand in cands:
                if _misread_as(stem, cand) and not _l_for_i(stem, cand):
                    parts[i] = cand + number
                    break
        fixed.append("".join(parts) + plus + tag + "@" + domain)
    return fixed


def _number_after(part: str) -> tuple[str, str]:
    """ "carroll52" -> ("carroll", "52"): a local part's word and the number after it."""
    m = re.fullmatch(r"(.*?)(\d*)", part)
    return (m.group(1), m.group(2)) if m else (part, "")


def five_read_as_s(emails: list[str], name_words: list[str]) -> list[str]:
    """ "teresa.jamess@" for Teresa James, "frances.carrolls2@": an s after the spelling of the
    name, alone or before digits, as the 5 of a number ("james5@", "carroll52@"). Applied only
    where OCR read a capital S among lower-case letters (the S/5 glyph, parse.checks.settle);
    else a proposal."""
    cands = [c for c in _spellings(name_words) if len(c) >= 3]
    fixed = []
    for email in emails:
        local, at, rest = email.partition("@")
        head, plus, tag = local.partition("+")
        m = re.fullmatch(r"(?P<before>.*?)(?P<word>[a-z]+)s(?P<digits>\d*)", head)
        if m and m.group("word") in cands and (m.group("before")[-1:] in ("", ".", "_", "-")):
            head = f"{m.group('before')}{m.group('word')}5{m.group('digits')}"
        fixed.append(head + plus + tag + at + rest)
    return fixed


def _spellings(name_words: list[str]) -> list[str]:
    """How a local part spells a name: each word, its initial, the initial and the family
    name ("viester@" for Victor Lester), the family name with its particles ("vandijk@"),
    the whole name run together ("ahmetkaya@"), the initials ("lg@")."""
    cands = [w for word in name_words for w in (word, word[:1])]
    if len(name_words) > 1:
        given = name_words[0][:1]
        cands += [given + name_words[-1], given + "".join(name_words[1:])]
        cands += ["".join(name_words[1:]), "".join(name_words)]
        cands.append("".join(w[:1] for w in name_words))  # "lg@" for Lothar Gross
    return cands


# What follows the name's spelling in a local part, as OCR reads it: a sub-address's plus
# read as t ("tyler.becktmesse@" for tyler.beck+messe@), a digit one read as l
# ("avandenbergl@" for avandenberg1@). Both readings are valid addresses, and the name
# cannot tell them apart: the check only proposes (a second reading of the address's words
# must show the other, cardscan.reread.recheck).
AFTER_THE_NAME: dict[str, tuple[re.Pattern[str], str]] = {
    "plus-read-as-t": (re.compile(r"t(?P<rest>[a-z]{2,})"), "+"),
    "one-read-as-l": (re.compile(r"l(?P<rest>)"), "1"),
}


def after_the_name(emails: list[str], name_words: list[str], rule: str) -> list[str]:
    """Each address with what follows the family name's spelling at the end of the local
    part read as ``rule`` says ("christian.berger@" for Chris Berger is no "chris+ian")."""
    tail_re, printed = AFTER_THE_NAME[rule]
    family = name_words[-1] if name_words else ""
    cands = sorted(
        (c for c in _spellings(name_words) if len(c) >= 3 and family and family in c),
        key=len,
        reverse=True,
    )
    fixed = []
    for email in emails:
        local, _, domain = email.partition("@")
        parts = re.split(r"([._-])", local)
        last = parts[-1]
        cand = next((c for c in cands if last.startswith(c)), None)
        m = tail_re.fullmatch(last[len(cand) :]) if cand else None
        if cand and m:
            parts[-1] = cand + printed + m.group("rest")
        fixed.append("".join(parts) + "@" + domain)
    return fixed


# Glyphs OCR reads for a lone initial before a space ("5 gutierrez@" for Stephanie Gutierrez's
# s.gutierrez@): printed letter -> what it came out as.
_INITIAL_READ_AS = {
    "s": "5$", "o": "0", "z": "2", "g": "9", "l": "1|!", "i": "1|!", "j": "|]", "f": "£",
}  # fmt: skip
# What OCR reads for the dot between the given name and the rest: a dot, a low comma, a comma.
_DOTS = ".‚,"
# Letters that label a line on cards ("E.", "M.", "T.", "P.", "F.", "W.", "H.", "C.", "O.",
# "D."): before an address, such a capital is no reading of the given name's initial.
_LABEL_LETTERS = frozenset("emtpfwhcod")
# The given name and the address apart: a dot with a space beside it, a low comma or comma
# for the dot, or a space alone. A dot between letters is read into the address itself
# ("max.weber@" is one address, never "weber@" after "max"): it only parts a glyph no address
# holds from it ("£.steckel@", the initial f).
_SEPARATOR = rf"\s+[{_DOTS}]\s*|[{_DOTS}]\s+|[{_DOTS}]|\s+"


def restore_given_name(
    emails: list[str], text: str, given: str, family: str, *, dotted: bool
) -> list[str]:
    """ "Victoria brown@vertex.com" on Victoria Brown's card: OCR read the dot after the given
    name as a space (and capitalised it), so the address found was the family name alone.
    The given name printed right before it is put back, with the usual dot; so is the initial
    read as a look-alike ("5 gutierrez@" for Stephanie Gutierrez: s.gutierrez@).

    ``dotted``: only where the dot itself was read, with a space beside it ("Steven.
    vandermerwe@", "Frederic .Roehricht@", "i. pammer@" for Ismail Pammer) or read as a low
    comma ("j‚vandenberg@"): then the line holds both readings, the address alone after a
    word or the one address, and the name chooses between them. Without ``dotted``, only
    where it was not (a space is all there is: the name alone proposes the dot)."""
    if not given or not family:
        return emails
    initial = given[:1]
    fixed = []
    for email in emails:
        local, _, domain = email.partition("@")
        m = None
        if _name_stem(local) in (family, re.sub(r"[^a-z]", "", family)):
            # this address's own print (the line as printed, in its case): for a choice its
            # whole domain as read ("vandermerwe@aguilar.net" is another address than
            # @aguilar-test.com), for a proposal the domain's name ("northwind com")
            at = rf"{re.escape(domain)}(?![\w-])" if dotted else re.split(r"[.-]", domain)[0]
            m = re.search(
                rf"(?<![\w.@-])([^\s{_DOTS}]+)({_SEPARATOR}){re.escape(local)}\s?@\s?{at}",
                text,
                re.I,
            )
        if m and bool(m.group(2).strip()) == dotted:
            word, glued = fold(m.group(1)), m.group(2) == "."
            # (a label's letter is no initial: "E. pommer@" for Eva Pommer, or "e. pommer@"
            # first on its line as "t." and "w." are on theirs, stays pommer@; after a label,
            # "E: e. pommer@" is her address)
            line_start = text.rfind("\n", 0, m.start()) + 1
            first = not text[line_start : m.start()].strip(" |:·-")
            label = (m.group(1).isupper() or first) and word in _LABEL_LETTERS
            initial_read = dotted and word == initial and not label
            if len(word) == 1 and word in _INITIAL_READ_AS.get(initial, ""):
                email = f"{initial}.{email}"  # "£.steckel@": the initial no address holds
            elif not glued and (word == given or initial_read):
                email = f"{word}.{email}"
        fixed.append(email)
    return fixed


def _name_stem(local: str) -> str:
    """The local part without a sub-address or a number after the name: "anna.berg+messe",
    "carroll52" -> "anna.berg", "carroll"."""
    return re.sub(r"\d+$", "", local.partition("+")[0])


# What OCR reads for the @ of an address ("ayalaegreenfield.com", "ayalacıgreenfield.com" for
# ayala@greenfield.com): letters and signs of its round shape, the longer ones first.
_AT_READ_AS = ("ce", "ci", "ca", "e", "c", "a", "o", "q", "g", "2", "9", "&", "®", "©", "(")


def recover_lost_at(
    emails: list[str], text: str, hosts: set[str], given: str, family: str
) -> tuple[list[str], set[str]]:
    """ "E: ayalaegreenfield.com" on Wesley Ayala's card: the @ read as a letter, so no address
    was found.  A word that is a spelling of the person's name, an @ look-alike and one of the
    card's own hosts (its website, its other addresses) is that address.  Returns the e-mails
    and the words they came from (no website, then)."""
    found, words = list(emails), set[str]()
    if not given or not family or not hosts:
        return found, words
    for word in fold(text).replace("ı", "i").split():  # OCR's Turkish dotless ı is an i
        word = word.strip(".,;:|")
        if "@" in word:
            continue
        for host in hosts:
            head = word[: -len(host)] if word.endswith(host) else ""
            at = next((a for a in _AT_READ_AS if head.endswith(a)), None)
            if at is None or not _fits_name(head[: -len(at)], given, family):
                continue
            email = f"{head[: -len(at)]}@{host}"
            words.add(word)
            if email not in found:
                found.append(email)
    return found, words


def rejoin_split_local(emails: list[str], text: str, given: str, family: str) -> list[str]:
    """ "esther.chris toph@firma.de" on Esther Christoph's card: OCR read a space into the
    local part, and only its tail became the address. When the word printed right before it,
    joined to it, spells the person's name, the address gets it back."""
    folded = fold(text)
    fixed = []
    for email in emails:
        local, _, domain = email.partition("@")
        if not _fits_name(local, given, family):
            m = re.search(
                rf"(?<![\w.@-])([a-z][\w.-]*)\s+{re.escape(local)}\s?@", folded, re.IGNORECASE
            )
            head = m.group(1).lower() if m else ""
            if head and _fits_name(head + local, given, family):
                email = f"{head}{local}@{domain}"
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
    local = _name_stem(local)  # "dietrich.seifert+events", "hans-juergen.wirz41"
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
    return edit_distance(a, b) <= max(len(a), len(b)) // 3


def correct_profiles(profiles: list[Profile], name_words: list[str]) -> list[Profile]:
    """Fix look-alike slips in profile handles by the printed name: "xing.com/profile/llir_Fehr"
    on Ilir Fehr's card is Ilir_Fehr, "linkedin.com/in/geraidine-hill" is geraldine-hill,
    "xing.com/profile/Josef_NagI91" is Josef_Nagl91."""
    fixed = []
    for profile in profiles:
        head, _, handle = profile.url.rpartition("/")
        parts = re.split(r"([_-])", handle)
        capitalised = any(ch.isupper() for ch in handle)  # Xing's "Anna_Mueller" style
        for i, part in enumerate(parts):
            letters = part.rstrip("0123456789")  # "Josef_NagI91": Xing numbers namesakes
            for word in name_words:
                if letters.lower() != word and _misread_as(letters.lower(), word):
                    spelled = word.capitalize() if capitalised else word
                    parts[i] = spelled + part[len(letters) :]
        fixed.append(Profile(profile.network, f"{head}/{''.join(parts)}"))
    return fixed
