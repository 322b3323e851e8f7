"""E-mails whose domain OCR broke ("a.hettner@gute-doehn", "gary@quantis design.co.uk"),
completed from the card's own hosts: its website and its other e-mails."""

from __future__ import annotations

import re

from cardscan.parse.web import normalize_email
from cardscan.text import one_edit

# What is left of an e-mail whose domain OCR broke: "a.hettner@gute-doehn" (the top-level
# domain lost), "mieunberger @schnyder-mayerch" (its dot lost), "caterina.zimmer@eberhardt-gott
# :\j" (the end garbled).
_BROKEN_EMAIL = re.compile(r"(?<![\w.@-])([a-z0-9][\w.+'-]*)\s?@\s?([a-z0-9][\w.-]*)", re.I)


# "gary@quantis design.co.uk", "office @greenfield-elek rotechnik.de": a space read into the
# domain (for a hyphen, or beside a lost letter).
_SPACE_IN_DOMAIN = re.compile(
    r"(?<![\w.@-])([a-z0-9][\w.+'-]*)\s?@\s?([a-z0-9][a-z0-9.-]*)\s([a-z0-9][\w.-]*\.[a-z]{2,})",
    re.IGNORECASE,
)


def repair_by_hosts(text: str, hosts: set[str]) -> tuple[list[str], str]:
    """E-mails in ``text`` whose domain OCR broke, completed from the card's own hosts (its
    website, its other e-mails): the broken domain is a host without its dots or top-level
    domain, or the start of one (8+ letters), or a host with a space read into it.  Returns the
    e-mails and the text without them."""
    found: list[str] = []

    def complete(m: re.Match[str]) -> str:
        local, fragment = m.group(1), m.group(2).lower().rstrip(".-")
        if len(local) < 2 or local.isdigit():  # "1 @ Eichenberger GmbH": a logo's debris
            return m.group(0)
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

    def join(m: re.Match[str]) -> str:
        local, head, tail = m.group(1), m.group(2).lower(), m.group(3).lower().rstrip(".-")
        for host in sorted(hosts):
            for joined in (f"{head}-{tail}", f"{head}{tail}", f"{head}.{tail}"):
                if joined == host or (len(host) >= 12 and one_edit(joined, host)):
                    email = normalize_email(f"{local}@{host}")
                    if email:
                        found.append(email)
                        return " "
        return m.group(0)

    rest = _SPACE_IN_DOMAIN.sub(join, text)
    rest = _spaced_domains(rest, hosts, found)
    rest = _BROKEN_EMAIL.sub(complete, rest)
    return found, rest


# "events @chavez stanton com" beside www.chavez-stanton.com: every dot and hyphen of the
# domain read as a space. The words after the @ (the fewest that spell it) are a host of the
# card with its dots and hyphens.
_SPACED_DOMAIN = re.compile(
    r"(?<![\w.@-])([a-z0-9][\w.+'-]*)\s?@\s?([a-z0-9-]+(?:[\s.][a-z0-9-]+){1,4})", re.IGNORECASE
)


def _spaced_domains(text: str, hosts: set[str], found: list[str]) -> str:
    squashed = {re.sub(r"[.-]", "", h): h for h in sorted(hosts)}
    out, pos = [], 0
    for m in _SPACED_DOMAIN.finditer(text):
        if len(m.group(1)) < 2:
            continue
        words = list(re.finditer(r"[a-z0-9-]+", m.group(2), re.IGNORECASE))
        for k in range(2, len(words) + 1):
            host = squashed.get("".join(w.group(0) for w in words[:k]).lower().replace("-", ""))
            email = normalize_email(f"{m.group(1)}@{host}") if host else None
            if email:
                found.append(email)
                out.append(text[pos : m.start()] + " ")
                pos = m.start(2) + words[k - 1].end()
                break
    return "".join(out) + text[pos:]
