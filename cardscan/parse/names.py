"""Person names: split into prefix/given/family/suffix, restore ALL-CAPS, score name candidates."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from importlib import resources

from cardscan.model import Name
from cardscan.parse.rules import (
    LEGAL_FORM_RE,
    NAME_PARTICLES,
    NAME_PREFIXES,
    NAME_SUFFIXES,
    NOT_NAME_WORDS,
)
from cardscan.text import fold, one_edit

_PREFIXES = sorted(NAME_PREFIXES, key=len, reverse=True)
_SUFFIX_SET = {s.lower().replace(" ", "") for s in NAME_SUFFIXES}
# A name word: "Anna", "Anna-Lena", "O'Brien", "Müller", "d'Alembert", "Yıldırım", "Đỗ": a
# capital, then small letters; parts joined by a hyphen or apostrophe; an initial "K.".
_NAME_PART_SEPARATORS = re.compile(r"[-'’]")


def _is_name_word(word: str) -> bool:
    word = word[:-1] if word.endswith(".") else word
    parts = _NAME_PART_SEPARATORS.split(word)
    if len(parts) > 1 and parts[0] in ("d", "l") and parts[1][:1].isupper():
        parts = parts[1:]  # "d'Alembert"
    if not parts[0][:1].isupper():
        return False
    for i, part in enumerate(parts):
        if not part or not part.isalpha():
            return False
        rest = part[1:] if i == 0 or part[:1].isupper() else part
        if rest and not rest.islower():
            return False
    return True


@functools.cache
def _given_names() -> frozenset[str]:
    """First names common in at least one country (data/given_names.txt, made by
    tools/given_names.py), lower case, also without accents: "hüseyin" and "huseyin"."""
    text = resources.files("cardscan.parse").joinpath("data/given_names.txt").read_text("utf-8")
    names = {line for line in text.splitlines() if line and not line.startswith("#")}
    return frozenset(names | {fold(n) for n in names})


def is_given_name(word: str) -> bool:
    """ "Mustafa", "HÜSEYİN", "Huseyin", "Anna-Lena": a first name people are given (a business
    word such as "Auto", "Metal" or "Travel" is none)."""
    key = word.replace("İ", "I").replace("ı", "i").strip(".,'").lower()
    if len(key) < 2:
        return False
    names = _given_names()
    return (
        key in names
        or fold(key) in names
        or all(part in names or fold(part) in names for part in key.split("-") if part)
    )


def has_given_name(text: str) -> bool:
    """Does a name line start with a known first name ("Jordan Miller"), or put it second after a
    family name in capitals ("HAN Minji")? A shop's "Auto Peças Caminho Novo" does not, though
    "Novo" is someone's first name somewhere."""
    _, rest = _take_prefix(text)
    words = re.findall(r"[^\W\d_][^\W\d_'-]*", rest)
    if not words:
        return False
    if is_given_name(words[0]):
        return True
    return len(words) >= 2 and words[0].isupper() and is_given_name(words[1])


def restore_case(word: str) -> str:
    """ "MÜLLER" -> "Müller", "ANNA-LENA" -> "Anna-Lena", "SARIKAYA" -> "Sarıkaya"; mixed-case
    words stay as printed."""
    if not word.isupper() or len(word) <= 1:
        return word
    if word.lower().replace(".", "") in _SUFFIX_SET or word in {"II", "III"}:
        return word
    return "-".join(p[:1] + _lower(p[1:]) for p in word.split("-"))


# Letters only Turkish (and Azerbaijani) write: a word with one is lowered the Turkish way,
# where I is ı and İ is i ("DEMİRTAŞ" -> "Demirtaş", not "Demi̇rtaş").
_TURKISH_LETTERS = set("İŞĞ")


def _lower(text: str) -> str:
    if _TURKISH_LETTERS & set(text):
        text = text.replace("İ", "i").replace("I", "ı")
    return text.lower()


def _take_prefix(text: str) -> tuple[str | None, str]:
    found: list[str] = []
    rest = text.strip()
    while True:
        for p in _PREFIXES:
            if rest.lower().startswith(p.lower()) and (
                len(rest) == len(p) or not rest[len(p)].isalpha() or p.endswith(".")
            ):
                found.append(p)
                rest = rest[len(p) :].strip()
                break
        else:
            break
    return (" ".join(found) if found else None), rest


def name_has_prefix(text: str) -> bool:
    """ "Dr. Anna Beispiel", "Mag. Eva Huber": an academic or courtesy title before a name."""
    return _take_prefix(text)[0] is not None


# Post-nominal letters the table does not list, after a comma: "Jane Doe, FRM", "Raj Verma,
# IRTS", "Jane Doe, Ph.D" (no last dot), "Mark Ellis, fcca, ma" (small capitals read as lower
# case). A word of three to seven capitals, or of a few small letters, or with dots: "Anna
# Berg, Berlin" is no suffix, nor a state's two capitals ("El Paso, TX", "Sao Paulo, SP").
_POSTNOMINAL = re.compile(r"[A-Z]{3,7}|[a-z]{2,4}|(?:[A-Za-z]{1,4}\.){1,3}[A-Za-z]{0,4}")


def _is_suffix(part: str, head: str) -> bool:
    """A post-nominal after ``head``: one of the table, or one of _POSTNOMINAL's shapes; after
    a name in capitals, capitals say nothing ("JOHN SMITH, LONDON")."""
    if part.lower().replace(" ", "") in _SUFFIX_SET:
        return True
    return bool(_POSTNOMINAL.fullmatch(part)) and not (head.isupper() and part.isupper())


def _take_suffix(text: str) -> tuple[str | None, str]:
    suffixes: list[str] = []
    rest = text.strip()
    if "," in rest:  # "Jane Doe, PhD" / "Thomas Wolf, MBA, M.Sc."
        head, tail = rest.split(",", 1)
        parts = [p.strip() for p in tail.split(",") if p.strip()]
        if parts and len(head.split()) >= 2 and all(_is_suffix(p, head) for p in parts):
            return ", ".join(parts), head.strip()
    words = rest.split()
    while len(words) > 2 and words[-1].lower() in _SUFFIX_SET:
        suffixes.insert(0, words.pop())
    return (" ".join(suffixes) if suffixes else None), " ".join(words)


_ELIDED_PARTICLE = re.compile(r"[dD]['’][^\W\d_]")


def split_name(text: str) -> Name | None:
    """ "Prof. Dr. Jürgen Weiß-Müller, MBA" -> Name(prefix="Prof. Dr.", given="Jürgen", ...)."""
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    prefix, rest = _take_prefix(text)
    suffix, rest = _take_suffix(rest)
    words = [restore_case(w) for w in rest.split()]
    if prefix:
        prefix = " ".join(restore_prefix_case(w) for w in prefix.split())
    if not words:
        return None
    # Family name: the last word plus the particles in front of it ("von der Leyen").
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in NAME_PARTICLES:
        i -= 1
    # ... or from an elided particle on: "Marco D'Avella Ramos" is Marco + D'Avella Ramos
    i = next((k for k in range(1, i) if _ELIDED_PARTICLE.match(words[k])), i)
    if len(words) == 1:
        given, family = None, words[0]
    else:
        given, family = " ".join(words[:i]), " ".join(words[i:])
    full = " ".join(p for p in (prefix, given, family) if p)
    if suffix:
        full += ", " + suffix
    return Name(full=full, prefix=prefix, given=given, family=family, suffix=suffix)


def restore_prefix_case(word: str) -> str:
    for p in _PREFIXES:
        for part in p.split():
            if part.lower() == word.lower():
                return part
    return word


# "Josef Nag!", "Fried! Lindau", "Karl Bruck|": an l at the end of a name word read as "!",
# a bar or a one (the caller keeps the repair only when the line then reads as a name).
_L_AT_WORD_END = re.compile(r"(?<=[a-zäöüß])[!|1](?=[\s,-]|$)")


def repair_name_slips(text: str) -> str:
    """ "Josef Nag!" -> "Josef Nagl"."""
    return _L_AT_WORD_END.sub("l", text)


def name_score(text: str) -> float:
    """How much a line looks like a person's name (0..1), from its shape alone."""
    _, rest = _take_prefix(text)
    _, rest = _take_suffix(rest)
    words = rest.split()
    if not 2 <= len(words) <= 5:
        return 0.0
    if any(ch.isdigit() for ch in rest) or "@" in rest or "/" in rest or "&" in rest:
        return 0.0
    # "Casey R. Morgan", "Henry T. K. Lam": initials between the given and the family name
    initials = [i for i, w in enumerate(words) if re.fullmatch(r"[A-Z]\.", w)]
    if initials and (initials[-1] == len(words) - 1 or len(words) - len(initials) < 2):
        return 0.1
    if words[-1].endswith(".") and len(words[-1]) > 2:
        return 0.1  # a family name is never abbreviated: "Kim. Müh.", "Akın Sanat Makn."
    full = [w for i, w in enumerate(words) if i not in initials]
    if max(len(w) for w in full) < 3 or any(len(w.strip(".")) < 2 for w in full):
        return 0.1  # "Sh Ei": OCR debris, not a name
    # "Sakura Park Building", "Technology Park, Inc."; "Jonas Tower, Ph.D", "Dr. Lena Haus" are
    # people (a prefix or post-nominal taken off; a legal form is no post-nominal)
    personal = text != rest and not LEGAL_FORM_RE.search(text)
    if not personal and any(w.lower().strip(".,") in NOT_NAME_WORDS for w in words):
        return 0.1
    good = 0
    for w in words:
        if w.lower() in NAME_PARTICLES:
            continue
        if _is_name_word(restore_case(w)):
            good += 1
        else:
            return 0.1
    score = 0.6 if good >= 2 else 0.3
    if text != rest:  # a title such as "Dr." makes a name all but certain
        score += 0.2
    if len(words) in (2, 3):
        score += 0.1
    return min(score, 1.0)


def email_hits(name: str, emails: list[str]) -> int:
    """How many words of a name an e-mail's local part spells (0 when none agrees, 2 for an
    initial + family name): "serkanaydogan@" spells two of "Serkan Aydoğan", one of "Serkan
    Profil"."""
    if not matches_email(name, emails):
        return 0
    words = [fold(w) for w in re.findall(r"[^\W\d_]+", name) if len(w) > 1]
    best = 1
    for email in emails:
        local = re.sub(r"[^a-z]", "", fold(email.split("@", 1)[0]))
        plain = [re.sub(r"[^a-z]", "", w) for w in words]
        if len(plain) >= 2 and local == plain[0][:1] + plain[-1]:  # "amueller"
            return 2
        best = max(best, min(2, sum(1 for w in plain if w and w in local)))
    return best


def spelled_by_handles(name: str, handles: Sequence[str]) -> bool:
    """Does an e-mail's local part or a profile's handle hold a word of the name as a word of
    its own ("fredo" in "fredo.walcher", "fredo-walcher-0b12"), however the rest is read?"""
    words = {fold(w) for w in re.findall(r"[^\W\d_]+", name) if len(w) >= 3}
    for handle in handles:
        parts = {p for p in re.split(r"[._\-+]+", fold(handle)) if len(p) >= 3}
        if words & parts:
            return True
    return False


def matches_email(name: str, emails: list[str]) -> bool:
    """Does a name agree with an e-mail local part ("anna.mueller@", "amueller@", "anna@")?"""
    words = [fold(w) for w in re.findall(r"[\wäöüß]+", name) if len(w) > 1]
    for email in emails:
        local = re.sub(r"[^a-z]", "", email.split("@", 1)[0])
        if len(local) < 3:
            continue
        hits = sum(1 for w in words if re.sub(r"[^a-z]", "", w) in local)
        if hits >= 2 or (hits == 1 and len(words) >= 2 and len(local) <= 12):
            return True
        # "amueller": initial + family name
        if len(words) >= 2 and local == words[0][:1] + re.sub(r"[^a-z]", "", words[-1]):
            return True
    return False


_UMLAUTS = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}


def restore_umlauts(text: str, hints: list[str]) -> str:
    """Put back umlaut dots that OCR dropped, when the card's e-mail or domain spells them out.

    "Trost & Conradi AG" with www.troest-conradi.de -> "Tröst & Conradi AG"; a word stays as
    it is when its plain spelling appears in the hints too, or when no single change explains it.
    """
    folded_hints = [re.sub(r"[^a-z]", "", fold(h)) for h in hints if h]
    if not folded_hints:
        return text

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        plain = fold(word)
        if len(word) < 3 or any(plain in h for h in folded_hints):
            return word
        for i, ch in enumerate(word):
            if ch in _UMLAUTS:
                cand = word[:i] + _UMLAUTS[ch] + word[i + 1 :]
                if any(fold(cand) in h for h in folded_hints):
                    return cand
        return word

    return re.sub(r"[A-Za-zÄÖÜäöüß]+", fix, text)


def correct_words(text: str, vocabulary: frozenset[str], suffixes: tuple[str, ...] = ()) -> str:
    """Replace words of 7+ letters that are one OCR slip away from a vocabulary word.

    "Geschaftstuhrerin" -> "Geschäftsführerin": umlaut dots and one letter read as another,
    or a thin letter (i l t f j r) lost or added ("Foundaton"; "Fondation" is French, no
    slip); the printed capitalisation is kept. A letter read as another cannot be told from
    another language's spelling of the same length ("Instituto" becomes "Institute").
    """
    ordered = sorted(vocabulary)  # a fixed order: the same word always gets the same fix

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if len(word) < 7 or low in vocabulary:
            return word
        plain = _strip_dots(low)
        best = None
        for target in ordered:
            cand = _strip_dots(target)
            # a letter more or less at the end is a real variant ("Institut"/"Institute")
            variant = len(cand) != len(plain) and (cand.startswith(plain) or plain.startswith(cand))
            if abs(len(cand) - len(plain)) <= 1 and not variant and _slipped(plain, cand):
                best = target
                break
        if best is None:
            # a compound ending in a slipped title word: "Projektieiterin" -> "Projektleiterin"
            for suffix in suffixes:
                tail = low[-len(suffix) :]
                if len(low) > len(suffix) + 2 and tail != suffix and one_edit(tail, suffix):
                    best = low[: -len(suffix)] + suffix
                    break
        if best is None:
            return word
        if word.isupper():
            return best.upper()
        return best[:1].upper() + best[1:] if word[:1].isupper() else best

    return re.sub(r"[^\W\d_]+", fix, text)


# Letters OCR loses or adds in a word: thin strokes. A wider letter more or less is another
# language's spelling, not a slip ("Fondation" is French, not a misread "Foundation").
_THIN = frozenset("iltfjr")


def _slipped(read: str, word: str) -> bool:
    """Is ``read`` one OCR slip from ``word``: a letter read as another, or a thin one lost
    or added?"""
    if len(read) == len(word):
        return one_edit(read, word)
    short, long = sorted((read, word), key=len)
    return any(long[i] in _THIN and short == long[:i] + long[i + 1 :] for i in range(len(long)))


def _strip_dots(text: str) -> str:
    return text.translate(str.maketrans("äöüß", "aous"))
