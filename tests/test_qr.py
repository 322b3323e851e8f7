"""QR payloads: vCard, MECARD, BIZCARD and plain URLs -> contact fields; decoding a drawn code."""

import numpy as np
import pytest
import segno

from cardscan.qr import contact_from_qr, parse_payload

VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Weiß-Müller;Jürgen;;Prof. Dr.;\r\nFN:Prof. Dr. Jürgen Weiß-Müller\r\n"
    "ORG:Müller & Schmidt GmbH;Einkauf\r\nTITLE:Geschäftsführer\r\nTEL;TYPE=work,voice:+49 711 1234567\r\n"
    "TEL;TYPE=cell:+49 171 2345678\r\nTEL;TYPE=work,fax:+49 711 1234568\r\nEMAIL;TYPE=internet:J.Weiss@Mueller-Schmidt.de\r\n"
    "URL:https://www.mueller-schmidt.de\r\nX-SOCIALPROFILE;TYPE=xing:https://www.xing.com/profile/J_Weiss\r\n"
    "ADR;TYPE=work:;;Königstraße 5;Stuttgart;;70173;Deutschland\r\nEND:VCARD\r\n"
)


def test_vcard_payload():
    c = parse_payload(VCARD, "x", "DE")
    assert c is not None and c.name is not None
    assert c.name.full == "Prof. Dr. Jürgen Weiß-Müller"
    assert (c.organization, c.department, c.title) == (
        "Müller & Schmidt GmbH",
        "Einkauf",
        "Geschäftsführer",
    )
    assert [(p.number, p.type) for p in c.phones] == [
        ("+497111234567", "work"),
        ("+491712345678", "mobile"),
        ("+497111234568", "fax"),
    ]
    assert c.emails == ("j.weiss@mueller-schmidt.de",)
    assert c.urls == ("https://www.mueller-schmidt.de",)
    assert [p.network for p in c.profiles] == ["xing"]
    assert c.address is not None and (c.address.street, c.address.postal_code) == (
        "Königstraße 5",
        "70173",
    )


def test_mecard_payload():
    c = parse_payload(
        "MECARD:N:Doe,Jane;TEL:+12125550147;EMAIL:jane@example.com;URL:www.example.com;;", "x", "US"
    )
    assert c is not None and c.name is not None and c.name.full == "Jane Doe"
    assert [p.number for p in c.phones] == ["+12125550147"]
    assert c.emails == ("jane@example.com",)


def test_bizcard_payload():
    c = parse_payload(
        "BIZCARD:N:Anna;X:Müller;T:CTO;C:Beispiel AG;B:+49 30 1234567;M:+49 171 2345678;E:anna@beispiel.de;;",
        "x",
        "DE",
    )
    assert c is not None and c.name is not None and c.name.full == "Anna Müller"
    assert (c.title, c.organization) == ("CTO", "Beispiel AG")
    assert {p.type for p in c.phones} == {"work", "mobile"}


@pytest.mark.parametrize("payload", ["https://www.example.de/kontakt", "www.example.de"])
def test_url_payload(payload):
    c = parse_payload(payload, "x", "DE")
    assert c is not None and c.urls and c.urls[0].startswith("https://www.example.de")


def test_other_payloads_are_ignored():
    assert parse_payload("WIFI:S:guest;T:WPA;P:secret;;", "x", "DE") is None


def test_decodes_a_drawn_code():
    qr = segno.make(VCARD, error="m")
    matrix = np.array([[0 if dark else 255 for dark in row] for row in qr.matrix], np.uint8)
    image = np.kron(matrix, np.ones((6, 6), np.uint8))
    image = np.pad(image, 40, constant_values=255)
    c = contact_from_qr(image, source="drawn", region="DE")
    assert c is not None and c.organization == "Müller & Schmidt GmbH"
    assert c.confidence["organization"] == 1.0
