"""QR codes on cards: decode (zxing-cpp) and parse vCard, MECARD, BIZCARD or plain-URL payloads."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

import numpy as np

from cardscan.model import Address, Contact, Name, Phone, PhoneType
from cardscan.parse.draft import Draft
from cardscan.parse.names import split_name
from cardscan.parse.phones import find_phones
from cardscan.parse.web import find_web, normalize_email, normalize_url

log = logging.getLogger(__name__)


def decode_qr(image: np.ndarray) -> list[str]:
    """Text payloads of the QR codes in an image (empty when zxing-cpp is not installed)."""
    try:
        import zxingcpp
    except ImportError:  # pragma: no cover - optional at run time
        return []
    try:
        results = zxingcpp.read_barcodes(
            image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
        )
    except (RuntimeError, ValueError) as exc:
        log.debug("QR decoding failed: %s", exc)
        return []
    return [r.text for r in results if r.valid and r.text]


def _unescape(value: str) -> str:
    return re.sub(r"\\([\\,;:nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _split_unescaped(value: str, sep: str) -> list[str]:
    return [_unescape(p) for p in re.split(rf"(?<!\\){re.escape(sep)}", value)]


def _phone(value: str, kind: PhoneType, region: str) -> Phone | None:
    finds = find_phones(value, region)
    return Phone(finds[0].phone.number, kind) if finds else None


def parse_vcard_payload(text: str, source: str, region: str) -> Contact:
    """A vCard 2.1/3.0/4.0 payload (one card) -> Contact."""
    c = Draft(source=source)
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    fn = None
    for line in unfolded.splitlines():
        if ":" not in line:
            continue
        head, value = line.split(":", 1)
        prop, *params = head.split(";")
        prop = prop.upper().split(".")[-1]
        ptext = ";".join(params).lower()
        if prop == "FN":
            fn = _unescape(value).strip()
        elif prop == "N":
            parts = (_split_unescaped(value, ";") + [""] * 5)[:5]
            family, given, _, prefix, suffix = (p.strip() for p in parts)
            full = " ".join(p for p in (prefix, given, family) if p)
            if full:
                c.name = Name(
                    full + (f", {suffix}" if suffix else ""),
                    prefix or None,
                    given or None,
                    family or None,
                    suffix or None,
                )
        elif prop == "ORG":
            parts = [p.strip() for p in _split_unescaped(value, ";")]
            c.organization = parts[0] or None
            c.department = parts[1] if len(parts) > 1 and parts[1] else None
        elif prop == "TITLE":
            c.title = _unescape(value).strip() or None
        elif prop == "TEL":
            kind: PhoneType = "fax" if "fax" in ptext else "mobile" if "cell" in ptext else "work"
            p = _phone(value.removeprefix("tel:"), kind, region)
            if p:
                c.phones.append(p)
        elif prop == "EMAIL":
            e = normalize_email(value)
            if e:
                c.emails.append(e)
        elif prop in ("URL", "X-SOCIALPROFILE", "SOCIALPROFILE"):
            _add_link(c, _unescape(value))
        elif prop == "ADR":
            parts = (_split_unescaped(value, ";") + [""] * 7)[:7]
            _, _, street, city, reg, code, country = (p.strip() or None for p in parts)
            c.address = Address(street, code, city, reg, country)
    if c.name is None and fn:
        c.name = split_name(fn)
    return c.freeze()


def _add_link(c: Draft, value: str) -> None:
    found = find_web(value)
    c.profiles += [p for p in found.profiles if p not in c.profiles]
    c.urls += [u for u in found.urls if u not in c.urls]


# MECARD "TEL:", BIZCARD "B:" (business), "M:" (mobile), "F:" (fax).
_MECARD_PHONES: dict[str, PhoneType] = {"TEL": "work", "B": "work", "M": "mobile", "F": "fax"}


def parse_mecard_payload(text: str, source: str, region: str) -> Contact:
    """MECARD:N:Last,First;TEL:...;EMAIL:...;;  and  BIZCARD:N:First;X:Last;T:...;C:...;;"""
    c = Draft(source=source)
    body = text.split(":", 1)[1]
    fields: list[tuple[str, str]] = []
    for part in _split_unescaped(body, ";"):
        if ":" in part:
            k, v = part.split(":", 1)
            fields.append((k.upper(), v.strip()))
    d = dict(fields)
    bizcard = text.upper().startswith("BIZCARD")
    if bizcard:
        given, family = d.get("N"), d.get("X")
    else:
        family, _, given = (d.get("N", "") + ",").partition(",")
        given = given.rstrip(",")
    full = " ".join(p for p in (given, family) if p)
    if full:
        c.name = Name(full, None, given or None, family or None, None)
    c.title = d.get("T") if bizcard else d.get("TITLE")
    c.organization = d.get("C") if bizcard else d.get("ORG")
    for k, v in fields:
        kind = _MECARD_PHONES.get(k)
        if kind and (k != "M" or bizcard) and (k != "F" or bizcard):
            p = _phone(v, kind, region)
            if p:
                c.phones.append(p)
        elif k in ("EMAIL", "E"):
            e = normalize_email(v)
            if e:
                c.emails.append(e)
        elif k == "URL":
            _add_link(c, v)
    return c.freeze()


def parse_payload(text: str, source: str, region: str) -> Contact | None:
    """Any supported payload -> Contact; None for payloads that carry no contact data."""
    head = text.lstrip().upper()
    if head.startswith("BEGIN:VCARD"):
        return parse_vcard_payload(text, source, region)
    if head.startswith(("MECARD:", "BIZCARD:")):
        return parse_mecard_payload(text, source, region)
    url = (
        normalize_url(text.strip())
        if re.match(r"(?i)^(https?://|www\.)\S+$", text.strip())
        else None
    )
    if url:
        c = Draft(source=source)
        _add_link(c, text.strip())
        return c.freeze()
    return None


def contact_from_qr(image: np.ndarray, *, source: str, region: str) -> Contact | None:
    """The contact data of the first QR code with a contact payload, or None."""
    for payload in decode_qr(image):
        c = parse_payload(payload, source, region)
        if c is not None:
            read = (
                "name",
                "title",
                "organization",
                "phones",
                "emails",
                "urls",
                "profiles",
                "address",
            )
            confidence = {**c.confidence, **{key: 1.0 for key in read if getattr(c, key)}}
            return replace(c, raw_text="", confidence=confidence)
    return None
