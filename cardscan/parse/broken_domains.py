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
    rest = _BROKEN_EMAIL.sub(complete, rest)
    return found, rest
