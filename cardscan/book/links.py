"""Profile links: recognise a pasted profile URL, and build people-search URLs when none is known."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import quote_plus, urlsplit

from cardscan.model import Contact, Origin, Profile

#: Host name endings -> network name, as the parser names them in Contact.profiles.
NETWORKS = (
    ("linkedin.com", "linkedin"),  # https://www.linkedin.com/in/martina-mueller-4a7b1
    ("xing.com", "xing"),  # https://www.xing.com/profile/Martina_Mueller
)

#: People-search pages; {q} is the URL-encoded "name company". Searches, not profiles.
SEARCHES = (
    ("LinkedIn", "https://www.linkedin.com/search/results/people/?keywords={q}"),
    ("Xing", "https://www.xing.com/search/members?keywords={q}"),
)


def network_of(url: str) -> str:
    """ "linkedin", "xing", or "web" for any other site."""
    host = (urlsplit(url).hostname or "").lower()
    for ending, network in NETWORKS:
        if host == ending or host.endswith("." + ending):
            return network
    return "web"


def profile_from_url(url: str) -> Profile:
    """A Profile for ``--profile-url``; raises ValueError for anything but an http(s) address."""
    url = url.strip()
    if "://" not in url and "." in url.split("/")[0]:
        url = "https://" + url  # "linkedin.com/in/x" as people paste it
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(
            f"--profile-url {url!r} is not a web address; "
            "pass it like https://www.linkedin.com/in/name"
        )
    return Profile(network_of(url), url)


def with_profiles(contact: Contact, urls: tuple[str, ...] | list[str]) -> Contact:
    """``contact`` with the hand-attached profile URLs added (no duplicates), each recorded
    as entered by the user, not printed on the card."""
    known = {p.url.rstrip("/").lower() for p in contact.profiles}
    added = list(contact.profiles)
    entered = []
    for url in urls:
        profile = profile_from_url(url)
        if profile.url.rstrip("/").lower() not in known:
            known.add(profile.url.rstrip("/").lower())
            added.append(profile)
            entered.append(profile.url)
    contact = replace(contact, profiles=added)
    for url in entered:
        contact = contact.with_origin(Origin("profiles", url, "entered"))
    return contact


def search_links(contact: Contact) -> list[tuple[str, str]]:
    """(network, URL) people searches for name + company; empty without a name."""
    if not contact.name:
        return []
    words = " ".join(w for w in (contact.name.full, contact.organization) if w)
    return [(label, template.format(q=quote_plus(words))) for label, template in SEARCHES]
