"""Push vCards to a CardDAV address book (RFC 6352): one PUT per contact, created or updated by UID.

    client = CarddavClient("https://cloud.example.com/remote.php/dav/addressbooks/users/anna/contacts/",
                           username="anna", password=secret)
    client.check()                       # wrong URL or password -> CarddavError before any upload
    for result in client.push_all(split_vcards(text)):
        print(result.status, result.name, result.reason)

Each card becomes its own resource ``<safe name from its UID>.vcf``. A new one is written with
``If-None-Match: *``; when the server answers 412 (the resource exists: the card was pushed
before) its ETag is fetched and the card is written again with ``If-Match``, so pushing the
same cards twice updates them instead of creating duplicates.

Failures that concern every card (credentials, wrong URL, server unreachable or silent) raise
:class:`~cardscan.errors.CarddavError`; a card the server refuses on its own is a failed
:class:`PushResult` and the others are still pushed. Standard library only.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import logging
import re
import socket
import ssl
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import quote, urlsplit

from cardscan.errors import CarddavError, InputError

log = logging.getLogger(__name__)

PushStatus = Literal["created", "updated", "failed"]

#: What a collection URL looks like on the servers people use, for the "wrong URL" messages.
URL_EXAMPLES = (
    "Nextcloud: https://HOST/remote.php/dav/addressbooks/users/USER/contacts/; "
    "iCloud: https://pNN-contacts.icloud.com/ID/carddav/card/ (use an app-specific password); "
    "Radicale: http://HOST:5232/USER/ADDRESSBOOK-ID/"
)

#: Namespace of the UIDs added to cards that have none: the same card text gets the same UID,
#: so pushing one file twice updates the contacts instead of duplicating them.
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:cardscan:carddav-push")

_VCARD_TYPE = "text/vcard; charset=utf-8"
_PROPFIND = (
    b'<?xml version="1.0" encoding="utf-8"?>'
    b'<propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>'
)
_ADDRESSBOOK = "{urn:ietf:params:xml:ns:carddav}addressbook"
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")


@dataclass(frozen=True)
class HttpResponse:
    """What the client needs of an HTTP answer."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)  # names lower-cased
    body: bytes = b""


#: The I/O boundary: (method, absolute URL, headers, body) -> response. Raises OSError
#: (including TimeoutError) when the server cannot be reached; tests pass a fake.
Transport = Callable[[str, str, dict[str, str], bytes | None], HttpResponse]


@dataclass(frozen=True)
class PushResult:
    """What happened to one card."""

    uid: str
    name: str  # the card's FN, for the summary
    href: str  # where it lives on the server
    status: PushStatus
    reason: str = ""  # why it failed, in words a user can act on


def http_transport(timeout: float) -> Transport:
    """A Transport on http.client: one short-lived connection per request, TLS verified."""

    def send(method: str, url: str, headers: dict[str, str], body: bytes | None) -> HttpResponse:
        parts = urlsplit(url)
        conn: http.client.HTTPConnection
        if parts.scheme == "https":
            conn = http.client.HTTPSConnection(
                parts.hostname or "",
                parts.port,
                timeout=timeout,
                context=ssl.create_default_context(),
            )
        else:
            conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
        try:
            target = parts.path or "/"
            conn.request(method, target + (f"?{parts.query}" if parts.query else ""), body, headers)
            response = conn.getresponse()
            data = response.read()
            return HttpResponse(
                response.status, {k.lower(): v for k, v in response.getheaders()}, data
            )
        except http.client.HTTPException as exc:  # a garbled or cut-off answer
            raise ConnectionError(f"bad HTTP answer ({type(exc).__name__})") from exc
        finally:
            conn.close()

    return send


class CarddavClient:
    """A CardDAV address book at ``url`` (the collection, not the server's start page)."""

    def __init__(
        self,
        url: str,
        *,
        username: str | None = None,
        password: str | None = None,
        timeout: float = 30.0,
        transport: Transport | None = None,
    ) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CarddavError(
                f"{url!r} is not an http(s) address-book URL; it looks like this: {URL_EXAMPLES}"
            )
        self.url = url if url.endswith("/") else url + "/"
        self._timeout = timeout
        self._send = transport or http_transport(timeout)
        self._headers: dict[str, str] = {"User-Agent": "cardscan"}
        if username is not None:
            token = base64.b64encode(f"{username}:{password or ''}".encode()).decode("ascii")
            self._headers["Authorization"] = f"Basic {token}"
        self._username = username

    def check(self) -> None:
        """Make sure the URL is an address book we may use; raises CarddavError otherwise."""
        response = self._request("PROPFIND", self.url, {"Depth": "0"}, _PROPFIND)
        if response.status == 207:
            if _is_addressbook(response.body):
                return
            raise CarddavError(
                f"{self.url} exists but is not an address book (a folder or the account itself?); "
                f"the address book is usually one level deeper. {URL_EXAMPLES}"
            )
        self._raise_for_collection(response)

    def push(self, card: str) -> PushResult:
        """Create or update one card; raises CarddavError only for failures of the whole push."""
        uid, name = card_uid(card), card_name(card)
        href = self.url + resource_name(uid)
        body = card.encode("utf-8")
        headers = {"Content-Type": _VCARD_TYPE}
        response = self._request("PUT", href, {**headers, "If-None-Match": "*"}, body)
        if response.status in (200, 201, 204):
            return PushResult(uid, name, href, "created")
        if response.status != 412:
            return self._failed(uid, name, href, response)
        # It exists (pushed before, by us or another device that used the same name): update it.
        current = self._request("GET", href, {}, None)
        if current.status != 200:
            return self._failed(uid, name, href, current)
        etag = current.headers.get("etag")
        update = {**headers, "If-Match": etag} if etag else headers
        response = self._request("PUT", href, update, body)
        if response.status in (200, 201, 204):
            return PushResult(uid, name, href, "updated")
        return self._failed(uid, name, href, response)

    def push_all(self, cards: Iterable[str]) -> Iterator[PushResult]:
        """push() each card in turn."""
        for card in cards:
            yield self.push(card)

    # --- HTTP and error messages ---------------------------------------------------------

    def _request(
        self, method: str, url: str, headers: dict[str, str], body: bytes | None
    ) -> HttpResponse:
        host = urlsplit(url).netloc
        try:
            response = self._send(method, url, {**self._headers, **headers}, body)
        except TimeoutError as exc:
            raise CarddavError(
                f"{host} did not answer within {self._timeout:g} s; check the address and that "
                "the server is up, or try again later"
            ) from exc
        except ssl.SSLError as exc:
            raise CarddavError(
                f"secure connection to {host} failed ({exc.reason or exc}); check the URL "
                "(http:// or https://) and the server's certificate"
            ) from exc
        except (OSError, socket.gaierror) as exc:
            raise CarddavError(
                f"cannot reach {host} ({exc.strerror or exc}); check the URL, the port and "
                "your network connection"
            ) from exc
        log.debug("%s %s -> %s", method, url, response.status)
        if response.status in (401, 403):
            raise CarddavError(self._credentials_message(response.status))
        return response

    def _credentials_message(self, status: int) -> str:
        if status == 401 and self._username is None:
            return (
                f"{self.url} wants a login; pass --username and --password-env VAR "
                "(iCloud: an app-specific password from appleid.apple.com)"
            )
        if status == 401:
            return (
                f"the server refused the login of {self._username!r} (401); check the user name "
                "and password (iCloud and Nextcloud with 2FA need an app password)"
            )
        return (
            f"{self._username or 'this login'} may not write to {self.url} (403); check the URL "
            "points to your own address book and that the account may change it"
        )

    def _raise_for_collection(self, response: HttpResponse) -> None:
        status = response.status
        if status == 404:
            raise CarddavError(
                f"no address book at {self.url} (404); copy the address-book URL from the "
                f"server's settings. {URL_EXAMPLES}"
            )
        if status in (301, 302, 307, 308):
            raise CarddavError(
                f"{self.url} redirects to {response.headers.get('location', '?')}; "
                "use the address-book URL itself"
            )
        if status == 405:
            raise CarddavError(
                f"{self.url} is not a CardDAV address book (PROPFIND not allowed); {URL_EXAMPLES}"
            )
        raise CarddavError(_status_reason(status, self.url))

    def _failed(self, uid: str, name: str, href: str, response: HttpResponse) -> PushResult:
        if response.status == 404:
            # The collection vanished between check() and this card, or check() was skipped.
            self._raise_for_collection(response)
        reason = _status_reason(response.status, href)
        log.info("%s: %s", href, reason)
        return PushResult(uid, name, href, "failed", reason)


def _status_reason(status: int, where: str) -> str:
    if status == 400:
        return "the server refused the card as invalid (400); check the vCard"
    if status == 409:
        return (
            "the server has a contact with this UID under another name, or the address book "
            "does not exist (409); delete the old contact or check the URL"
        )
    if status == 412:
        return "the contact changed on the server while it was being updated (412); push again"
    if status == 413:
        return "the card is too large for the server (413); push it without a photo"
    if status == 415:
        return "the server does not take this card's vCard version (415); try --vcard-version 3.0"
    if status == 507:
        return "the server is out of storage (507); free space on the account"
    if status >= 500:
        return f"server error {status} at {where}; try again later or ask its administrator"
    return f"unexpected answer {status} from {where}"


def _is_addressbook(body: bytes) -> bool:
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return False
    return any(el.tag == _ADDRESSBOOK for el in root.iter())


# --- vCard files: split into cards, UID, name ----------------------------------------------

_BREAK = re.compile(r"\r\n|\r|\n")


def split_vcards(text: str, *, source: str = "the file") -> list[str]:
    """The cards of a .vcf text, each with CRLF line ends and a UID (one is added if missing).

    Lines outside BEGIN:VCARD ... END:VCARD are ignored; a nested card (vCard 2.1 AGENT)
    stays inside its parent. Raises InputError when there is no card or one is not closed.
    """
    cards: list[str] = []
    current: list[str] = []
    depth = 0
    for line in _BREAK.split(text.removeprefix("\ufeff")):
        folded = line[:1] in (" ", "\t")
        word = line.strip().upper()
        if not folded and word == "BEGIN:VCARD":
            depth += 1
        if depth:
            current.append(line)
        if not folded and word == "END:VCARD" and depth:
            depth -= 1
            if not depth:
                cards.append(_with_uid(current))
                current = []
    if depth:
        raise InputError(f"{source}: the last vCard has no END:VCARD; the file is cut off")
    if not cards:
        raise InputError(f"{source}: no vCard (BEGIN:VCARD ... END:VCARD) found")
    return cards


def _unfolded(card: str) -> list[str]:
    lines: list[str] = []
    for line in _BREAK.split(card):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    return lines


def _property(card: str, name: str) -> str | None:
    """The value of the first top-level property ``name`` (a group prefix is allowed)."""
    depth = 0
    for line in _unfolded(card):
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            depth += 1
        elif word == "END:VCARD":
            depth -= 1
        elif depth == 1:
            head, sep, value = line.partition(":")
            prop = head.split(";", 1)[0].rsplit(".", 1)[-1].strip().upper()
            if sep and prop == name:
                return value.strip()
    return None


def _with_uid(lines: list[str]) -> str:
    card = "\r\n".join(lines) + "\r\n"
    if _property(card, "UID"):
        return card
    uid = uuid.uuid5(_UID_NAMESPACE, card).urn
    return "\r\n".join([*lines[:-1], f"UID:{uid}", lines[-1]]) + "\r\n"


def card_uid(card: str) -> str:
    """The card's UID (text escapes undone); ValueError when it has none."""
    value = _property(card, "UID")
    if not value:
        raise ValueError("a card without UID; split_vcards() adds one")
    return re.sub(r"\\(.)", r"\1", value)


def card_name(card: str) -> str:
    """The card's FN, unescaped, for messages ("" when it has none)."""
    value = _property(card, "FN") or ""
    return re.sub(r"\\([,;\\])", r"\1", value).replace("\\n", " ").replace("\\N", " ")


def resource_name(uid: str) -> str:
    """A file name for the card on the server: the UID where it is plain, else a hash of it."""
    plain = uid.removeprefix("urn:uuid:")
    if _SAFE_NAME.match(plain):
        return quote(plain) + ".vcf"
    return hashlib.sha256(uid.encode("utf-8")).hexdigest()[:32] + ".vcf"
