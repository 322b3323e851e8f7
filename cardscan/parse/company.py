"""The company's line by the card's domain: "KORSAN" beside www.korsanmetal.com, "Blue ridge gate"
beside info@blueridgegate.com. Most cards print the company's name in the domain of its
website or e-mail, legal form or not; a logo's word that spells it is the company."""

from __future__ import annotations

import re
import unicodedata

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
