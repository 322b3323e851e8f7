"""Host names: which top-level domains exist and where a company's own label sits.

One source for both, the Public Suffix List's ICANN section as the publicsuffixlist package
ships it (no download at run time): ``kaede.ne.jp`` is the company "kaede" under the public
suffix "ne.jp", ``jp.acme-partners.com`` the company "acme-partners" under "com", and "firma.corn" has no
top-level domain that exists.
"""

from __future__ import annotations

import functools

from publicsuffixlist import PublicSuffixList


@functools.cache
def _psl() -> PublicSuffixList:
    # accept_unknown=False: a made-up top-level domain ("corn", "ct") is no public suffix
    return PublicSuffixList(only_icann=True, accept_unknown=False)


def public_suffix(host: str) -> str | None:
    """ "kgj.co.jp" -> "co.jp", "firma.de" -> "de"; None when its top-level domain does not
    exist ("firma.corn")."""
    host = host.lower().strip(".")
    if not host:
        return None
    found: str | None = _psl().publicsuffix(host)
    return found


def known_tld(host: str) -> bool:
    """Does the host's top-level domain exist? ("firma.de" yes, "favre.ct" no)."""
    return public_suffix(host.rsplit(".", 1)[-1]) is not None


def is_public_suffix(name: str) -> bool:
    """ "co.jp", "ac.at", "de": a name under which companies register theirs."""
    return public_suffix(name) == name.lower()


def registered_label(host: str) -> str | None:
    """The label a company registered: "kaede" for kaede.ne.jp, "acme-partners" for jp.acme-partners.com,
    "mueller-schmidt" for www.mueller-schmidt.de; None for a bare suffix or an unknown one."""
    host = host.lower().strip(".")
    suffix = public_suffix(host)
    if suffix is None or host == suffix:
        return None
    head = host[: -len(suffix) - 1]
    return head.rsplit(".", 1)[-1] or None
