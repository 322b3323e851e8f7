"""vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) writer for contacts, standard library only.

One code path writes both versions; they differ only where the RFCs do (see ``_Dialect``).
Output is UTF-8 text with CRLF line ends, folded at 75 octets. Write it to a stream opened
with ``newline=""`` (and ``encoding="utf-8"``), or CRLF turns into CR CR LF on Windows.
PHOTO (``Contact.photo``, a JPEG) is embedded as base64: 3.0 ``PHOTO;ENCODING=b;TYPE=JPEG:``,
4.0 a ``data:image/jpeg;base64,`` URI; it is folded like every other line.
"""

from __future__ import annotations

import base64
import re
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TextIO

from cardscan.export._text import clean_text
from cardscan.export.base import ContactWriter
from cardscan.model import Contact, Phone

VERSIONS = ("3.0", "4.0")
PRODID = "-//cardscan//EN"

#: RFC 2426 5.8.1 / RFC 6350 3.2: lines SHOULD NOT be longer than 75 octets (without CRLF).
LINE_OCTETS = 75

#: Fixed namespace of contact_uid(): changing it would change every UID ever exported.
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:cardscan:contact")

# Phone type -> TYPE parameter values. "voice" is spelled out because some readers
# (Outlook, older Android) file a bare "cell" or "work" under "other".
_TEL_TYPES: dict[str, tuple[str, ...]] = {
    "work": ("work", "voice"),
    "mobile": ("cell", "voice"),
    "fax": ("work", "fax"),
    "other": ("voice",),
}

# Model network name -> RFC 9554 SERVICE-TYPE as the services spell themselves.
_SERVICE_NAMES = {
    "linkedin": "LinkedIn",
    "xing": "XING",
    "twitter": "Twitter",
    "x": "X",
    "github": "GitHub",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "mastodon": "Mastodon",
    "youtube": "YouTube",
}

# RFC 6350 3.3 SAFE-CHAR: a parameter value without these needs no double quotes.
_PARAM_UNSAFE = re.compile(r'[";:,]')

# A parameter: its name and one value or several (written comma-separated: TYPE=work,voice).
_Params = list[tuple[str, str | tuple[str, ...]]]


@dataclass(frozen=True)
class _Dialect:
    """Where 3.0 and 4.0 differ."""

    version: str
    tel_uri: bool  # 4.0: TEL;VALUE=uri:tel:+49...;ext=12; 3.0: TEL:+49... ext. 12
    email_type: str  # "internet" is 3.0 only; 4.0 knows work/home
    profile_property: str
    profile_param: str
    charset: bool  # 3.0 only, for Outlook; RFC 6350 dropped the CHARSET parameter


#: The extension property that names the photo a card was read from.
SOURCE_PROPERTY = "X-CARDSCAN-SOURCE"


def to_vcard(
    contact: Contact,
    *,
    version: str = "3.0",
    rev: datetime | None = None,
    uid: str | None = None,
    note: str | None = None,
    charset: bool = False,
    categories: Sequence[str] = (),
    review: bool = False,
    source: bool = False,
) -> str:
    """One contact as a vCard (CRLF line ends, folded, ending with a CRLF).

    ``rev`` defaults to now; a naive datetime is taken as UTC. ``uid`` defaults to
    :func:`contact_uid`. ``note`` is the NOTE's text. ``charset=True`` (3.0 only) adds
    ``CHARSET=UTF-8`` to non-ASCII values, which Outlook needs to read umlauts.
    ``categories`` (tags such as "lead") become CATEGORIES, each value escaped on its own.

    Nothing of the user's computer goes into a vCard unless asked: it travels on into phones
    and cloud address books. ``review=True`` adds "cardscan: please check title" to the NOTE
    when fields were read with low confidence; ``source=True`` names the photo the card was
    read from in X-CARDSCAN-SOURCE (a local path; ``batch --resume`` needs it).
    """
    dialect = _dialect(version, charset)
    lines = [
        _line("BEGIN", [], "VCARD"),
        _line("VERSION", [], version),
        *_name_lines(contact, dialect),
        *_org_lines(contact, dialect),
        *(_line("TEL", *_tel(phone, dialect)) for phone in contact.phones),
        *(
            _text_line("EMAIL", [("TYPE", dialect.email_type)], email, dialect)
            for email in contact.emails
            if _clean(email)
        ),
        *(_line("URL", [], _uri(url)) for url in _all_urls(contact)),
        *_adr_lines(contact, dialect),
        *(
            _line(dialect.profile_property, _profile_params(p.network, dialect), _uri(p.url))
            for p in contact.profiles
            if _uri(p.url)
        ),
        *_note_lines(contact, note, review, dialect),
        *_category_lines(categories, dialect),
        *_photo_lines(contact, dialect),
        # Which photo the card came from: lets `batch --resume` skip it (address books ignore X-)
        *(
            [_text_line(SOURCE_PROPERTY, [], contact.source, dialect)]
            if source and _clean(contact.source)
            else []
        ),
        _line("REV", [], _timestamp(rev)),
        _uid_line(uid if uid is not None else contact_uid(contact), dialect),
        _line("PRODID", [], PRODID),
        _line("END", [], "VCARD"),
    ]
    return "".join(_fold(line) for line in lines)


def contact_uid(contact: Contact) -> str:
    """A UID that stays the same when the same card is scanned again ("urn:uuid:...").

    Derived from the first e-mail, else the name and organisation, else the source.
    The ``urn:uuid:`` form is what RFC 6350 recommends and is valid text in 3.0 too.
    """
    if contact.emails:
        key = "email:" + _key(contact.emails[0])
    elif contact.name or contact.organization:
        full = contact.name.full if contact.name else ""
        key = "name:" + _key(full) + "\x1f" + _key(contact.organization or "")
    else:
        key = "source:" + contact.source
    return uuid.uuid5(UID_NAMESPACE, key).urn


def write_vcards(
    contacts: Iterable[Contact],
    stream: TextIO,
    *,
    version: str = "3.0",
    rev: datetime | None = None,
    note: str | None = None,
    charset: bool = False,
    review: bool = False,
    source: bool = False,
) -> int:
    """Write one vCard per contact to ``stream``; returns how many were written."""
    count = 0
    with VCardWriter(
        stream, version=version, rev=rev, note=note, charset=charset, review=review, source=source
    ) as writer:
        for contact in contacts:
            writer.write(contact)
            count += 1
    return count


class VCardWriter(ContactWriter):
    """Streams contacts as one multi-contact .vcf (each card gets its own UID)."""

    def __init__(
        self,
        stream: TextIO,
        *,
        version: str = "3.0",
        rev: datetime | None = None,
        note: str | None = None,
        charset: bool = False,
        review: bool = False,
        source: bool = False,
    ) -> None:
        super().__init__(stream)
        _dialect(version, charset)  # fail at open, not at the first card
        self._version, self._rev, self._note, self._charset = version, rev, note, charset
        self._review, self._source = review, source

    def _write(self, contact: Contact) -> None:
        card = to_vcard(
            contact,
            version=self._version,
            rev=self._rev,
            note=self._note,
            charset=self._charset,
            review=self._review,
            source=self._source,
        )
        self._stream.write(card)


# --- properties -------------------------------------------------------------------------


def _name_lines(contact: Contact, dialect: _Dialect) -> list[str]:
    """N (always, components may be empty) and FN (mandatory, never empty if avoidable)."""
    n = contact.name
    components = [n.family, n.given, None, n.prefix, n.suffix] if n else [None] * 5
    fallbacks = [
        n.full if n else None,
        contact.organization,
        contact.emails[0] if contact.emails else None,
        contact.phones[0].number if contact.phones else None,
    ]
    full = next((c for c in map(_clean, fallbacks) if c), "")
    return [
        _structured_line("N", [], components, dialect),
        _text_line("FN", [], full, dialect),
    ]


def _org_lines(contact: Contact, dialect: _Dialect) -> list[str]:
    """ORG (organisation;department, the department only when there is one) and TITLE."""
    lines = []
    components = [contact.organization]
    if _clean(contact.department):
        components.append(contact.department)
    if any(map(_clean, components)):
        lines.append(_structured_line("ORG", [], components, dialect))
    if _clean(contact.title):
        lines.append(_text_line("TITLE", [], contact.title or "", dialect))
    return lines


def _tel(phone: Phone, dialect: _Dialect) -> tuple[_Params, str]:
    """Parameters and value of one TEL property."""
    params: _Params = [("TYPE", _TEL_TYPES[phone.type])]
    # The model checks the number (E.164) but not the extension: keep its digits only.
    ext = re.sub(r"\D", "", phone.extension or "")
    if dialect.tel_uri:
        params.append(("VALUE", "uri"))
        return params, f"tel:{phone.number}" + (f";ext={ext}" if ext else "")
    return params, phone.number + (f" ext. {ext}" if ext else "")


def _all_urls(contact: Contact) -> list[str]:
    """The card's URLs, then each profile URL (not every address book shows profiles)."""
    urls = [_uri(u) for u in [*contact.urls, *(p.url for p in contact.profiles)]]
    return [u for u in dict.fromkeys(urls) if u]


def _adr_lines(contact: Contact, dialect: _Dialect) -> list[str]:
    a = contact.address
    if a is None or a.is_empty():
        return []
    # PO box; extended address; street; locality; region; postal code; country
    components = [None, None, a.street, a.city, a.region, a.postal_code, a.country]
    return [_structured_line("ADR", [("TYPE", "work")], components, dialect)]


def _profile_params(network: str, dialect: _Dialect) -> _Params:
    name = _clean(network, newlines=False)
    # 3.0: lowercase as Apple writes it; 4.0: as the service spells itself (RFC 9554).
    name = name.lower() if dialect.version == "3.0" else _SERVICE_NAMES.get(name.lower(), name)
    return [(dialect.profile_param, name)] if name else []


def _note_lines(contact: Contact, note: str | None, review: bool, dialect: _Dialect) -> list[str]:
    fields = contact.review() if review else []
    hint = f"cardscan: please check {', '.join(fields)}" if fields else ""
    text = "\n".join(t for t in (_clean(note), hint) if t)
    return [_text_line("NOTE", [], text, dialect)] if text else []


def _category_lines(categories: Sequence[str], dialect: _Dialect) -> list[str]:
    values = [_escape(c) for c in categories if _clean(c)]
    if not values:
        return []
    return [_line("CATEGORIES", _charset(",".join(values), dialect), ",".join(values))]


def _photo_lines(contact: Contact, dialect: _Dialect) -> list[str]:
    if not contact.photo:
        return []
    data = base64.b64encode(contact.photo).decode("ascii")
    if dialect.version == "3.0":
        return [_line("PHOTO", [("ENCODING", "b"), ("TYPE", "JPEG")], data)]
    return [_line("PHOTO", [], f"data:image/jpeg;base64,{data}")]


def _uid_line(uid: str, dialect: _Dialect) -> str:
    value = _clean(uid, newlines=False)
    # 4.0's UID is a URI unless marked as text; 3.0's is always text.
    params: _Params = [("VALUE", "text")] if dialect.version == "4.0" and ":" not in value else []
    return _text_line("UID", params, value, dialect)


def _timestamp(rev: datetime | None) -> str:
    when = rev or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


# --- values and lines ---------------------------------------------------------------------


def _dialect(version: str, charset: bool) -> _Dialect:
    if version not in VERSIONS:
        raise ValueError(f"vCard version {version!r} is not supported; use one of {VERSIONS}")
    if charset and version != "3.0":
        raise ValueError("CHARSET exists only in vCard 3.0 (for Outlook); 4.0 is always UTF-8")
    if version == "3.0":
        return _Dialect("3.0", False, "internet", "X-SOCIALPROFILE", "TYPE", charset)
    return _Dialect("4.0", True, "work", "SOCIALPROFILE", "SERVICE-TYPE", False)


def _clean(value: str | None, *, newlines: bool = True) -> str:
    # Outer whitespace means nothing on a card, and a folded line that holds only whitespace
    # is taken for a blank line by some readers (vobject, so Radicale): strip it.
    return clean_text(value or "", keep_newlines=newlines).strip()


def _escape(value: str | None) -> str:
    """A TEXT value (RFC 6350 3.4): backslash, comma, semicolon and newline escaped."""
    text = _clean(value)
    for raw, escaped in (("\\", "\\\\"), (",", "\\,"), (";", "\\;"), ("\n", "\\n")):
        text = text.replace(raw, escaped)
    return text


def _uri(value: str) -> str:
    """A URI value: not backslash-escaped (RFC 6350 3.4), but never more than one line."""
    return _clean(value, newlines=False)


def _text_line(name: str, params: _Params, value: str, dialect: _Dialect) -> str:
    return _line(name, [*params, *_charset(value, dialect)], _escape(value))


def _structured_line(
    name: str, params: _Params, components: Sequence[str | None], dialect: _Dialect
) -> str:
    """N, ADR, ORG: each component escaped on its own, joined with ";"."""
    joined = "".join(c or "" for c in components)
    value = ";".join(_escape(c) for c in components)
    return _line(name, [*params, *_charset(joined, dialect)], value)


def _charset(value: str, dialect: _Dialect) -> _Params:
    return [("CHARSET", "UTF-8")] if dialect.charset and not value.isascii() else []


def _line(name: str, params: _Params, value: str) -> str:
    """One unfolded content line; ``value`` is already escaped for its value type."""
    parts = [name]
    for key, values in params:
        values = (values,) if isinstance(values, str) else values
        parts.append(f";{key}=" + ",".join(_param(v) for v in values))
    return "".join([*parts, ":", value])


def _param(value: str) -> str:
    """A parameter value, double-quoted when it holds ; : or , (a DQUOTE cannot be written)."""
    value = _clean(value, newlines=False).replace('"', "")
    return f'"{value}"' if _PARAM_UNSAFE.search(value) else value


def _fold(line: str) -> str:
    """Fold at 75 octets without splitting a UTF-8 sequence; continuations start with a space."""
    out: list[str] = []
    chunk: list[str] = []
    used = 0
    limit = LINE_OCTETS
    for ch in line:
        size = len(ch.encode("utf-8"))
        if used + size > limit:
            out.append("".join(chunk))
            chunk, used, limit = [" "], 1, LINE_OCTETS
        chunk.append(ch)
        used += size
    out.append("".join(chunk))
    return "\r\n".join(out) + "\r\n"


def _key(text: str) -> str:
    """Case, Unicode form and spacing normalised, so OCR noise of that kind keeps the UID."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())
