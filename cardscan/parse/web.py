"""E-mail addresses, websites and profile links (LinkedIn, Xing, ...) found in card text.

A value that is valid as read is kept as printed. OCR slips are put right by the rules of
cardscan.parse.rules.emails in two passes over each line:
1. the "fix" rules, on the line with its valid values masked: what they make of text that
   held no valid value is a repaired value (its origin records the rules and what was read);
2. every rule, on the whole line: a result that would replace a valid value is only a
   proposal (the printed value stays; cardscan.reread.recheck looks at the image again), one that
   replaces a repaired value replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from cardscan.labels import EMAIL_LABEL_ALTERNATIVES
from cardscan.model import Origin, Profile, Proposal
from cardscan.parse.hosts import registered_label
from cardscan.parse.rules.emails import TEXT_REPAIRS, TextRepair
from cardscan.parse.webvalues import (
    COMMON_TLDS,
    GLYPH_READING_RULES,
    Value,
    loose_values,
    normalize_email,
    normalize_url,
    printed_values,
)

__all__ = [
    "COMMON_TLDS",
    "WebFinds",
    "dedupe_urls",
    "domain_words",
    "find_web",
    "join_split_address",
    "normalize_email",
    "normalize_url",
]

# "anna.mueller (at) firma.de", "anna.mueller[at]firma.de": the @ as some cards print it.
_AT_WORD = re.compile(r"\s*[\[(]\s*at\s*[\])]\s*", re.IGNORECASE)
#: The rule of a value found inside a word or kept though it is no valid value as read
#: ("firma.ct": the top-level domain does not exist); crosscheck may still put it right.
NO_VALID_READING = "no-valid-reading"
#: The rule of a LinkedIn link whose suffix was read as hexadecimal (webvalues).
HEX_SUFFIX_RULE = "linkedin-suffix-hexadecimal"


@dataclass
class WebFinds:
    emails: list[str]
    urls: list[str]
    profiles: list[Profile]
    rest: str  # the text with everything found removed
    origins: list[Origin] = field(default_factory=list)  # values not valid as read
    proposals: list[Proposal] = field(default_factory=list)  # rules' doubts about valid ones


def _mask(text: str, values: list[Value]) -> str:
    """The text with the valid values replaced by NULs (no rule matches them)."""
    for v in values:
        text = text[: v.start] + "\0" * (v.stop - v.start) + text[v.stop :]
    return text


def _apply(text: str, rules: tuple[TextRepair, ...]) -> tuple[str, list[str]]:
    """The text after the rules, and the names of those that changed it."""
    fired = []
    for rule in rules:
        after = rule.apply(text)
        if after != text:
            fired.append(rule.name)
            text = after
    return text, fired


def _needed(text: str, rules: tuple[TextRepair, ...], fired: list[str], value: Value) -> str:
    """The rules without which ``value`` is not read from ``text``, joined by "+"."""
    if not fired:  # only the reading itself: LinkedIn's hexadecimal suffix ("70eala": 70ea1a)
        return HEX_SUFFIX_RULE if value.field == "profiles" else NO_VALID_READING
    needed = []
    for name in fired:
        others = tuple(r for r in rules if r.name != name)
        if all(v.value != value.value for v in loose_values(_apply(text, others)[0])[0]):
            needed.append(name)
    return "+".join(needed or fired)


def _similar(a: Value, b: Value) -> float:
    def key(v: Value) -> str:
        return re.sub(r"^https?://(www\.)?", "", v.value)

    return SequenceMatcher(None, key(a), key(b), autojunk=False).ratio()


def _source(text: str, value: str) -> str:
    """The words of ``text`` a repaired ``value`` was read from (the stretch between the first
    and last run of 3+ characters they share)."""
    low = text.lower()
    blocks = [
        b
        for b in SequenceMatcher(None, low, value.lower(), autojunk=False).get_matching_blocks()
        if b.size >= 3
    ]
    if not blocks:
        return text.strip()
    start, end = blocks[0].a, blocks[-1].a + blocks[-1].size
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip()


def find_web(text: str) -> WebFinds:
    """Pull e-mails, profile links and websites out of one line of card text."""
    text = _AT_WORD.sub("@", text)
    printed = printed_values(text)
    fixes = tuple(r for r in TEXT_REPAIRS if r.kind == "fix")
    masked, fired = _apply(_mask(text, printed), fixes)
    repaired = [
        v for v in loose_values(masked)[0] if all(p.value != v.value for p in printed)
    ]  # values of what was no valid value as read
    rules: dict[str, str] = {
        v.value: _needed(_mask(text, printed), fixes, fired, v) if fired else NO_VALID_READING
        for v in repaired
    }
    whole, fired_all = _apply(text, TEXT_REPAIRS)
    everything, rest = loose_values(whole)
    known = printed + repaired
    new = [v for v in everything if all(k.value != v.value for k in known)]
    gone = [k for k in known if all(v.value != k.value for v in everything)]
    proposals: list[Proposal] = []
    replaced: dict[str, Value] = {}  # a repaired value -> the better repair of its text
    for v in new:
        best = max(gone, key=lambda g: _similar(g, v), default=None)
        if best is None or _similar(best, v) < 0.5:
            replaced[v.value] = v  # from text nothing else was read from
            rules[v.value] = _needed(text, TEXT_REPAIRS, fired_all, v)
            continue
        gone.remove(best)
        rule = _needed(text, TEXT_REPAIRS, fired_all, v)
        if best in printed:
            proposals.append(
                Proposal(
                    best.field, best.value, v.value, rule, best.read, _other(best.field, v.field)
                )
            )
        else:
            repaired[repaired.index(best)] = v
            rules[v.value] = "+".join(dict.fromkeys(f"{rules.pop(best.value)}+{rule}".split("+")))
    values = sorted(printed + repaired + list(replaced.values()), key=lambda v: v.start)
    origins = [
        Origin(v.field, v.value, "repaired", rules[v.value], _source(text, v.value))
        for v in values
        if v.value in rules
    ] + [
        # the I/l or S/5 glyph read one of its ways is printed; the name may choose the other
        Origin(
            v.field,
            v.value,
            "printed" if set(v.rule.split("+")) <= GLYPH_READING_RULES else "repaired",
            v.rule,
            v.read,
        )
        for v in printed
        if v.rule
    ]
    return WebFinds(
        emails=_unique(v.value for v in values if v.field == "emails"),
        urls=_unique(v.value for v in values if v.field == "urls"),
        profiles=[
            Profile(*_profile_parts(u))
            for u in _unique(v.value for v in values if v.field == "profiles")
        ],
        rest=rest,
        origins=origins,
        proposals=proposals,
    )


def _other(field_name: str, target: str) -> str | None:
    return None if target == field_name else target


def _unique(values: Iterable[str]) -> list[str]:
    out: list[str] = []
    for v in values:
        if v not in out:
            out.append(v)
    return out


def _profile_parts(url: str) -> tuple[str, str]:
    host = re.sub(r"^https://(www\.)?", "", url).split(".")[0]
    return {"x": "twitter"}.get(host, host), url


# An address OCR split over two lines, the columns of a tilted card read apart:
# "Email: sean.rojas" ... "@delgado-software.com". The local part follows an e-mail label or
# is a lone lower-case word with a dot, hyphen or underscore in it; the domain stands alone.
_LOCAL_ALONE = re.compile(
    rf"^(?P<label>(?:{EMAIL_LABEL_ALTERNATIVES})(?:\s?[:.]\s*|\s+))?(?P<local>[a-z0-9][\w.+-]*[a-z0-9])$",
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
    """The company part of the card's domains: "mueller-schmidt" for "www.mueller-schmidt.de",
    "kaede" for "kaede.ne.jp" (hosts.registered_label)."""
    hosts = [e.split("@", 1)[1] for e in emails] + [re.sub(r"^https?://", "", u) for u in urls]
    words = {registered_label(h.split("/")[0]) for h in hosts} - {None, "www", "mail"}
    # Free mail: the domain says nothing of the company. Germany, and the providers of the
    # countries whose cards come to German fairs (Turkey, Brazil, Korea, China, Russia).
    generic = {
        "gmail", "googlemail", "gmx", "web", "outlook", "hotmail", "live", "msn", "yahoo",
        "icloud", "me", "mac", "t-online", "aol", "freenet", "posteo", "mailbox", "protonmail",
        "proton", "yandex", "mail", "ttmail", "mynet", "superonline", "bol", "uol", "terra",
        "ig", "r7", "naver", "daum", "hanmail", "qq", "163", "126", "sina",
    }  # fmt: skip
    return {w for w in words if w} - generic
